/**
 * Finds the YAML front matter at the top of a spec and reads it with the
 * `yaml` package, which keeps the exact range of every key and value so that
 * diagnostics and quick fixes can point at, and edit, single values.
 */
import type { Node } from 'yaml';
import { trimSpan } from './findBlocks';
import { yaml } from './yaml';
import type { FrontMatter, FrontMatterEntry, Span } from './types';

export interface FrontMatterProblem {
  message: string;
  span: Span;
}

export interface FrontMatterParse {
  frontMatter?: FrontMatter;
  /** Where the Markdown body starts. */
  bodyStart: number;
  problems: FrontMatterProblem[];
}

/** A fence alone in the text opens a front matter too, so that `---` and `---\n` are read alike. */
const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n|$)/;
const LINE_BREAK = /\r\n|\r|\n/g;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * The span of a node in `text`. The parser ends a block list or block scalar
 * after its last line break, so the span is trimmed to end on its last line,
 * where an editor should underline it.
 */
function nodeSpan(text: string, node: Node | null | undefined, offset: number, fallback: Span): Span {
  const range = node?.range;
  if (!range) return fallback;
  return trimSpan(text, offset + range[0], offset + range[1]);
}

function scalarText(node: unknown): string | undefined {
  if (!yaml().isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return '';
  return String(node.value);
}

/** Locates the closing fence: the first line after the opening that is `---` or `...`, with any line-break style. */
function findClosing(text: string, from: number): { contentEnd: number; end: number } | undefined {
  LINE_BREAK.lastIndex = from;
  for (let lineStart = from; ; ) {
    const lineBreak = LINE_BREAK.exec(text);
    const contentEnd = lineBreak ? lineBreak.index : text.length;
    const end = lineBreak ? lineBreak.index + lineBreak[0].length : text.length;
    if (CLOSING.test(text.slice(lineStart, contentEnd))) return { contentEnd: lineStart, end };
    if (!lineBreak) return undefined;
    lineStart = end;
  }
}

/**
 * The span of a YAML error, kept on the line it is about. The parser puts
 * some errors on a line break or at the very end of the content (a repeated
 * empty key, for one), which would show them on the next line or on the
 * closing fence; such a start moves back to the end of the line before.
 */
function errorSpan(text: string, content: Span, pos: readonly [number, number]): Span {
  const isBreak = (offset: number): boolean => text[offset] === '\n' || text[offset] === '\r';
  let start = Math.min(content.start + pos[0], content.end);
  while (start > content.start && isBreak(start - 1) && (start === content.end || isBreak(start))) start--;
  let lineEnd = start;
  while (lineEnd < content.end && !isBreak(lineEnd)) lineEnd++;
  return { start, end: Math.max(start, Math.min(content.start + Math.max(pos[1], pos[0] + 1), lineEnd)) };
}

export function parseFrontMatter(text: string): FrontMatterParse {
  const opening = OPENING.exec(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!opening) return { bodyStart: bom, problems: [] };
  const contentStart = opening[0].length;
  const closing = findClosing(text, contentStart);
  if (!closing) {
    return {
      bodyStart: contentStart,
      problems: [{ message: 'Front matter starts with `---` but has no closing `---` line.', span: { start: bom, end: bom + 3 } }],
    };
  }
  const content = text.slice(contentStart, closing.contentEnd);
  const frontMatter: FrontMatter = {
    span: { start: bom, end: closing.end },
    contentSpan: { start: contentStart, end: closing.contentEnd },
    entries: [],
  };
  const problems: FrontMatterProblem[] = [];
  const { isMap, isScalar, isSeq, parseDocument } = yaml();
  // The YAML parser knows only \n and \r\n as line breaks; a lone \r becomes \n, which keeps every offset.
  const document = parseDocument(content.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: true, prettyErrors: false });
  for (const error of document.errors) {
    problems.push({ message: `Front matter is not valid YAML: ${error.message.split('\n')[0]}`, span: errorSpan(text, frontMatter.contentSpan, error.pos) });
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { frontMatter, bodyStart: closing.end, problems };
  if (!isMap(root)) {
    problems.push({ message: 'Front matter must be a set of `key: value` lines.', span: nodeSpan(text, root, contentStart, frontMatter.contentSpan) });
    return { frontMatter, bodyStart: closing.end, problems };
  }
  for (const pair of root.items) {
    const key = scalarText(pair.key);
    if (key === undefined) continue;
    const keySpan = nodeSpan(text, pair.key as Node, contentStart, frontMatter.contentSpan);
    const valueNode = pair.value as Node | null;
    const entry: FrontMatterEntry = {
      key,
      values: [],
      keySpan,
      valueSpan: nodeSpan(text, valueNode, contentStart, { start: keySpan.end, end: keySpan.end }),
      itemSpans: [],
    };
    if (isSeq(valueNode)) {
      for (const item of valueNode.items) {
        const value = scalarText(item);
        if (value === undefined) {
          problems.push({ message: `\`${key}\` must list plain values.`, span: nodeSpan(text, item as Node, contentStart, entry.valueSpan) });
          continue;
        }
        entry.values.push(value);
        entry.itemSpans.push(nodeSpan(text, item as Node, contentStart, entry.valueSpan));
      }
    } else if (valueNode === null || isScalar(valueNode)) {
      const value = scalarText(valueNode);
      if (value !== undefined && value !== '') {
        entry.values.push(value);
        entry.itemSpans.push(entry.valueSpan);
      }
    } else {
      problems.push({ message: `\`${key}\` must be a value or a list, not a mapping.`, span: entry.valueSpan });
    }
    frontMatter.entries.push(entry);
  }
  return { frontMatter, bodyStart: closing.end, problems };
}
