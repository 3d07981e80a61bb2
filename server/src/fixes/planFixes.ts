/**
 * Plans the quick fixes for one finding: the rule's fixes in the order the
 * profile lists them, minus those that do not apply or would change nothing,
 * with one marked preferred.
 *
 * The preferred fix is the one a product manager most likely means:
 * - `classify-non-api`, when no statement of the spec names an API surface,
 *   so the API reading came from the declared classification alone and a
 *   reclassification leaves no statement contradicting it;
 * - otherwise `serve-on-home`, which removes the conflict from the text;
 * - otherwise none. Declaring first-party or a national-security customer
 *   asserts a business fact only the user can confirm, and a waiver is a
 *   reviewer's sign-off, so neither is ever chosen for the user.
 */
import { API_SURFACES } from '../core/documentFacts';
import type { Finding } from '../core/types';
import type { FixId } from '../profile/profileTypes';
import { sortEdits } from './applyEdits';
import { FIX_CATALOG } from './fixCatalog';
import type { FixContext, FixPlan } from './fixTypes';

/** Whether any statement of the spec's text names an API surface. */
function textNamesApi(context: FixContext): boolean {
  return context.analysis.facts.surfaces.some((surface) => API_SURFACES.includes(surface));
}

/** The fixes that may be preferred, most wanted first. */
function preferenceOrder(context: FixContext): readonly FixId[] {
  return textNamesApi(context) ? ['serve-on-home'] : ['classify-non-api', 'serve-on-home'];
}

function preferredFix(context: FixContext, available: readonly FixId[]): FixId | undefined {
  return preferenceOrder(context).find((id) => available.includes(id));
}

function planOne(context: FixContext, finding: Finding, id: FixId): FixPlan | undefined {
  const entry = FIX_CATALOG[id];
  const edits = entry?.plan(context, finding) ?? [];
  return edits.length === 0 ? undefined : { id, title: entry.title(context, finding), edits: sortEdits(edits), preferred: false };
}

/** The preferred fix alone, planning no other: what a rule-wide fix applies to each finding. */
export function planPreferredFix(context: FixContext, finding: Finding): FixPlan | undefined {
  const rule = context.profile.rules.find((candidate) => candidate.id === finding.rule);
  if (!rule) return undefined;
  for (const id of preferenceOrder(context)) {
    const plan = rule.fixes.includes(id) ? planOne(context, finding, id) : undefined;
    if (plan) return { ...plan, preferred: true };
  }
  return undefined;
}

export function planFixes(context: FixContext, finding: Finding): FixPlan[] {
  const rule = context.profile.rules.find((candidate) => candidate.id === finding.rule);
  if (!rule) return [];
  const plans: FixPlan[] = [];
  for (const id of rule.fixes) {
    if (plans.some((plan) => plan.id === id)) continue;
    const plan = planOne(context, finding, id);
    if (plan) plans.push(plan);
  }
  const preferred = preferredFix(context, plans.map((plan) => plan.id));
  for (const plan of plans) plan.preferred = plan.id === preferred;
  return plans;
}
