/**
 * Reading a workspace's config and profile files through the runtime, which
 * may be the disk or the client. The loaders in `profile/` are synchronous
 * and shared with the CLI, so the files they need are read here first: the
 * config, then the profile it names, each confined to the workspace root.
 */
import { configCandidates, profileFileOf, type ReadFile } from '../profile/loadWorkspaceConfig';
import type { WorkspaceConfig } from '../profile/profileTypes';
import { isWithin, outsideRoot, type WorkspaceRoot } from '../profile/workspaceRoot';
import { MAX_SOURCE_BYTES, type ServerRuntime } from '../runtime/serverRuntime';

export type ReadSource = (file: string) => Promise<string>;

/** Reads a profile or config within the size limit. */
export function readSource(runtime: ServerRuntime): ReadSource {
  return (file) => runtime.files.readFile(file, MAX_SOURCE_BYTES);
}

/**
 * `read`, for files inside `root` only. Both paths are resolved through
 * symbolic links first, since a link inside the root may point anywhere.
 */
export function readWithin(runtime: ServerRuntime, root: WorkspaceRoot, read: ReadSource): ReadSource {
  return async (file) => {
    const files = runtime.files;
    if (!isWithin(runtime.paths, await files.realPath(root.path), await files.realPath(file))) throw outsideRoot(root);
    return read(file);
  };
}

/** The nearest `.carveout.yaml` from `startDir` up to `stopDir`; anything but a directory counts, so that a FIFO is reported when read. */
export async function findWorkspaceConfig(runtime: ServerRuntime, startDir: string, stopDir: string | undefined): Promise<string | undefined> {
  for (const candidate of configCandidates(startDir, stopDir, runtime.paths)) {
    const info = await runtime.files.stat(candidate);
    if (info !== undefined && info.kind !== 'directory') return candidate;
  }
  return undefined;
}

/**
 * Reads the profile `config` names, and gives the synchronous reader that
 * `loadWorkspace` takes: it answers with that file's text, or throws what
 * reading it threw.
 */
export async function readAhead(runtime: ServerRuntime, config: WorkspaceConfig, configFile: string, read: ReadSource): Promise<ReadFile> {
  const named = profileFileOf(config, configFile, runtime.paths);
  let outcome: { text: string } | { error: unknown } | undefined;
  if (named !== undefined) {
    try {
      outcome = { text: await read(named) };
    } catch (error) {
      outcome = { error };
    }
  }
  return (file) => {
    if (file !== named || outcome === undefined) throw new Error('it was not read ahead');
    if ('error' in outcome) throw outcome.error;
    return outcome.text;
  };
}
