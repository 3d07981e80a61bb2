/**
 * Tells what an open document is to Carveout: a spec to analyse, the
 * workspace file `.carveout.yaml`, a contract profile to validate, or another
 * YAML file that is none of these and is left alone.
 */
import { WORKSPACE_CONFIG_NAME } from '../profile/loadWorkspaceConfig';
import type { PathOps } from '../runtime/serverRuntime';

export type DocumentKind = 'spec' | 'workspace-config' | 'profile' | 'other';

/** Profile files are recognised by name; other names count when a setting or config names them. */
export const PROFILE_SUFFIX = '.carveout.yaml';

/** The kind of the document at `path`; a document with no path (untitled) is a spec, as the client only sends those. */
export function documentKind(path: string | undefined, paths: PathOps, isNamedProfile: (path: string) => boolean = () => false): DocumentKind {
  if (path === undefined) return 'spec';
  const name = paths.basename(path);
  if (name === WORKSPACE_CONFIG_NAME) return 'workspace-config';
  if (name.toLowerCase().endsWith(PROFILE_SUFFIX) || isNamedProfile(path)) return 'profile';
  // A YAML file no config or setting names yet is not a spec, whatever the client sent it for.
  if (/\.ya?ml$/i.test(name)) return 'other';
  return 'spec';
}
