/**
 * The analysis core's one entry point: text, profile and options in, a model
 * of the spec and its findings out. It never throws on any input; problems
 * with the input are findings too.
 */
import type { Profile, Rule, Severity } from '../profile/profileTypes';
import { antecedentSurfaces } from './antecedentSurfaces';
import { checkClassification, checkDeclarations } from './checkConsistency';
import { compileVocabulary } from './compileVocabulary';
import { emptyFacets, NO_FACETS } from './detectFacets';
import { compileContract, mixesClasses, type CompiledContract } from './compileContract';
import { fillTemplate } from './describe';
import { documentFacts, homeServes } from './documentFacts';
import type { FacetCache } from './facetCache';
import { evaluateStatement, ruleContext } from './evaluateRules';
import { findDisguisedNames } from './findDisguisedNames';
import { findStatements } from './findStatements';
import { placeNamedSites } from './namedSites';
import { parseFrontMatter } from './parseFrontMatter';
import { readFrontMatter } from './readFrontMatter';
import { selectRegime, today } from './selectRegime';
import type { Analysis, AnalyzeOptions, FactUse, Finding, FrontMatter, Span, Statement } from './types';
import { applyWaivers, findWaivers } from './waivers';

function frontMatterStatements(frontMatter: FrontMatter | undefined, venueKey: string | undefined, servedOn: readonly string[]): Statement[] {
  if (!frontMatter) return [];
  return frontMatter.entries.map((entry) => ({
    kind: 'front-matter' as const,
    key: entry.key,
    span: { start: entry.keySpan.start, end: Math.max(entry.valueSpan.end, entry.keySpan.end) },
    section: [],
    facets: { ...emptyFacets(), ties: entry.key === venueKey ? servedOn.map((cloud) => ({ cloud, surfaces: [], evidence: [] })) : [] },
  }));
}

/** Whether the statement names surfaces of two classes ("a web workspace … and a REST API"), not both on the home group. */
function namesMixed(statement: Statement, contract: CompiledContract): boolean {
  const { surfaces, homeSurfaces = [] } = statement.facets;
  return mixesClasses(contract, surfaces.filter((surface) => !homeSurfaces.includes(surface)));
}

/** Whether the statement's own claims put surfaces of two classes (an API and a non-API product) off home. */
function placesMixedOffHome(statement: Statement, contract: CompiledContract): boolean {
  const ties = statement.facets.ties;
  if (ties.length === 1) return !contract.home.has(ties[0].cloud) && mixesClasses(contract, ties[0].surfaces);
  const surfaces = ties.flatMap((tie) => (contract.home.has(tie.cloud) ? [] : tie.surfaces));
  return mixesClasses(contract, surfaces);
}

/** The `no-regime` finding: on the key that gave the date when it is the launch date, else at the start. */
function noRegime(rule: Rule | undefined, profile: Profile, date: string, span: Span): Finding | undefined {
  if (!rule) return undefined;
  const template = profile.messages.noRegime ?? '{rule}: no regime of the contract is in force on {date}.';
  return { rule: rule.id, severity: rule.severity, message: fillTemplate(template, { rule: rule.title, date }), span, clauses: [], carveOuts: [], evidence: [], facts: [] };
}

function invalidFrontMatter(rule: Rule | undefined, message: string, span: Span, severity: Severity): Finding | undefined {
  if (!rule) return undefined;
  return { rule: rule.id, severity, message, span, clauses: [], carveOuts: [], evidence: [], facts: [] };
}

function applySeverity(findings: Finding[], overrides: AnalyzeOptions['severity']): Finding[] {
  if (!overrides) return findings;
  const kept: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.rule];
    if (override === 'off') continue;
    if (override) finding.severity = override;
    kept.push(finding);
  }
  return kept;
}

/**
 * Analyses one spec. Give the same `cache` to successive analyses of one
 * document (as the editor does on each keystroke) to re-read only the
 * statements that changed; the result is the same with or without it.
 */
export function analyze(text: string, profile: Profile, options: AnalyzeOptions = {}, cache?: FacetCache): Analysis {
  const vocabulary = compileVocabulary(profile);
  const contract = compileContract(profile);
  const rules = new Map(profile.rules.map((rule) => [rule.id, rule]));
  const findings: Finding[] = [];
  const add = (finding: Finding | undefined): void => {
    if (finding) findings.push(finding);
  };

  const parsed = cache ? cache.frontMatter(text) : parseFrontMatter(text);
  const { declared, issues } = readFrontMatter(parsed.frontMatter, profile, vocabulary);
  for (const problem of parsed.problems) add(invalidFrontMatter(rules.get('invalid-front-matter'), problem.message, problem.span, 'error'));
  for (const issue of issues) add(invalidFrontMatter(rules.get('invalid-front-matter'), issue.message, issue.span, issue.severity));

  cache?.begin(vocabulary, text);
  const body = findStatements(text, parsed.bodyStart, vocabulary, cache);
  // Statements read again where they use a name the spec gives a site; the cache keeps the plain reading.
  const read = placeNamedSites(text, body, vocabulary);
  const facts = documentFacts(declared, read, contract);
  const regime = selectRegime(profile, facts.launch, options);
  if (regime.uncovered) {
    const dateKey = contract.keyOf.date?.key;
    const entry = regime.reason === 'launch' ? parsed.frontMatter?.entries.find((candidate) => candidate.key === dateKey) : undefined;
    add(noRegime(rules.get('no-regime'), profile, regime.date!, entry ? { start: entry.keySpan.start, end: entry.valueSpan.end } : { start: 0, end: 0 }));
  }
  const entries = new Map((parsed.frontMatter?.entries ?? []).map((entry) => [entry.key, entry]));
  const factUses = new Map<string, FactUse>();
  for (const [key, entry] of entries) {
    factUses.set(key, { key, value: entry.values.join(', '), span: { start: entry.keySpan.start, end: entry.valueSpan.end } });
  }
  const context = ruleContext(profile, regime, facts, (key) => factUses.get(key), homeServes(facts, read, contract));
  const active = (id: string): Rule | undefined => {
    const rule = rules.get(id);
    return rule && rule.regimes.includes(regime.id) ? rule : undefined;
  };

  const mismatch = active('declaration-mismatch');
  const undetermined = active('classification-undetermined');
  let firstOffHome: Statement | undefined;
  /** Statements that themselves place both API and non-API surfaces off the home cloud. */
  const mixedOffHome: Statement[] = [];
  // Findings of an unchanged statement are reused while everything they read from the document is unchanged too.
  const documentContext = cache ? JSON.stringify([regime.id, facts, context.homeServes, [...factUses.values()]]) : '';
  read.forEach((statement, index) => {
    // A statement that claims nothing can give no finding.
    if (statement.facets === NO_FACETS) return;
    // A statement that leans on another (the one before it, "It runs on GKE"; a site a table names) is evaluated afresh, and its findings are not kept, as that one may change.
    const antecedent = antecedentSurfaces(text, read, index);
    const leans = antecedent !== undefined || statement !== body.statements[index];
    let own = leans ? undefined : cache?.findings(index, documentContext);
    if (!own) {
      own = evaluateStatement(statement, context, antecedent);
      const mismatched = mismatch ? checkDeclarations(statement, mismatch, context) : undefined;
      if (mismatched) own.push(mismatched);
      if (!leans) cache?.setFindings(index, own);
    }
    findings.push(...own);
    if (!firstOffHome && statement.facets.ties.some((tie) => !contract.home.has(tie.cloud))) firstOffHome = statement;
    if (placesMixedOffHome(statement, contract)) mixedOffHome.push(statement);
  });
  cache?.commit(parsed.bodyStart, body, documentContext);

  // When no sentence puts the product off the home cloud, the front matter's `served-on` is the claim to judge.
  const venueKey = contract.keyOf.venue?.key;
  const fmStatements = frontMatterStatements(parsed.frontMatter, venueKey, facts.servedOnDeclared ? facts.servedOn : []);
  const servedOnStatement = fmStatements.find((statement) => statement.key === venueKey);
  if (!firstOffHome && servedOnStatement && servedOnStatement.facets.ties.some((tie) => !contract.home.has(tie.cloud))) {
    findings.push(...evaluateStatement(servedOnStatement, context));
    firstOffHome = servedOnStatement;
  }
  if (undetermined && firstOffHome) {
    // Where the classification is left open: statements that place both surfaces off home; else the one that describes both; else, in a
    // spec about one declared product, the first off home. A document that declares no product (a roadmap, a wiki page) names many,
    // each of one class, so its mixture alone says nothing.
    const fallback = facts.product !== undefined ? firstOffHome : undefined;
    const described = read.find((statement) => namesMixed(statement, contract)) ?? fallback;
    const open = mixedOffHome.length > 0 ? mixedOffHome : described ? [described] : [];
    for (const statement of open) add(checkClassification(statement, undetermined, context));
  }

  findings.push(...findDisguisedNames(text, read, vocabulary.known, rules.get('disguised-text')));

  const statements = [...fmStatements, ...read];
  const waivers = findWaivers(text, body.comments, read, new Set(rules.keys()));
  findings.push(...applyWaivers(findings, waivers, rules, options.today ?? today()));
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));

  return {
    regime,
    frontMatter: parsed.frontMatter,
    statements,
    headings: body.headings,
    facts,
    findings: applySeverity(findings, options.severity),
    waivers,
  };
}
