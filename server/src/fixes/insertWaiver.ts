/**
 * The `insert-waiver` fix: a waiver comment on its own line just above the
 * flagged statement. Where the server knows them it fills in the reviewer,
 * today's date and the default expiry; the ticket, and the reviewer when not
 * known, stay placeholders, which the analyzer never accepts, so the waiver
 * silences nothing until a reviewer completes it. For clients that take
 * snippets each field is a tab stop.
 */
import type { Finding, Statement } from '../core/types';
import type { FixContext, PlannedEdit, WaiverDraft } from './fixTypes';
import { indentationAt, lineEnding, lineStartOf } from './textLines';

interface WaiverFields {
  approver: string;
  approvedOn: string;
  expires: string;
  ticket: string;
}

function fieldsOf(draft: WaiverDraft | undefined): WaiverFields {
  return { approver: draft?.approver || '<approver>', approvedOn: draft?.approvedOn ?? '<YYYY-MM-DD>', expires: draft?.expires ?? '<YYYY-MM-DD>', ticket: '<ticket>' };
}

function comment(rule: string, fields: WaiverFields): string {
  return `<!-- carveout-waive ${rule}: approved by ${fields.approver} on ${fields.approvedOn}, expires ${fields.expires}, ref ${fields.ticket} -->`;
}

export function waiverComment(rule: string, draft?: WaiverDraft): string {
  return comment(rule, fieldsOf(draft));
}

/** `$`, `}` and `\` are snippet syntax; text from the spec or the settings must not read as tab stops. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (character) => `\\${character}`);
}

/** The waiver as a snippet: the approver, both dates and the ticket are tab stops, in that order. */
export function waiverSnippet(rule: string, draft?: WaiverDraft): string {
  const fields = fieldsOf(draft);
  return comment(escapeSnippet(rule), {
    approver: `\${1:${escapeSnippet(fields.approver)}}`,
    approvedOn: `\${2:${escapeSnippet(fields.approvedOn)}}`,
    expires: `\${3:${escapeSnippet(fields.expires)}}`,
    ticket: `\${4:${escapeSnippet(fields.ticket)}}`,
  });
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
function tableWaiver(context: FixContext, finding: Finding, comment: string, snippet: string): PlannedEdit[] {
  const { text } = context;
  const delimiter = previousLine(text, lineStartOf(text, finding.span.start));
  if (!delimiter || !TABLE_DELIMITER.test(text.slice(delimiter.start, delimiter.end))) return [];
  const header = previousLine(text, delimiter.start);
  if (!header) return [];
  const indent = indentationAt(text, header.end);
  const eol = lineEnding(text);
  return [{ span: { start: header.start, end: header.start }, newText: `${indent}${comment}${eol}`, snippet: `${indent}${snippet}${eol}` }];
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
  const plain = waiverComment(finding.rule, context.waiverDraft);
  const snippet = waiverSnippet(finding.rule, context.waiverDraft);
  if (finding.statementKind === 'table-row') return tableWaiver(context, finding, plain, snippet);

  const eol = lineEnding(text);
  const start = finding.span.start;
  const lineStart = lineStartOf(text, start);
  const indent = indentationAt(text, start);
  const before = sameLinePredecessor(context, start);
  if (finding.statementKind === 'sentence' && before) {
    // A sentence that shares its line with an earlier one gets its own line, or the waiver would cover the earlier one.
    return [{ span: { start: before.span.end, end: start }, newText: `${eol}${indent}${plain}${eol}${indent}`, snippet: `${eol}${indent}${snippet}${eol}${indent}` }];
  }
  const prefix = text.slice(lineStart, start);
  // List items keep their marker's indentation; anything else in front of the statement (a quote marker) cannot hold a waiver line.
  if (finding.statementKind !== 'list-item' && prefix !== indent) return [];
  return [{ span: { start: lineStart, end: lineStart }, newText: `${indent}${plain}${eol}`, snippet: `${indent}${snippet}${eol}` }];
}
