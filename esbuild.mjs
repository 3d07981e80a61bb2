// Bundles the extension client, the language server and the CLI.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [] },
  { in: 'server/src/cli.ts', out: 'cli', external: [] },
].filter((entry) => existsSync(entry.in));

const contexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outdir: 'dist',
      external: entry.external,
      sourcemap: production ? false : 'linked',
      minify: production,
      define: { CARVEOUT_VERSION: JSON.stringify(version) },
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
  console.log('esbuild: watching client, server and cli');
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
