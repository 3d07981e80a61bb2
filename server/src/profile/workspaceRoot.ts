/**
 * The folder a workspace's own files are confined to. A `.carveout.yaml` is
 * written by whoever wrote the repository, so it may name only files inside
 * it: otherwise a cloned repository could make Carveout read, and echo in a
 * problem, a file such as `~/.git-credentials`. Its discovery stops at the
 * same folder, so that a config above the repository never applies to it.
 * The checks here are lexical; the runtimes resolve symbolic links first.
 */
import type { PathOps } from '../runtime/serverRuntime';

/** A folder that workspace files must stay in, and how messages name it. */
export interface WorkspaceRoot {
  path: string;
  /** For example "the repository" or "the workspace folder". */
  name: string;
}

/** Whether `path` is `root` or inside it, lexically. */
export function isWithin(paths: PathOps, root: string, path: string): boolean {
  const rest = paths.relative(root, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${paths.sep}`) && !paths.isAbsolute(rest));
}

/** Why a file outside the root is not read; worded to follow "Cannot read …". */
export function outsideRoot(root: WorkspaceRoot): Error {
  return new Error(`it is outside ${root.name} ${root.path}, and a workspace config may name only files inside it`);
}
