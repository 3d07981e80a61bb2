/**
 * The folder a workspace's own files are confined to. A `.carveout.yaml` is
 * written by whoever wrote the repository, so it may name only files inside
 * it: otherwise a cloned repository could make Carveout read, and echo in a
 * problem, a file such as `~/.git-credentials`. Its discovery stops at the
 * same folder, so that a config above the repository never applies to it.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReadFile } from './loadWorkspaceConfig';

/** A folder that workspace files must stay in, and how messages name it. */
export interface WorkspaceRoot {
  path: string;
  /** For example "the repository" or "the workspace folder". */
  name: string;
}

/** The nearest folder at or above `directory` that holds `.git` (a folder, or a file in a worktree). */
export function findRepositoryRoot(directory: string): string | undefined {
  for (let dir = resolve(directory); ; dir = dirname(dir)) {
    if (exists(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is `root` or inside it, lexically. */
export function isWithin(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/**
 * `read`, for files inside `root` only. Both paths are resolved through
 * symbolic links first, since a link inside the root may point anywhere.
 */
export function readWithin(root: WorkspaceRoot, read: ReadFile): ReadFile {
  return (file) => {
    if (!isWithin(realpathSync(root.path), realpathSync(file))) {
      throw new Error(`it is outside ${root.name} ${root.path}, and a workspace config may name only files inside it`);
    }
    return read(file);
  };
}
