/**
 * `carveout/workspaceFindings`: the findings of the whole workspace as the
 * Exposure view groups them. Waived findings carry their waiver; an open
 * finding whose waiver expired or is incomplete carries that waiver too, so a
 * reviewer sees which sign-off does not count.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { Finding, Span, Waiver } from '../core/types';
import { addDays } from '../fixes/waiverDraft';
import type { WaiverInfo, WorkspaceFinding, WorkspaceFindingsRequest } from '../shared/protocol';
import { analyzeWorkspace, type AnalyzedSpec, type WorkspaceSources } from './analyzeWorkspace';
import { citedClauses } from './hover';

/** A waiver this close to its expiry is flagged, so that it is renewed or dropped in time. */
const EXPIRING_DAYS = 30;

function waiverInfo(waiver: Waiver, silences: boolean, today: string): WaiverInfo {
  const expires = waiver.expires;
  const status = !silences
    ? expires !== undefined && expires < today
      ? 'expired'
      : 'incomplete'
    : expires !== undefined && expires <= addDays(today, EXPIRING_DAYS)
      ? 'expiring'
      : 'active';
  return { approver: waiver.approver, approvedOn: waiver.approvedOn, expires, reference: waiver.reference, status };
}

function range(spec: AnalyzedSpec, span: Span): WorkspaceFinding['range'] {
  return { start: spec.lines.position(span.start), end: spec.lines.position(span.end) };
}

/** The waiver before a finding's statement that names its rule but does not silence it. */
function lapsedWaiver(spec: AnalyzedSpec, finding: Finding): Waiver | undefined {
  return spec.analysis.waivers.find((waiver) => waiver.target?.start === finding.span.start && waiver.rules.includes(finding.rule));
}

function findingsOf(spec: AnalyzedSpec, today: string): WorkspaceFinding[] {
  const { analysis, profile } = spec;
  return analysis.findings.map((finding) => {
    const rule = profile.rules.find((candidate) => candidate.id === finding.rule);
    const item: WorkspaceFinding = {
      uri: spec.uri,
      path: spec.path,
      range: range(spec, finding.span),
      rule: finding.rule,
      ruleTitle: rule?.title ?? finding.rule,
      severity: finding.severity,
      message: finding.message,
      regime: analysis.regime.id,
      clauses: citedClauses(finding.clauses, analysis.regime.id, profile).map((clause) => clause.id),
    };
    const waiver = finding.waivedBy ?? lapsedWaiver(spec, finding);
    if (waiver) item.waiver = waiverInfo(waiver, finding.waivedBy !== undefined, today);
    return item;
  });
}

/** The findings of a spec the walk kept from the last time are listed as they were then. */
const listed = new WeakMap<AnalyzedSpec, WorkspaceFinding[]>();

function listedFindings(spec: AnalyzedSpec, today: string): WorkspaceFinding[] {
  let found = listed.get(spec);
  if (!found) {
    found = findingsOf(spec, today);
    listed.set(spec, found);
  }
  return found;
}

/** The titles of the regimes and clauses of the profiles in use, each once. */
function titles(specs: readonly AnalyzedSpec[]): Pick<WorkspaceFindingsRequest.Result, 'regimes' | 'clauses'> {
  const regimes: Record<string, string> = {};
  const clauses: Record<string, string> = {};
  for (const profile of new Set(specs.map((spec) => spec.profile))) {
    for (const regime of profile.regimes) regimes[regime.id] ??= regime.title;
    for (const clause of profile.clauses) clauses[clause.id] ??= clause.title;
  }
  return { regimes, clauses };
}

export function emptyListing(today: string): WorkspaceFindingsRequest.Result {
  return { today, specCount: 0, findings: [], unchanged: [], resultIds: {}, skipped: [], regimes: {}, clauses: {} };
}

/** The listing; a spec whose result id the client sent is listed as unchanged, without its findings. */
export async function workspaceFindings(sources: WorkspaceSources, known: Record<string, string> = {}, token?: CancellationToken): Promise<WorkspaceFindingsRequest.Result> {
  const workspace = await analyzeWorkspace(sources, token);
  if (!workspace) return emptyListing(sources.today);
  const listing = emptyListing(sources.today);
  listing.specCount = workspace.specs.length;
  listing.skipped = workspace.skipped;
  for (const spec of workspace.specs) {
    listing.resultIds[spec.uri] = spec.resultId;
    if (known[spec.uri] === spec.resultId) listing.unchanged.push(spec.uri);
    else listing.findings.push(...listedFindings(spec, sources.today));
  }
  return { ...listing, ...titles(workspace.specs) };
}
