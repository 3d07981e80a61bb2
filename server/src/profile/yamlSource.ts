/**
 * Parses a YAML file into plain data while keeping its node tree, so that a
 * problem found on the data (by the schema or by a semantic check) can be put
 * back on the exact characters that caused it.
 */
import type { Document, Node } from 'yaml';
import { yaml } from '../core/yaml';
import { LineMap } from '../core/lineMap';
import { excessiveNestingAt } from './nesting';
import { firstProblems } from './problems';
import type { DataIssue, DataPath, ProfileProblem } from './problems';

/** Larger files are refused unread: no real profile comes near this size. */
export const MAX_SOURCE_CHARS = 1_000_000;

/** Profiles nest a handful of levels; far deeper text is refused unparsed. */
export const MAX_NESTING = 64;

/** Syntax errors past the first few are almost always echoes of it. */
const MAX_SYNTAX_PROBLEMS = 5;

/**
 * Parser messages reworded for the file's author, and those that would quote
 * the file: a file named as a profile may be something else entirely, such as
 * a credentials file, so no message repeats its text.
 */
const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'The file holds more than one YAML document; keep only the first, up to the second `---`.',
  DUPLICATE_KEY: 'This key is already set earlier in the same mapping.',
  TAG_RESOLVE_FAILED: 'This tag is not known; a profile is plain YAML without tags.',
  BAD_COLLECTION_TYPE: 'This tag does not fit the collection it is on; a profile is plain YAML without tags.',
  BAD_DQ_ESCAPE: 'This escape sequence is not valid in a double-quoted string.',
};

/** YAML forbids C0 controls other than tab and line breaks, and DEL. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineMap;
  /** The document as plain data; `null` for an empty document. */
  data: unknown;
}

export interface YamlParse {
  source?: YamlSource;
  problems: ProfileProblem[];
}

/** A problem at a pair of UTF-16 offsets into `text`. */
export function problemAtOffsets(
  file: string,
  lines: LineMap,
  start: number,
  end: number,
  message: string,
): ProfileProblem {
  // Problems are reported 1-based, as editors and compilers print them.
  const from = lines.position(start);
  const to = lines.position(Math.max(start, end));
  return { file, message, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

/**
 * Parses `text` as one YAML document. Any syntax error leaves `source` unset:
 * data recovered from a broken document would give misleading follow-on
 * problems. Never throws.
 */
export function parseYamlSource(text: string, file: string): YamlParse {
  const lines = new LineMap(typeof text === 'string' ? text : '');
  const fail = (start: number, end: number, message: string): YamlParse => ({
    problems: [problemAtOffsets(file, lines, start, end, message)],
  });
  if (typeof text !== 'string') return fail(0, 0, 'The file could not be read as text.');
  if (text.length > MAX_SOURCE_CHARS) {
    return fail(0, 0, `The file has ${text.length} characters; files over ${MAX_SOURCE_CHARS} are not read.`);
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail(control.index, control.index + 1, `The file contains the control character U+${code}, which YAML does not allow; it may not be a text file.`);
  }
  const deep = excessiveNestingAt(text, MAX_NESTING);
  if (deep !== undefined) {
    return fail(deep, deep + 1, `The file nests collections more than ${MAX_NESTING} levels deep; a profile needs only a few.`);
  }
  try {
    const doc = yaml().parseDocument(text, { prettyErrors: false, stringKeys: true, uniqueKeys: true });
    const found = [...doc.errors, ...doc.warnings];
    if (found.length > 0) {
      const problems = found.map((e) => problemAtOffsets(file, lines, e.pos[0], e.pos[1], SYNTAX_MESSAGES[e.code] ?? withoutSource(e.message)));
      return { problems: firstProblems(problems, MAX_SYNTAX_PROBLEMS) };
    }
    const data = toData(doc);
    if (data.error !== undefined) {
      const at = firstBadAlias(doc);
      return fail(at[0], at[1], withoutSource(data.error));
    }
    return { source: { file, text, doc, lines, data: data.value }, problems: [] };
  } catch (error) {
    // The parser recurses on nesting, so absurdly deep input can exhaust the stack.
    return fail(0, 0, `The file could not be parsed: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function toData(doc: Document.Parsed): { value?: unknown; error?: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The alias that broke conversion: an unresolved one, else the first one. */
function firstBadAlias(doc: Document.Parsed): [number, number] {
  const { visit } = yaml();
  let first: [number, number] | undefined;
  let unresolved: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node) {
      const range: [number, number] = node.range ? [node.range[0], node.range[1]] : [0, 0];
      first ??= range;
      if (!node.resolve(doc)) {
        unresolved = range;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first ?? [0, 0];
}

/** The parser's message as a sentence, without the text of the file that some messages end with after a colon. */
function withoutSource(message: string): string {
  return sentence(message.replace(/(?:, but found)?: .*$/s, ''));
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

interface Located {
  node: Node | null;
  key: Node | null;
  /** Whether every segment of the path was found in the document. */
  complete: boolean;
}

/** Walks the node tree along `path`, following aliases to their anchors. */
function locate(source: YamlSource, path: DataPath): Located {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let node: unknown = source.doc.contents;
  let key: Node | null = null;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc) ?? node;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node: node as Node, key, complete: false };
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) return { node: node as Node, key, complete: false };
      key = null;
      node = item;
    } else {
      return { node: (node as Node | null) ?? null, key, complete: false };
    }
  }
  return { node: (node as Node | null) ?? null, key, complete: true };
}

/**
 * The offsets to underline for `path`. A scalar is underlined whole. A map or
 * list is long, so its key is underlined instead, or, for a list item, the
 * item's first line.
 */
export function rangeOf(source: YamlSource, path: DataPath, part: 'key' | 'value' = 'value'): [number, number] {
  const { isAlias, isCollection, isScalar } = yaml();
  const found = locate(source, path);
  if (part === 'key' && found.complete && found.key?.range) return [found.key.range[0], found.key.range[1]];
  const node = found.node;
  if (isScalar(node) || isAlias(node)) {
    if (node.range) return [node.range[0], node.range[1]];
  }
  if (found.key?.range) return [found.key.range[0], found.key.range[1]];
  if (isCollection(node) && node.range) return firstLine(source.text, node.range[0], node.range[1]);
  return [0, 0];
}

function firstLine(text: string, start: number, end: number): [number, number] {
  let stop = start;
  while (stop < end && text[stop] !== '\n' && text[stop] !== '\r') stop++;
  while (stop > start && /\s/.test(text[stop - 1] ?? '')) stop--;
  return [start, stop];
}

/** Positions issues found on the data of `source`, dropping exact duplicates. */
export function problemsAt(source: YamlSource, issues: readonly DataIssue[]): ProfileProblem[] {
  const seen = new Set<string>();
  const problems: ProfileProblem[] = [];
  for (const issue of issues) {
    const [start, end] = rangeOf(source, issue.path, issue.part);
    const problem = problemAtOffsets(source.file, source.lines, start, end, issue.message);
    const id = `${start}:${end}:${issue.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}
