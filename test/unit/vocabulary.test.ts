/**
 * The vocabulary as people write it: verbs named by lemma match every
 * inflection, region patterns expand to literal names, and a verb class
 * says what a claim is about and where its venue stands.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { expandPattern, MAX_PATTERN_NAMES } from '../../server/src/core/expandPattern';
import { inflectPhrase, verbForms } from '../../server/src/core/inflectPhrase';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

test('a verb gets its third-person, past and -ing forms, with doubled and dropped letters', () => {
  assert.deepEqual(verbForms('rent').sort(), ['rent', 'rented', 'renting', 'rents']);
  assert.deepEqual(verbForms('lease').sort(), ['lease', 'leased', 'leases', 'leasing']);
  assert.ok(verbForms('ship').includes('shipped') && verbForms('ship').includes('shipping'));
  assert.ok(verbForms('commit').includes('committed'));
  assert.deepEqual(verbForms('deploy').sort(), ['deploy', 'deployed', 'deploying', 'deploys']);
  assert.ok(verbForms('reroute').includes('rerouting') && verbForms('push').includes('pushes'));
});

test('a lemma phrase inflects its verb and keeps its particles; irregular forms come from the profile', () => {
  assert.ok(inflectPhrase('spin up', { spin: ['spun'] }).includes('spun up'));
  assert.ok(inflectPhrase('fail over', {}).includes('failing over'));
  assert.ok(inflectPhrase('co-develop with', {}).includes('co-developed with'));
  assert.deepEqual(inflectPhrase('gpu*', {}), ['gpu*']);
});

test('a region pattern expands like shell braces, and refuses what it cannot expand', () => {
  assert.deepEqual(expandPattern('{us,eu}-{east,west}-{1..2}'), ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-east-1', 'eu-east-2', 'eu-west-1', 'eu-west-2']);
  assert.deepEqual(expandPattern('east{,2}'), ['east', 'east2']);
  assert.equal(expandPattern('{us,eu'), undefined);
  assert.equal(expandPattern('{a,{b}}'), undefined);
  assert.equal(expandPattern('{9..1}'), undefined);
  assert.equal(expandPattern(`{1..${MAX_PATTERN_NAMES}}-{1..2}`), undefined);
});

/** Rules that fire on the last line of a spec with the given front matter. */
function rulesOn(front: string, text: string, regime: string): string[] {
  const document = `---\n${front}\n---\n${text}\n`;
  const lastLine = document.lastIndexOf('\n', document.length - 2) + 1;
  return analyze(document, loadBuiltinProfile(), { regime, today: '2026-11-26' })
    .findings.filter((finding) => finding.span.start >= lastLine)
    .map((finding) => finding.rule)
    .sort();
}

test('every inflection of a class verb ties the product to the venue after it', () => {
  const front = 'classification: api\nserved-on: [azure, gcp, aws]';
  assert.deepEqual(rulesOn(front, "We'll spin up the inference workers in Google Cloud.", '2025-10'), ['api-exclusivity']);
  assert.deepEqual(rulesOn(front, 'The endpoint was spun up in us-east-1 last week.', '2025-10'), ['api-exclusivity']);
  assert.deepEqual(rulesOn(front, 'The API session cache sits in a Spanner instance.', '2025-10'), ['api-exclusivity']);
});

test('acquiring capacity is about capacity, and a venue that leases is not where we lease', () => {
  const front = 'classification: api\nserved-on: [azure, coreweave, aws]';
  assert.deepEqual(rulesOn(front, 'We are renting 4,000 more nodes from CoreWeave for the summer.', '2025-01'), ['rofr-capacity']);
  assert.deepEqual(rulesOn(front, 'AWS has committed to faster cold starts by GA.', '2026-04'), []);
  assert.deepEqual(rulesOn('classification: api\nserved-on: [azure, oci]', 'We take a 20k-GPU block from Oracle for training.', '2025-01'), ['rofr-capacity']);
});

test('moving traffic ties it to where it goes, not where it leaves', () => {
  const front = 'classification: api\nserved-on: [azure, gcp]';
  assert.deepEqual(rulesOn(front, 'During incidents, API sessions fail over from Azure to asia-northeast1.', '2025-10'), ['api-exclusivity']);
  assert.deepEqual(rulesOn(front, 'If Azure cannot absorb the spike, API overflow bursts to Google Cloud.', '2025-10'), ['api-exclusivity']);
  assert.deepEqual(rulesOn(front, 'API traffic was moved to Azure from Google Cloud in March.', '2025-10'), []);
});
