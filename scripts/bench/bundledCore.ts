/**
 * The analysis core as the extension ships it: bundled and minified by
 * esbuild, like `npm run vscode:prepublish` builds dist/server.js. Timing the
 * TypeScript sources through the test loader instead would add the loader's
 * own helpers to every function call.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { analyze } from '../../server/src/core/analyze';
import type { FacetCache } from '../../server/src/core/facetCache';
import type { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

export interface Core {
  analyze: typeof analyze;
  FacetCache: typeof FacetCache;
  loadBuiltinProfile: typeof loadBuiltinProfile;
}

export function bundledCore(root: string): Core {
  const outfile = join(mkdtempSync(join(tmpdir(), 'carveout-bench-core-')), 'core.js');
  buildSync({
    stdin: {
      contents: [
        "export { analyze } from './server/src/core/analyze';",
        "export { FacetCache } from './server/src/core/facetCache';",
        "export { loadBuiltinProfile } from './server/src/profile/loadProfile';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    outfile,
    logLevel: 'warning',
  });
  return require(outfile) as Core;
}
