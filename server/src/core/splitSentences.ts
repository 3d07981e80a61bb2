/**
 * Splits a paragraph into sentences. A sentence ends at `.`, `!` or `?`
 * followed by space and a likely sentence start, unless the word before the
 * stop is a known abbreviation. `Intl.Segmenter` does this more generally but
 * is two orders of magnitude slower on long specs (docs/performance.md).
 */
import { trimSpan } from './findBlocks';
import type { Span } from './types';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'inc', 'ltd', 'corp', 'co', 'fig', 'eq', 'u.s', 'u.k', 'e.u', 'cf', 'al',
  'resp', 'est', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Titles, abbreviations only when capitalised: "Ms. Ito", "No. 5", but "passes 400 ms. The second" ends a sentence. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'no', 'st', 'jr', 'sr']);

function isAbbreviation(text: string, start: number, stop: number): boolean {
  const word = wordBefore(text, start, stop);
  if (ABBREVIATIONS.has(word)) return true;
  const first = text.charCodeAt(stop - word.length);
  return TITLES.has(word) && first >= 65 && first <= 90;
}

/** Characters that may close a sentence after its stop: quotes, brackets, emphasis. */
const CLOSERS = new Set([34, 39, 41, 93, 42, 95, 0x2019, 0x201d]);

function isSentenceStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The word just before `index`, lower-cased, including inner dots ("e.g"). */
function wordBefore(text: string, start: number, index: number): string {
  let i = index;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    const isWordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;
    if (!isWordChar) break;
    i--;
  }
  return text.slice(i, index).toLowerCase();
}

function startsSentence(c: number): boolean {
  // Lower-case letters continue the sentence; anything else (capitals, digits,
  // quotes, emphasis, links, non-Latin scripts, emoji) may start a new one.
  return !(c >= 97 && c <= 122);
}

/** Whether a colon at `index` ends its line ("**Short description:**" above its text): the line is a label, a sentence of its own. */
function endsLabelLine(text: string, index: number, end: number): boolean {
  if (text.charCodeAt(index) !== 58) return false;
  let j = index + 1;
  while (j < end && CLOSERS.has(text.charCodeAt(j))) j++;
  while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j < end && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13);
}

export function splitSentences(text: string, span: Span): Span[] {
  const sentences: Span[] = [];
  let sentenceStart = span.start;
  let i = span.start;
  while (i < span.end) {
    const c = text.charCodeAt(i);
    if (!isSentenceStop(c) && !endsLabelLine(text, i, span.end)) {
      i++;
      continue;
    }
    let stopEnd = i + 1;
    while (stopEnd < span.end && isSentenceStop(text.charCodeAt(stopEnd))) stopEnd++;
    while (stopEnd < span.end && CLOSERS.has(text.charCodeAt(stopEnd))) stopEnd++;
    let next = stopEnd;
    while (next < span.end && isWhitespace(text.charCodeAt(next))) next++;
    const endsHere =
      next >= span.end ||
      (next > stopEnd && startsSentence(text.charCodeAt(next)) && !(c === 46 && isAbbreviation(text, sentenceStart, i)));
    if (endsHere) {
      const sentence = trimSpan(text, sentenceStart, stopEnd);
      if (sentence.end > sentence.start) sentences.push(sentence);
      sentenceStart = next;
    }
    i = next > i ? next : i + 1;
  }
  const last = trimSpan(text, sentenceStart, span.end);
  if (last.end > last.start) sentences.push(last);
  return sentences;
}
