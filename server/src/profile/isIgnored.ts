/**
 * Whether a `.carveout.yaml`'s `ignore` globs exclude a spec. Globs are
 * relative to the folder of the config file, as in `.gitignore`.
 */
import { compileGlob, matchGlob, type Glob } from './matchGlob';
import type { DataIssue } from './problems';
import type { WorkspaceConfig } from './profileTypes';
import type { PathOps } from '../runtime/serverRuntime';

/** Compiled globs per config, since every spec under a config is matched against the same list. */
const compiled = new WeakMap<readonly string[], Glob[]>();

export function isIgnored(file: string, config: WorkspaceConfig, configFile: string | undefined, paths: PathOps): boolean {
  if (!configFile || !config.ignore || config.ignore.length === 0) return false;
  const path = paths.relative(paths.dirname(configFile), file).split(paths.sep).join('/');
  if (path.startsWith('../')) return false;
  let globs = compiled.get(config.ignore);
  if (!globs) {
    // A config with a glob that does not compile has a problem and is not used, so none is skipped here in practice.
    globs = config.ignore.map(compileGlob).filter((glob): glob is Glob => !('error' in glob));
    compiled.set(config.ignore, globs);
  }
  return globs.some((glob) => matchGlob(glob, path));
}

/** A problem for each `ignore` glob that uses syntax the matcher does not know. */
export function checkIgnoreGlobs(config: WorkspaceConfig): DataIssue[] {
  const issues: DataIssue[] = [];
  (config.ignore ?? []).forEach((pattern, index) => {
    const glob = compileGlob(pattern);
    if ('error' in glob) issues.push({ path: ['ignore', index], message: `The glob "${pattern}" is not supported: ${glob.error}.` });
  });
  return issues;
}
