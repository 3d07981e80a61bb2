/** Helpers for core unit tests: analyse a text with the built-in profile and read findings back. */
import { analyze } from '../../server/src/core/analyze';
import { LineMap } from '../../server/src/core/lineMap';
import type { Analysis, AnalyzeOptions, Finding } from '../../server/src/core/types';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

export const TODAY = '2026-11-26';

export function run(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyze(text, loadBuiltinProfile(), { today: TODAY, ...options });
}

/** `rule@line:col-line:col "text"` for each finding, 1-based, so a test reads like the CLI output. */
export function describe(text: string, findings: readonly Finding[]): string[] {
  const lines = new LineMap(text);
  return findings.map((finding) => {
    const start = lines.position(finding.span.start);
    const end = lines.position(finding.span.end);
    const waived = finding.waivedBy ? ' (waived)' : '';
    return `${finding.rule}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}${waived}`;
  });
}

export function rules(analysis: Analysis): string[] {
  return analysis.findings.map((finding) => finding.rule);
}

export function spec(front: string | undefined, body: string, eol = '\n'): string {
  const text = front === undefined ? body : `---\n${front}\n---\n${body}`;
  return text.replace(/\n/g, eol);
}
