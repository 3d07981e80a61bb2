/**
 * Findings about the document itself: statements that contradict the front
 * matter, and off-home products whose classification cannot be told. These
 * keep a "reclassify" quick fix honest, since changing a label does not
 * change what the text says.
 */
import type { Messages, Rule } from '../profile/profileTypes';
import { classesOf, classNamed } from './compileContract';
import { fillTemplate, joinTitles } from './describe';
import { hasMixedSurfaces } from './documentFacts';
import type { RuleContext } from './evaluateRules';
import type { Evidence, FactUse, Finding, Statement, Tie } from './types';

function finding(rule: Rule, statement: Statement, message: string, evidence: Evidence[], facts: FactUse[]): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    message,
    span: statement.span,
    clauses: rule.clauses,
    carveOuts: rule.carveOuts,
    evidence,
    facts,
    statementKind: statement.kind,
  };
}

function cloudName(context: RuleContext, id: string): string {
  return context.profile.vocabulary.clouds.find((cloud) => cloud.id === id)?.name ?? id;
}

/** Wording of the consistency findings a profile leaves out. */
const DEFAULTS: Required<Pick<Messages, 'mismatchSurface' | 'mismatchVenue' | 'mismatchCoDeveloped' | 'mismatchFirstParty' | 'undetermined' | 'undeterminedOffHome'>> = {
  mismatchSurface: 'the text describes {surfaces} but the front matter declares `{key}: {value}`',
  mismatchVenue: 'the text puts the product on {venues}, which `{key}` does not list',
  mismatchCoDeveloped: 'the text says the product is built with a third party but `{key}` is empty',
  mismatchFirstParty: 'the text says the product is first-party but `{key}` names a partner',
  undetermined: 'the spec describes surfaces of {classes} and declares no `{key}`, so the rules that apply cannot be told',
  undeterminedOffHome: 'the spec describes {classes} surfaces off {home} and declares no `{key}`, so the rules that apply cannot be told',
};

function wording(context: RuleContext, name: keyof typeof DEFAULTS, values: Record<string, string>): string {
  return fillTemplate(context.profile.messages[name] ?? DEFAULTS[name], values);
}

export function checkDeclarations(statement: Statement, rule: Rule, context: RuleContext): Finding | undefined {
  const { facts } = context;
  const own = statement.facets;
  // Most statements tie no cloud and name no API or partner; they cannot contradict the front matter.
  if (own.evidence.length === 0) return undefined;
  let reasons: string[] | undefined;
  const evidence: Evidence[] = [];
  const used: FactUse[] = [];
  const contradicts = (reason: string, key: string, items: readonly Evidence[]): void => {
    (reasons ??= []).push(reason);
    evidence.push(...items);
    const fact = context.factUse(key);
    if (fact) used.push(fact);
  };

  const { contract } = context;
  const declaredClass = facts.classificationDeclared ? classNamed(contract, facts.classification) : undefined;
  if (declaredClass?.contradictedBy && contract.keyOf.surface) {
    // A surface the statement places on a home venue is someone else's or changes nothing, so it contradicts no label.
    const home = own.homeSurfaces ?? [];
    const against = declaredClass.contradictedBy;
    const found = own.evidence.filter((item) => item.facet === 'surface' && against.includes(item.value) && !home.includes(item.value));
    if (found.length > 0) {
      const key = contract.keyOf.surface.key;
      const titles = [...new Set(found.map((item) => contract.surfaces.get(item.value)?.title ?? item.value))];
      contradicts(wording(context, 'mismatchSurface', { key, value: declaredClass.value, surfaces: joinTitles(titles, context.profile.messages.and ?? 'and') }), key, found);
    }
  }
  // Being on a home venue never creates exposure, so only an undeclared venue off home is a contradiction worth a warning.
  // Capacity leased or trained on ("sign two CoreWeave leases") is not where the product is served.
  const serving = (tie: Tie): boolean => tie.action === undefined || context.profile.vocabulary.verbClasses?.find((verbClass) => verbClass.id === tie.action)?.implies === undefined;
  const venueKey = contract.keyOf.venue?.key;
  const undeclared = venueKey && facts.servedOnDeclared ? own.ties.filter((tie) => !contract.home.has(tie.cloud) && !facts.servedOn.includes(tie.cloud) && serving(tie)) : [];
  if (venueKey && undeclared.length > 0) {
    const clouds = [...new Set(undeclared.map((tie) => tie.cloud))];
    contradicts(
      wording(context, 'mismatchVenue', { key: venueKey, venues: clouds.map((id) => cloudName(context, id)).join(` ${context.profile.messages.and ?? 'and'} `) }),
      venueKey,
      undeclared.flatMap((tie) => tie.evidence.filter((item) => item.facet === 'cloud')),
    );
  }
  const partnerKey = contract.keyOf.partner?.key;
  if (partnerKey && facts.collaborationDeclared && own.collaboration !== undefined && own.collaboration !== facts.collaboration) {
    contradicts(
      wording(context, own.collaboration === 'co-developed' ? 'mismatchCoDeveloped' : 'mismatchFirstParty', { key: partnerKey }),
      partnerKey,
      own.evidence.filter((item) => item.facet === 'collaboration'),
    );
  }
  if (!reasons) return undefined;
  return finding(rule, statement, `${rule.title}: ${reasons.join('; ')}.`, evidence, used);
}

export function checkClassification(statement: Statement, rule: Rule, context: RuleContext): Finding | undefined {
  const { contract, facts } = context;
  const key = contract.keyOf.surface?.key;
  if (!key || facts.classificationDeclared || !hasMixedSurfaces(facts, contract)) return undefined;
  const evidence = facts.surfaces.length > 0 ? statement.facets.evidence.filter((item) => item.facet === 'cloud') : [];
  const classes = joinTitles(classesOf(contract, facts.surfaces).map((entry) => entry.title ?? entry.value), context.profile.messages.and ?? 'and');
  const text = contract.homeTitle
    ? wording(context, 'undeterminedOffHome', { key, classes, home: contract.homeTitle })
    : wording(context, 'undetermined', { key, classes });
  return finding(rule, statement, `${rule.title}: ${text}.`, evidence, []);
}
