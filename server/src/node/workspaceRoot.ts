/**
 * The CLI's side of workspace confinement, on the disk: finding the
 * repository root and the nearest `.carveout.yaml`, and reading only files
 * inside the root, with symbolic links resolved first.
 */
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { configCandidates, type ReadFile } from '../profile/loadWorkspaceConfig';
import { isWithin, outsideRoot, type WorkspaceRoot } from '../profile/workspaceRoot';

/** The nearest folder at or above `directory` that holds `.git` (a folder, or a file in a worktree). */
export function findRepositoryRoot(directory: string): string | undefined {
  for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
    if (statOf(path.resolve(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function statOf(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The nearest `.carveout.yaml` in `startDir` or a directory above it, stopping
 * after `stopDir` (a workspace root) or at the filesystem root. Anything but a
 * directory counts: a config that is a FIFO or a device must be reported when
 * read, not passed over. Never throws.
 */
export function findWorkspaceConfig(startDir: string, stopDir?: string): string | undefined {
  return configCandidates(startDir, stopDir, path).find((candidate) => statOf(candidate)?.isDirectory() === false);
}

/**
 * `read`, for files inside `root` only. Both paths are resolved through
 * symbolic links first, since a link inside the root may point anywhere.
 */
export function readWithin(root: WorkspaceRoot, read: ReadFile): ReadFile {
  return (file) => {
    if (!isWithin(path, realpathSync(root.path), realpathSync(file))) throw outsideRoot(root);
    return read(file);
  };
}
