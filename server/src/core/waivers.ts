/**
 * Reads `<!-- carveout-waive RULE: approved by NAME on DATE, expires DATE,
 * ref REF -->` comments and applies them to the next statement. A waiver is a
 * reviewer's recorded sign-off, so one without an approver or a reason, or
 * past its expiry, does not silence anything and is itself reported.
 */
import type { Rule } from '../profile/profileTypes';
import type { Finding, Span, Statement, Waiver } from './types';
import { isCalendarDate } from './isCalendarDate';

const WAIVER = /^<!--\s*carveout-waive\b\s*([^:]*?)\s*(?::([\s\S]*?))?-->$/i;
const APPROVED = /^approved by\s+(.+?)(?:\s+on\s+(\S+))?$/i;
const EXPIRES = /^expires?(?:\s+on)?\s+(\S+)$/i;
const REFERENCE = /^(?:ref|reference|ticket)\b[\s:#]*(.+)$/i;
const REASON = /^(?:reason|because)\b[\s:]*(.+)$/i;

/** Template placeholders such as `<approver>` count as missing. */
function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed || /^<[^>]*>$/.test(trimmed)) return undefined;
  return trimmed;
}

export interface ParsedWaiver extends Waiver {
  /** Problems found while reading the comment itself. */
  problems: string[];
}

export function parseWaiver(text: string, span: Span): ParsedWaiver | undefined {
  const match = WAIVER.exec(text.slice(span.start, span.end));
  if (!match) return undefined;
  const waiver: ParsedWaiver = { rules: [], span, problems: [] };
  waiver.rules = match[1].split(/[\s,]+/).filter((rule) => rule.length > 0);
  let reason: string | undefined;
  for (const part of (match[2] ?? '').split(',')) {
    const field = part.trim();
    if (field === '') continue;
    let found: RegExpExecArray | null;
    if ((found = APPROVED.exec(field))) {
      waiver.approver = filled(found[1]);
      waiver.approvedOn = filled(found[2]);
    } else if ((found = EXPIRES.exec(field))) {
      waiver.expires = filled(found[1]);
    } else if ((found = REFERENCE.exec(field))) {
      waiver.reference = filled(found[1]);
    } else if ((found = REASON.exec(field))) {
      reason = filled(found[1]);
    } else {
      waiver.problems.push(`cannot read \`${field}\``);
    }
  }
  waiver.reference ??= reason;
  if (waiver.rules.length === 0) waiver.problems.push('it names no rule');
  if (!waiver.approver) waiver.problems.push('it names no approver');
  if (!waiver.reference) waiver.problems.push('it gives no `ref` or `reason`');
  if (waiver.approvedOn !== undefined && !isCalendarDate(waiver.approvedOn)) waiver.problems.push(`approval date \`${waiver.approvedOn}\` is not YYYY-MM-DD`);
  if (waiver.expires !== undefined && !isCalendarDate(waiver.expires)) waiver.problems.push(`expiry \`${waiver.expires}\` is not YYYY-MM-DD`);
  return waiver;
}

export function findWaivers(text: string, comments: readonly Span[], statements: readonly Statement[], knownRules: ReadonlySet<string>): ParsedWaiver[] {
  const waivers: ParsedWaiver[] = [];
  let next = 0;
  for (const comment of comments) {
    const waiver = parseWaiver(text, comment);
    if (!waiver) continue;
    for (const rule of waiver.rules) if (!knownRules.has(rule)) waiver.problems.push(`\`${rule}\` is not a rule of this profile`);
    while (next < statements.length && statements[next].span.start < comment.end) next++;
    if (next < statements.length) waiver.target = statements[next].span;
    waivers.push(waiver);
  }
  return waivers;
}

function waiverFinding(rule: Rule | undefined, id: string, waiver: Waiver, message: string): Finding | undefined {
  if (!rule) return undefined;
  return { rule: id, severity: rule.severity, message, span: waiver.span, clauses: [], carveOuts: [], evidence: [], facts: [] };
}

/** Index of the first finding that starts at or after `offset`. */
function firstAtOrAfter(sorted: readonly Finding[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * Marks the findings each valid waiver silences and returns the findings
 * about the waivers themselves (incomplete, expired, unused).
 */
export function applyWaivers(findings: Finding[], waivers: readonly ParsedWaiver[], rules: ReadonlyMap<string, Rule>, today: string): Finding[] {
  const results: Finding[] = [];
  if (waivers.length === 0) return results;
  // Findings by start, so each waiver looks only at those within its statement.
  const byStart = [...findings].sort((a, b) => a.span.start - b.span.start);
  const push = (finding: Finding | undefined): void => {
    if (finding) results.push(finding);
  };
  for (const waiver of waivers) {
    const label = waiver.rules.join(', ') || 'waiver';
    if (waiver.problems.length > 0) {
      push(waiverFinding(rules.get('waiver-incomplete'), 'waiver-incomplete', waiver, `Waiver for ${label} does not count: ${waiver.problems.join('; ')}.`));
      continue;
    }
    if (waiver.expires !== undefined && waiver.expires < today) {
      push(waiverFinding(rules.get('waiver-expired'), 'waiver-expired', waiver, `Waiver for ${label} expired on ${waiver.expires} and no longer applies.`));
      continue;
    }
    let used = false;
    const target = waiver.target;
    if (target) {
      for (let index = firstAtOrAfter(byStart, target.start); index < byStart.length && byStart[index].span.start < target.end; index++) {
        const finding = byStart[index];
        if (waiver.rules.includes(finding.rule) && within(finding.span, target) && !finding.waivedBy) {
          finding.waivedBy = waiver;
          used = true;
        }
      }
    }
    if (!used) {
      const why = waiver.target ? `the statement after it has no ${label} finding` : 'no statement follows it';
      push(waiverFinding(rules.get('waiver-unused'), 'waiver-unused', waiver, `Waiver for ${label} silences nothing: ${why}.`));
    }
  }
  return results;
}
