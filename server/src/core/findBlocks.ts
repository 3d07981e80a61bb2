/**
 * Splits the Markdown body into the blocks Carveout reads: headings,
 * paragraphs, list items, table rows and HTML comments. Fenced code is
 * skipped. This is a line scanner rather than a full CommonMark parser because
 * the analyzer needs only block boundaries, and it has to stay within a few
 * milliseconds on a 10,000-line spec where the general parsers take tens to
 * hundreds (see docs/performance.md).
 */
import type { Span } from './types';

export type Block =
  | { kind: 'heading'; level: number; span: Span; title: Span }
  | { kind: 'paragraph'; span: Span }
  | { kind: 'list-item'; span: Span }
  | { kind: 'table-row'; span: Span; cells: Span[]; header: Span[] }
  | { kind: 'comment'; span: Span };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLANK = /^[ \t]*$/;

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function nextLine(text: string, start: number): Line {
  let i = start;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 10) return { start, end: i, next: i + 1 };
    if (c === 13) return { start, end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
    i++;
  }
  return { start, end: length, next: length };
}

/** Trims spaces and tabs from both ends of a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** The offset of the line's first character that is not a space or tab; `line.end` for a blank line. */
function firstNonSpace(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** Characters a fence, heading, setext underline, thematic break, list marker or ordered list number starts with. */
function mayStartBlock(c: number): boolean {
  return c === 96 || c === 126 || c === 35 || c === 61 || c === 45 || c === 42 || c === 95 || c === 43 || (c >= 48 && c <= 57);
}

/** Whether the line has a `|` (a table) or a `<` (an HTML comment) from `from` on. */
function mayHoldTableOrComment(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 60) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
}

/** Splits a table line into trimmed cell spans, dropping the outer pipes. */
function splitCells(text: string, line: Line): Span[] {
  const cells: Span[] = [];
  const trimmed = trimSpan(text, line.start, line.end);
  let start = trimmed.start;
  let end = trimmed.end;
  if (text.charCodeAt(start) === 124 /* | */) start++;
  if (end > start && text.charCodeAt(end - 1) === 124 && text.charCodeAt(end - 2) !== 92) end--;
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 124;
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 124) {
      cells.push(trimSpan(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  return cells;
}

/**
 * The blocks from `bodyStart` on. `quiet` receives each offset after a blank
 * line where the scan holds no open block; a later scan of text unchanged up
 * to such an offset can resume there. The scan ends early at the first such
 * offset where `stopAt` says so.
 */
export function findBlocks(text: string, bodyStart: number, quiet?: number[], stopAt?: (offset: number) => boolean): Block[] {
  const blocks: Block[] = [];
  /** The paragraph or list item still taking continuation lines. */
  let open: { kind: 'paragraph' | 'list-item'; start: number; end: number } | undefined;
  let table: { header: Span[] } | undefined;

  const close = (): void => {
    if (open) blocks.push({ kind: open.kind, span: trimSpan(text, open.start, open.end) });
    open = undefined;
  };

  let position = bodyStart;
  while (position < text.length) {
    const line = nextLine(text, position);
    position = line.next;
    const first = firstNonSpace(text, line);

    if (first === line.end) {
      close();
      table = undefined;
      quiet?.push(position);
      if (stopAt?.(position)) return blocks;
      continue;
    }

    // Most lines are prose that starts with a letter and holds no `|` or `<!--`: a paragraph line, without any pattern to test.
    if (!table && !mayStartBlock(text.charCodeAt(first)) && !mayHoldTableOrComment(text, first, line.end)) {
      if (open) open.end = line.end;
      else open = { kind: 'paragraph', start: line.start, end: line.end };
      continue;
    }
    const content = text.slice(line.start, line.end);

    const fence = FENCE.exec(content);
    if (fence) {
      close();
      table = undefined;
      const marker = fence[1];
      // Skip to the closing fence: same character, at least as long.
      while (position < text.length) {
        const inner = nextLine(text, position);
        position = inner.next;
        const innerText = text.slice(inner.start, inner.end).trim();
        if (innerText.startsWith(marker) && innerText.replace(marker[0] === '`' ? /`/g : /~/g, '') === '') break;
      }
      continue;
    }

    const commentAt = content.indexOf('<!--');
    if (commentAt >= 0 && BLANK.test(content.slice(0, commentAt))) {
      close();
      table = undefined;
      const start = line.start + commentAt;
      const closeAt = text.indexOf('-->', start + 4);
      const end = closeAt < 0 ? text.length : closeAt + 3;
      blocks.push({ kind: 'comment', span: { start, end } });
      // Text after the comment on its last line is read as a line of its own.
      position = end;
      continue;
    }

    if (table) {
      if (content.includes('|')) {
        blocks.push({ kind: 'table-row', span: trimSpan(text, line.start, line.end), cells: splitCells(text, line), header: table.header });
        continue;
      }
      table = undefined;
    }

    const atx = ATX.exec(content);
    if (atx) {
      close();
      const title = trimSpan(text, line.start + atx[0].length, line.end);
      // A closing run of #s is decoration, not part of the title.
      const closing = /[ \t]+#+[ \t]*$/.exec(text.slice(title.start, title.end));
      if (closing) title.end = title.start + closing.index;
      blocks.push({ kind: 'heading', level: atx[1].length, span: trimSpan(text, line.start, line.end), title });
      continue;
    }

    if (open?.kind === 'paragraph' && SETEXT.test(content)) {
      const title = trimSpan(text, open.start, open.end);
      blocks.push({ kind: 'heading', level: content.trim()[0] === '=' ? 1 : 2, span: { start: title.start, end: line.end }, title });
      open = undefined;
      continue;
    }

    if (THEMATIC.test(content)) {
      close();
      continue;
    }

    if (content.includes('|') && position < text.length) {
      const following = nextLine(text, position);
      if (TABLE_DELIMITER.test(text.slice(following.start, following.end)) && text.slice(following.start, following.end).includes('-')) {
        close();
        table = { header: splitCells(text, line) };
        position = following.next;
        continue;
      }
    }

    const marker = LIST_MARKER.exec(content);
    if (marker) {
      close();
      open = { kind: 'list-item', start: line.start + marker[0].length, end: line.end };
      continue;
    }

    if (open) open.end = line.end;
    else open = { kind: 'paragraph', start: line.start, end: line.end };
  }
  close();
  return blocks;
}
