/**
 * Findings about the document itself: statements that contradict the front
 * matter, and off-home products whose classification cannot be told. These
 * keep a "reclassify" quick fix honest, since changing a label does not
 * change what the text says.
 */
import type { Rule } from '../profile/profileTypes';
import { API_SURFACES, hasMixedSurfaces } from './documentFacts';
import type { RuleContext } from './evaluateRules';
import type { Evidence, FactUse, Finding, Statement } from './types';

function finding(rule: Rule, statement: Statement, message: string, evidence: Evidence[], facts: FactUse[]): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    message,
    span: statement.span,
    clauses: rule.clauses.slice(),
    carveOuts: rule.carveOuts.slice(),
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
  const reasons: string[] = [];
  const evidence: Evidence[] = [];
  const used: FactUse[] = [];
  const use = (key: string): void => {
    const fact = context.factUse(key);
    if (fact) used.push(fact);
  };

  if (facts.classificationDeclared && facts.classification === 'non-api') {
    const api = own.evidence.filter((item) => item.facet === 'surface' && API_SURFACES.includes(item.value as never));
    if (api.length > 0) {
      reasons.push('the text describes an API but the front matter declares `classification: non-api`');
      evidence.push(...api);
      use('classification');
    }
  }
  if (facts.servedOnDeclared) {
    const undeclared = own.ties.filter((tie) => !facts.servedOn.includes(tie.cloud));
    const clouds = [...new Set(undeclared.map((tie) => tie.cloud))];
    if (clouds.length > 0) {
      reasons.push(`the text puts the product on ${clouds.map((id) => cloudName(context, id)).join(' and ')}, which \`served-on\` does not list`);
      for (const tie of undeclared) evidence.push(...tie.evidence.filter((item) => item.facet === 'cloud'));
      use('served-on');
    }
  }
  if (facts.collaborationDeclared && own.collaboration !== undefined && own.collaboration !== facts.collaboration) {
    reasons.push(
      own.collaboration === 'co-developed'
        ? 'the text says the product is built with a third party but `co-developed-with` is empty'
        : 'the text says the product is first-party but `co-developed-with` names a partner',
    );
    evidence.push(...own.evidence.filter((item) => item.facet === 'collaboration'));
    use('co-developed-with');
  }
  if (reasons.length === 0) return undefined;
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
