/**
 * The bundles and their source maps: every map in the output folder belongs
 * to the bundle beside it, also after a production build replaced the
 * bundles of a development build in the same folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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
  for (const name of ['client', 'server', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(REPO, name), join(scratch, name));
  copyFileSync(join(REPO, 'esbuild.mjs'), join(scratch, 'esbuild.mjs'));
  build();
  const dist = build('--production');
  for (const map of readdirSync(dist).filter((file) => file.endsWith('.js.map'))) {
    const bundle = readFileSync(join(dist, map.slice(0, -'.map'.length)), 'utf8');
    assert.ok(bundle.trimEnd().endsWith(`//# sourceMappingURL=${map}`), `${map} is not the source map of the bundle beside it`);
  }
});
