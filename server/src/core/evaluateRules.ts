/**
 * Evaluates the profile's contract rules on each statement. A statement gives
 * one "subject" per venue tie (and one for its surfaces alone); a rule fires
 * when its condition holds for a subject and no rule in its `unless` list,
 * active in the same regime, holds for that subject too.
 */
import type { Profile, Rule, SurfaceId } from '../profile/profileTypes';
import { citableUnder, clauseStart } from './clauseWindows';
import { classNamed, compileContract, type CompiledContract } from './compileContract';
import { conditionHolds, untiedSurfaces, type Subject } from './conditions';
import { describeSurfaces, fillTemplate } from './describe';
import type { Antecedent } from './antecedentSurfaces';
import { resolveDate } from './readDates';
import type { DocumentFacts, Evidence, FactUse, Finding, Statement, Tie } from './types';

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.facet === b.facet && a.value === b.value && a.span.start === b.span.start && a.span.end === b.span.end;
}

/** The most evidence items one finding keeps. */
const MAX_EVIDENCE = 24;

export interface RuleContext {
  profile: Profile;
  contract: CompiledContract;
  regimeId: string;
  /** The date the spec is judged on, `YYYY-MM-DD`, when known: a claim without a date of its own has it. */
  date?: string;
  /** The contract rules of the profile in force under `regimeId`. */
  activeRules: Rule[];
  /** For each active rule, the indexes in `activeRules` of the rules in its `unless`. */
  unlessOf: number[][];
  /** For each active rule, the clauses it cites under `regimeId`. */
  clausesOf: string[][];
  /** Surfaces that an active rule can judge without a venue tie (open weights); `all` when any can. */
  untiedSurfaces: ReadonlySet<SurfaceId> | 'all';
  facts: DocumentFacts;
  /** Front-matter facts by key, with where they are written. */
  factUse: (key: string) => FactUse | undefined;
  /** Whether a home venue serves the product anywhere in the document. */
  homeServes: boolean;
}

/** What rule evaluation needs from one analysis, with the per-regime lookups done once. */
export function ruleContext(
  profile: Profile,
  regime: { id: string; date?: string; uncovered?: true },
  facts: DocumentFacts,
  factUse: RuleContext['factUse'],
  homeServes: boolean,
): RuleContext {
  // No contract rule applies on a date no regime covers.
  const rules = regime.uncovered ? NO_RULES : rulesInForce(profile, regime.id);
  return { profile, contract: compileContract(profile), regimeId: regime.id, date: regime.date ?? facts.launch, ...rules, facts, factUse, homeServes };
}

/** What a profile's rules are under one regime; the same for every analysis under it. */
type RulesInForce = Pick<RuleContext, 'activeRules' | 'unlessOf' | 'clausesOf' | 'untiedSurfaces'>;

const NO_RULES: RulesInForce = { activeRules: [], unlessOf: [], clausesOf: [], untiedSurfaces: new Set() };

const rulesByRegime = new WeakMap<Profile, Map<string, RulesInForce>>();

function rulesInForce(profile: Profile, regimeId: string): RulesInForce {
  let byRegime = rulesByRegime.get(profile);
  if (!byRegime) rulesByRegime.set(profile, (byRegime = new Map()));
  let rules = byRegime.get(regimeId);
  if (rules) return rules;
  const activeRules = activeContractRules(profile, regimeId);
  const index = new Map(activeRules.map((rule, position) => [rule.id, position]));
  const untied = new Set<SurfaceId>();
  let anyUntied = false;
  for (const rule of activeRules) {
    const surfaces = untiedSurfaces(rule.when!);
    if (surfaces === 'all') anyUntied = true;
    else for (const surface of surfaces) untied.add(surface);
  }
  rules = {
    activeRules,
    unlessOf: activeRules.map((rule) => rule.unless.flatMap((id) => (index.has(id) ? [index.get(id)!] : []))),
    clausesOf: clausesInForce(activeRules, profile, regimeId),
    untiedSurfaces: anyUntied ? 'all' : untied,
  };
  byRegime.set(regimeId, rules);
  return rules;
}

function withFact(facts: FactUse[], fact: FactUse | undefined): void {
  if (fact && !facts.some((existing) => existing.key === fact.key)) facts.push(fact);
}

function useKey(context: RuleContext, facts: FactUse[], slot: 'surface' | 'venue' | 'partner' | 'audience' | 'order'): void {
  const key = context.contract.keyOf[slot];
  if (key) withFact(facts, context.factUse(key.key));
}

/**
 * Surfaces for a tie that names none: those of the declared (or inferred)
 * class, else what the text shows; never one the statement denies, nor one
 * within it. A statement that denies all of them ("there is no API surface
 * involved") is about the one class it leaves.
 */
function documentSurfaces(context: RuleContext, facts: FactUse[], denied: readonly SurfaceId[] | undefined): SurfaceId[] {
  const { classification, classificationDeclared, surfaces } = context.facts;
  const { contract } = context;
  const allowed = (surface: SurfaceId): boolean => !denied || !isDenied(contract, surface, denied);
  // Only a denied surface of a class says which class is left ("no API surface" leaves the non-API one).
  const classed = (surface: SurfaceId): boolean => contract.pureClasses.some((entry) => entry.surfaces!.includes(surface));
  if (denied?.some(classed) && !classificationDeclared) {
    const kept = surfaces.filter((surface) => classed(surface) && allowed(surface));
    if (kept.length > 0) return kept;
    const left = contract.pureClasses.filter((entry) => entry.surfaces!.every(allowed));
    if (left.length === 1) return [left[0].surfaces![0]];
  }
  if (classificationDeclared) useKey(context, facts, 'surface');
  const found = classNamed(contract, classification);
  if (!found) return [];
  // A class without surfaces of its own ("hybrid") lends those of the other classes, never a release or capacity named elsewhere.
  const own = found.surfaces === undefined ? surfaces.filter((surface) => classed(surface) && allowed(surface)) : surfaces.filter((surface) => found.surfaces!.includes(surface) && allowed(surface));
  return own.length > 0 ? own : (found.otherwise ?? []).filter(allowed);
}

/** Whether a surface is denied, or lies within one that is. */
function isDenied(contract: CompiledContract, surface: SurfaceId, denied: readonly SurfaceId[]): boolean {
  // A bounded walk: a profile that nests surfaces in a loop must not hang the analysis.
  for (let current: SurfaceId | undefined = surface, depth = 0; current !== undefined && depth < 16; depth++) {
    if (denied.includes(current)) return true;
    current = contract.surfaces.get(current)?.within;
  }
  return false;
}

/** The earliest date among the statement's own ties to a home venue. */
function earliestHome(ties: readonly Tie[], home: ReadonlySet<string>, launch: string | undefined): number | undefined {
  let earliest: number | undefined;
  for (const tie of ties) if (home.has(tie.cloud) && tie.when !== undefined) earliest = Math.min(earliest ?? Infinity, resolveDate(tie.when, launch));
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
 * Whether a home venue comes first for this claim: the statement's own order
 * words win; then its date against the home venues' earliest date in the
 * document; then the document's order (declared, or said in words); then
 * whether a home venue serves the product at all, unless other venues are
 * given dates and the home venues none.
 */
/** What a statement says of the home venues themselves, read once for all its claims. */
interface OwnHome {
  /** The earliest date among the statement's own ties to a home venue. */
  date: number | undefined;
  /** Whether the statement is a dated table row recording one item that names no home venue. */
  absentFromRecord: boolean;
  /** Whether the statement places the product on a home venue without a date. */
  undatedHome: boolean;
}

function ownHomeOf(statement: Statement, home: ReadonlySet<string>, launch: string | undefined): OwnHome {
  const ties = statement.facets.ties;
  return {
    date: earliestHome(ties, home, launch),
    absentFromRecord: !ties.some((tie) => home.has(tie.cloud)) && recordsItem(statement),
    undatedHome: ties.some((tie) => home.has(tie.cloud) && tie.when === undefined),
  };
}

function homeFirst(statement: Statement, tie: Tie | undefined, context: RuleContext, facts: FactUse[], ownHome: OwnHome): boolean {
  const home = context.contract.home;
  const own = statement.facets;
  const { homeDate, launch } = context.facts;
  if (own.firstOn !== undefined) return home.has(own.firstOn);
  if (own.laterOn.some((venue) => home.has(venue))) return false;
  // The statement's own date for a home venue ("Bedrock in May, Azure after the summer") speaks for this product before the document's.
  if (tie?.when !== undefined && ownHome.date !== undefined) return ownHome.date <= resolveDate(tie.when, launch);
  // A statement that places the product on a home venue beside the others, with no date for either ("AKS on Azure, EKS on AWS"), describes where it runs, not an order.
  if (tie?.when === undefined && ownHome.undatedHome) return true;
  // A dated table row that records where one item ships ("| Batch API | | CoreWeave | |" under quarters) and names no home venue does not ship there first.
  if (tie?.when !== undefined && ownHome.absentFromRecord) return false;
  if (tie?.when !== undefined && homeDate !== undefined) return homeDate <= resolveDate(tie.when, launch);
  if (context.facts.firstOn !== undefined) {
    useKey(context, facts, 'order');
    return home.has(context.facts.firstOn);
  }
  if (tie?.when !== undefined || (context.facts.datedOffHome && homeDate === undefined)) return false;
  if (context.facts.servedOnDeclared) useKey(context, facts, 'venue');
  return context.homeServes;
}

/** The claim's date as `YYYY-MM-DD`: its own, else the date the spec is judged on. */
function claimDate(tie: Tie | undefined, context: RuleContext): string | undefined {
  if (tie?.when !== undefined) {
    const value = resolveDate(tie.when, context.facts.launch);
    const year = Math.floor(value / 10000);
    if (year > 0 && year < 10000) return `${String(year).padStart(4, '0')}-${String(Math.floor(value / 100) % 100).padStart(2, '0')}-${String(value % 100).padStart(2, '0')}`;
  }
  return context.date;
}

function subjectsOf(statement: Statement, context: RuleContext, antecedent: Antecedent | undefined): Subject[] {
  const own = statement.facets;
  let ownHome: OwnHome | undefined;
  const base = (surfaces: SurfaceId[] | undefined, tie: Tie | undefined, evidence: Evidence[]): Subject => {
    const facts: FactUse[] = [];
    let collaboration = own.collaboration;
    let partners = own.partners;
    if (collaboration === undefined) {
      collaboration = context.facts.collaboration;
      partners = context.facts.partners;
      if (context.facts.collaborationDeclared) useKey(context, facts, 'partner');
    }
    let customers = own.customers;
    if (customers.length === 0) {
      customers = context.facts.customers;
      if (context.facts.customersDeclared) useKey(context, facts, 'audience');
    }
    const first = homeFirst(statement, tie, context, facts, (ownHome ??= ownHomeOf(statement, context.contract.home, context.facts.launch)));
    const subject: Subject = {
      collaboration,
      partners,
      customers,
      homeFirst: first,
      date: claimDate(tie, context),
      keys: context.facts.keys,
      facts,
      cloud: tie?.cloud,
      surfaces: surfaces ?? documentSurfaces(context, facts, own.deniedSurfaces),
      evidence,
    };
    return subject;
  };
  const subjects: Subject[] = [];
  for (const tie of own.ties) {
    if (tie.surfaces.length > 0) subjects.push(base(tie.surfaces, tie, tie.evidence));
    else if (antecedent) subjects.push(base(antecedent.surfaces, tie, [...antecedent.evidence, ...tie.evidence]));
    else subjects.push(base(undefined, tie, tie.evidence));
  }
  if (hasUntiedSurface(own.surfaces, context)) {
    subjects.push(base(own.surfaces, undefined, own.evidence.filter((item) => item.facet === 'surface')));
  }
  return subjects;
}

function hasUntiedSurface(surfaces: readonly SurfaceId[], context: RuleContext): boolean {
  const untied = context.untiedSurfaces;
  return untied === 'all' ? surfaces.length > 0 : surfaces.some((surface) => untied.has(surface));
}

function activeContractRules(profile: Profile, regimeId: string): Rule[] {
  return profile.rules.filter((rule) => rule.kind === 'contract' && rule.when && rule.regimes.includes(regimeId));
}

/** `A`, `A and B`, `A, B and C`. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The message of a finding; `venues` are every venue its claims name, the subject's own first. */
function message(rule: Rule, subject: Subject, context: RuleContext, venues: readonly string[] = subject.cloud ? [subject.cloud] : []): string {
  const { profile } = context;
  const nameOf = (id: string): string => profile.vocabulary.clouds.find((entry) => entry.id === id)?.name ?? id;
  const venue = venues.length > 0 ? joinNames(venues.map(nameOf)) : undefined;
  const template = rule.message ?? (venue ? profile.messages.placed : profile.messages.unplaced) ?? DEFAULT_MESSAGE;
  return fillTemplate(template, {
    rule: rule.title,
    surfaces: describeSurfaces(subject.surfaces, context.contract, profile.messages),
    venue: venue ?? '',
    regime: context.regimeId,
    date: subject.date ?? '',
  });
}

/** The message of a profile that words none. */
const DEFAULT_MESSAGE = '{rule}: {surfaces} ({venue}) under the {regime} terms.';

/**
 * For each rule, the clauses a finding of it cites: those citable under the
 * regime applied (`clauseWindows.ts`), newest first.
 */
function clausesInForce(rules: readonly Rule[], profile: Profile, regimeId: string): string[][] {
  const clauses = new Map(profile.clauses.map((clause) => [clause.id, clause]));
  const start = (id: string): string => {
    const clause = clauses.get(id);
    return clause ? clauseStart(profile, clause) : '';
  };
  return rules.map((rule) =>
    rule.clauses
      .filter((id) => {
        const clause = clauses.get(id);
        return clause === undefined || citableUnder(profile, clause, regimeId);
      })
      .sort((a, b) => (start(b) < start(a) ? -1 : start(b) > start(a) ? 1 : 0)),
  );
}

/**
 * Findings of the contract rules for one statement; at most one per rule.
 * An `antecedent` gives the surfaces of a tie that names none ("It runs on GKE").
 */
export function evaluateStatement(statement: Statement, context: RuleContext, antecedent?: Antecedent): Finding[] {
  const own = statement.facets;
  if (own.ties.length === 0 && !hasUntiedSurface(own.surfaces, context)) return [];
  const rules = context.activeRules;
  const found: (Finding | undefined)[] = new Array(rules.length);
  /** For each finding, the subject that made it and every venue its claims name, so the message names them all ("Hulu and Pluto TV"). */
  const madeBy: (Subject | undefined)[] = new Array(rules.length);
  const venuesOf: (string[] | undefined)[] = new Array(rules.length);
  const holding: boolean[] = new Array(rules.length);
  for (const subject of subjectsOf(statement, context, antecedent)) {
    for (let index = 0; index < rules.length; index++) holding[index] = conditionHolds(rules[index].when!, subject, context.contract);
    for (let index = 0; index < rules.length; index++) {
      if (!holding[index] || context.unlessOf[index].some((other) => holding[other])) continue;
      if (subject.cloud !== undefined) {
        const venues = (venuesOf[index] ??= []);
        if (!venues.includes(subject.cloud)) venues.push(subject.cloud);
      }
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
      madeBy[index] = subject;
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
  found.forEach((finding, index) => {
    if (!finding) return;
    const venues = venuesOf[index];
    if (venues && venues.length > 1) finding.message = message(rules[index], madeBy[index]!, context, venues);
    findings.push(finding);
  });
  return findings;
}
