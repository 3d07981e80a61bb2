/**
 * Evaluates the profile's contract rules on each statement. A statement gives
 * one "subject" per cloud tie (and one for its surfaces alone); a rule fires
 * when its condition holds for a subject and no rule in its `unless` list,
 * active in the same regime, holds for that subject too.
 */
import { SURFACE_IDS, type Profile, type Rule, type RuleCondition, type SurfaceId } from '../profile/profileTypes';
import type { Antecedent } from './antecedentSurfaces';
import { describeSurfaces } from './describe';
import { API_SURFACES, NON_API_SURFACES } from './documentFacts';
import { resolveDate } from './readDates';
import type { DocumentFacts, Evidence, FactUse, Finding, Statement, Tie } from './types';

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.facet === b.facet && a.value === b.value && a.span.start === b.span.start && a.span.end === b.span.end;
}

/** The most evidence items one finding keeps. */
const MAX_EVIDENCE = 24;

export interface Subject {
  surfaces: SurfaceId[];
  cloud?: string;
  collaboration: 'first-party' | 'co-developed';
  customers: string[];
  homeFirst: boolean;
  evidence: Evidence[];
  facts: FactUse[];
}

export interface RuleContext {
  profile: Profile;
  regimeId: string;
  /** The contract rules of the profile in force under `regimeId`. */
  activeRules: Rule[];
  /** For each active rule, the indexes in `activeRules` of the rules in its `unless`. */
  unlessOf: number[][];
  /** For each active rule, the clauses it cites under `regimeId`. */
  clausesOf: string[][];
  /** Surfaces that an active rule can judge without a cloud tie (open weights). */
  untiedSurfaces: ReadonlySet<SurfaceId>;
  facts: DocumentFacts;
  /** Front-matter facts by key, with where they are written. */
  factUse: (key: string) => FactUse | undefined;
  /** Whether the home cloud serves the product anywhere in the document. */
  homeServes: boolean;
}

/** What rule evaluation needs from one analysis, with the per-regime lookups done once. */
export function ruleContext(
  profile: Profile,
  regimeId: string,
  facts: DocumentFacts,
  factUse: RuleContext['factUse'],
  homeServes: boolean,
): RuleContext {
  const activeRules = activeContractRules(profile, regimeId);
  const index = new Map(activeRules.map((rule, position) => [rule.id, position]));
  return {
    profile,
    regimeId,
    activeRules,
    unlessOf: activeRules.map((rule) => rule.unless.flatMap((id) => (index.has(id) ? [index.get(id)!] : []))),
    clausesOf: clausesInForce(activeRules, profile, regimeId),
    untiedSurfaces: untiedSurfaces(activeRules),
    facts,
    factUse,
    homeServes,
  };
}

function withFact(facts: FactUse[], fact: FactUse | undefined): void {
  if (fact && !facts.some((existing) => existing.key === fact.key)) facts.push(fact);
}

/** Surfaces for a tie that names none: the declared classification, else what the text shows. */
function documentSurfaces(context: RuleContext, facts: FactUse[]): SurfaceId[] {
  const { classification, classificationDeclared, surfaces } = context.facts;
  if (classificationDeclared) withFact(facts, context.factUse('classification'));
  if (classification === 'api') {
    const found = surfaces.filter((surface) => API_SURFACES.includes(surface));
    return found.length > 0 ? found : ['api'];
  }
  if (classification === 'non-api') {
    const found = surfaces.filter((surface) => NON_API_SURFACES.includes(surface));
    return found.length > 0 ? found : ['non-api'];
  }
  if (classification === 'hybrid') return surfaces.length > 0 ? surfaces.slice() : ['api', 'non-api'];
  return [];
}

/** The earliest date among the statement's own ties to the home cloud. */
function earliestHome(ties: readonly Tie[], home: string, launch: string | undefined): number | undefined {
  let earliest: number | undefined;
  for (const tie of ties) if (tie.cloud === home && tie.when !== undefined) earliest = Math.min(earliest ?? Infinity, resolveDate(tie.when, launch));
  return earliest;
}

/**
 * Whether a table row is the record of one item across venue columns: its
 * first cell names the item, not a venue, and later cells name venues.
 */
function recordsItem(statement: Statement): boolean {
  const first = statement.kind === 'table-row' ? statement.cells?.[0]?.cell : undefined;
  if (!first || statement.facets.ties.length === 0) return false;
  return statement.facets.ties.every((tie) => tie.evidence.every((item) => item.facet !== 'cloud' || item.span.start >= first.end || item.span.end <= first.start));
}

/**
 * Whether the home cloud comes first for this claim: the statement's own
 * order words win; then its date against the home cloud's earliest date in
 * the document; then the document's order (declared, or said in words);
 * then whether the home cloud serves the product at all, unless other clouds
 * are given dates and the home cloud none.
 */
/** What a statement says of the home cloud itself, read once for all its claims. */
interface OwnHome {
  /** The earliest date among the statement's own ties to the home cloud. */
  date: number | undefined;
  /** Whether the statement is a dated table row recording one item that names no home cloud. */
  absentFromRecord: boolean;
}

function ownHomeOf(statement: Statement, home: string, launch: string | undefined): OwnHome {
  const ties = statement.facets.ties;
  return { date: earliestHome(ties, home, launch), absentFromRecord: !ties.some((tie) => tie.cloud === home) && recordsItem(statement) };
}

function homeFirst(statement: Statement, tie: Tie | undefined, context: RuleContext, facts: FactUse[], ownHome: OwnHome): boolean {
  const home = context.profile.vocabulary.homeCloud;
  const own = statement.facets;
  const { homeDate, launch } = context.facts;
  if (own.firstOn !== undefined) return own.firstOn === home;
  if (own.laterOn.includes(home)) return false;
  // The statement's own date for the home cloud ("Bedrock in May, Azure after the summer") speaks for this product before the document's.
  if (tie?.when !== undefined && ownHome.date !== undefined) return ownHome.date <= resolveDate(tie.when, launch);
  // A dated table row that records where one item ships ("| Batch API | | CoreWeave | |" under quarters) and names no home cloud does not ship there first.
  if (tie?.when !== undefined && ownHome.absentFromRecord) return false;
  if (tie?.when !== undefined && homeDate !== undefined) return homeDate <= resolveDate(tie.when, launch);
  if (context.facts.firstOn !== undefined) {
    withFact(facts, context.factUse('ships-first-on'));
    return context.facts.firstOn === home;
  }
  if (tie?.when !== undefined || (context.facts.datedOffHome && homeDate === undefined)) return false;
  if (context.facts.servedOnDeclared) withFact(facts, context.factUse('served-on'));
  return context.homeServes;
}

function subjectsOf(statement: Statement, context: RuleContext, antecedent: Antecedent | undefined): Subject[] {
  const own = statement.facets;
  let ownHome: OwnHome | undefined;
  const base = (surfaces: SurfaceId[] | undefined, tie: Tie | undefined, evidence: Evidence[]): Subject => {
    const cloud = tie?.cloud;
    const facts: FactUse[] = [];
    let collaboration = own.collaboration;
    if (collaboration === undefined) {
      collaboration = context.facts.collaboration;
      if (context.facts.collaborationDeclared) withFact(facts, context.factUse('co-developed-with'));
    }
    let customers = own.customers;
    if (customers.length === 0) {
      customers = context.facts.customers;
      if (context.facts.customersDeclared) withFact(facts, context.factUse('customers'));
    }
    const first = homeFirst(statement, tie, context, facts, (ownHome ??= ownHomeOf(statement, context.profile.vocabulary.homeCloud, context.facts.launch)));
    return { collaboration, customers, homeFirst: first, facts, cloud, surfaces: surfaces ?? documentSurfaces(context, facts), evidence };
  };
  const subjects: Subject[] = [];
  for (const tie of own.ties) {
    if (tie.surfaces.length > 0) subjects.push(base(tie.surfaces, tie, tie.evidence));
    else if (antecedent) subjects.push(base(antecedent.surfaces, tie, [...antecedent.evidence, ...tie.evidence]));
    else subjects.push(base(undefined, tie, tie.evidence));
  }
  if (own.surfaces.some((surface) => context.untiedSurfaces.has(surface))) {
    subjects.push(base(own.surfaces, undefined, own.evidence.filter((item) => item.facet === 'surface')));
  }
  return subjects;
}

function conditionHolds(condition: RuleCondition, subject: Subject, homeCloud: string): boolean {
  if (condition.surface && !subject.surfaces.some((surface) => condition.surface!.includes(surface))) return false;
  if (condition.offHome !== undefined) {
    const off = subject.cloud !== undefined && subject.cloud !== homeCloud;
    if (off !== condition.offHome) return false;
  }
  if (condition.collaboration && subject.collaboration !== condition.collaboration) return false;
  if (condition.customer) {
    // A carve-out for a customer segment covers the product only when every customer it serves is in that segment.
    if (subject.customers.length === 0 || !subject.customers.every((customer) => condition.customer!.includes(customer))) return false;
  }
  if (condition.homeFirst !== undefined && subject.homeFirst !== condition.homeFirst) return false;
  return true;
}

function activeContractRules(profile: Profile, regimeId: string): Rule[] {
  return profile.rules.filter((rule) => rule.kind === 'contract' && rule.when && rule.regimes.includes(regimeId));
}

/** Surfaces some rule can fire on without a cloud tie; other untied statements need no evaluation. */
function untiedSurfaces(rules: readonly Rule[]): Set<SurfaceId> {
  const surfaces = new Set<SurfaceId>();
  for (const rule of rules) {
    if (rule.when?.offHome === true) continue;
    for (const surface of rule.when?.surface ?? SURFACE_IDS) surfaces.add(surface);
  }
  return surfaces;
}

function message(rule: Rule, subject: Subject, context: RuleContext): string {
  const cloud = subject.cloud ? context.profile.vocabulary.clouds.find((entry) => entry.id === subject.cloud)?.name ?? subject.cloud : undefined;
  const what = describeSurfaces(subject.surfaces);
  const where = cloud ? ` is placed on ${cloud}` : '';
  return `${rule.title}: ${what}${where} under the ${context.regimeId} terms.`;
}

/**
 * For each rule, the clauses a finding of it cites: the rule's clauses from
 * the regime in force and from earlier regimes, newest first. Clauses of
 * later regimes did not exist yet under the terms being applied.
 */
function clausesInForce(rules: readonly Rule[], profile: Profile, regimeId: string): string[][] {
  const order = new Map(profile.regimes.map((regime, index) => [regime.id, index]));
  const active = order.get(regimeId) ?? Number.MAX_SAFE_INTEGER;
  const regimeOf = new Map(profile.clauses.map((clause) => [clause.id, order.get(clause.regime) ?? 0]));
  return rules.map((rule) =>
    rule.clauses.filter((id) => (regimeOf.get(id) ?? 0) <= active).sort((a, b) => (regimeOf.get(b) ?? 0) - (regimeOf.get(a) ?? 0)),
  );
}

/**
 * Findings of the contract rules for one statement; at most one per rule.
 * An `antecedent` gives the surfaces of a tie that names none ("It runs on GKE").
 */
export function evaluateStatement(statement: Statement, context: RuleContext, antecedent?: Antecedent): Finding[] {
  const own = statement.facets;
  if (own.ties.length === 0 && !own.surfaces.some((surface) => context.untiedSurfaces.has(surface))) return [];
  const home = context.profile.vocabulary.homeCloud;
  const rules = context.activeRules;
  const found: (Finding | undefined)[] = new Array(rules.length);
  const holding: boolean[] = new Array(rules.length);
  for (const subject of subjectsOf(statement, context, antecedent)) {
    for (let index = 0; index < rules.length; index++) holding[index] = conditionHolds(rules[index].when!, subject, home);
    for (let index = 0; index < rules.length; index++) {
      if (!holding[index] || context.unlessOf[index].some((other) => holding[other])) continue;
      const existing = found[index];
      if (existing) {
        // Enough evidence to explain a finding; a pathological statement must not grow it without bound.
        for (const item of subject.evidence) {
          if (existing.evidence.length >= MAX_EVIDENCE) break;
          if (!existing.evidence.some((known) => sameEvidence(known, item))) existing.evidence.push(item);
        }
        continue;
      }
      const rule = rules[index];
      found[index] = {
        rule: rule.id,
        severity: rule.severity,
        message: message(rule, subject, context),
        span: statement.span,
        clauses: context.clausesOf[index],
        carveOuts: rule.carveOuts,
        evidence: subject.evidence.slice(),
        facts: subject.facts,
        statementKind: statement.kind,
      };
    }
  }
  const findings: Finding[] = [];
  for (const finding of found) if (finding) findings.push(finding);
  return findings;
}
