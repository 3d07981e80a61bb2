/**
 * The `add-value` fix: add to a list key (`customers`) the audience a
 * carve-out of the finding is for, for a reviewer who confirms the product
 * serves only that audience. The carve-out covers a product only when every
 * audience it serves is in its list, so the fix is offered only where the
 * key would then hold nothing else.
 */
import type { Finding, Statement } from '../core/types';
import type { FixDefinition, Rule, RuleCondition } from '../profile/profileTypes';
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { insertKeyLine } from './insertKey';
import { appendItem } from './listEdits';
import { resolveCustomer } from './profileNames';

export interface AudienceCarveOut {
  rule: Rule;
  /** The audiences the carve-out allows. */
  allowed: readonly string[];
  /** The audience the fix adds: the first one the carve-out names. */
  audience: string;
}

/** The audiences a condition's `audience` test names, at its top level or in `all`. */
function audiencesOf(condition: RuleCondition | undefined): readonly string[] {
  if (!condition) return [];
  const test = condition.audience;
  if (test) return Array.isArray(test) ? test : 'only' in test ? test.only : 'in' in test ? test.in : [];
  for (const child of condition.all ?? []) {
    const found = audiencesOf(child);
    if (found.length > 0) return found;
  }
  return [];
}

/** The first carve-out of the finding that turns on audiences and is in force in the regime. */
export function audienceCarveOut(context: FixContext, finding: Finding): AudienceCarveOut | undefined {
  const regime = context.analysis.regime.id;
  for (const id of finding.carveOuts) {
    const rule = context.profile.rules.find((candidate) => candidate.id === id);
    const allowed = audiencesOf(rule?.when);
    if (rule && allowed.length > 0 && rule.regimes.includes(regime)) return { rule, allowed, audience: allowed[0] };
  }
  return undefined;
}

function statementOf(context: FixContext, finding: Finding): Statement | undefined {
  return context.analysis.statements.find((statement) => statement.span.start === finding.span.start && statement.span.end === finding.span.end);
}

export function addValue(context: FixContext, finding: Finding, fix: FixDefinition): PlannedEdit[] {
  const carveOut = audienceCarveOut(context, finding);
  if (!carveOut || fix.key === undefined) return [];
  // Audiences the statement names itself win over the front matter, so the list would not help.
  if ((statementOf(context, finding)?.facets.customers.length ?? 0) > 0) return [];
  const { text, profile, analysis } = context;
  const entry = findEntry(analysis, fix.key);
  if (!entry) return insertKeyLine(text, analysis, `${fix.key}: [${carveOut.audience}]`);
  const current = entry.values.map((value) => resolveCustomer(profile, value));
  if (current.includes(carveOut.audience)) return [];
  if (!current.every((id) => id !== undefined && carveOut.allowed.includes(id))) return [];
  return appendItem(text, entry, carveOut.audience);
}
