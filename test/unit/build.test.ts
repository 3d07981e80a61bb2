/**
 * The bundles and their source maps: every map in the output folder belongs
 * to the bundle beside it, also after a production build replaced the
 * bundles of a development build in the same folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const REPO = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'carveout-build-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The output folder of a build in a scratch copy of the build inputs, so that the repository's dist/ stays as it is. */
function build(...args: string[]): string {
  execFileSync(process.execPath, ['esbuild.mjs', ...args], { cwd: scratch, stdio: 'pipe' });
  return join(scratch, 'dist');
}

test('every source map in dist/ belongs to the bundle beside it, after a development then a production build', { timeout: 120_000 }, () => {
  for (const name of ['client', 'server', 'scripts', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(REPO, name), join(scratch, name));
  copyFileSync(join(REPO, 'esbuild.mjs'), join(scratch, 'esbuild.mjs'));
  build();
  const dist = build('--production');
  for (const map of readdirSync(dist).filter((file) => file.endsWith('.js.map'))) {
    const bundle = readFileSync(join(dist, map.slice(0, -'.map'.length)), 'utf8');
    assert.ok(bundle.trimEnd().endsWith(`//# sourceMappingURL=${map}`), `${map} is not the source map of the bundle beside it`);
  }
});

test('a browser bundle that imports a Node built-in fails to build, naming the importer', { timeout: 60_000 }, async () => {
  const esbuild = await import('esbuild');
  const { noNodeBuiltins } = (await import(join(REPO, 'scripts/build/noNodeBuiltins.mjs'))) as {
    noNodeBuiltins(bundle: string): import('esbuild').Plugin;
  };
  const entry = join(scratch, 'usesFs.ts');
  writeFileSync(entry, "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
  await assert.rejects(
    esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [noNodeBuiltins('dist/test.js')] }),
    (error: Error) => /dist\/test\.js runs in a web worker and must not use the Node built-in "node:fs" \(imported by .*usesFs\.ts\)/.test(error.message),
  );
  // The same source without Node passes, so the check is on the import, not on the build.
  writeFileSync(entry, 'export const read = (text: string) => text;\n');
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [noNodeBuiltins('dist/test.js')] });
});
