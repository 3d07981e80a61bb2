/**
 * Profile files that are not regular files, or are too large, are refused
 * before they are read, with a clear message and exit code 2: a FIFO would
 * block forever, a device never ends, and a huge file would be read whole.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { carveout, workspace } from './cliSupport';

const SPEC = '---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\nThe API is served from AWS regions.\n';



describe('profile files that are not regular files', { skip: process.platform === 'win32' && 'FIFOs and /dev are POSIX' }, () => {
  it('--profile naming a FIFO exits 2 at once instead of blocking', () => {
    const root = workspace({ 'api.pspec.md': SPEC });
    execFileSync('mkfifo', [join(root, 'profile.yaml')]);
    const result = carveout(root, ['check', 'api.pspec.md', '--profile', 'profile.yaml']);
    assert.equal(result.signal, null, 'the CLI blocked and was killed');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^profile\.yaml:1:1 error profile Cannot read the profile: it is a pipe, not a regular file/m);
  });

  it('--profile /dev/zero exits 2 instead of running out of memory', () => {
    const result = carveout(workspace({ 'api.pspec.md': SPEC }), ['check', 'api.pspec.md', '--profile', '/dev/zero']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Cannot read the profile: it is a device, not a regular file/);
  });

  it('--profile /dev/stdin fed by a pipe exits 2', () => {
    const result = carveout(workspace({ 'api.pspec.md': SPEC }), ['check', 'api.pspec.md', '--profile', '/dev/stdin'], { input: 'id: x\n' });
    assert.equal(result.status, 2);
    // Node gives a child's standard input as a pipe or a socket, depending on the platform.
    assert.match(result.stderr, /Cannot read the profile: it is a (pipe|socket), not a regular file/);
  });

  it('a profile over the size limit is refused by its size', () => {
    const root = workspace({ 'api.pspec.md': SPEC, 'huge.yaml': `# ${'x'.repeat(1_100_000)}\n` });
    const result = carveout(root, ['check', 'api.pspec.md', '--profile', 'huge.yaml']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Cannot read the profile: it has 1100003 bytes; files over 1000000 bytes are not read/);
  });

  it(".carveout.yaml's profile naming a FIFO is a config problem, exit 2", () => {
    const root = workspace({ 'api.pspec.md': SPEC, '.carveout.yaml': 'profile: profile.yaml\n' });
    execFileSync('mkfifo', [join(root, 'profile.yaml')]);
    const result = carveout(root, ['check', 'api.pspec.md']);
    assert.equal(result.signal, null, 'the CLI blocked and was killed');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.carveout\.yaml:1:10 error profile Cannot read the profile "profile\.yaml" \(it is a pipe, not a regular file\)/);
  });

  it('a .carveout.yaml that is a FIFO is a problem, exit 2', () => {
    const root = workspace({ 'api.pspec.md': SPEC });
    execFileSync('mkfifo', [join(root, '.carveout.yaml')]);
    const result = carveout(root, ['check', 'api.pspec.md']);
    assert.equal(result.signal, null, 'the CLI blocked and was killed');
    assert.equal(result.status, 2);
  });
});

describe('what --profile warns about', () => {
  it('a gap between regimes is printed as a warning and does not stop the run', () => {
    const store = readFileSync(join(__dirname, '../../samples/profiles/store-exclusive/store.profile.yaml'), 'utf8');
    const gapped = store.replace('    from: 2027-01-01\n', '    from: 2027-03-01\n');
    assert.notEqual(gapped, store, 'the worked example has the regime start this test moves');
    const root = workspace({ 'store.profile.yaml': gapped, 'notes.md': 'No specs here.\n' });
    const result = carveout(root, ['check', '.', '--profile', 'store.profile.yaml']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /^store\.profile\.yaml:\d+:\d+ warning profile No regime is in force from 2027-01-01/m);
  });
});
