/**
 * Whether a `.carveout.yaml`'s `ignore` globs exclude a spec. Globs are
 * relative to the folder of the config file, as in `.gitignore`.
 */
import type Picomatch from 'picomatch';
import { dirname, relative, sep } from 'node:path';
import type { WorkspaceConfig } from './profileTypes';

export function isIgnored(file: string, config: WorkspaceConfig, configFile: string | undefined): boolean {
  if (!configFile || !config.ignore || config.ignore.length === 0) return false;
  const path = relative(dirname(configFile), file).split(sep).join('/');
  if (path.startsWith('../')) return false;
  // Loaded on first use: few workspaces set `ignore`, and the language server starts faster without it.
  const picomatch = require('picomatch') as typeof Picomatch;
  return picomatch(config.ignore, { dot: true })(path);
}
