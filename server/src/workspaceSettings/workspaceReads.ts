/**
 * Reading a workspace's config and profile files through the runtime, which
 * may be the disk or the client. The loaders in `profile/` are synchronous
 * and shared with the CLI, so the files they need are read here first: the
 * config, then the profile it names and the profiles that one extends, each
 * confined to the workspace root.
 */
import { extendedProfileFile } from '../profile/loadProfile';
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

/** How many files deep reading ahead follows `extends`; the loader refuses deeper chains anyway. */
const MAX_READ_AHEAD = 9;

/**
 * Reads a profile file and the profile files it extends, in turn, and gives
 * the synchronous reader the loaders take: it answers with each file's text,
 * or throws what reading it threw. `first.text` is the editor's text of the
 * first file, when it is open.
 */
export async function readProfilesAhead(runtime: ServerRuntime, first: { file: string; text?: string } | undefined, read: ReadSource): Promise<ReadFile> {
  const outcomes = new Map<string, { text: string } | { error: unknown }>();
  let file = first?.file;
  let text = first?.text;
  while (file !== undefined && !outcomes.has(file) && outcomes.size < MAX_READ_AHEAD) {
    if (text === undefined) {
      try {
        text = await read(file);
      } catch (error) {
        outcomes.set(file, { error });
        break;
      }
    }
    outcomes.set(file, { text });
    file = extendedProfileFile(text, file, runtime.paths);
    text = undefined;
  }
  return (wanted) => {
    const outcome = outcomes.get(wanted);
    if (outcome === undefined) throw new Error('it was not read ahead');
    if ('error' in outcome) throw outcome.error;
    return outcome.text;
  };
}

/** Reads the profile `config` names, and the files it extends, for `loadWorkspace`. */
export function readAhead(runtime: ServerRuntime, config: WorkspaceConfig, configFile: string, read: ReadSource): Promise<ReadFile> {
  const named = profileFileOf(config, configFile, runtime.paths);
  return readProfilesAhead(runtime, named === undefined ? undefined : { file: named }, read);
}
