/**
 * Maps a spec's findings to LSP diagnostics: the statement's range, the rule
 * id as code, and as related information only the places a reviewer jumps
 * to. `data` carries the clauses the finding cites that are in force, which
 * the Markdown preview shows; code actions find the finding again by rule
 * and range. Waived findings are not problems any more and are
 * left out; problems with waivers are kept.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { LineMap } from '../core/lineMap';
import type { Finding, Span } from '../core/types';
import type { ProfileProblem } from '../profile/problems';
import type { Severity } from '../profile/profileTypes';
import { ruleAnchor } from '../report/rulesDoc';
import type { FindingData } from '../shared/protocol';
import { citedClauses } from './hover';
import type { SpecModel } from '../specModel';
import type { SpecState } from '../documentStore/specModels';
import type { SettingsNotice } from '../workspaceSettings/documentSettings';

export const DIAGNOSTIC_SOURCE = 'carveout';

/** Diagnostic codes that are not rule ids. */
export const NOT_CHECKED_CODE = 'not-checked';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

export function spanRange(lines: LineMap, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

/** A 1-based problem from the profile loader as a 0-based LSP range. */
export function problemRange(problem: ProfileProblem): Range {
  const start = { line: Math.max(0, problem.line - 1), character: Math.max(0, problem.column - 1) };
  const end = { line: Math.max(0, problem.endLine - 1), character: Math.max(0, problem.endColumn - 1) };
  return { start, end: end.line < start.line || (end.line === start.line && end.character < start.character) ? start : end };
}

/**
 * The places a reviewer would jump to from a finding, and nothing else: the
 * front-matter lines a statement contradicts, the statement elsewhere that
 * set the launch order, and the statement a problem waiver stands over. The
 * words that made a finding fire are highlighted in the hover; as related
 * information they filled Problems with a row per word.
 */
function relatedInformation(model: SpecModel, finding: Finding): DiagnosticRelatedInformation[] {
  const related: DiagnosticRelatedInformation[] = [];
  const at = (span: Span, message: string) => related.push({ location: { uri: model.uri, range: spanRange(model.lines, span) }, message });
  const contract = model.profile.rules.some((rule) => rule.id === finding.rule && rule.kind === 'contract');
  for (const fact of contract ? [] : finding.facts) if (fact.span) at(fact.span, `front matter: ${fact.key}: ${fact.value}`);
  for (const evidence of finding.evidence) {
    const outside = evidence.span.end <= finding.span.start || evidence.span.start >= finding.span.end;
    if (evidence.facet === 'order' && outside) at(evidence.span, `launch order: "${model.text.slice(evidence.span.start, evidence.span.end)}"`);
  }
  if (finding.rule.startsWith('waiver-')) {
    const target = model.analysis.waivers.find((waiver) => waiver.span.start === finding.span.start)?.target;
    if (target) at(target, 'the statement this waiver stands over');
  }
  return related;
}

/**
 * Where a diagnostic's code links to: the rule's section of the rules
 * reference shipped with the extension. Only the built-in profile's rules are
 * documented there; a custom profile's rules get no link rather than a wrong one.
 */
export interface RuleDocs {
  /** URI of docs/rules.md. */
  uri: string;
  profileId: string;
  rules: ReadonlySet<string>;
}

function findingDiagnostic(model: SpecModel, finding: Finding, docs: RuleDocs | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanRange(model.lines, finding.span),
    severity: toSeverity(finding.severity),
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (docs && model.profile.id === docs.profileId && docs.rules.has(finding.rule)) {
    diagnostic.codeDescription = { href: `${docs.uri}#${ruleAnchor(finding.rule)}` };
  }
  const clauses = citedClauses(finding.clauses, model.analysis.regime.id, model.profile).map((clause) => clause.id);
  if (clauses.length > 0) diagnostic.data = { clauses } satisfies FindingData;
  const related = relatedInformation(model, finding);
  if (related.length > 0) diagnostic.relatedInformation = related;
  // An unused waiver is dead text; editors fade it out.
  if (finding.rule === 'waiver-unused') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function findingDiagnostics(model: SpecModel, docs?: RuleDocs): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of model.analysis.findings) if (!finding.waivedBy) diagnostics.push(findingDiagnostic(model, finding, docs));
  return diagnostics;
}

/** The first line's range: where notices about the whole spec go. */
function firstLine(end: number): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: end } };
}

export function noticeDiagnostic(notice: SettingsNotice, firstLineEnd: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: firstLine(firstLineEnd),
    severity: DiagnosticSeverity.Warning,
    code: notice.code,
    source: DIAGNOSTIC_SOURCE,
    message: notice.message,
  };
  if (notice.problem && notice.problemUri !== undefined) {
    diagnostic.relatedInformation = [
      { location: { uri: notice.problemUri, range: problemRange(notice.problem) }, message: notice.problem.message },
    ];
  }
  return diagnostic;
}

/** The one diagnostic of a file too large to check. */
export function notCheckedDiagnostic(reason: string, firstLineEnd: number): Diagnostic {
  return { range: firstLine(firstLineEnd), severity: DiagnosticSeverity.Information, code: NOT_CHECKED_CODE, source: DIAGNOSTIC_SOURCE, message: reason };
}

/** All diagnostics of a spec: settings notices first, then findings; one note when it was not checked. */
export function specDiagnostics(state: SpecState, docs?: RuleDocs): Diagnostic[] {
  if (state.kind === 'ignored') return [];
  if (state.kind === 'not-checked') return [notCheckedDiagnostic(state.reason, state.firstLineEnd)];
  const model = state.model;
  const lineEnd = model.lines.lineEnd(0);
  return [...state.settings.notices.map((notice) => noticeDiagnostic(notice, lineEnd)), ...findingDiagnostics(model, docs)];
}
