/**
 * Reads `<!-- carveout-waive RULE: approved by NAME on DATE, expires DATE,
 * ref REF -->` comments and applies them to the next statement. A waiver is a
 * reviewer's recorded sign-off, so one without an approver, an approval date,
 * an expiry or a reason, or past its expiry, does not silence anything and is
 * itself reported. A waiver without an expiry would silence a finding forever.
 */
import { nearest } from '../profile/didYouMean';
import type { Rule } from '../profile/profileTypes';
import type { Finding, Span, Statement, Waiver } from './types';
import { firstStartingAt } from './firstStartingAt';
import { isCalendarDate } from './isCalendarDate';

const WAIVER = /^<!--\s*carveout-waive\b\s*([^:]*?)\s*(?::([\s\S]*?))?-->$/i;
const APPROVED = /^approved by\s+(.+?)(?:\s+on\s+(\S+))?$/i;
const EXPIRES = /^expires?(?:\s+on)?\s+(\S+)$/i;
const REFERENCE = /^(?:ref|reference|ticket)\b[\s:#]*(.+)$/i;
const REASON = /^(?:reason|because)\b[\s:]*(.+)$/i;

const PLACEHOLDER = /^<([^>]*)>$/;

/** A field as written: its value, or the template placeholder (`<approver>`) left in its place. */
interface Field {
  value?: string;
  placeholder?: string;
}

function field(raw: string | undefined): Field {
  const trimmed = raw?.trim();
  if (!trimmed) return {};
  return PLACEHOLDER.test(trimmed) ? { placeholder: trimmed } : { value: trimmed };
}

interface FieldRule {
  /** How the message names the field. */
  what: string;
  /** How the field is written, for a waiver that lacks it. */
  form: string;
  /** What to write instead of a placeholder. */
  instead: string;
  isDate: boolean;
}

const FIELDS = {
  approver: { what: 'approver', form: '`approved by NAME`', instead: "the approver's name", isDate: false },
  approvedOn: { what: 'approval date', form: '`approved by NAME on YYYY-MM-DD`', instead: 'the date as YYYY-MM-DD', isDate: true },
  expires: { what: 'expiry', form: '`expires YYYY-MM-DD`', instead: 'the date as YYYY-MM-DD', isDate: true },
  reference: { what: '`ref` or `reason`', form: '`ref TICKET` or `reason …`', instead: 'a ticket or a reason', isDate: false },
} satisfies Record<string, FieldRule>;

/** Why a field does not count, or nothing when it does. */
function fieldProblem(found: Field, rule: FieldRule): string | undefined {
  if (found.placeholder !== undefined) {
    const inner = PLACEHOLDER.exec(found.placeholder)![1];
    const instead = rule.isDate && isCalendarDate(inner) ? 'the date without angle brackets' : rule.instead;
    return `the ${rule.what} \`${found.placeholder}\` is a placeholder; write ${instead}`;
  }
  if (found.value === undefined) return `it gives no ${rule.what} (${rule.form})`;
  if (rule.isDate && !isCalendarDate(found.value)) return `the ${rule.what} \`${found.value}\` is not a date as YYYY-MM-DD`;
  return undefined;
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
  let approver: Field = {};
  let approvedOn: Field = {};
  let expires: Field = {};
  let reference: Field = {};
  let reason: Field = {};
  for (const part of (match[2] ?? '').split(',')) {
    const text = part.trim();
    if (text === '') continue;
    let found: RegExpExecArray | null;
    if ((found = APPROVED.exec(text))) {
      approver = field(found[1]);
      approvedOn = field(found[2]);
    } else if ((found = EXPIRES.exec(text))) {
      expires = field(found[1]);
    } else if ((found = REFERENCE.exec(text))) {
      reference = field(found[1]);
    } else if ((found = REASON.exec(text))) {
      reason = field(found[1]);
    } else {
      waiver.problems.push(`cannot read \`${text}\``);
    }
  }
  if (reference.value === undefined && reference.placeholder === undefined) reference = reason;
  waiver.approver = approver.value;
  waiver.approvedOn = approvedOn.value;
  waiver.expires = expires.value;
  waiver.reference = reference.value;
  if (waiver.rules.length === 0) waiver.problems.push('it names no rule');
  const problems = [
    fieldProblem(approver, FIELDS.approver),
    fieldProblem(approvedOn, FIELDS.approvedOn),
    fieldProblem(expires, FIELDS.expires),
    fieldProblem(reference, FIELDS.reference),
  ];
  for (const problem of problems) if (problem) waiver.problems.push(problem);
  if (problems[1] === undefined && problems[2] === undefined && waiver.expires! < waiver.approvedOn!) {
    waiver.problems.push(`it expires (${waiver.expires}) before it was approved (${waiver.approvedOn})`);
  }
  return waiver;
}

export function findWaivers(text: string, comments: readonly Span[], statements: readonly Statement[], knownRules: ReadonlySet<string>): ParsedWaiver[] {
  const waivers: ParsedWaiver[] = [];
  let next = 0;
  for (const comment of comments) {
    const waiver = parseWaiver(text, comment);
    if (!waiver) continue;
    for (const rule of waiver.rules) {
      if (knownRules.has(rule)) continue;
      const near = nearest(rule, knownRules);
      waiver.problems.push(`\`${rule}\` is not a rule of this profile${near === undefined ? '' : ` (did you mean \`${near}\`?)`}`);
    }
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
      for (let index = firstStartingAt(byStart, target.start); index < byStart.length && byStart[index].span.start < target.end; index++) {
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
