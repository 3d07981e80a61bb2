/**
 * Breaks statement text into word tokens and clause boundaries. Inline code,
 * link targets, URLs and inline HTML are skipped, because a cloud named in a
 * URL or a shell command is not a claim about hosting.
 */
import type { Span } from './types';

export interface Token {
  /** Lower-cased word with a possessive `'s` removed; empty for a boundary. */
  word: string;
  start: number;
  end: number;
  boundary: boolean;
  /** Table column the token belongs to, for table rows. */
  column?: number;
  /** True for header-cell tokens read in front of a table cell. */
  header?: boolean;
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

export function tokenize(text: string, span: Span, into: Token[] = [], column?: number, header?: boolean): Token[] {
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
      into.push({ word: boundary ? '' : word, start, end, boundary, column, header });
    } else if (match[2] !== undefined) {
      into.push({ word: '', start, end, boundary: true, column, header });
    }
  }
  return into;
}
