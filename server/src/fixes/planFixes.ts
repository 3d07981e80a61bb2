/**
 * Plans the quick fixes for one finding: the rule's fixes in the order the
 * profile lists them, minus those that do not apply or would change nothing,
 * with one marked preferred.
 *
 * The preferred fix is the one a product manager most likely means: the
 * first fix the profile marks `preferred`, in the order of its `fixes`, that
 * applies. A `set-key` fix that writes a class of the key that fills
 * `surface` is passed over when some statement of the spec names a surface
 * that contradicts it (an API, for `non-api`): the text, not the label, is
 * then what the finding rests on. Fixes that assert a business fact only the
 * user can confirm, and waivers, are never marked preferred.
 */
import type { Finding } from '../core/types';
import type { FixDefinition, FixId } from '../profile/profileTypes';
import { sortEdits } from './applyEdits';
import { FIX_KINDS, fixTitle } from './fixCatalog';
import type { FixContext, FixPlan } from './fixTypes';
import { contradictingSurfaces } from './setKey';

function fixNamed(context: FixContext, id: FixId): FixDefinition | undefined {
  return context.profile.fixes.find((fix) => fix.id === id);
}

/** Each analysis's preference order, which a rule-wide fix asks for once per finding. */
const orders = new WeakMap<object, readonly FixId[]>();

/** The fixes that may be preferred, most wanted first. */
function preferenceOrder(context: FixContext): readonly FixId[] {
  let order = orders.get(context.analysis);
  if (!order) {
    const surfaces = context.analysis.facts.surfaces;
    order = context.profile.fixes
      .filter((fix) => fix.preferred === true && !contradictingSurfaces(context, fix).some((surface) => surfaces.includes(surface)))
      .map((fix) => fix.id);
    orders.set(context.analysis, order);
  }
  return order;
}

function preferredFix(context: FixContext, available: readonly FixId[]): FixId | undefined {
  return preferenceOrder(context).find((id) => available.includes(id));
}

function planOne(context: FixContext, finding: Finding, id: FixId): FixPlan | undefined {
  const fix = fixNamed(context, id);
  const edits = fix ? FIX_KINDS[fix.kind](context, finding, fix) : [];
  return edits.length === 0 ? undefined : { id, title: fixTitle(context, finding, fix!), edits: sortEdits(edits), preferred: false };
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
