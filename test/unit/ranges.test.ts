import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, run, spec } from './testSupport';

const FRONT = 'classification: api\nserved-on: [aws]\nlaunch: 2025-11-03';

test('a finding covers its statement exactly with LF line endings', () => {
  const text = spec(FRONT, '# Hosting\nIntro. The API is served from AWS regions.\n');
  assert.deepEqual(describe(text, run(text).findings), ['api-exclusivity@7:8-7:43']);
});

test('CRLF line endings give the same lines and columns as LF', () => {
  const lf = spec(FRONT, '# Hosting\nIntro. The API is served from AWS regions.\n');
  const crlf = spec(FRONT, '# Hosting\nIntro. The API is served from AWS regions.\n', '\r\n');
  assert.deepEqual(describe(crlf, run(crlf).findings), describe(lf, run(lf).findings));
});

test('emoji and tabs count as UTF-16 code units in columns', () => {
  const text = spec(FRONT, '🚀\tLaunch: the API is served from AWS regions.\n');
  const finding = run(text).findings[0];
  assert.equal(text.slice(finding.span.start, finding.span.end), '🚀\tLaunch: the API is served from AWS regions.');
  assert.deepEqual(describe(text, [finding]), ['api-exclusivity@6:1-6:47']);
  const aws = finding.evidence.find((item) => item.facet === 'cloud' && item.value === 'aws')!;
  assert.equal(text.slice(aws.span.start, aws.span.end), 'AWS');
});

test('a byte-order mark before the front matter is tolerated and counted', () => {
  const text = `\uFEFF${spec(FRONT, 'The API is served from AWS.\n')}`;
  const analysis = run(text);
  assert.equal(analysis.facts.classification, 'api');
  assert.deepEqual(describe(text, analysis.findings), ['api-exclusivity@6:1-6:28']);
});

test('a multi-line sentence keeps its full range across the line break', () => {
  const text = spec(FRONT, 'The API is served\nfrom AWS regions.\n');
  assert.deepEqual(describe(text, run(text).findings), ['api-exclusivity@6:1-7:18']);
});
