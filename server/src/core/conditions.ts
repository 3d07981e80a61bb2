/**
 * The condition language of contract rules: leaf tests over the slots of one
 * claim (venue, surface, audience, partner, order, date, declared keys),
 * combined with `all`, `any` and `not`. Every field of a condition object
 * must hold.
 */
import type { IdTest, RuleCondition, SurfaceId } from '../profile/profileTypes';
import type { CompiledContract } from './compileContract';
import type { Evidence, FactUse } from './types';

/** One claim of a statement, with every slot filled from the statement or, where it is silent, the document. */
export interface Subject {
  surfaces: SurfaceId[];
  /** The venue the claim ties the product to; absent for a claim about surfaces alone. */
  cloud?: string;
  collaboration: 'first-party' | 'co-developed';
  partners: string[];
  customers: string[];
  homeFirst: boolean;
  /** The claim's date, `YYYY-MM-DD`, when one is known. */
  date?: string;
  keys: Readonly<Record<string, string[]>>;
  evidence: Evidence[];
  facts: FactUse[];
}

/** The ids a test lists, whether it lists them in `in` or in `notIn`. */
function idsOf(test: IdTest): string[] {
  return Array.isArray(test) ? test : 'in' in test ? test.in : test.notIn;
}

function isNegated(test: IdTest): boolean {
  return !Array.isArray(test) && 'notIn' in test;
}

function venueTest(test: IdTest, venue: string | undefined, contract: CompiledContract): boolean {
  // A claim with no venue is neither inside nor outside a group.
  if (venue === undefined) return false;
  let inside = false;
  for (const id of idsOf(test)) if (contract.venuesOf.get(id)?.has(venue)) inside = true;
  return inside !== isNegated(test);
}

function someTest(test: IdTest, values: readonly string[]): boolean {
  const ids = idsOf(test);
  const some = values.some((value) => ids.includes(value));
  return some !== isNegated(test);
}

function audienceTest(test: NonNullable<RuleCondition['audience']>, customers: readonly string[]): boolean {
  if (!Array.isArray(test) && 'only' in test) {
    // A carve-out for an audience covers the product only when every audience it serves is in it.
    return customers.length > 0 && customers.every((customer) => test.only.includes(customer));
  }
  return someTest(test, customers);
}

function partnerTest(test: NonNullable<RuleCondition['partner']>, subject: Subject): boolean {
  if (test === 'first-party' || test === 'co-developed') return subject.collaboration === test;
  return subject.partners.some((partner) => test.some((named) => named.toLowerCase() === partner.toLowerCase()));
}

export function conditionHolds(condition: RuleCondition, subject: Subject, contract: CompiledContract): boolean {
  if (condition.venue && !venueTest(condition.venue, subject.cloud, contract)) return false;
  if (condition.surface && !someTest(condition.surface, subject.surfaces)) return false;
  if (condition.partner && !partnerTest(condition.partner, subject)) return false;
  if (condition.audience && !audienceTest(condition.audience, subject.customers)) return false;
  if (condition.order && subject.homeFirst !== (condition.order === 'home-first')) return false;
  if (condition.date) {
    const { from, until } = condition.date;
    if (subject.date === undefined || (from !== undefined && subject.date < from) || (until !== undefined && subject.date > until)) return false;
  }
  if (condition.keys) {
    for (const [key, values] of Object.entries(condition.keys)) if (!(subject.keys[key] ?? []).some((value) => values.includes(value))) return false;
  }
  if (condition.all && !condition.all.every((child) => conditionHolds(child, subject, contract))) return false;
  if (condition.any && !condition.any.some((child) => conditionHolds(child, subject, contract))) return false;
  if (condition.not && conditionHolds(condition.not, subject, contract)) return false;
  return true;
}

/**
 * The surfaces a condition can hold for on a claim without a venue: none when
 * it needs a venue, the ones it names when it needs one of them, else `all`.
 * Statements that tie no venue and name none of these need no evaluation.
 */
export function untiedSurfaces(condition: RuleCondition): ReadonlySet<SurfaceId> | 'all' {
  if (condition.venue) return new Set();
  const needed: (ReadonlySet<SurfaceId> | 'all')[] = [];
  if (condition.surface && !isNegated(condition.surface)) needed.push(new Set(idsOf(condition.surface)));
  for (const child of condition.all ?? []) needed.push(untiedSurfaces(child));
  if (condition.any) {
    const options = condition.any.map(untiedSurfaces);
    needed.push(options.includes('all') ? 'all' : new Set(options.flatMap((option) => [...(option as ReadonlySet<SurfaceId>)])));
  }
  let result: ReadonlySet<SurfaceId> | undefined;
  for (const set of needed) {
    if (set === 'all') continue;
    const previous: ReadonlySet<SurfaceId> | undefined = result;
    result = previous === undefined ? set : new Set([...previous].filter((surface) => set.has(surface)));
  }
  return result ?? 'all';
}
