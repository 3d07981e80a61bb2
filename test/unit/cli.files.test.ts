/**
 * Which files `carveout check` finds in the folders it is given: symbolic
 * links are followed, each spec and folder once however many links lead to
 * it, and a folder that cannot be read is an input error, never a silent skip.
 */
import assert from 'node:assert/strict';
import type { SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { carveout, CLI, workspace } from './cliSupport';

const API_ON_AWS = '---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\nThe API is served from AWS regions.\n';



function checkedFiles(stdout: string): string[] {
  return stdout.trim().split('\n').filter(Boolean).map((line) => line.split(':')[0]);
}

describe('files found in folders', { skip: process.platform === 'win32' && 'symbolic links and modes are POSIX here' }, () => {
  it('a symbolic link to a spec is checked', () => {
    const root = workspace({ 'elsewhere/target.md': API_ON_AWS, 'specs/real.pspec.md': API_ON_AWS });
    symlinkSync(join(root, 'elsewhere', 'target.md'), join(root, 'specs', 'linked.pspec.md'));
    const result = carveout(root, ['check', 'specs']);
    assert.equal(result.status, 1);
    assert.deepEqual(checkedFiles(result.stdout), ['specs/linked.pspec.md', 'specs/real.pspec.md']);
  });

  it('a symbolic link to a folder is walked, and a link back up does not loop', () => {
    const root = workspace({ 'shared/api.pspec.md': API_ON_AWS, 'specs/own.pspec.md': API_ON_AWS });
    symlinkSync(join(root, 'shared'), join(root, 'specs', 'shared'));
    symlinkSync(join(root, 'specs'), join(root, 'specs', 'loop'));
    const result = carveout(root, ['check', 'specs']);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(checkedFiles(result.stdout), ['specs/own.pspec.md', 'specs/shared/api.pspec.md']);
  });

  it('a dangling link named like a spec is an input error', () => {
    const root = workspace({ 'specs/own.pspec.md': API_ON_AWS });
    symlinkSync(join(root, 'gone.pspec.md'), join(root, 'specs', 'dangling.pspec.md'));
    const result = carveout(root, ['check', 'specs']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^specs\/dangling\.pspec\.md: error input cannot read it: /m);
  });

  it('a folder that cannot be read is an input error that names it, exit 2', () => {
    const root = workspace({ 'specs/own.pspec.md': API_ON_AWS, 'specs/locked/hidden.pspec.md': API_ON_AWS });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'specs', 'locked'), 0o000);
    // Root reads any folder, so as root the check runs as an unprivileged user, from a copy of the bundle that this
    // user can read wherever the repository is.
    let cli = CLI;
    let asUser: SpawnSyncOptions = {};
    if (process.getuid?.() === 0) {
      cli = join(root, 'cli.js');
      copyFileSync(CLI, cli);
      asUser = { uid: 65534, gid: 65534 };
    }
    const result = carveout(root, ['check', 'specs', '--fail-on', 'never'], asUser, cli);
    chmodSync(join(root, 'specs', 'locked'), 0o755);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /^specs\/locked: error input cannot read it: EACCES/m);
    assert.deepEqual(checkedFiles(result.stdout), ['specs/own.pspec.md']);
  });
});
