/**
 * Finds the YAML front matter at the top of a spec and reads it with the
 * `yaml` package, which keeps the exact range of every key and value so that
 * diagnostics and quick fixes can point at, and edit, single values.
 */
import type { Node } from 'yaml';
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

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

function nodeSpan(node: Node | null | undefined, offset: number, fallback: Span): Span {
  const range = node?.range;
  if (!range) return fallback;
  return { start: offset + range[0], end: offset + range[1] };
}

function scalarText(node: unknown): string | undefined {
  if (!yaml().isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return '';
  return String(node.value);
}

/** Locates the closing fence: the first line after the opening that is `---` or `...`. */
function findClosing(text: string, from: number): { contentEnd: number; end: number } | undefined {
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (CLOSING.test(text.slice(lineStart, contentEnd))) return { contentEnd: lineStart, end: lineEnd < text.length ? lineEnd + 1 : lineEnd };
    if (lineEnd >= text.length) return undefined;
    lineStart = lineEnd + 1;
  }
  return undefined;
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
  const document = parseDocument(content, { uniqueKeys: true, prettyErrors: false });
  for (const error of document.errors) {
    const start = contentStart + Math.min(error.pos[0], content.length);
    const end = contentStart + Math.min(Math.max(error.pos[1], error.pos[0] + 1), content.length);
    problems.push({ message: `Front matter is not valid YAML: ${error.message.split('\n')[0]}`, span: { start, end: Math.max(end, start) } });
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { frontMatter, bodyStart: closing.end, problems };
  if (!isMap(root)) {
    problems.push({ message: 'Front matter must be a set of `key: value` lines.', span: nodeSpan(root, contentStart, frontMatter.contentSpan) });
    return { frontMatter, bodyStart: closing.end, problems };
  }
  for (const pair of root.items) {
    const key = scalarText(pair.key);
    if (key === undefined) continue;
    const keySpan = nodeSpan(pair.key as Node, contentStart, frontMatter.contentSpan);
    const valueNode = pair.value as Node | null;
    const entry: FrontMatterEntry = {
      key,
      values: [],
      keySpan,
      valueSpan: nodeSpan(valueNode, contentStart, { start: keySpan.end, end: keySpan.end }),
      itemSpans: [],
    };
    if (isSeq(valueNode)) {
      for (const item of valueNode.items) {
        const value = scalarText(item);
        if (value === undefined) {
          problems.push({ message: `\`${key}\` must list plain values.`, span: nodeSpan(item as Node, contentStart, entry.valueSpan) });
          continue;
        }
        entry.values.push(value);
        entry.itemSpans.push(nodeSpan(item as Node, contentStart, entry.valueSpan));
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
