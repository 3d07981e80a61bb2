/**
 * Adds, replaces and removes items of a front-matter list in the style it is
 * written in: `[a, b]` stays a flow list and a block list gets or loses whole
 * `- item` lines with the indentation of its other items.
 */
import type { FrontMatterEntry } from '../core/types';
import type { PlannedEdit } from './fixTypes';
import { valueStyle } from './frontMatterEntry';
import { setValue } from './setValue';
import { lineEnding, lineStartOf, nextLineStart } from './textLines';

export function appendItem(text: string, entry: FrontMatterEntry, value: string): PlannedEdit[] {
  const items = entry.itemSpans;
  switch (valueStyle(text, entry)) {
    case 'empty':
      return setValue(text, entry, `[${value}]`);
    case 'scalar':
      // `~` or `null` is an empty list; a single value becomes the first item of a flow list.
      if (items.length === 0) return [{ span: entry.valueSpan, newText: `[${value}]` }];
      return [{ span: entry.valueSpan, newText: `[${text.slice(entry.valueSpan.start, entry.valueSpan.end)}, ${value}]` }];
    case 'flow': {
      if (items.length === 0) {
        const open = entry.valueSpan.start + 1;
        return [{ span: { start: open, end: open }, newText: value }];
      }
      const last = items[items.length - 1];
      return [{ span: { start: last.end, end: last.end }, newText: `, ${value}` }];
    }
    case 'block': {
      const last = items[items.length - 1];
      const lineStart = lineStartOf(text, last.start);
      const marker = text.slice(lineStart, last.start);
      const at = nextLineStart(text, last.end);
      // On a last line without a break, the break goes first so the new item gets its own line.
      const eol = lineEnding(text);
      const atEnd = at === text.length && !/[\r\n]$/.test(text);
      return [{ span: { start: at, end: at }, newText: atEnd ? `${eol}${marker}${value}` : `${marker}${value}${eol}` }];
    }
  }
}

export function replaceItem(text: string, entry: FrontMatterEntry, index: number, value: string): PlannedEdit[] {
  const span = entry.itemSpans[index];
  if (!span || text.slice(span.start, span.end) === value) return [];
  return [{ span, newText: value }];
}

/**
 * Removes the items at `indices`, which must leave at least one item. In a
 * flow list each removed item takes the separator before it, or after it when
 * no kept item precedes it, so that removals never overlap.
 */
export function removeItems(text: string, entry: FrontMatterEntry, indices: readonly number[]): PlannedEdit[] {
  const items = entry.itemSpans;
  const removed = new Set(indices);
  if (removed.size === 0 || removed.size >= items.length) return [];
  const style = valueStyle(text, entry);
  const edits: PlannedEdit[] = [];
  let keptBefore = false;
  items.forEach((item, index) => {
    if (!removed.has(index)) {
      keptBefore = true;
      return;
    }
    if (style === 'block') {
      edits.push({ span: { start: lineStartOf(text, item.start), end: nextLineStart(text, item.end) }, newText: '' });
    } else if (keptBefore) {
      edits.push({ span: { start: items[index - 1].end, end: item.end }, newText: '' });
    } else {
      edits.push({ span: { start: item.start, end: items[index + 1].start }, newText: '' });
    }
  });
  return edits;
}
