/**
 * Finds front-matter entries for edit planning, and tells whether the front
 * matter can be edited at all: a fix must not add keys to a block the
 * analyzer could not read as `key: value` lines.
 */
import type { Analysis, FrontMatterEntry } from '../core/types';

const OPENING_FENCE = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;

/** The entry for `key`; with duplicate keys, the last one, which is the one the analyzer keeps. */
export function findEntry(analysis: Analysis, key: string): FrontMatterEntry | undefined {
  const entries = analysis.frontMatter?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}

/**
 * False when the text opens a front matter that never closes, or when the
 * block holds something other than `key: value` lines; adding a key there
 * would only bury the problem.
 */
export function frontMatterEditable(text: string, analysis: Analysis): boolean {
  const frontMatter = analysis.frontMatter;
  if (!frontMatter) return !OPENING_FENCE.test(text);
  if (frontMatter.entries.length > 0) return true;
  const content = text.slice(frontMatter.contentSpan.start, frontMatter.contentSpan.end);
  return content.split(/\r\n|\r|\n/).every((line) => /^[ \t]*(?:#.*)?$/.test(line));
}

/** Offset just after the `:` that follows the entry's key. */
export function afterColon(text: string, entry: FrontMatterEntry): number {
  const colon = text.indexOf(':', entry.keySpan.end);
  return colon < 0 ? entry.keySpan.end : colon + 1;
}

export type ValueStyle = 'empty' | 'scalar' | 'flow' | 'block';

/** How the entry's value is written, which decides how a fix edits it. */
export function valueStyle(text: string, entry: FrontMatterEntry): ValueStyle {
  if (entry.valueSpan.end <= entry.valueSpan.start) return 'empty';
  const first = text.charAt(entry.valueSpan.start);
  if (first === '[') return 'flow';
  // A scalar's only item is the value itself; a block list's first item starts after its `-`.
  if (first === '-' && entry.itemSpans.length > 0 && entry.itemSpans[0].start !== entry.valueSpan.start) return 'block';
  return 'scalar';
}
