/**
 * Properties of the analysis core on random input: it never throws, every
 * range lies inside the text and never splits a UTF-16 surrogate pair, and
 * incremental analysis after random edit sequences equals a full analysis.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { FacetCache } from '../../server/src/core/facetCache';
import type { Analysis, Span } from '../../server/src/core/types';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { FUZZ_SEED, fuzzParameters } from './fuzzSettings';
import { TODAY } from './testSupport';

const profile = loadBuiltinProfile();
const SAMPLES = resolve(__dirname, '../../samples');
const samples = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.pspec.md'))
  .map((name) => readFileSync(resolve(SAMPLES, name), 'utf8'));

console.log(`property seed ${FUZZ_SEED} (replay with CARVEOUT_FUZZ_SEED=${FUZZ_SEED})`);

/** Pieces a writer types: words that flip facets, structure, front matter, odd characters. */
const PIECES = [
  ' not',
  ' on AWS',
  ' served from Google Cloud',
  ' instead of Bedrock',
  '\n\n',
  '. ',
  '\n- The API runs on Oracle Cloud.\n',
  '\n## Non-goals\n',
  '\n## Hosting\n',
  '---\n',
  'classification: non-api\n',
  'served-on: [aws, gcp]\n',
  ' the stateless endpoint',
  '<!-- carveout-waive api-exclusivity: approved by Dana on 2026-01-01, expires 2027-01-01, ref L-1 -->\n',
  '| Surface | Cloud |\n|---|---|\n| API | AWS |\n',
  '```\nAWS\n```\n',
  '😀',
  '\r\n',
  '\r',
  '\u0000',
  '\u200b',
  'А',
  ' AW\u200bS',
  ' \u0410WS',
  ' \uff21\uff37\uff33',
  ' \u{1d400}\u{1d416}\u{1d412}',
  '\u202e',
  '\u0301',
  ' **AW**S',
  ' AW<!-- -->S',
  ' &#65;WS',
  '&#',
  '*',
];

const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${span.start}-${span.end} outside 0-${text.length}`);
  assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `${what} ${span.start}-${span.end} splits a surrogate pair`);
}

function assertRanges(text: string, analysis: Analysis): void {
  for (const statement of analysis.statements) assertSpan(text, statement.span, 'statement');
  for (const finding of analysis.findings) {
    assertSpan(text, finding.span, `${finding.rule} finding`);
    for (const evidence of finding.evidence) assertSpan(text, evidence.span, `${finding.rule} evidence`);
  }
  for (const heading of analysis.headings) assertSpan(text, heading.span, 'heading');
}

describe('properties of the analysis core', () => {
  it('never throws, and every range lies inside the text, on random specs', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, withFrontMatter) => {
        const body = pieces.join('');
        const text = withFrontMatter ? `---\nclassification: api\nlaunch: 2025-11-03\n---\n${body}` : body;
        assertRanges(text, analyze(text, profile, { today: TODAY }));
      }),
      fuzzParameters(400),
    );
  });

  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.oneof(fc.constant(''), piece) });

  it('incremental analysis after random edit sequences equals full analysis', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples.keys()), fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 12 }), (sample, steps) => {
        let text = samples[sample];
        const cache = new FacetCache();
        analyze(text, profile, { today: TODAY }, cache);
        // Each step is one or two edits between analyses, as with a replace-all or an undo.
        for (const changes of steps) {
          for (const change of changes) {
            const at = Math.floor(change.at * text.length);
            text = text.slice(0, at) + change.insert + text.slice(Math.min(text.length, at + change.remove));
          }
          const incremental = analyze(text, profile, { today: TODAY }, cache);
          const full = analyze(text, profile, { today: TODAY });
          assertRanges(text, full);
          assert.deepEqual(incremental, full);
        }
      }),
      fuzzParameters(60),
    );
  });
});
