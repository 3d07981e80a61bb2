// Bundles the extension client, the language server and the CLI for Node, and the client and the server again for
// the browser (vscode.dev, github.dev), where the server runs in a web worker.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { noNodeBuiltins } from './scripts/build/noNodeBuiltins.mjs';
import { shareBundle } from './scripts/build/shareBundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const NODE = { platform: 'node', format: 'cjs', target: 'node20' };
// The web worker extension host loads the client as CommonJS. The server is a plain worker script, which also
// exports startServer to Node through the footer.
const BROWSER_CLIENT = { platform: 'browser', format: 'cjs', target: 'es2022' };
const BROWSER_WORKER = {
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  globalName: 'carveoutServer',
  footer: { js: "if (typeof module === 'object' && module.exports) module.exports = carveoutServer;" },
};

const CLIENT_SHARES = [{ path: './activateCarveout' }, { path: 'vscode-languageclient' }];
// The Node server takes the common parts of the language-server library from the browser bundle too, and bundles
// only its Node transports: there must be one copy of JSON-RPC, since the connection tells an error answer (a
// cancelled request) from a result by the error's class. The library's common API re-exports the protocol's.
const LIBRARY_NODE = (name) => new RegExp(`${name}[\\\\/]lib[\\\\/]node[\\\\/]`);
const SERVER_SHARES = [
  { path: './startServer' },
  { path: 'vscode-jsonrpc', member: 'jsonrpc' },
  { path: 'vscode-languageserver', member: 'languageServer' },
  { path: '../common/api', importer: LIBRARY_NODE('vscode-jsonrpc'), member: 'jsonrpc' },
  { path: '../common/api', importer: LIBRARY_NODE('vscode-languageserver-protocol'), member: 'languageServer' },
  { path: '../common/api', importer: LIBRARY_NODE('vscode-languageserver'), member: 'languageServer' },
  { path: '../common/server', importer: LIBRARY_NODE('vscode-languageserver'), member: 'languageServer' },
];

// The VSIX budget (400 KB) holds each body of code once: the desktop entries are thin, and load the browser
// bundles for the client (activation, commands, views, the language client) and the server (startServer and all
// it uses). The CLI ships outside the VSIX and stays whole.
const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'], ...NODE, shared: shareBundle('./browserClient.js', CLIENT_SHARES) },
  { in: 'server/src/server.ts', out: 'server', external: [], ...NODE, shared: shareBundle('./browserServer.js', SERVER_SHARES) },
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
      globalName: entry.globalName,
      footer: entry.footer,
      outdir: 'dist',
      external: entry.external,
      sourcemap: production ? false : 'linked',
      minify: production,
      define: { CARVEOUT_VERSION: JSON.stringify(version) },
      plugins: entry.platform === 'browser' ? [noNodeBuiltins(`dist/${entry.out}.js`)] : entry.shared ? [entry.shared] : [],
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
