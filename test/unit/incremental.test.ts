import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { FacetCache } from '../../server/src/core/facetCache';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { TODAY } from './testSupport';

const profile = loadBuiltinProfile();
const SAMPLES = resolve(__dirname, '../../samples');
const texts = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.pspec.md'))
  .map((name) => readFileSync(resolve(SAMPLES, name), 'utf8'));

// Random edit sequences are in properties.test.ts.

test('a keystroke re-reads only the statement it touched', () => {
  const text = texts[0];
  const cache = new FacetCache();
  analyze(text, profile, { today: TODAY }, cache);
  const firstMisses = cache.misses;
  assert.ok(firstMisses >= 5);
  const middle = text.indexOf('\n', Math.floor(text.length / 2));
  analyze(`${text.slice(0, middle)} x${text.slice(middle)}`, profile, { today: TODAY }, cache);
  assert.equal(cache.misses, 1);
  assert.equal(cache.hits, firstMisses - 1);
});

test('an edited front matter still updates the findings of untouched statements', () => {
  const text = '---\nclassification: api\nlaunch: 2025-11-03\n---\nThe product is served from AWS regions.\n';
  const cache = new FacetCache();
  assert.deepEqual(
    analyze(text, profile, { today: TODAY }, cache).findings.map((finding) => finding.rule),
    ['api-exclusivity'],
  );
  assert.deepEqual(
    analyze(text.replace('classification: api', 'classification: non-api'), profile, { today: TODAY }, cache).findings.map((finding) => finding.rule),
    ['non-api-carve-out'],
  );
});

test('a table row is read again when its header cell changes in place, even at the same length', () => {
  const text = ['---', 'classification: api', 'launch: 2025-11-03', '---', '| Surface | Cloud |', '|---|---|', '| Stateless API | AWS |', ''].join('\n');
  const edited = text.replace('| Cloud |', '| Owner |');
  const cache = new FacetCache();
  assert.deepEqual(
    analyze(text, profile, { today: TODAY }, cache).findings.map((finding) => finding.rule),
    ['api-exclusivity'],
  );
  assert.deepEqual(analyze(edited, profile, { today: TODAY }, cache), analyze(edited, profile, { today: TODAY }));
  assert.deepEqual(analyze(edited, profile, { today: TODAY }).findings, []);
});

test('a statement that leans on the one before it is re-read when that one changes', () => {
  // The document names the app and the API either way, so only the list item before the pronoun changes.
  const text = ['---', 'product: Remix', 'launch: 2025-12-01', '---', 'Remix is a mobile app for clips, with a partner API.', '', '- The Remix API lets partners post clips with an API key.', '- It runs on GKE in us-east4.', ''].join('\n');
  const edited = text.replace('The Remix API lets partners post clips with an API key.', 'Remix lets partners post clips.');
  const cache = new FacetCache();
  assert.ok(analyze(text, profile, { today: TODAY }, cache).findings.some((finding) => finding.rule === 'api-exclusivity'));
  assert.deepEqual(analyze(edited, profile, { today: TODAY }, cache), analyze(edited, profile, { today: TODAY }));
});

test('a statement that uses a site name is re-read when the table defining it changes', () => {
  const text = ['---', 'classification: non-api', 'launch: 2025-12-01', '---', '| Lease | Provider |', '|---|---|', '| Lease B | CoreWeave |', '', '- The desktop app is served from Lease B.', ''].join('\n');
  // The document's facts stay the same (a row on CoreWeave either way), so only the name's meaning changes.
  const edited = text.replace('| Lease B | CoreWeave |', '| Lease C | CoreWeave |');
  const cache = new FacetCache();
  // The row and the list item that uses its name.
  assert.equal(analyze(text, profile, { today: TODAY }, cache).findings.filter((finding) => finding.rule === 'non-api-carve-out').length, 2);
  assert.deepEqual(analyze(edited, profile, { today: TODAY }, cache), analyze(edited, profile, { today: TODAY }));
});
