/** A spec the CLI has read and analysed, with what its formatters need. */
import type { Profile } from '../profile/profileTypes';
import { LineMap } from '../core/lineMap';
import type { Finding, Span } from '../core/types';
import type { CheckResult } from './analyzeSpecs';

export interface CheckedFile {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  text: string;
  analysis: CheckResult;
  lines: LineMap;
  profile: Profile;
}

/** One-based line and column range, columns in UTF-16 code units. */
export interface OneBasedRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(lines: LineMap, span: Span): OneBasedRange {
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function openFindings(file: CheckedFile): Finding[] {
  return file.analysis.findings.filter((finding) => !finding.waivedBy);
}

export { LineMap };
