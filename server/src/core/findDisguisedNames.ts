/**
 * Reports a word of the vocabulary (a cloud, a surface, a verb) that is
 * written with invisible or look-alike characters: "AW\u200bS" or "АWS" with
 * a Cyrillic А. The analysis reads such a word as the name it imitates, so
 * nothing is bypassed; the finding says that the text is not what it seems,
 * which a reviewer should know and a writer should fix.
 */
import type { Rule } from '../profile/profileTypes';
import { disguisingCharacters } from './foldText';
import { firstStartingAt } from './firstStartingAt';
import { tokenize, wordHash, type KnownWords } from './tokenize';
import type { Finding, Statement } from './types';

/**
 * What can disguise a word: invisible characters, Greek, Cyrillic, fullwidth
 * forms and the high surrogate of the mathematical letters, and markup
 * between letters (emphasis markers, a comment, a character reference). One
 * regular expression finds them, so a plain spec costs one native scan.
 */
const SUSPECT = /[\u00ad\u0300-\u036f\u0370-\u052f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\uff01-\uff5e\ud835]|[A-Za-z0-9](?:[*~]+|<!--)[A-Za-z0-9 <-]|&#/g;

/**
 * The words of the statements that hold a suspect character, read by the
 * tokenizer itself, so that a word here is exactly a word the analysis read.
 */
export function findDisguisedNames(text: string, statements: readonly Statement[], known: KnownWords, rule: Rule | undefined): Finding[] {
  if (!rule) return [];
  const findings: Finding[] = [];
  SUSPECT.lastIndex = 0;
  let read = -1;
  for (let hit = SUSPECT.exec(text); hit; hit = SUSPECT.exec(text)) {
    // Only statements are read; the front matter rejects such values itself.
    const index = firstStartingAt(statements, hit.index + 1) - 1;
    const statement = statements[index];
    if (!statement || statement.span.end <= hit.index || index === read) continue;
    read = index;
    const tokens = tokenize(text, statement.span);
    for (let token = 0; token < tokens.length; token++) {
      const word = tokens.words[token];
      if (!word || tokens.boundaries[token]) continue;
      const span = { start: tokens.starts[token], end: tokens.ends[token] };
      const raw = text.slice(span.start, span.end);
      const characters = disguisingCharacters(raw);
      if (characters.length === 0 || known.words.get(wordHash(word)) !== word) continue;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        message: `${rule.title}: a word here is written with ${characters.join(', ')} and reads as "${word}". Carveout checks it as "${word}"; retype it in plain letters.`,
        span,
        clauses: [],
        carveOuts: [],
        evidence: [],
        facts: [],
      });
    }
  }
  return findings;
}
