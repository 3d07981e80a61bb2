/**
 * Breaks statement text into word tokens and clause boundaries. Inline code,
 * link targets, URLs and inline HTML are skipped, because a cloud named in a
 * URL or a shell command is not a claim about hosting.
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

const TOKEN =
  /`[^`\r\n]*`|<!--[\s\S]*?-->|\]\([^)\s]*\)|<[a-z][^>\r\n]*>|https?:\/\/[^\s)>\]]+|([\p{L}\p{N}]+(?:['\u2019]\p{L}+)*)|([,;:()\u2014\u2013]|\s[-\u2014\u2013]\s|[.!?](?=\s|$))/gu;

/** Conjunctions that start a new clause: a negation or contrast stops at them. */
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet']);

export function normalizeWord(raw: string): string {
  let word = raw.toLowerCase();
  if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  return word;
}

/** Appends the tokens of `span` to `into`. */
export function tokenize(text: string, span: Span, into: Tokens = new Tokens(), column = -1, header = false): Tokens {
  // Only the statement's own text is read, so that its tokens never depend on what follows it.
  const own = text.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(own)) !== null) {
    const start = span.start + match.index;
    const end = start + match[0].length;
    if (match[1] !== undefined) {
      const word = normalizeWord(match[1]);
      const boundary = CLAUSE_WORDS.has(word);
      into.push(boundary ? '' : word, start, end, boundary, column, header);
    } else if (match[2] !== undefined) {
      into.push('', start, end, true, column, header);
    }
  }
  return into;
}
