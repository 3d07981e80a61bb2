/**
 * Tells what an open document is to Carveout: a spec to analyse, the
 * workspace file `.carveout.yaml`, a contract profile to validate, or another
 * YAML file that is none of these and is left alone.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKSPACE_CONFIG_NAME } from '../profile/loadWorkspaceConfig';

export type DocumentKind = 'spec' | 'workspace-config' | 'profile' | 'other';

/** Profile files are recognised by name; other names count when a setting or config names them. */
export const PROFILE_SUFFIX = '.carveout.yaml';

/** The file-system path of a `file:` URI; undefined for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function documentKind(uri: string, isNamedProfile: (path: string) => boolean = () => false): DocumentKind {
  const path = uriToPath(uri);
  if (path === undefined) return 'spec';
  const name = basename(path);
  if (name === WORKSPACE_CONFIG_NAME) return 'workspace-config';
  if (name.toLowerCase().endsWith(PROFILE_SUFFIX) || isNamedProfile(path)) return 'profile';
  // A YAML file no config or setting names yet is not a spec, whatever the client sent it for.
  if (/\.ya?ml$/i.test(name)) return 'other';
  return 'spec';
}
