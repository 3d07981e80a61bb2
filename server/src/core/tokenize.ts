/**
 * Breaks statement text into word tokens and clause boundaries. Inline code,
 * link targets, URLs and inline HTML are skipped, because a cloud named in a
 * URL or a shell command is not a claim about hosting.
 *
 * This is a character scanner rather than one regular expression: a match
 * array and its substrings for every word made the tokenizer the analyzer's
 * largest source of garbage (docs/performance.md).
 */
import { CHARACTER_REFERENCE, foldWord, isInvisible, referencedCharacter } from './foldText';
import type { Span } from './types';

/**
 * The tokens of one statement, as parallel arrays that are reused from one
 * statement to the next: a long spec has tens of thousands of tokens, and
 * one object each made the garbage collector the analyzer's largest cost.
 */
export class Tokens {
  /**
   * Lower-cased word with a possessive `'s` removed; empty for a boundary;
   * `UNKNOWN_WORD` for a word that `known` says no phrase contains.
   */
  readonly words: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly boundaries: boolean[] = [];
  /** Table column of each token; -1 outside tables. */
  readonly columns: number[] = [];
  /** Whether each token comes from a header cell read in front of a table cell. */
  readonly headers: boolean[] = [];
  length = 0;
  /** The text the offsets point into. */
  text = '';

  /** With `known`, words no phrase contains are not made into strings: most words of a spec are such words. */
  constructor(readonly known?: KnownWords) {}

  clear(): this {
    this.length = 0;
    return this;
  }

  /** Whether the word at `index` is a possessive ("competitor's"), whose `'s` its normalised word drops. */
  possessive(index: number): boolean {
    const end = this.ends[index];
    const last = this.text.charCodeAt(end - 1);
    const apostrophe = this.text.charCodeAt(end - 2);
    return (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019);
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

/** Stands for a word that no phrase of the vocabulary contains. */
export const UNKNOWN_WORD = '\u0000';

/**
 * The words a vocabulary's phrases contain, by hash, and the hashes of the
 * prefixes its `word*` phrases end with. A word whose hash is in neither
 * cannot be part of a match; a hash collision only costs a string.
 */
export interface KnownWords {
  words: ReadonlyMap<number, string>;
  prefixes: ReadonlySet<number>;
  /** Whether some prefix has the length given as index: an array read per character is cheaper than a set. */
  prefixLengths: Uint8Array;
  /**
   * Bit sets over the low bits of the hashes of the words and of the
   * prefixes: most words are ruled out by one read of a small array that
   * stays in cache, instead of a lookup in a large table.
   */
  wordFilter: Uint32Array;
  prefixFilter: Uint32Array;
}

const FNV_OFFSET = 0x011c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * One step of FNV-1a, kept to 30 bits: the engine stores such integers
 * unboxed, where a full 32-bit hash would allocate a number per character.
 */
function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) & 0x3fffffff;
}

/** The FNV-1a hash of a normalised word, as the tokenizer computes it while scanning. */
export function wordHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index));
  return hash;
}

/** A bit set over the low bits of hashes, `size` bits long (a power of two, at least 32). */
export function hashFilter(hashes: Iterable<number>, size: number): Uint32Array {
  const filter = new Uint32Array(size >>> 5);
  for (const hash of hashes) {
    const bit = hash & (size - 1);
    filter[bit >>> 5] |= 1 << (bit & 31);
  }
  return filter;
}

function inFilter(filter: Uint32Array, hash: number): boolean {
  const bit = hash & ((filter.length << 5) - 1);
  return (filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** Adds the clause words, which the tokenizer must always recognise, to a vocabulary's known words. */
export function withClauseWords(words: Map<number, string>): Map<number, string> {
  for (const word of CLAUSE_WORDS) words.set(wordHash(word), word);
  return words;
}

/** Lower-cased ASCII character code, with the curly apostrophe straightened; -1 outside ASCII. */
function normalCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 0x2019) return 39;
  return code < 128 ? code : -1;
}

/**
 * How to read the word at [start, end), by its normalised hash (lower case,
 * curly apostrophe straightened, possessive `'s` dropped) and the hashes of
 * its leading characters: `false` when no phrase contains it, the
 * vocabulary's own string when it is a phrase word, and undefined when it
 * must be read as a string (a prefix phrase may match it, or it has
 * characters outside ASCII).
 */
function knownWord(text: string, start: number, end: number, known: KnownWords): string | false | undefined {
  const last = text.charCodeAt(end - 1);
  const apostrophe = end - start > 2 ? text.charCodeAt(end - 2) : 0;
  const stop = (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019) ? end - 2 : end;
  let hash = FNV_OFFSET;
  let prefix = false;
  for (let index = start; index < stop; index++) {
    const code = normalCode(text.charCodeAt(index));
    // Outside ASCII, or markup inside the word (`*`, `~`, `<`, `&`): the word is read as a folded string.
    if (code < 0 || code === 42 || code === 126 || code === 60 || code === 38) return undefined;
    hash = hashStep(hash, code);
    if (!prefix && known.prefixLengths[index - start + 1] === 1 && inFilter(known.prefixFilter, hash) && known.prefixes.has(hash)) prefix = true;
  }
  if (prefix) return undefined;
  if (!inFilter(known.wordFilter, hash)) return false;
  const word = known.words.get(hash);
  if (word === undefined) return false;
  if (word.length !== stop - start) return undefined;
  for (let index = 0; index < word.length; index++) if (normalCode(text.charCodeAt(start + index)) !== word.charCodeAt(index)) return undefined;
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

/** A `classAt` result with a surrogate pair's length added; `size` reads it. */
const PAIR = 4;

/**
 * The letter/number class bits of the code point at `index`, plus `PAIR`
 * when it is a surrogate pair (two UTF-16 units). A pair is read whole only
 * when both halves lie before `end`, as the statement's own text is all
 * that is read. One number rather than an object: this runs for every
 * character of a spec.
 */
function classAt(text: string, index: number, end: number): number {
  const c = text.charCodeAt(index);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? IS_LETTER : c >= 48 && c <= 57 ? IS_NUMBER : 0;
  if (c >= 0xd800 && c <= 0xdbff && index + 1 < end) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return classify(text.slice(index, index + 2)) | PAIR;
  }
  let known = classified[c];
  if (known === 0) {
    known = 1 + classify(String.fromCharCode(c));
    classified[c] = known;
  }
  return known - 1;
}

/** How many UTF-16 units the code point `classAt` read takes. */
function size(found: number): number {
  return found & PAIR ? 2 : 1;
}

function isLetterOrDigitCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
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

/** The longest parenthesis read as part of its clause. */
const MAX_APPOSITION = 32;

/**
 * The index of the `)` that closes a short parenthesis opening at `index`,
 * or -1: one to three words with no clause punctuation inside ("AWS
 * GovCloud (US-West) deployment") qualify the word before them and end no
 * clause; a longer one is an aside, which does.
 */
function appositionEnd(text: string, index: number, end: number): number {
  const stop = Math.min(end, index + MAX_APPOSITION);
  let words = 0;
  let inWord = false;
  for (let j = index + 1; j < stop; j++) {
    const d = text.charCodeAt(j);
    if (d === 41) return words > 0 ? j : -1;
    if (d === 10 || d === 13 || d === 40 || isClausePunctuation(d)) return -1;
    const letter = (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57);
    if (letter && !inWord && ++words > 3) return -1;
    inWord = letter || (inWord && (d === 45 || d === 46));
  }
  return -1;
}

/** Whether the comma at `index` stands between digits, grouping thousands ("4,000 GPUs"): it ends no clause. */
function isDigitGroupComma(text: string, index: number, end: number): boolean {
  if (index + 1 >= end) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index + 1);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

function startsWithAt(text: string, prefix: string, index: number, end: number): boolean {
  return index + prefix.length <= end && text.startsWith(prefix, index);
}

/** The longest quotation skipped; a longer one is read, so that unclosed quotes cannot make the scan quadratic. */
const MAX_QUOTATION = 400;

/** The end of a quotation that opens at `index` and closes on the same line, or -1. */
function quotationEnd(text: string, index: number, end: number, close: number): number {
  const stop = Math.min(end, index + MAX_QUOTATION);
  for (let j = index + 1; j < stop; j++) {
    const d = text.charCodeAt(j);
    if (d === close) return j + 1;
    if (d === 10 || d === 13) return -1;
  }
  return -1;
}

/** Whether a colon, and at most spaces, come right before `index` ("Positioning: "..."). */
function followsColon(text: string, index: number): boolean {
  let j = index - 1;
  while (j >= 0 && text.charCodeAt(j) === 32) j--;
  return j >= 0 && text.charCodeAt(j) === 58;
}

/**
 * The end of a construct that holds no claim at `index`, or -1: inline code,
 * a comment, a link target, a tag, a URL, or a quotation (someone else's
 * words, or a name, are not a claim of ours). A quotation after a colon is
 * what the statement says ("Positioning: "..."") and is read.
 */
function skippedEnd(text: string, index: number, end: number): number {
  const c = text.charCodeAt(index);
  if (c === 0x201c && !followsColon(text, index)) return quotationEnd(text, index, end, 0x201d);
  // A straight quote opens a quotation only where a word cannot end (`"powered by"`, not `5"`).
  if (c === 34 && (index === 0 || !isLetterOrDigitCode(text.charCodeAt(index - 1))) && !followsColon(text, index)) return quotationEnd(text, index, end, 34);
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

/** Where a run of invisible characters at `index` ends; `index` itself when there is none. */
function invisibleEnd(text: string, index: number, end: number): number {
  let j = index;
  while (j < end && isInvisible(text.charCodeAt(j))) j++;
  return j;
}

/** The end of a numeric character reference at `index` that stands for a letter or digit; -1 for none. */
function letterReferenceEnd(text: string, index: number, end: number): number {
  if (text.charCodeAt(index) !== 38 || text.charCodeAt(index + 1) !== 35) return -1;
  const reference = CHARACTER_REFERENCE.exec(text.slice(index, Math.min(end, index + 12)));
  const character = reference && referencedCharacter(reference[0]);
  return character && (classify(character) & (IS_LETTER | IS_NUMBER)) !== 0 ? index + reference[0].length : -1;
}

/**
 * Where markup that shows nothing inside a word ends: emphasis markers
 * (`**AW**S`), an HTML comment (`AW<!-- -->S`) or invisible characters;
 * `index` itself when there is none.
 */
function joinEnd(text: string, index: number, end: number): number {
  const c = text.charCodeAt(index);
  if (c === 42 || c === 126) {
    let j = index;
    while (j < end && (text.charCodeAt(j) === 42 || text.charCodeAt(j) === 126)) j++;
    return j;
  }
  if (c === 60 && startsWithAt(text, '<!--', index, end)) {
    const close = text.indexOf('-->', index + 4);
    return close >= 0 && close + 3 <= end ? close + 3 : index;
  }
  return c > 0x7f ? invisibleEnd(text, index, end) : index;
}

/** Whether a word may go on at `index`: a letter, a digit, or a reference to one. */
function continuesWord(text: string, index: number, end: number): boolean {
  return index < end && ((classAt(text, index, end) & (IS_LETTER | IS_NUMBER)) !== 0 || letterReferenceEnd(text, index, end) >= 0);
}

/**
 * The end of the word at `index`: letters and digits, then any `'letters` (a
 * contraction or possessive). What shows nothing between letters stays in
 * the word, and a reference to a letter is one, so that "AW\u200bS",
 * "**AW**S", "AW<!-- -->S" and "&#65;WS" are each read as one word.
 */
function wordEnd(text: string, index: number, end: number): number {
  let j = index;
  while (j < end) {
    const found = classAt(text, j, end);
    if ((found & (IS_LETTER | IS_NUMBER)) === 0) {
      const reference = letterReferenceEnd(text, j, end);
      if (reference >= 0) {
        j = reference;
        continue;
      }
      const after = joinEnd(text, j, end);
      if (after === j || j === index || !continuesWord(text, after, end)) break;
      j = after;
      continue;
    }
    j += size(found);
  }
  for (;;) {
    const c = text.charCodeAt(j);
    if (j + 1 >= end || (c !== 39 && c !== 0x2019) || (classAt(text, j + 1, end) & IS_LETTER) === 0) return j;
    j++;
    while (j < end) {
      const found = classAt(text, j, end);
      if ((found & IS_LETTER) === 0) break;
      j += size(found);
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
  into.text = text;
  // Only the statement's own text is read, so that its tokens never depend on what follows it.
  const end = span.end;
  let i = span.start;
  /** Where a short parenthesis being read closes, so that its `)` ends no clause either. */
  let appositionClose = -1;
  while (i < end) {
    const skipped = skippedEnd(text, i, end);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const c = text.charCodeAt(i);
    const found = classAt(text, i, end);
    if ((found & (IS_LETTER | IS_NUMBER)) !== 0 || (c === 38 && letterReferenceEnd(text, i, end) >= 0)) {
      const stop = wordEnd(text, i, end);
      const known = into.known ? knownWord(text, i, stop, into.known) : undefined;
      if (known === false) {
        into.push(UNKNOWN_WORD, i, stop, false, column, header);
        i = stop;
        continue;
      }
      const raw = known ?? text.slice(i, stop);
      const word = known !== undefined || isPlainLower(text, i, stop) ? raw : foldWord(raw);
      const boundary = CLAUSE_WORDS.has(word);
      into.push(boundary ? '' : word, i, stop, boundary, column, header);
      i = stop;
    } else if (c === 44 && isDigitGroupComma(text, i, end)) {
      i++;
    } else if (c === 40 && (appositionClose = appositionEnd(text, i, end)) >= 0) {
      i++;
    } else if (c === 41 && i === appositionClose) {
      i++;
    } else if (isClausePunctuation(c) || ((c === 46 || c === 33 || c === 63) && (i + 1 >= end || isWhitespace(text.charCodeAt(i + 1))))) {
      into.push('', i, i + 1, true, column, header);
      i++;
    } else if (isWhitespace(c) && i + 2 < end && isDash(text.charCodeAt(i + 1)) && isWhitespace(text.charCodeAt(i + 2))) {
      into.push('', i, i + 3, true, column, header);
      i += 3;
    } else {
      i += size(found);
    }
  }
  return into;
}
