/**
 * Builds the workspace exposure report for legal review: a Markdown document
 * that lists every finding of every spec once, linked to its line and with
 * the clauses it cites; then each cited clause once, with its wording, source
 * and confidence; then every recorded waiver. It is a pure function of
 * analyses, so it is tested without a server.
 */
import type { LineMap } from '../core/lineMap';
import type { Analysis, Finding, Waiver } from '../core/types';
import type { Clause, Profile, Severity } from '../profile/profileTypes';

export interface ReportedSpec {
  /** Path shown in the report, relative to the workspace, with forward slashes. */
  path: string;
  /** Path of the spec relative to the folder the report is written to, with forward slashes. */
  link: string;
  analysis: Analysis;
  profile: Profile;
  lines: LineMap;
}

export interface SkippedSpec {
  path: string;
  reason: string;
}

export interface ExposureReportInput {
  specs: ReportedSpec[];
  /** Specs that were found but not analysed (too large, unreadable). */
  skipped?: SkippedSpec[];
  /** The report's date, `YYYY-MM-DD`; waivers expire against it. */
  today: string;
}

export interface ExposureReport {
  markdown: string;
  /** Findings listed, waived ones included. */
  findingCount: number;
}

/** `unused`: a valid, unexpired waiver that silences no finding. */
export type WaiverStatus = 'active' | 'unused' | 'expired' | 'incomplete';

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];

/** Keeps user text from breaking a table row or a list line. */
function cell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

function line(spec: ReportedSpec, offset: number): number {
  return spec.lines.position(offset).line + 1;
}

/**
 * `path:line` as a relative Markdown link to that line. The destination is
 * percent-encoded so that spaces and parentheses in a path cannot end it.
 */
function location(spec: ReportedSpec, offset: number): string {
  const at = line(spec, offset);
  const target = encodeURI(spec.link).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[\`${cell(spec.path)}:${at}\`](${target}#L${at})`;
}

function sameSpan(finding: Finding, waiver: Waiver): boolean {
  return finding.span.start === waiver.span.start && finding.span.end === waiver.span.end;
}

/** A waiver's status as the analysis judged it; the waiver's own fields decide when those checks are turned off. */
export function waiverStatus(waiver: Waiver, analysis: Analysis, today: string): WaiverStatus {
  const about = analysis.findings.filter((finding) => sameSpan(finding, waiver));
  if (about.some((finding) => finding.rule === 'waiver-incomplete')) return 'incomplete';
  if (about.some((finding) => finding.rule === 'waiver-expired')) return 'expired';
  if (waiver.rules.length === 0 || !waiver.approver || !waiver.reference) return 'incomplete';
  if (waiver.expires !== undefined && waiver.expires < today) return 'expired';
  if (about.some((finding) => finding.rule === 'waiver-unused')) return 'unused';
  return 'active';
}

function describeWaiver(waiver: Waiver, status: WaiverStatus): string {
  const parts = [`approved by ${waiver.approver ?? '(no approver)'}`];
  if (waiver.approvedOn) parts[0] += ` on ${waiver.approvedOn}`;
  parts.push(waiver.expires ? `expires ${waiver.expires}` : 'no expiry');
  parts.push(waiver.reference ? `ref ${waiver.reference}` : 'no ref');
  return `${parts.join(', ')} (${status})`;
}

function regimeText(analysis: Analysis): string {
  const { id, reason, date, uncovered } = analysis.regime;
  if (uncovered) return `none in force (${reason === 'launch' ? 'launch' : reason === 'as-of' ? 'as of' : 'today'} ${date})`;
  if (reason === 'launch') return `${id} (launch ${date})`;
  if (reason === 'as-of') return `${id} (as of ${date})`;
  if (reason === 'today') return `${id} (today)`;
  return `${id} (chosen in settings)`;
}

function classificationText(analysis: Analysis): string {
  const { classification, classificationDeclared } = analysis.facts;
  if (!classification) return 'undetermined';
  return classificationDeclared ? classification : `${classification} (inferred)`;
}

function findingLines(spec: ReportedSpec, finding: Finding, today: string): string[] {
  const lines = [`- ${location(spec, finding.span.start)} \`${finding.rule}\` (${finding.severity}): ${cell(finding.message)}`];
  if (finding.clauses.length > 0) lines.push(`  - Clauses: ${finding.clauses.map((id) => `\`${cell(id)}\``).join(', ')}`);
  if (finding.waivedBy) lines.push(`  - Waived: ${describeWaiver(finding.waivedBy, waiverStatus(finding.waivedBy, spec.analysis, today))}`);
  return lines;
}

function clauseHeader(clause: Clause | undefined, id: string): string[] {
  if (!clause) return [`### ${id}`, '', 'This clause is not in the profile of the specs that cite it.', ''];
  const out = [`### ${clause.id}: ${cell(clause.title)}`, ''];
  if (clause.quote) out.push(`> "${cell(clause.quote)}"`, '');
  const source = clause.source;
  out.push(`- Source: ${cell(source.title)}, ${cell(source.publisher)}, ${source.date}${source.url ? ` (${source.url})` : ''}`);
  if (clause.regime !== undefined) out.push(`- Regime: ${clause.regime}`);
  if (clause.from !== undefined) out.push(`- In force: ${clause.until === undefined ? `from ${clause.from}` : `${clause.from} to ${clause.until}`}`);
  out.push(`- Confidence: ${clause.confidence}`);
  return out;
}

export function buildExposureReport(input: ExposureReportInput): ExposureReport {
  const { specs, today } = input;
  const skipped = input.skipped ?? [];
  const out: string[] = ['# Carveout exposure report', ''];

  const profiles: Profile[] = [];
  for (const spec of specs) if (!profiles.some((known) => known.id === spec.profile.id && known.title === spec.profile.title)) profiles.push(spec.profile);
  out.push(`- Date: ${today}`);
  out.push(`- ${profiles.length > 1 ? 'Profiles' : 'Profile'}: ${profiles.length === 0 ? '(none)' : profiles.map((p) => `${p.title} (\`${p.id}\`)`).join('; ')}`);
  out.push(`- Specs checked: ${specs.length}${skipped.length > 0 ? `; not checked: ${skipped.length}` : ''}`);
  out.push('');
  out.push('> This report is not legal advice.' + profiles.map((p) => ` ${cell(p.disclaimer)}`).join(''));
  out.push('');

  out.push('## Summary', '');
  out.push('| Spec | Regime | Classification | Errors | Warnings | Information | Hints | Waived |');
  out.push('|---|---|---|---:|---:|---:|---:|---:|');
  const totals = { error: 0, warning: 0, information: 0, hint: 0, waived: 0 };
  for (const spec of specs) {
    const counts = { error: 0, warning: 0, information: 0, hint: 0, waived: 0 };
    for (const finding of spec.analysis.findings) {
      if (finding.waivedBy) counts.waived++;
      else counts[finding.severity]++;
    }
    for (const key of [...SEVERITIES, 'waived'] as const) totals[key] += counts[key];
    out.push(
      `| \`${cell(spec.path)}\` | ${regimeText(spec.analysis)} | ${classificationText(spec.analysis)} | ${counts.error} | ${counts.warning} | ${counts.information} | ${counts.hint} | ${counts.waived} |`,
    );
  }
  out.push(`| **Total** | | | ${totals.error} | ${totals.warning} | ${totals.information} | ${totals.hint} | ${totals.waived} |`);
  out.push('');

  out.push('## Findings', '');
  const citations = new Map<string, number>();
  let findingCount = 0;
  for (const spec of specs) {
    for (const finding of spec.analysis.findings) {
      findingCount++;
      out.push(...findingLines(spec, finding, today));
      for (const id of finding.clauses) citations.set(id, (citations.get(id) ?? 0) + 1);
    }
  }
  if (findingCount === 0) out.push('No findings.');
  out.push('');

  // Clauses in profile order, so that this part reads like the contract; unknown ids last.
  out.push('## Clauses cited', '');
  const known = new Map<string, Clause>();
  for (const profile of profiles) for (const clause of profile.clauses) if (!known.has(clause.id)) known.set(clause.id, clause);
  const cited = [...known.keys(), ...citations.keys()].filter((id, index, ids) => citations.has(id) && ids.indexOf(id) === index);
  if (cited.length === 0) out.push('No finding cites a clause.', '');
  for (const id of cited) {
    const count = citations.get(id) ?? 0;
    out.push(...clauseHeader(known.get(id), id), `- Cited by ${count} ${count === 1 ? 'finding' : 'findings'}`, '');
  }

  out.push('## Waivers', '');
  const waiverRows: string[] = [];
  for (const spec of specs) {
    for (const waiver of spec.analysis.waivers) {
      const status = waiverStatus(waiver, spec.analysis, today);
      waiverRows.push(
        `| ${location(spec, waiver.span.start)} | ${cell(waiver.rules.join(', ') || '(none)')} | ${cell(waiver.approver ?? '')} | ${waiver.approvedOn ?? ''} | ${waiver.expires ?? ''} | ${cell(waiver.reference ?? '')} | ${status} |`,
      );
    }
  }
  if (waiverRows.length === 0) out.push('No waivers are recorded.', '');
  else out.push('| Where | Rules | Approver | Approved | Expires | Ref | Status |', '|---|---|---|---|---|---|---|', ...waiverRows, '');

  if (skipped.length > 0) {
    out.push('## Not checked', '');
    for (const spec of skipped) out.push(`- \`${spec.path}\`: ${cell(spec.reason)}`);
    out.push('');
  }
  return { markdown: out.join('\n'), findingCount };
}
