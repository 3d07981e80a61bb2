/**
 * `carveout check --baseline`: each SARIF result says whether the baseline
 * run had it, matched by file, rule and the words of the statement rather
 * than the line; `--new-only` fails only on new findings.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Log } from 'sarif';
import { carveout, sarifSchemaErrors, workspace } from './cliSupport';

const FRONT = '---\nclassification: api\nserved-on: [aws, gcp]\nlaunch: 2025-11-03\n---\n';
const AWS = 'The API is served from AWS regions.\n';
const GCP = 'The batch API runs on Google Cloud.\n';

/** The spec's folder with a baseline log of `before` written to base.sarif, and the spec then changed to `after`. */
function changed(before: string, after: string, config?: string): string {
  const root = workspace({ 'api.pspec.md': before, ...(config ? { '.carveout.yaml': config } : {}) });
  const base = carveout(root, ['check', '.', '--format', 'sarif']);
  writeFileSync(join(root, 'base.sarif'), base.stdout);
  writeFileSync(join(root, 'api.pspec.md'), after);
  return root;
}

function states(root: string, ...extra: string[]): [string | undefined, string | undefined, number | undefined][] {
  const result = carveout(root, ['check', '.', '--format', 'sarif', '--baseline', 'base.sarif', ...extra]);
  const log = JSON.parse(result.stdout) as Log;
  assert.deepEqual(sarifSchemaErrors(log), []);
  return log.runs[0].results!.map((item) => [item.ruleId, item.baselineState, item.locations?.[0].physicalLocation?.region?.startLine]);
}

describe('carveout check --baseline', () => {
  it('keeps a finding unchanged when lines are added above it, and marks a new statement new', () => {
    const root = changed(`${FRONT}${AWS}`, `${FRONT}# Hosting\n\nIntro.\n\n${AWS}\n${GCP}`);
    assert.deepEqual(states(root), [
      ['api-exclusivity', 'unchanged', 10],
      ['api-exclusivity', 'new', 12],
    ]);
  });

  it('reports a finding whose statement is gone as absent, and a reworded one as new', () => {
    const root = changed(`${FRONT}${AWS}\n${GCP}`, `${FRONT}The API is served from AWS regions worldwide.\n`);
    assert.deepEqual(states(root), [
      ['api-exclusivity', 'new', 6],
      ['api-exclusivity', 'absent', 6],
      ['api-exclusivity', 'absent', 8],
    ]);
  });

  it('calls a finding updated when its severity changed', () => {
    const root = changed(`${FRONT}${AWS}`, `${FRONT}${AWS}`);
    writeFileSync(join(root, '.carveout.yaml'), 'severity:\n  api-exclusivity: warning\n');
    assert.deepEqual(states(root), [['api-exclusivity', 'updated', 6]]);
  });

  it('counts two identical statements as two findings', () => {
    const root = changed(`${FRONT}${AWS}`, `${FRONT}${AWS}\n${AWS}`);
    assert.deepEqual(states(root), [
      ['api-exclusivity', 'unchanged', 6],
      ['api-exclusivity', 'new', 8],
    ]);
  });

  it('--new-only fails only on new findings at the --fail-on level', () => {
    const unchanged = changed(`${FRONT}${AWS}`, `${FRONT}\n${AWS}`);
    assert.equal(carveout(unchanged, ['check', '.', '--baseline', 'base.sarif', '--new-only']).status, 0);
    assert.equal(carveout(unchanged, ['check', '.', '--baseline', 'base.sarif']).status, 1, 'without --new-only every error counts');
    const added = changed(`${FRONT}${AWS}`, `${FRONT}${AWS}\n${GCP}`);
    const result = carveout(added, ['check', '.', '--baseline', 'base.sarif', '--new-only']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Against the baseline: 1 new, 0 updated, 1 unchanged, 0 absent\./);
  });

  it('refuses --new-only without a baseline, and a baseline that is not a SARIF log, without quoting it', () => {
    const root = workspace({ 'api.pspec.md': `${FRONT}${AWS}`, 'secret.sarif': 'token=ghp_abc123\n', 'other.sarif': '{"version":"1.0"}' });
    const usage = carveout(root, ['check', '.', '--new-only']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--new-only needs --baseline/);
    const notJson = carveout(root, ['check', '.', '--baseline', 'secret.sarif']);
    assert.equal(notJson.status, 2);
    assert.match(notJson.stderr, /secret\.sarif: error input cannot read the baseline: it is not JSON/);
    assert.ok(!notJson.stderr.includes('ghp_abc123'));
    assert.match(carveout(root, ['check', '.', '--baseline', 'other.sarif']).stderr, /the baseline is not a SARIF 2\.1\.0 log/);
    assert.match(carveout(root, ['check', '.', '--baseline', 'missing.sarif']).stderr, /missing\.sarif: error input cannot read the baseline: ENOENT/);
  });

  it('writes a fingerprint of rule and statement into every result, also without a baseline', () => {
    const root = workspace({ 'a.pspec.md': `${FRONT}${AWS}`, 'b.pspec.md': `${FRONT}\n\n${AWS}` });
    const log = JSON.parse(carveout(root, ['check', '.', '--format', 'sarif']).stdout) as Log;
    const prints = log.runs[0].results!.map((item) => item.partialFingerprints?.['carveoutStatement/v1']);
    assert.equal(prints.length, 2);
    assert.match(prints[0]!, /^[0-9a-f]{32}$/);
    assert.equal(prints[0], prints[1], 'the same rule on the same words, on another line');
    assert.equal(log.runs[0].results![0].baselineState, undefined);
  });
});
