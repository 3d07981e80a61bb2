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

export function preferredFix(context: FixContext, available: readonly FixId[]): FixId | undefined {
  if (available.includes('classify-non-api') && !textNamesApi(context)) return 'classify-non-api';
  if (available.includes('serve-on-home')) return 'serve-on-home';
  return undefined;
}

export function planFixes(context: FixContext, finding: Finding): FixPlan[] {
  const rule = context.profile.rules.find((candidate) => candidate.id === finding.rule);
  if (!rule) return [];
  const plans: FixPlan[] = [];
  for (const id of rule.fixes) {
    const entry = FIX_CATALOG[id];
    if (!entry || plans.some((plan) => plan.id === id)) continue;
    const edits = entry.plan(context, finding);
    if (edits.length === 0) continue;
    plans.push({ id, title: entry.title(context, finding), edits: sortEdits(edits), preferred: false });
  }
  const preferred = preferredFix(context, plans.map((plan) => plan.id));
  for (const plan of plans) plan.preferred = plan.id === preferred;
  return plans;
}
