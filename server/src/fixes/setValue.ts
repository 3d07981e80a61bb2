/**
 * Replaces the value of an existing front-matter key and nothing else: the
 * key, the comment after the value and the lines around it stay as written.
 */
import type { FrontMatterEntry } from '../core/types';
import type { PlannedEdit } from './fixTypes';
import { afterColon, valueStyle } from './frontMatterEntry';

export function setValue(text: string, entry: FrontMatterEntry, value: string): PlannedEdit[] {
  const style = valueStyle(text, entry);
  if (style === 'empty') {
    const at = afterColon(text, entry);
    return [{ span: { start: at, end: at }, newText: ` ${value}` }];
  }
  if (style === 'block') {
    // The block list's range runs past its last item into trailing comments, so the last item bounds the edit.
    const lastItem = entry.itemSpans[entry.itemSpans.length - 1];
    const colon = afterColon(text, entry);
    const between = text.slice(colon, entry.valueSpan.start);
    if (/^\s*$/.test(between)) return [{ span: { start: colon, end: lastItem.end }, newText: ` ${value}` }];
    // A comment after the colon is kept by writing the new value where the list stood.
    return [{ span: { start: entry.valueSpan.start, end: lastItem.end }, newText: value }];
  }
  if (text.slice(entry.valueSpan.start, entry.valueSpan.end) === value) return [];
  return [{ span: entry.valueSpan, newText: value }];
}
