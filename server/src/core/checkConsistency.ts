/**
 * Findings about the document itself: statements that contradict the front
 * matter, and off-home products whose classification cannot be told. These
 * keep a "reclassify" quick fix honest, since changing a label does not
 * change what the text says.
 */
import type { Rule } from '../profile/profileTypes';
import { API_SURFACES, hasMixedSurfaces } from './documentFacts';
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

  if (facts.classificationDeclared && facts.classification === 'non-api') {
    // An API the statement places on the home cloud is someone else's or changes nothing, so it contradicts no label.
    const home = own.homeSurfaces ?? [];
    const api = own.evidence.filter((item) => item.facet === 'surface' && API_SURFACES.includes(item.value as never) && !home.includes(item.value as never));
    if (api.length > 0) contradicts('the text describes an API but the front matter declares `classification: non-api`', 'classification', api);
  }
  // Being on the home cloud never creates exposure, so only an undeclared cloud off it is a contradiction worth a warning.
  const homeCloud = context.profile.vocabulary.homeCloud;
  // Capacity leased or trained on ("sign two CoreWeave leases") is not where the product is served.
  const serving = (tie: Tie): boolean => tie.action === undefined || context.profile.vocabulary.verbClasses?.find((verbClass) => verbClass.id === tie.action)?.implies === undefined;
  const undeclared = facts.servedOnDeclared ? own.ties.filter((tie) => tie.cloud !== homeCloud && !facts.servedOn.includes(tie.cloud) && serving(tie)) : [];
  if (undeclared.length > 0) {
    const clouds = [...new Set(undeclared.map((tie) => tie.cloud))];
    contradicts(
      `the text puts the product on ${clouds.map((id) => cloudName(context, id)).join(' and ')}, which \`served-on\` does not list`,
      'served-on',
      undeclared.flatMap((tie) => tie.evidence.filter((item) => item.facet === 'cloud')),
    );
  }
  if (facts.collaborationDeclared && own.collaboration !== undefined && own.collaboration !== facts.collaboration) {
    contradicts(
      own.collaboration === 'co-developed'
        ? 'the text says the product is built with a third party but `co-developed-with` is empty'
        : 'the text says the product is first-party but `co-developed-with` names a partner',
      'co-developed-with',
      own.evidence.filter((item) => item.facet === 'collaboration'),
    );
  }
  if (!reasons) return undefined;
  return finding(rule, statement, `${rule.title}: ${reasons.join('; ')}.`, evidence, used);
}

export function checkClassification(statement: Statement, rule: Rule, context: RuleContext): Finding | undefined {
  if (context.facts.classificationDeclared || !hasMixedSurfaces(context.facts)) return undefined;
  const evidence = context.facts.surfaces.length > 0 ? statement.facets.evidence.filter((item) => item.facet === 'cloud') : [];
  return finding(
    rule,
    statement,
    `${rule.title}: the spec describes both API and non-API surfaces off ${cloudName(context, context.profile.vocabulary.homeCloud)} and declares no \`classification\`, so the rules that apply cannot be told.`,
    evidence,
    [],
  );
}
