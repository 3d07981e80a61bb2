import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { loadBuiltinProfile, parseProfile } from '../../server/src/profile/loadProfile';
import { describe, run, spec } from './testSupport';

test('an empty file gives no findings and no error', () => {
  const analysis = run('');
  assert.deepEqual([analysis.findings, analysis.statements], [[], []]);
});

test('malformed front-matter YAML is reported where it breaks and the body is still checked', () => {
  const text = spec('classification: [api\nserved-on: aws', 'The API is served from AWS.\n', '\n');
  const analysis = run(text, { regime: '2025-10' });
  const invalid = analysis.findings.filter((finding) => finding.rule === 'invalid-front-matter');
  assert.ok(invalid.length > 0);
  assert.ok(invalid.every((finding) => finding.span.start >= 4 && finding.span.end <= text.indexOf('\n---')));
  assert.ok(analysis.findings.some((finding) => finding.rule === 'api-exclusivity'));
});

test('unknown keys are warnings and unknown values are errors, each on its own range', () => {
  const text = spec('classificaton: api\nserved-on: [aws, moon-cloud]\nclassification: apii\nlaunch: next spring', 'Body.\n');
  const findings = run(text)
    .findings.filter((finding) => finding.rule === 'invalid-front-matter')
    .map((finding) => [finding.severity, text.slice(finding.span.start, finding.span.end)]);
  assert.deepEqual(findings, [
    ['warning', 'classificaton'],
    ['error', 'moon-cloud'],
    ['error', 'apii'],
    ['error', 'next spring'],
  ]);
});

test('cloud aliases are accepted as front-matter values', () => {
  const analysis = run(spec('served-on: [Amazon Bedrock, Google Cloud]', 'Body.\n'));
  assert.deepEqual(analysis.facts.servedOn, ['aws', 'gcp']);
  assert.deepEqual(
    analysis.findings.filter((finding) => finding.rule === 'invalid-front-matter'),
    [],
  );
});

test('binary bytes do not break the analysis', () => {
  const text = spec('classification: api', `\u0000\u0001\u0002\uFFFD garbage \u0000 The API is served from AWS.\n`);
  const analysis = run(text, { regime: '2025-10' });
  assert.deepEqual(
    analysis.findings.map((finding) => finding.rule),
    ['api-exclusivity'],
  );
});

test('a 5 MB spec is analysed completely', () => {
  const paragraph = 'The consumer app keeps chat history for thirty days. Support staff answer tickets within a day.\n\n';
  const text = `${spec('classification: api\nserved-on: [azure]', '')}${paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))}The API is served from AWS.\n`;
  assert.ok(text.length > 5_000_000);
  const findings = run(text, { regime: '2025-10' }).findings;
  assert.deepEqual(
    findings.map((finding) => finding.rule),
    ['api-exclusivity', 'declaration-mismatch'],
  );
});

test('front matter that is a list or a scalar is reported, not thrown', () => {
  for (const front of ['- a\n- b', 'just words', 'key: {nested: map}']) {
    const text = spec(front, 'Body.\n');
    const findings = run(text).findings;
    assert.ok(
      findings.some((finding) => finding.rule === 'invalid-front-matter'),
      describe(text, findings).join(', ') || front,
    );
  }
});

test('a broken profile gives positioned problems instead of a crash', () => {
  const { profile, problems } = parseProfile('id: x\nrules: [\n', 'broken.yaml');
  assert.equal(profile, undefined);
  assert.ok(problems.length > 0);
  assert.equal(problems[0].file, 'broken.yaml');
  assert.ok(problems[0].line >= 1 && problems[0].column >= 1);
});

test('random text never throws', () => {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pieces = ['---', '\n', '\r\n', '|', '-', '#', '`', '<!--', '-->', 'AWS', 'API', 'not', ' ', 'served from', '😀', '\t', ':', '[', ']', 'carveout-waive', '.', 'instead of'];
  for (let round = 0; round < 300; round++) {
    let text = '';
    for (let i = 0; i < 60; i++) text += pieces[Math.floor(random() * pieces.length)];
    assert.doesNotThrow(() => analyze(text, loadBuiltinProfile(), {}), text);
  }
});

test('dates that are not on the calendar are refused in front matter and waivers alike', () => {
  const text = spec('launch: 2026-02-30', '<!-- carveout-waive azure-first: approved by Dana on 2026-13-01, expires 2027-13-01, ref L-1 -->\nBody.\n');
  const findings = run(text).findings.map((finding) => [finding.rule, text.slice(finding.span.start, finding.span.end).slice(0, 20)]);
  assert.deepEqual(findings, [
    ['invalid-front-matter', '2026-02-30'],
    ['waiver-incomplete', '<!-- carveout-waive '],
  ]);
});
