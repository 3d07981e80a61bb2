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

/** Snippets a writer types: words that flip facets, structure, and front-matter edits. */
const INSERTS = [
  ' not',
  ' on AWS',
  ' served from Google Cloud',
  ' instead of Bedrock',
  '\n\n',
  '. ',
  '\n- The API runs on Oracle Cloud.\n',
  '\n## Non-goals\n',
  '\n## Hosting\n',
  'classification: non-api\n',
  ' the stateless endpoint',
  '<!-- carveout-waive api-exclusivity: approved by Dana on 2026-01-01, expires 2027-01-01, ref L-1 -->\n',
  '| Surface | Cloud |\n|---|---|\n| API | AWS |\n',
  '😀',
  '\r\n',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

test('incremental analysis with a facet cache equals full analysis under random edit sequences', () => {
  const next = random(42);
  let edits = 0;
  for (const original of texts) {
    let text = original;
    const cache = new FacetCache();
    analyze(text, profile, { today: TODAY }, cache);
    const edit = (): void => {
      const at = Math.floor(next() * (text.length + 1));
      if (next() < 0.35 && text.length > 0) {
        const length = 1 + Math.floor(next() * Math.min(40, text.length - at));
        text = text.slice(0, at) + text.slice(at + length);
      } else {
        text = text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
      }
    };
    for (let step = 0; step < 40; step++) {
      // Sometimes two places change between analyses, as with a replace-all or an undo.
      edit();
      if (next() < 0.2) edit();
      const incremental = analyze(text, profile, { today: TODAY }, cache);
      const full = analyze(text, profile, { today: TODAY });
      assert.deepEqual(incremental.findings, full.findings, `findings differ after edit ${step}`);
      assert.deepEqual(incremental, full, `analyses differ after edit ${step}`);
      edits++;
    }
  }
  assert.ok(edits >= 40 * texts.length);
});

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
