/**
 * Tells what an open document is to Carveout: a spec to analyse, the
 * workspace file `.carveout.yaml`, or a contract profile to validate.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKSPACE_CONFIG_NAME } from '../profile/loadWorkspaceConfig';

export type DocumentKind = 'spec' | 'workspace-config' | 'profile';

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
  return 'spec';
}
