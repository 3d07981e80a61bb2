// Bundles the extension client, the language server and the CLI for Node, and the client and the server again for
// the browser (vscode.dev, github.dev), where the server runs in a web worker.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { noNodeBuiltins } from './scripts/build/noNodeBuiltins.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const NODE = { platform: 'node', format: 'cjs', target: 'node20' };
// The web worker extension host loads the client as CommonJS; the server is a plain worker script.
const BROWSER_CLIENT = { platform: 'browser', format: 'cjs', target: 'es2022' };
const BROWSER_WORKER = { platform: 'browser', format: 'iife', target: 'es2022' };

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'], ...NODE },
  { in: 'server/src/server.ts', out: 'server', external: [], ...NODE },
  { in: 'server/src/cli.ts', out: 'cli', external: [], ...NODE },
  { in: 'client/src/browserExtension.ts', out: 'browserClient', external: ['vscode'], ...BROWSER_CLIENT },
  { in: 'server/src/browserServer.ts', out: 'browserServer', external: [], ...BROWSER_WORKER },
].filter((entry) => existsSync(entry.in));

const contexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      platform: entry.platform,
      format: entry.format,
      target: entry.target,
      outdir: 'dist',
      external: entry.external,
      sourcemap: production ? false : 'linked',
      minify: production,
      define: { CARVEOUT_VERSION: JSON.stringify(version) },
      plugins: entry.platform === 'browser' ? [noNodeBuiltins(`dist/${entry.out}.js`)] : [],
      logLevel: 'warning',
    }),
  ),
);

// A production build writes no source maps, so it removes those of an earlier development build: they would
// describe other bundles than the minified ones beside them.
if (production) for (const entry of entries) rmSync(`dist/${entry.out}.js.map`, { force: true });

// The JSON Schemas ship in the VSIX for the YAML extension's `yamlValidation`. Their
// file names match their `$id`s, so the relative `$ref`s between them resolve.
mkdirSync('dist/schemas', { recursive: true });
copyFileSync('server/src/profile/profile.schema.json', 'dist/schemas/profile.json');
copyFileSync('server/src/profile/workspace.schema.json', 'dist/schemas/workspace.json');

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching the Node and browser bundles');
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
