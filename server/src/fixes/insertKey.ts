/**
 * Adds a `key: value` line to the front matter: as its last line, or in a new
 * front matter at the top of a spec that has none.
 */
import type { Analysis } from '../core/types';
import type { PlannedEdit } from './fixTypes';
import { frontMatterEditable } from './frontMatterEntry';
import { indentationAt, lineEnding } from './textLines';

export function insertKeyLine(text: string, analysis: Analysis, line: string): PlannedEdit[] {
  if (!frontMatterEditable(text, analysis)) return [];
  const eol = lineEnding(text);
  const frontMatter = analysis.frontMatter;
  if (!frontMatter) {
    // A byte-order mark must stay first, or the new fence would not open the file.
    const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return [{ span: { start: at, end: at }, newText: `---${eol}${line}${eol}---${eol}` }];
  }
  // New keys take the indentation of the existing ones, so the mapping stays one mapping.
  const first = frontMatter.entries[0];
  const indent = first ? indentationAt(text, first.keySpan.start) : '';
  const at = frontMatter.contentSpan.end;
  return [{ span: { start: at, end: at }, newText: `${indent}${line}${eol}` }];
}
