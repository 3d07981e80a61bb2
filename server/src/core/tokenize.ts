/**
 * Breaks statement text into word tokens and clause boundaries. Inline code,
 * link targets, URLs and inline HTML are skipped, because a cloud named in a
 * URL or a shell command is not a claim about hosting.
 *
 * This is a character scanner rather than one regular expression: a match
 * array and its substrings for every word made the tokenizer the analyzer's
 * largest source of garbage (docs/performance.md).
 */
import type { Span } from './types';

/**
 * The tokens of one statement, as parallel arrays that are reused from one
 * statement to the next: a long spec has tens of thousands of tokens, and
 * one object each made the garbage collector the analyzer's largest cost.
 */
export class Tokens {
  /** Lower-cased word with a possessive `'s` removed; empty for a boundary. */
  readonly words: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly boundaries: boolean[] = [];
  /** Table column of each token; -1 outside tables. */
  readonly columns: number[] = [];
  /** Whether each token comes from a header cell read in front of a table cell. */
  readonly headers: boolean[] = [];
  length = 0;

  clear(): this {
    this.length = 0;
    return this;
  }

  push(word: string, start: number, end: number, boundary: boolean, column: number, header: boolean): void {
    const index = this.length++;
    this.words[index] = word;
    this.starts[index] = start;
    this.ends[index] = end;
    this.boundaries[index] = boundary;
    this.columns[index] = column;
    this.headers[index] = header;
  }
}

/** Conjunctions that start a new clause: a negation or contrast stops at them. */
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet']);

export function normalizeWord(raw: string): string {
  let word = raw.toLowerCase();
  if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  return word;
}

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
/** Per UTF-16 unit outside ASCII: 0 when not yet classified, else 1 + its `IS_LETTER`/`IS_NUMBER` bits. */
const classified = new Uint8Array(0x10000);
const IS_LETTER = 1;
const IS_NUMBER = 2;

function classify(character: string): number {
  return (LETTER.test(character) ? IS_LETTER : 0) | (NUMBER.test(character) ? IS_NUMBER : 0);
}

/**
 * The letter/number class of the code point at `index` and its length in
 * UTF-16 units; a surrogate pair is read whole only when both halves lie
 * before `end`, as the statement's own text is all that is read.
 */
function classAt(text: string, index: number, end: number): { kind: number; size: number } {
  const c = text.charCodeAt(index);
  if (c < 128) {
    const kind = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? IS_LETTER : c >= 48 && c <= 57 ? IS_NUMBER : 0;
    return { kind, size: 1 };
  }
  if (c >= 0xd800 && c <= 0xdbff && index + 1 < end) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return { kind: classify(text.slice(index, index + 2)), size: 2 };
  }
  let known = classified[c];
  if (known === 0) {
    known = 1 + classify(String.fromCharCode(c));
    classified[c] = known;
  }
  return { kind: known - 1, size: 1 };
}

/** JavaScript's `\s`. */
function isWhitespace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2014 || c === 0x2013;
}

/** Punctuation that ends a clause wherever it stands. */
function isClausePunctuation(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013;
}

function startsWithAt(text: string, prefix: string, index: number, end: number): boolean {
  return index + prefix.length <= end && text.startsWith(prefix, index);
}

/** The end of a construct that holds no claim (inline code, comment, link target, tag, URL) at `index`, or -1. */
function skippedEnd(text: string, index: number, end: number): number {
  const c = text.charCodeAt(index);
  if (c === 96) {
    // `code` on one line.
    for (let j = index + 1; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === 96) return j + 1;
      if (d === 10 || d === 13) return -1;
    }
    return -1;
  }
  if (c === 60) {
    if (startsWithAt(text, '<!--', index, end)) {
      const close = text.indexOf('-->', index + 4);
      if (close >= 0 && close + 3 <= end) return close + 3;
    }
    // <tag ...> or </tag> on one line.
    const name = text.charCodeAt(index + 1) === 47 ? index + 2 : index + 1;
    const first = text.charCodeAt(name);
    if (name < end && first >= 97 && first <= 122) {
      for (let j = name + 1; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 62) return j + 1;
        if (d === 10 || d === 13) return -1;
      }
    }
    return -1;
  }
  if (c === 93 && index + 1 < end && text.charCodeAt(index + 1) === 40) {
    // ](target) of a link.
    for (let j = index + 2; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === 41) return j + 1;
      if (isWhitespace(d)) return -1;
    }
    return -1;
  }
  if (c === 104) {
    const scheme = startsWithAt(text, 'https://', index, end) ? 8 : startsWithAt(text, 'http://', index, end) ? 7 : 0;
    if (scheme === 0) return -1;
    let j = index + scheme;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isWhitespace(d) || d === 41 || d === 62 || d === 93) break;
      j++;
    }
    return j > index + scheme ? j : -1;
  }
  return -1;
}

/** The end of the word at `index`: letters and digits, then any `'letters` (a contraction or possessive). */
function wordEnd(text: string, index: number, end: number): number {
  let j = index;
  while (j < end) {
    const { kind, size } = classAt(text, j, end);
    if (kind === 0) break;
    j += size;
  }
  for (;;) {
    const c = text.charCodeAt(j);
    if (j + 1 >= end || (c !== 39 && c !== 0x2019) || (classAt(text, j + 1, end).kind & IS_LETTER) === 0) return j;
    j++;
    while (j < end) {
      const { kind, size } = classAt(text, j, end);
      if ((kind & IS_LETTER) === 0) break;
      j += size;
    }
  }
}

/** Whether a word is already normal: ASCII lower case and digits only. */
function isPlainLower(text: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Appends the tokens of `span` to `into`. */
export function tokenize(text: string, span: Span, into: Tokens = new Tokens(), column = -1, header = false): Tokens {
  // Only the statement's own text is read, so that its tokens never depend on what follows it.
  const end = span.end;
  let i = span.start;
  while (i < end) {
    const skipped = skippedEnd(text, i, end);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const c = text.charCodeAt(i);
    const { kind, size } = classAt(text, i, end);
    if (kind !== 0) {
      const stop = wordEnd(text, i, end);
      const raw = text.slice(i, stop);
      const word = isPlainLower(text, i, stop) ? raw : normalizeWord(raw);
      const boundary = CLAUSE_WORDS.has(word);
      into.push(boundary ? '' : word, i, stop, boundary, column, header);
      i = stop;
    } else if (isClausePunctuation(c) || ((c === 46 || c === 33 || c === 63) && (i + 1 >= end || isWhitespace(text.charCodeAt(i + 1))))) {
      into.push('', i, i + 1, true, column, header);
      i++;
    } else if (isWhitespace(c) && i + 2 < end && isDash(text.charCodeAt(i + 1)) && isWhitespace(text.charCodeAt(i + 2))) {
      into.push('', i, i + 3, true, column, header);
      i += 3;
    } else {
      i += size;
    }
  }
  return into;
}
