/**
 * The Exposure view's tree, made from the workspace's findings: by regime,
 * then clause, then finding. Findings a waiver silences sit under that
 * waiver instead; findings that cite no clause (front matter, consistency
 * and waiver checks) sit under "Document checks". Plain data, so it is
 * tested without VS Code.
 */
import type { WaiverInfo, WorkspaceFinding, WorkspaceFindingsRequest } from '../../../server/src/shared/protocol';

/** The titles the findings refer to by id. */
export type Titles = Pick<WorkspaceFindingsRequest.Result, 'regimes' | 'clauses'>;

export type Severity = WorkspaceFinding['severity'];

export interface ExposureFilter {
  /** Only these rules; all when absent. */
  rules?: readonly string[];
  /** Only findings at least this severe. */
  minSeverity?: Severity;
  /** Only findings in these specs (workspace paths), as "changed since a branch" gives them. */
  paths?: readonly string[];
}

export type ExposureNode =
  | { kind: 'regime'; label: string; description: string; children: ExposureNode[] }
  | { kind: 'clause'; label: string; description: string; children: ExposureNode[] }
  | { kind: 'group'; label: string; description: string; children: ExposureNode[] }
  | { kind: 'waiver'; label: string; description: string; status: WaiverInfo['status']; children: ExposureNode[] }
  | { kind: 'finding'; label: string; description: string; finding: WorkspaceFinding };

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export function applyFilter(findings: readonly WorkspaceFinding[], filter: ExposureFilter): WorkspaceFinding[] {
  return findings.filter(
    (finding) =>
      (!filter.rules || filter.rules.includes(finding.rule)) &&
      (!filter.minSeverity || RANK[finding.severity] >= RANK[filter.minSeverity]) &&
      (!filter.paths || filter.paths.includes(finding.path)),
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function findingNode(finding: WorkspaceFinding): ExposureNode {
  return { kind: 'finding', label: finding.message, description: `${finding.path}:${finding.range.start.line + 1}`, finding };
}

function byOrder<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);
}

function waiverLabel(waiver: WaiverInfo): string {
  return `Waived by ${waiver.approver ?? 'nobody named'}${waiver.expires ? ` until ${waiver.expires}` : ''}`;
}

function regimeChildren(findings: readonly WorkspaceFinding[], titles: Titles): ExposureNode[] {
  const clauses = new Map<string, { title: string; findings: WorkspaceFinding[] }>();
  const checks: WorkspaceFinding[] = [];
  const waivers = new Map<string, { waiver: WaiverInfo; findings: WorkspaceFinding[] }>();
  for (const finding of findings) {
    // A silenced finding belongs with its sign-off; one whose waiver does not count stays open.
    if (finding.waiver && isSilenced(finding.waiver)) {
      const key = JSON.stringify(finding.waiver);
      const entry = waivers.get(key) ?? { waiver: finding.waiver, findings: [] };
      entry.findings.push(finding);
      waivers.set(key, entry);
      continue;
    }
    if (finding.clauses.length === 0) checks.push(finding);
    for (const clause of finding.clauses) {
      const entry = clauses.get(clause) ?? { title: titles.clauses[clause] ?? clause, findings: [] };
      entry.findings.push(finding);
      clauses.set(clause, entry);
    }
  }
  const nodes: ExposureNode[] = [...clauses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, entry]) => ({ kind: 'clause', label: id, description: `${entry.title} · ${count(entry.findings.length, 'finding', 'findings')}`, children: entry.findings.map(findingNode) }));
  if (checks.length > 0) nodes.push({ kind: 'group', label: 'Document checks', description: count(checks.length, 'finding', 'findings'), children: checks.map(findingNode) });
  for (const { waiver, findings: silenced } of byOrder(waivers)) {
    const status = waiver.status === 'expiring' ? ' · expires soon' : '';
    nodes.push({ kind: 'waiver', label: waiverLabel(waiver), description: `${waiver.reference ? `ref ${waiver.reference} · ` : ''}${count(silenced.length, 'finding', 'findings')}${status}`, status: waiver.status, children: silenced.map(findingNode) });
  }
  return nodes;
}

export function isSilenced(waiver: WaiverInfo): boolean {
  return waiver.status === 'active' || waiver.status === 'expiring';
}

export function groupExposure(findings: readonly WorkspaceFinding[], titles: Titles, filter: ExposureFilter = {}): ExposureNode[] {
  const regimes = new Map<string, { title: string; findings: WorkspaceFinding[] }>();
  for (const finding of applyFilter(findings, filter)) {
    const entry = regimes.get(finding.regime) ?? { title: titles.regimes[finding.regime] ?? finding.regime, findings: [] };
    entry.findings.push(finding);
    regimes.set(finding.regime, entry);
  }
  // The latest regime first: it is the one new work is judged under.
  return [...regimes.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([id, entry]) => ({ kind: 'regime', label: `Regime ${id}`, description: `${entry.title} · ${count(entry.findings.length, 'finding', 'findings')}`, children: regimeChildren(entry.findings, titles) }));
}
