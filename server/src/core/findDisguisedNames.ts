/**
 * Reports a word of the vocabulary (a cloud, a surface, a verb) that is
 * written with invisible or look-alike characters: "AW\u200bS" or "АWS" with
 * a Cyrillic А. The analysis reads such a word as the name it imitates, so
 * nothing is bypassed; the finding says that the text is not what it seems,
 * which a reviewer should know and a writer should fix.
 */
import type { Rule } from '../profile/profileTypes';
import { disguisingCharacters, foldWord, isInvisible } from './foldText';
import { firstStartingAt } from './firstStartingAt';
import { wordHash, type KnownWords } from './tokenize';
import type { Finding, Statement } from './types';

/**
 * Characters that can disguise a word: invisible ones, Greek, Cyrillic,
 * fullwidth forms and the high surrogate of the mathematical letters. One
 * regular expression finds them, so a plain spec costs one native scan.
 */
const SUSPECT = /[\u00ad\u0300-\u036f\u0370-\u052f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\uff01-\uff5e\ud835]/g;

const WORD_PART = /[\p{L}\p{N}\p{M}]/u;

function inWord(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isInvisible(code)) return true;
  // A surrogate half belongs to the letter it is half of.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return WORD_PART.test(text[index]);
}

export function findDisguisedNames(text: string, statements: readonly Statement[], known: KnownWords, rule: Rule | undefined): Finding[] {
  if (!rule) return [];
  const findings: Finding[] = [];
  SUSPECT.lastIndex = 0;
  let after = 0;
  for (let hit = SUSPECT.exec(text); hit; hit = SUSPECT.exec(text)) {
    const at = hit.index;
    if (at < after) continue;
    // Only statements are read; the front matter rejects such values itself.
    const index = firstStartingAt(statements, at + 1) - 1;
    const statement = statements[index];
    if (!statement || statement.span.end <= at) continue;
    let start = at;
    while (start > statement.span.start && inWord(text, start - 1)) start--;
    let end = at + 1;
    while (end < statement.span.end && inWord(text, end)) end++;
    after = end;
    const raw = text.slice(start, end);
    const folded = foldWord(raw);
    const characters = disguisingCharacters(raw);
    if (characters.length === 0 || folded.length === 0 || known.words.get(wordHash(folded)) !== folded) continue;
    findings.push({
      rule: rule.id,
      severity: rule.severity,
      message: `${rule.title}: a word here is written with ${characters.join(', ')} and reads as "${folded}". Carveout checks it as "${folded}"; retype it in plain letters.`,
      span: { start, end },
      clauses: [],
      carveOuts: [],
      evidence: [],
      facts: [],
    });
  }
  return findings;
}
