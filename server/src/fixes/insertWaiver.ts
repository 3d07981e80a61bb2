/**
 * The `insert-waiver` fix: a waiver comment on its own line just above the
 * flagged statement, with placeholders for the approver, the dates and the
 * ticket. The analyzer reads placeholders as missing, so the waiver is
 * reported incomplete until a reviewer fills it in; the fix records nothing
 * on anyone's behalf.
 */
import type { Finding, Statement } from '../core/types';
import type { FixContext, PlannedEdit } from './fixTypes';
import { indentationAt, lineEnding, lineStartOf } from './textLines';

export function waiverComment(rule: string): string {
  return `<!-- carveout-waive ${rule}: approved by <approver> on <YYYY-MM-DD>, expires <YYYY-MM-DD>, ref <ticket> -->`;
}

const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The line before the one starting at `lineStart`, as offsets; undefined on the first line. */
function previousLine(text: string, lineStart: number): { start: number; end: number } | undefined {
  if (lineStart === 0) return undefined;
  let end = lineStart - 1;
  if (text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
  return { start: lineStartOf(text, end), end };
}

/**
 * A comment line inside a table ends the table, so only the first row can be
 * waived, with the comment above the table's header.
 */
function tableWaiver(context: FixContext, finding: Finding, comment: string): PlannedEdit[] {
  const { text } = context;
  const delimiter = previousLine(text, lineStartOf(text, finding.span.start));
  if (!delimiter || !TABLE_DELIMITER.test(text.slice(delimiter.start, delimiter.end))) return [];
  const header = previousLine(text, delimiter.start);
  if (!header) return [];
  const indent = indentationAt(text, header.end);
  return [{ span: { start: header.start, end: header.start }, newText: `${indent}${comment}${lineEnding(text)}` }];
}

/** The statement that ends on the flagged statement's line before it starts, if any. */
function sameLinePredecessor(context: FixContext, start: number): Statement | undefined {
  const lineStart = lineStartOf(context.text, start);
  return context.analysis.statements.find((statement) => statement.kind !== 'front-matter' && statement.span.end <= start && statement.span.end >= lineStart);
}

export function insertWaiver(context: FixContext, finding: Finding): PlannedEdit[] {
  const { text, analysis } = context;
  const frontMatter = analysis.frontMatter;
  // Waivers are HTML comments in the body; the front matter is YAML and cannot hold one.
  if (finding.waivedBy || finding.statementKind === 'front-matter') return [];
  if (frontMatter && finding.span.start < frontMatter.span.end) return [];
  const comment = waiverComment(finding.rule);
  if (finding.statementKind === 'table-row') return tableWaiver(context, finding, comment);

  const eol = lineEnding(text);
  const start = finding.span.start;
  const lineStart = lineStartOf(text, start);
  const indent = indentationAt(text, start);
  const before = sameLinePredecessor(context, start);
  if (finding.statementKind === 'sentence' && before) {
    // A sentence that shares its line with an earlier one gets its own line, or the waiver would cover the earlier one.
    return [{ span: { start: before.span.end, end: start }, newText: `${eol}${indent}${comment}${eol}${indent}` }];
  }
  const prefix = text.slice(lineStart, start);
  // List items keep their marker's indentation; anything else in front of the statement (a quote marker) cannot hold a waiver line.
  if (finding.statementKind !== 'list-item' && prefix !== indent) return [];
  return [{ span: { start: lineStart, end: lineStart }, newText: `${indent}${comment}${eol}` }];
}
