/**
 * The `carveout` CLI as CI runs it: the bundled dist/cli.js in a child
 * process, on spec files written to a temporary folder.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { carveout, sarifSchemaErrors, workspace } from './cliSupport';
import type { Log } from 'sarif';


const API_ON_AWS = '---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\n# Hosting\nThe API is served from AWS regions.\n';
const APP_ON_AWS = '---\nclassification: non-api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\nThe consumer app runs on AWS.\n';



test('text output is file:line:col severity rule message, and errors exit 1', () => {
  const root = workspace({ 'specs/api.pspec.md': API_ON_AWS, 'specs/app.pspec.md': APP_ON_AWS, 'notes.md': API_ON_AWS });
  const result = carveout(root, ['check', 'specs']);
  assert.equal(result.status, 1);
  assert.deepEqual(
    result.stdout.trim().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['specs/api.pspec.md:7:1 error api-exclusivity', 'specs/app.pspec.md:6:1 information non-api-carve-out'],
  );
  assert.match(result.stderr, /2 spec\(s\) checked: 1 error\(s\)/);
});

test('--fail-on decides which severities fail the run', () => {
  const root = workspace({ 'app.pspec.md': APP_ON_AWS, 'api.pspec.md': API_ON_AWS });
  assert.equal(carveout(root, ['check', 'app.pspec.md']).status, 0);
  assert.equal(carveout(root, ['check', 'api.pspec.md', '--fail-on', 'never']).status, 0);
  assert.equal(carveout(root, ['check', 'api.pspec.md', '--fail-on', 'warning']).status, 1);
});

test('--regime and --as-of change the terms applied', () => {
  const root = workspace({ 'api.pspec.md': API_ON_AWS });
  assert.match(carveout(root, ['check', 'api.pspec.md', '--regime', '2019-07']).stdout, / error exclusive-cloud /);
  assert.match(carveout(root, ['check', 'api.pspec.md', '--as-of', '2026-06-01']).stdout, / warning azure-first /);
});

test('usage, unknown regimes, bad dates and missing files exit 2 with a message', () => {
  const root = workspace({ 'api.pspec.md': API_ON_AWS });
  for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--regime', '1999-01'], ['check', '--as-of', 'tomorrow'], ['check', 'missing.pspec.md']]) {
    const result = carveout(root, [...args]);
    assert.equal(result.status, 2, args.join(' '));
    assert.ok(result.stderr.length > 0, args.join(' '));
  }
});

test('a binary file is an input error, not a crash', () => {
  const root = workspace({});
  writeFileSync(join(root, 'blob.pspec'), Buffer.from([0x00, 0xff, 0x10, 0x00]));
  const result = carveout(root, ['check', 'blob.pspec']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /blob\.pspec: error input cannot check it/);
});

test('a broken --profile is reported with file, line and column and exits 2', () => {
  const root = workspace({ 'api.pspec.md': API_ON_AWS, 'broken.yaml': 'id: x\nrules: [\n' });
  const result = carveout(root, ['check', 'api.pspec.md', '--profile', 'broken.yaml']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^broken\.yaml:\d+:\d+ error profile /m);
});

test('the nearest .carveout.yaml sets the regime and severity overrides', () => {
  const root = workspace({
    '.carveout.yaml': 'regime: 2025-10\nseverity:\n  api-exclusivity: warning\n',
    'team/api.pspec.md': '---\nclassification: api\nserved-on: [aws]\n---\nThe API is served from AWS.\n',
  });
  const result = carveout(root, ['check', 'team']);
  assert.match(result.stdout, /team\/api\.pspec\.md:5:1 warning api-exclusivity /);
  assert.equal(result.status, 0);
});

test('a broken .carveout.yaml is reported, no spec is checked under another contract, and the run exits 2', () => {
  const root = workspace({ '.carveout.yaml': 'regime: [\n', 'api.pspec.md': API_ON_AWS });
  const result = carveout(root, ['check', '.']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /\.carveout\.yaml:\d+:\d+ error profile /);
  assert.equal(result.stdout, '');
});

test('a broken profile named in .carveout.yaml gives no SARIF results from the built-in profile, and exits 2 as --profile does', () => {
  const root = workspace({ '.carveout.yaml': 'profile: contract.yaml\n', 'contract.yaml': 'id: broken\ntitle: Broken\n', 'api.pspec.md': API_ON_AWS });
  const viaConfig = carveout(root, ['check', '.', '--format', 'sarif']);
  const viaFlag = carveout(root, ['check', 'api.pspec.md', '--format', 'sarif', '--profile', 'contract.yaml']);
  assert.deepEqual([viaConfig.status, viaConfig.stdout], [2, '']);
  assert.deepEqual([viaFlag.status, viaFlag.stdout], [2, '']);
  assert.match(viaConfig.stderr, /contract\.yaml:1:1 error profile Missing required property "disclaimer"\./);
});

test('JSON output lists every finding with 1-based ranges and waivers', () => {
  const waived = API_ON_AWS.replace('# Hosting\n', '# Hosting\n<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-1 -->\n');
  const root = workspace({ 'api.pspec.md': waived });
  const result = carveout(root, ['check', 'api.pspec.md', '--format', 'json']);
  assert.equal(result.status, 0);
  const output = JSON.parse(result.stdout);
  assert.deepEqual(output.files[0].findings[0].range, { startLine: 8, startColumn: 1, endLine: 8, endColumn: 36 });
  assert.deepEqual(output.files[0].findings[0].waived, { approver: 'Dana Reyes', approvedOn: '2026-03-02', expires: '2027-03-02', reference: 'LEGAL-1' });
});

test('SARIF output validates against the SARIF 2.1.0 schema and carries rules, clauses and suppressions', () => {
  const waived = APP_ON_AWS.replace('---\nThe', '---\n<!-- carveout-waive non-api-carve-out: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-2 -->\nThe');
  const root = workspace({ 'api.pspec.md': API_ON_AWS, 'app.pspec.md': waived });
  const result = carveout(root, ['check', '.', '--format', 'sarif']);
  assert.equal(result.status, 1);
  const log = JSON.parse(result.stdout) as Log;
  assert.deepEqual(sarifSchemaErrors(log), []);
  const run = log.runs[0];
  const results = run.results!;
  assert.deepEqual(
    results.map((item) => [item.ruleId, item.level, item.locations![0].physicalLocation!.artifactLocation!.uri, item.locations![0].physicalLocation!.region]),
    [
      ['api-exclusivity', 'error', 'api.pspec.md', { startLine: 7, startColumn: 1, endLine: 7, endColumn: 36 }],
      ['non-api-carve-out', 'note', 'app.pspec.md', { startLine: 7, startColumn: 1, endLine: 7, endColumn: 30 }],
    ],
  );
  assert.deepEqual(results[0].properties!.clauses, ['MSFT-OAI-2025-10-API-EXCL', 'MSFT-OAI-2025-10-3P-API', 'MSFT-OAI-2025-01-API-EXCL']);
  assert.equal(results[1].suppressions![0].kind, 'inSource');
  const rule = run.tool.driver.rules!.find((item) => item.id === 'api-exclusivity')!;
  assert.match(rule.help!.text, /MSFT-OAI-2025-10-3P-API/);
  assert.equal(results[0].ruleIndex, run.tool.driver.rules!.indexOf(rule));
});

test('specs matched by the ignore globs of .carveout.yaml are not checked', () => {
  const root = workspace({ '.carveout.yaml': 'ignore: [drafts/**]\n', 'drafts/api.pspec.md': API_ON_AWS, 'final/api.pspec.md': API_ON_AWS });
  const result = carveout(root, ['check', '.']);
  assert.deepEqual(
    result.stdout.trim().split('\n').map((line) => line.split(':')[0]),
    ['final/api.pspec.md'],
  );
});

test('many specs are checked on worker threads with the same output, in file order', () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 90; index++) files[`specs/spec-${String(index).padStart(3, '0')}.pspec.md`] = index % 2 === 0 ? API_ON_AWS : APP_ON_AWS;
  const root = workspace(files);
  writeFileSync(join(root, 'specs', 'spec-045.pspec.md'), Buffer.from([0x00, 0x01]));
  const result = carveout(root, ['check', 'specs']);
  assert.equal(result.status, 2);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 89);
  assert.deepEqual(
    lines.slice(0, 3).map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['specs/spec-000.pspec.md:7:1 error api-exclusivity', 'specs/spec-001.pspec.md:6:1 information non-api-carve-out', 'specs/spec-002.pspec.md:7:1 error api-exclusivity'],
  );
  assert.match(result.stderr, /spec-045\.pspec\.md: error input cannot check it: it contains NUL bytes/);
  assert.match(result.stderr, /89 spec\(s\) checked/);
});
