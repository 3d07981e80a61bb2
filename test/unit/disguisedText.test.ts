/**
 * Names written with invisible or look-alike characters are read as the name
 * they imitate, so they cannot slip past a rule, and are reported, with the
 * finding on the word's exact characters in the original text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describe as located, rules, run, spec } from './testSupport';

const FRONT = 'classification: api\nlaunch: 2025-11-03';

function findings(cloud: string): string[] {
  const text = spec(FRONT, `The API is served from ${cloud} regions.\n`);
  return run(text).findings.map((finding) => `${finding.rule}:${text.slice(finding.span.start, finding.span.end)}`);
}

describe('disguised names', () => {
  const DISGUISES: [string, string][] = [
    ['zero-width space', 'AW\u200bS'],
    ['zero-width joiner', 'AW\u200dS'],
    ['word joiner', 'AW\u2060S'],
    ['soft hyphen', 'A\u00adWS'],
    ['byte-order mark', 'AW\ufeffS'],
    ['right-to-left override', 'AW\u202eS'],
    ['combining grapheme joiner', 'AW\u034fS'],
    ['Cyrillic A', '\u0410WS'],
    ['Greek Alpha', '\u0391WS'],
    ['fullwidth letters', '\uff21\uff37\uff33'],
    ['mathematical bold letters', '\u{1d400}\u{1d416}\u{1d412}'],
    ['bold markers inside it', '**AW**S'],
    ['strikethrough markers inside it', 'A~~W~~S'],
    ['an HTML comment inside it', 'AW<!-- -->S'],
    ['a decimal character reference', '&#65;WS'],
    ['a hexadecimal character reference', 'A&#x57;S'],
    ['a character reference at its end', 'AW&#83;'],
  ];
  for (const [what, cloud] of DISGUISES) {
    it(`reads AWS written with a ${what} as AWS, and reports the word`, () => {
      // The word starts at its first letter: emphasis before it is not part of it.
      assert.deepEqual(findings(cloud), [`api-exclusivity:The API is served from ${cloud} regions.`, `disguised-text:${cloud.replace(/^[*~]+/, '')}`]);
    });
  }

  it('names the characters in the message, as code points, and what the word reads as', () => {
    const text = spec(FRONT, 'The API is served from \u0410W\u200bS regions.\n');
    const finding = run(text).findings.find((candidate) => candidate.rule === 'disguised-text')!;
    assert.equal(finding.message, 'Name written with hidden or look-alike characters: a word here is written with U+0410, U+200B and reads as "aws". Carveout checks it as "aws"; retype it in plain letters.');
    assert.deepEqual(located(text, [finding]), ['disguised-text@5:24-5:28']);
  });

  it('leaves emphasis around a whole name alone: it reads as written', () => {
    assert.deepEqual(findings('**AWS**'), ['api-exclusivity:The API is served from **AWS** regions.']);
  });

  it('leaves plain words of other alphabets alone when they imitate no name of the vocabulary', () => {
    const text = spec(FRONT, 'The résumé of the Москва and Αθήνα offices mentions naïve café users.\n');
    assert.deepEqual(rules(run(text)), []);
  });

  it('keeps every other word in place: a disguised word does not shift the statement or other findings', () => {
    const plain = spec(FRONT, 'Developers call the REST endpoint on AWS.\n');
    const disguised = spec(FRONT, 'Developers call the R\u200bEST endpoint on AWS.\n');
    const [finding] = run(disguised).findings.filter((candidate) => candidate.rule === 'api-exclusivity');
    assert.deepEqual(located(disguised, [finding]), ['api-exclusivity@5:1-5:43']);
    assert.deepEqual(located(plain, run(plain).findings), ['api-exclusivity@5:1-5:42']);
  });
});
