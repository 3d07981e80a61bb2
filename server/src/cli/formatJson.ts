/** A stable JSON shape for scripts: every finding, waived ones marked, with 1-based ranges. */
import { oneBased, type CheckedFile } from './checkedFile';

export function formatJson(files: readonly CheckedFile[]): string {
  const output = {
    files: files.map((file) => ({
      path: file.path,
      regime: file.analysis.regime,
      facts: file.analysis.facts,
      findings: file.analysis.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        range: oneBased(file.lines, finding.span),
        clauses: finding.clauses,
        carveOuts: finding.carveOuts,
        evidence: finding.evidence.map((item) => ({ ...item, range: oneBased(file.lines, item.span), span: undefined })),
        waived: finding.waivedBy
          ? { approver: finding.waivedBy.approver, approvedOn: finding.waivedBy.approvedOn, expires: finding.waivedBy.expires, reference: finding.waivedBy.reference }
          : undefined,
      })),
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
