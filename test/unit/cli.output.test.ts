/**
 * Where the CLI's output goes: a reader that stops early (`| head -1`) ends
 * the run quietly with the exit code of the findings, a full disk is an
 * error that says so, exit 2.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../dist/cli.js');
/** A spec with enough findings that its text output is larger than any pipe buffer. */
const MANY_FINDINGS = `---\nclassification: api\nlaunch: 2025-11-03\n---\n${'The API is served from AWS regions.\n\n'.repeat(3000)}`;

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'carveout-output-'));
  writeFileSync(join(root, 'api.pspec.md'), MANY_FINDINGS);
  return root;
}

function shell(cwd: string, command: string): { stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CLI, NODE: process.execPath } });
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('output to a closed pipe or a full disk', { skip: process.platform === 'win32' && 'needs bash and /dev/full' }, () => {
  for (const [failOn, code] of [['error', '1'], ['never', '0']] as const) {
    it(`a reader that stops early ends the run quietly with the --fail-on ${failOn} exit code`, () => {
      const result = shell(workspace(), `"$NODE" "$CLI" check . --fail-on ${failOn} | head -1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`);
      assert.equal(result.stdout.trim(), `exit ${code}`);
      assert.doesNotMatch(result.stderr, /EPIPE|Error|^\s+at /m);
    });
  }

  it('a full disk is an error on standard error, exit 2', { skip: !existsSync('/dev/full') && 'no /dev/full' }, () => {
    const result = shell(workspace(), `"$NODE" "$CLI" check . --format json > /dev/full; echo "exit $?"`);
    assert.equal(result.stdout.trim(), 'exit 2');
    assert.match(result.stderr, /^carveout: cannot write the output: ENOSPC: no space left on device/m);
    assert.doesNotMatch(result.stderr, /^\s+at /m);
  });
});
