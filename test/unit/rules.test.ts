import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rules, run, spec } from './testSupport';

function rulesOf(front: string | undefined, body: string, regime?: string): string[] {
  return rules(run(spec(front, body), regime ? { regime } : {}));
}

test('a statement that ties an API to another cloud breaks API exclusivity', () => {
  assert.deepEqual(rulesOf(undefined, 'Developers call the stateless REST endpoint served from AWS regions.\n', '2025-10'), ['api-exclusivity']);
});

test('negations, contrasts and non-hosting mentions are not hosting claims', () => {
  const front = 'classification: api\nserved-on: [azure]';
  for (const sentence of [
    'It will not be hosted on Google Cloud.',
    'The API is served on Azure instead of AWS.',
    'Customers sign in with their AWS IAM credentials.',
    'We migrated off Google Cloud last year.',
  ]) {
    assert.deepEqual(rulesOf(front, `${sentence}\n`, '2025-10'), [], sentence);
  }
});

test('document facts fill in the surface a statement leaves out', () => {
  assert.deepEqual(rulesOf('classification: api', 'The product is served from AWS regions.\n', '2025-10'), ['api-exclusivity']);
  assert.deepEqual(rulesOf('classification: non-api', 'The product is served from AWS regions.\n', '2025-10'), ['non-api-carve-out']);
});

test('the front-matter field is flagged when no sentence ties the product to a cloud', () => {
  const text = spec('classification: api\nserved-on: [aws]', 'Developers call the REST endpoint.\n');
  const analysis = run(text, { regime: '2025-10' });
  assert.deepEqual(
    analysis.findings.map((finding) => [finding.rule, text.slice(finding.span.start, finding.span.end)]),
    [['api-exclusivity', 'served-on: [aws]']],
  );
});

test('the national-security carve-out excuses API exclusivity and is reported as information', () => {
  const findings = run(spec('classification: api\ncustomers: [us-national-security]\nserved-on: [aws]', 'The API is served from AWS GovCloud.\n'), { regime: '2025-10' }).findings;
  assert.deepEqual(
    findings.map((finding) => [finding.rule, finding.severity]),
    [['natsec-carve-out', 'information']],
  );
});

test('the carve-out does not apply when the product also serves other customers', () => {
  assert.deepEqual(rulesOf('classification: api\ncustomers: [us-national-security, enterprise]\nserved-on: [aws]', 'The API is served from AWS GovCloud.\n', '2025-10'), [
    'api-exclusivity',
  ]);
});

test('a stateful runtime built with a third party is contested under the 2026-02 terms, not an API breach', () => {
  assert.deepEqual(
    rulesOf('co-developed-with: [Amazon]\nserved-on: [aws]', 'The stateful runtime environment runs on Amazon Bedrock.\n', '2026-02'),
    ['stateful-runtime'],
  );
});

test('first-party non-API products off Azure are flagged under 2026-02 and carved out under 2025-10', () => {
  const front = 'classification: non-api\nco-developed-with: []\nserved-on: [gcp]';
  assert.deepEqual(rulesOf(front, 'The consumer app is hosted on Google Cloud.\n', '2026-02'), ['first-party-azure']);
  assert.deepEqual(rulesOf(front, 'The consumer app is hosted on Google Cloud.\n', '2025-10'), ['non-api-carve-out']);
});

test('a product that ships first on another cloud breaks the Azure-first term; shipping on both does not', () => {
  assert.deepEqual(rulesOf('served-on: [aws, azure]', 'The app ships first on AWS, with Azure following in Q3.\n', '2026-04'), ['azure-first']);
  assert.deepEqual(rulesOf('served-on: [aws, azure]', 'The app is available on AWS.\n', '2026-04'), []);
  assert.deepEqual(rulesOf('served-on: [aws]', 'The app is available on AWS.\n', '2026-04'), ['azure-first']);
});

test('new compute capacity off Azure falls under the right of first refusal in 2025-01 only', () => {
  const body = 'We will add training capacity of 50,000 GPUs on CoreWeave.\n';
  assert.deepEqual(rulesOf(undefined, body, '2025-01'), ['rofr-capacity']);
  assert.deepEqual(rulesOf(undefined, body, '2025-10'), []);
});

test('an open-weight release must meet the capability criteria', () => {
  assert.deepEqual(rulesOf(undefined, 'We will release open weights for the 20B model.\n', '2026-04'), ['open-weights-criteria']);
});

test('a statement that contradicts the front matter is a declaration mismatch', () => {
  assert.deepEqual(rulesOf('classification: non-api\nserved-on: [azure]', 'Developers call the REST endpoint.\n', '2025-10'), ['declaration-mismatch']);
  assert.deepEqual(rulesOf('co-developed-with: []\nserved-on: [azure]', 'The app is jointly developed with Amazon.\n', '2025-10'), ['declaration-mismatch']);
});

test('an off-Azure product with API and non-API surfaces and no classification is undetermined', () => {
  const body = 'The mobile app is hosted on Oracle Cloud.\n\nPartners call the API key protected endpoint.\n';
  assert.deepEqual(rulesOf('product: Remix', body, '2025-10'), ['classification-undetermined', 'non-api-carve-out']);
  // A document that declares no product (a wiki page, a roadmap) names many, each of one class: only a statement naming both is flagged.
  assert.deepEqual(rulesOf(undefined, body, '2025-10'), ['non-api-carve-out']);
  assert.ok(rulesOf(undefined, `${body}\nThe mobile app and the API both run on Oracle Cloud.\n`, '2025-10').includes('classification-undetermined'));
});

test('severity overrides change or silence a rule', () => {
  const text = spec('classification: api', 'The API is served from AWS.\n');
  assert.deepEqual(
    run(text, { regime: '2025-10', severity: { 'api-exclusivity': 'warning' } }).findings.map((finding) => finding.severity),
    ['warning'],
  );
  assert.deepEqual(run(text, { regime: '2025-10', severity: { 'api-exclusivity': 'off' } }).findings, []);
});

test('a question inside a list item claims nothing, and its answer is still read', () => {
  const front = 'classification: api\nserved-on: [azure]';
  assert.deepEqual(rulesOf(front, '- **Does it run on Google Cloud?** No.\n', '2025-10'), []);
  assert.deepEqual(rulesOf(front, '- **Where does it run?** The endpoint is served from Google Cloud.\n', '2025-10'), ['api-exclusivity', 'declaration-mismatch']);
});

test('clouds listed after a hosting verb are all tied, across the commas of the list', () => {
  const findings = run(spec('classification: api\nserved-on: [azure, aws, oci]', 'The API is served from Azure Government, AWS GovCloud and Oracle Cloud.\n'), { regime: '2025-10' }).findings;
  assert.deepEqual(
    findings.map((finding) => [finding.rule, finding.evidence.filter((item) => item.facet === 'cloud' && item.value !== 'tie').map((item) => item.value)]),
    [['api-exclusivity', ['aws', 'oci']]],
  );
});
