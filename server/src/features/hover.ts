/**
 * Hovers in Markdown. On a flagged statement: each finding's rule, why it
 * fired, the regime and why it applies, the clauses cited with quote, source,
 * date, confidence and supersession, the carve-outs that could apply, the
 * waiver, and the profile's disclaimer. On a front-matter key: what it
 * declares and the values it takes; on a value: what that value means.
 *
 * Rendering is split into small pure functions that return Markdown blocks
 * (paragraphs, lists, quotes), so tests can pin the exact text.
 */
import type { Hover, Position, Range } from 'vscode-languageserver';
import { citableUnder, ofRegime } from '../core/clauseWindows';
import { allowedValues, compileContract } from '../core/compileContract';
import { regimeOn } from '../core/selectRegime';
import type { Analysis, Evidence, FactUse, Finding, FrontMatterEntry, RegimeChoice, Span, Waiver } from '../core/types';
import type { Clause, Cloud, FrontMatterKey, Profile, Regime, Rule } from '../profile/profileTypes';
import { planFixes } from '../fixes/planFixes';
import { didYouMean } from '../profile/didYouMean';
import { resolveCloud, resolveCustomer } from '../fixes/profileNames';
import type { SpecModel } from '../specModel';

/**
 * Who reads the hover (`carveout.audience`): the author of a spec wants what
 * to do about a finding first; a reviewer wants the clauses, their sources
 * and the carve-outs first, superseded clauses included.
 */
export type Audience = 'author' | 'reviewer';

/** What the renderers read: the analysed text and the profile it was analysed with. */
export interface HoverContext {
  text: string;
  profile: Profile;
  analysis: Analysis;
  audience?: Audience;
}

/** Escapes the characters that would turn profile or spec text into Markdown syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
}

function ruleOf(profile: Profile, id: string): Rule | undefined {
  return profile.rules.find((rule) => rule.id === id);
}

function cloudOf(profile: Profile, id: string): Cloud | undefined {
  return profile.vocabulary.clouds.find((cloud) => cloud.id === id);
}

/** Regimes in the order they came into force. */
function regimesInOrder(profile: Profile): Regime[] {
  return profile.regimes.slice().sort((a, b) => a.from.localeCompare(b.from));
}

export function regimePeriod(regime: Regime): string {
  return regime.until ? `${regime.from} to ${regime.until}` : `from ${regime.from}`;
}

// ---- findings -----------------------------------------------------------

/** `**Title** · `rule-id` · severity`, and `(waived)` for a waived finding. */
export function renderFindingTitle(finding: Finding, profile: Profile): string {
  const title = ruleOf(profile, finding.rule)?.title ?? finding.rule;
  return `**${escapeMarkdown(title)}** · \`${finding.rule}\` · ${finding.severity}${finding.waivedBy ? ' (waived)' : ''}`;
}

/**
 * The finding's message without the rule title it starts with, which the
 * heading already shows. Messages are written with Markdown code spans for
 * keys and values, so they are not escaped.
 */
export function renderFindingMessage(finding: Finding, profile: Profile): string {
  const title = ruleOf(profile, finding.rule)?.title;
  let message = finding.message;
  if (title && message.startsWith(`${title}: `)) message = message.slice(title.length + 2);
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** What the words gave: a venue ("cloud: Amazon Web Services", in the profile's word for a venue), a tying phrase, or another facet. */
function evidenceLabel(evidence: Evidence, profile: Profile): string {
  if (evidence.facet === 'cloud') {
    if (evidence.value === 'tie') return profile.messages.tieWord ?? 'placement';
    return `${profile.messages.venueWord ?? 'venue'}: ${cloudOf(profile, evidence.value)?.name ?? evidence.value}`;
  }
  return `${evidence.facet}: ${evidence.value}`;
}

/** `"served from" (hosting), "AWS" (cloud: Amazon Web Services)`: the words of the text that gave each facet. */
export function renderEvidence(evidence: readonly Evidence[], text: string, profile: Profile): string | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const item of [...evidence].sort((a, b) => a.span.start - b.span.start)) {
    const key = `${item.span.start}:${item.span.end}:${item.facet}:${item.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`"${escapeMarkdown(text.slice(item.span.start, item.span.end))}" (${escapeMarkdown(evidenceLabel(item, profile))})`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** `` `classification: api`, `served-on: [aws]` ``: the front-matter facts the finding relied on, lists written as lists. */
export function renderFacts(facts: readonly FactUse[], profile: Profile): string | undefined {
  if (facts.length === 0) return undefined;
  return facts
    .map((fact) => {
      const list = profile.frontMatter.find((key) => key.key === fact.key)?.kind === 'list';
      const value = list ? `[${fact.value}]` : fact.value;
      return `\`${fact.key}: ${value.replace(/`/g, "'")}\``;
    })
    .join(', ');
}

/** The regime in force for the analysis and what picked it. */
export function renderRegimeChoice(choice: RegimeChoice, profile: Profile): string {
  if (choice.uncovered) return `no regime, as none is in force on ${choice.date}`;
  const regime = profile.regimes.find((candidate) => candidate.id === choice.id);
  const named = regime ? `\`${regime.id}\` ${escapeMarkdown(regime.title)} (${regimePeriod(regime)})` : `\`${choice.id}\``;
  switch (choice.reason) {
    case 'launch':
      return `${named}, in force on the spec's \`launch\` date ${choice.date}`;
    case 'regime':
      return `${named}, chosen by the \`carveout.regime\` setting or \`--regime\``;
    case 'as-of':
      return `${named}, in force on the as-of date ${choice.date} (\`carveout.asOfDate\` setting or \`--as-of\`)`;
    case 'today':
      return `${named}, in force today (${choice.date}); the spec declares no \`launch\` date`;
  }
}

/** The "Why" list: evidence words, front-matter facts and, for contract rules, the regime. */
export function renderWhy(finding: Finding, context: HoverContext): string | undefined {
  const lines: string[] = [];
  const words = renderEvidence(finding.evidence, context.text, context.profile);
  if (words) lines.push(`- Words: ${words}`);
  const facts = renderFacts(finding.facts, context.profile);
  if (facts) lines.push(`- Front matter: ${facts}`);
  if (ruleOf(context.profile, finding.rule)?.kind === 'contract') lines.push(`- Regime: ${renderRegimeChoice(context.analysis.regime, context.profile)}`);
  return lines.length > 0 ? ['**Why:**', ...lines].join('\n') : undefined;
}

/**
 * `Superseded on 2025-10-28 by `2025-10` (API / non-API split).` when a later
 * regime replaced the clause's; for a clause with its own window, when it ends.
 */
export function renderSupersession(clause: Clause, profile: Profile): string | undefined {
  if (clause.until !== undefined) return `In force until ${clause.until}.`;
  if (clause.from !== undefined || clause.regime === undefined) return undefined;
  const regimes = regimesInOrder(profile);
  const own = regimes.findIndex((regime) => regime.id === clause.regime);
  if (own < 0 || regimes[own].until === undefined) return undefined;
  const next = regimes[own + 1];
  if (!next) return `Superseded after ${regimes[own].until}.`;
  return `Superseded on ${next.from} by \`${next.id}\` (${escapeMarkdown(next.title)}).`;
}

export function renderSource(clause: Clause, profile: Profile): string {
  const source = clause.source;
  const title = source.url ? `[${escapeMarkdown(source.title)}](${source.url})` : `*${escapeMarkdown(source.title)}*`;
  const meaning = profile.confidence.find((level) => level.id === clause.confidence)?.meaning;
  return `Source: ${escapeMarkdown(source.publisher)}, ${title}, ${source.date}. Confidence: ${clause.confidence}${meaning ? ` (${escapeMarkdown(meaning)})` : ''}.`;
}

/** One clause as Markdown blocks: id and title, the quote, source and confidence, supersession. */
export function renderClause(clause: Clause, profile: Profile): string[] {
  const blocks = [`**${clause.id}**: ${escapeMarkdown(clause.title)}`];
  blocks.push(clause.quote ? `> ${escapeMarkdown(clause.quote)}` : '*No exact wording was published.*');
  blocks.push(renderSource(clause, profile));
  const superseded = renderSupersession(clause, profile);
  if (superseded) blocks.push(superseded);
  return blocks;
}

/** The clauses a finding cites that were in force by the active regime: later ones do not bind it. */
export function citedClauses(clauseIds: readonly string[], regimeId: string, profile: Profile): Clause[] {
  return clauseIds
    .map((id) => profile.clauses.find((clause) => clause.id === id))
    .filter((clause): clause is Clause => clause !== undefined && citableUnder(profile, clause, regimeId));
}

/** The carve-outs listed for the finding's rule that are in force, each with the clauses it rests on. */
export function renderCarveOuts(finding: Finding, context: HoverContext): string | undefined {
  if (finding.carveOuts.length === 0) return undefined;
  const regimeId = context.analysis.regime.id;
  const lines: string[] = [];
  const elsewhere: string[] = [];
  for (const id of finding.carveOuts) {
    const rule = ruleOf(context.profile, id);
    if (!rule || !rule.regimes.includes(regimeId)) {
      elsewhere.push(`\`${id}\``);
      continue;
    }
    const clauses = citedClauses(rule.clauses, regimeId, context.profile).map((clause) => `${clause.id} (${escapeMarkdown(clause.title)})`);
    lines.push(`- **${escapeMarkdown(rule.title)}** (\`${rule.id}\`)${clauses.length > 0 ? `: ${clauses.join('; ')}` : ''}`);
  }
  const blocks: string[] = [];
  if (lines.length > 0) blocks.push(['**Carve-outs that could apply:**', ...lines].join('\n'));
  if (elsewhere.length > 0) blocks.push(`Not in force under \`${regimeId}\`: ${elsewhere.join(', ')}.`);
  return blocks.join('\n\n');
}

export function renderWaiver(waiver: Waiver): string {
  const parts = [`approved by ${escapeMarkdown(waiver.approver ?? 'nobody named')}${waiver.approvedOn ? ` on ${waiver.approvedOn}` : ''}`];
  parts.push(waiver.expires ? `expires ${waiver.expires}` : 'no expiry');
  if (waiver.reference) parts.push(`ref ${escapeMarkdown(waiver.reference)}`);
  return `**Waived** for ${waiver.rules.map((rule) => `\`${rule}\``).join(', ')}: ${parts.join(', ')}.`;
}

/** The profile's disclaimer, which must say the hover is not legal advice. */
export function renderDisclaimer(profile: Profile): string {
  const disclaimer = escapeMarkdown(profile.disclaimer.trim());
  return /legal advice/i.test(profile.disclaimer) ? `*${disclaimer}*` : `*Not legal advice.* *${disclaimer}*`;
}

/** The quick fixes of a finding in words, and the clauses it rests on in one line each. */
export function renderWhatYouCanDo(finding: Finding, context: HoverContext): string | undefined {
  if (finding.waivedBy) return undefined;
  const fixes = planFixes(context, finding).map((plan) => `- ${escapeMarkdown(plan.title)}${plan.preferred ? ' (preferred)' : ''}`);
  const lines = fixes.length > 0 ? ['**What you can do** (Quick Fix, Ctrl+.):', ...fixes] : ['**What you can do:** change the statement, or ask a reviewer whether it is acceptable.'];
  const clauses = clausesFor(finding, context, false);
  if (clauses.length > 0) lines.push('', `Clause: ${clauses.map((clause) => `${clause.id} (${escapeMarkdown(clause.title)})`).join('; ')}.`);
  return lines.join('\n');
}

/**
 * The clauses to show: for a reviewer every clause cited that was in force by
 * the spec's regime, earlier regimes' included; for an author those of the
 * spec's own regime, unless the rule cites none of it.
 */
function clausesFor(finding: Finding, context: HoverContext, withEarlier: boolean): Clause[] {
  const regime = context.analysis.regime.id;
  const cited = citedClauses(finding.clauses, regime, context.profile);
  const own = cited.filter((clause) => ofRegime(context.profile, clause, regime));
  return withEarlier || own.length === 0 ? cited : own;
}

function clauseBlocks(finding: Finding, context: HoverContext, withEarlier: boolean): string[] {
  const clauses = clausesFor(finding, context, withEarlier);
  if (clauses.length === 0) return [];
  return ['**Clauses cited:**', ...clauses.flatMap((clause) => renderClause(clause, context.profile))];
}

/**
 * Everything the hover says about one finding, as Markdown blocks, in the
 * order its audience reads: an author gets the fixes first and the clauses of
 * the spec's regime; a reviewer gets every clause cited, earlier regimes'
 * included, with its source, confidence and supersession, and the carve-outs
 * first.
 */
export function renderFinding(finding: Finding, context: HoverContext): string[] {
  const blocks = [renderFindingTitle(finding, context.profile), renderFindingMessage(finding, context.profile)];
  const why = renderWhy(finding, context);
  const carveOuts = renderCarveOuts(finding, context);
  const waiver = finding.waivedBy ? renderWaiver(finding.waivedBy) : undefined;
  const todo = renderWhatYouCanDo(finding, context);
  const parts =
    context.audience === 'reviewer'
      ? [...clauseBlocks(finding, context, true), carveOuts, waiver, why, todo]
      : [todo, why, waiver, ...clauseBlocks(finding, context, false), carveOuts];
  for (const part of parts) if (part) blocks.push(part);
  return blocks;
}

/** All findings on a statement, separated by rules, with one disclaimer at the end. */
export function renderFindings(findings: readonly Finding[], context: HoverContext): string {
  const sections = findings.map((finding) => renderFinding(finding, context).join('\n\n'));
  return [...sections, renderDisclaimer(context.profile)].join('\n\n---\n\n');
}

// ---- front matter -------------------------------------------------------

function customersOf(profile: Profile): string[] {
  return Object.keys(profile.vocabulary.customers);
}

function cloudLine(cloud: Cloud, profile: Profile): string {
  const home = compileContract(profile).home.has(cloud.id) ? ' (home cloud)' : '';
  return `- \`${cloud.id}\`: ${escapeMarkdown(cloud.name)}${home}`;
}

/** A front-matter key: what it declares and the values it takes. */
export function renderKeyHover(key: FrontMatterKey, profile: Profile): string {
  const blocks = [`**\`${key.key}\`** (${key.kind})`, escapeMarkdown(key.description)];
  if (key.kind === 'date') blocks.push('Written `YYYY-MM-DD`.');
  if (key.valuesFrom === 'venues') {
    blocks.push(['Allowed values, or any of their aliases:', ...profile.vocabulary.clouds.map((cloud) => cloudLine(cloud, profile))].join('\n'));
  } else if (key.valuesFrom === 'audiences') {
    blocks.push(['Allowed values:', ...customersOf(profile).map((id) => `- \`${id}\``)].join('\n'));
  } else if (key.classes) {
    blocks.push(['Allowed values:', ...key.classes.map((entry) => `- \`${entry.value}\`${entry.description ? `: ${entry.description}` : ''}`)].join('\n'));
  } else {
    const values = allowedValues(key, profile);
    if (values) blocks.push(['Allowed values:', ...values.map((value) => `- \`${value}\``)].join('\n'));
  }
  return blocks.join('\n\n');
}

function renderCloudValue(value: string, profile: Profile): string {
  const cloud = resolveCloud(profile, value);
  if (!cloud) {
    const known = profile.vocabulary.clouds.map((entry) => entry.id);
    return `\`${escapeMarkdown(value)}\` is not a venue this profile knows. Known venues: ${known.map((id) => `\`${id}\``).join(', ')}.${escapeMarkdown(didYouMean(value, known))}`;
  }
  const contract = compileContract(profile);
  const blocks = [`**\`${cloud.id}\`**: ${escapeMarkdown(cloud.name)}`, `Also written: ${cloud.aliases.map(escapeMarkdown).join(', ')}.`];
  if (contract.homeTitle !== undefined) {
    blocks.push(
      contract.home.has(cloud.id)
        ? 'The home cloud: serving the product here is what the contract expects.'
        : `Not the home cloud (${escapeMarkdown(contract.homeTitle)}): statements that place the product here are judged as off-home.`,
    );
  }
  const groups = profile.groups.filter((group) => group.venues.includes(cloud.id)).map((group) => escapeMarkdown(group.title));
  if (groups.length > 0) blocks.push(`In: ${groups.join(', ')}.`);
  return blocks.join('\n\n');
}

function renderCustomerValue(value: string, profile: Profile): string {
  const id = resolveCustomer(profile, value);
  if (!id) {
    const known = customersOf(profile);
    return `\`${escapeMarkdown(value)}\` is not an audience this profile knows. Known audiences: ${known.map((segment) => `\`${segment}\``).join(', ')}.${escapeMarkdown(didYouMean(value, known))}`;
  }
  const blocks = [`**\`${id}\`**: customer segment`, `The text names it with: ${profile.vocabulary.customers[id].map(escapeMarkdown).join(', ')}.`];
  for (const rule of profile.rules) {
    const test = rule.when?.audience;
    if (test && !Array.isArray(test) && 'only' in test && test.only.includes(id)) {
      blocks.push(`Relied on by the ${escapeMarkdown(rule.title)} (\`${rule.id}\`), which covers the product only when every customer it serves is in ${test.only.length === 1 ? 'this segment' : 'these segments'}.`);
    }
  }
  return blocks.join('\n\n');
}

function renderLaunchValue(value: string, context: HoverContext): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'The launch date is written `YYYY-MM-DD`.';
  const regime = regimeOn(context.profile, value);
  const blocks = [`**${value}** falls under regime \`${regime.id}\` ${escapeMarkdown(regime.title)} (${regimePeriod(regime)}).`, escapeMarkdown(regime.summary)];
  const choice = context.analysis.regime;
  if (choice.reason !== 'launch') blocks.push(`The spec is judged under ${renderRegimeChoice(choice, context.profile)}.`);
  return blocks.join('\n\n');
}

/** What one front-matter value means; `value` is undefined for an empty value. */
export function renderValueHover(key: FrontMatterKey, value: string | undefined, context: HoverContext): string {
  const profile = context.profile;
  if (key.classes && value !== undefined) {
    const found = key.classes.find((entry) => entry.value === value);
    if (!found) return `\`${escapeMarkdown(value)}\` is not a value of \`${key.key}\`. Use one of: ${key.classes.map((known) => `\`${known.value}\``).join(', ')}.`;
    return found.description ? `**${key.key}: ${value}**\n\n${found.description}` : `**${key.key}: ${value}**`;
  }
  if (key.fills === 'partner') {
    return value === undefined
      ? 'No co-developers: the product is first-party.'
      : `**${escapeMarkdown(value)}** develops the product with us, so the product counts as co-developed with a third party.`;
  }
  if (key.fills === 'date' && value !== undefined) return renderLaunchValue(value, context);
  if (key.valuesFrom === 'venues' && value !== undefined) return renderCloudValue(value, profile);
  if (key.valuesFrom === 'audiences' && value !== undefined) return renderCustomerValue(value, profile);
  return escapeMarkdown(key.description);
}

// ---- hover --------------------------------------------------------------

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && (offset < span.end || (span.start === span.end && offset === span.start));
}

function rangeOf(model: SpecModel, span: Span): Range {
  return { start: model.lines.position(span.start), end: model.lines.position(span.end) };
}

/** The front-matter entry under the offset, and which value (item index) when it is on one. */
function frontMatterTarget(entries: readonly FrontMatterEntry[], offset: number): { entry: FrontMatterEntry; span: Span; item?: number; onKey: boolean } | undefined {
  for (const entry of entries) {
    if (contains(entry.keySpan, offset)) return { entry, span: entry.keySpan, onKey: true };
    const item = entry.itemSpans.findIndex((span) => contains(span, offset));
    if (item >= 0) return { entry, span: entry.itemSpans[item], item, onKey: false };
    if (entry.valueSpan.end > entry.valueSpan.start && contains(entry.valueSpan, offset)) return { entry, span: entry.valueSpan, onKey: false };
  }
  return undefined;
}

export function provideHover(model: SpecModel, position: Position, audience: Audience = 'author'): Hover | null {
  const context: HoverContext = { text: model.text, profile: model.profile, analysis: model.analysis, audience };
  const offset = model.lines.offset(position);
  const sections: string[] = [];
  let span: Span | undefined;

  const findings = model.analysis.findings.filter((finding) => contains(finding.span, offset));
  if (findings.length > 0) {
    sections.push(renderFindings(findings, context));
    span = { start: Math.min(...findings.map((finding) => finding.span.start)), end: Math.max(...findings.map((finding) => finding.span.end)) };
  }

  const target = frontMatterTarget(model.analysis.frontMatter?.entries ?? [], offset);
  const key = target && model.profile.frontMatter.find((known) => known.key === target.entry.key);
  if (target && key) {
    const value = target.item !== undefined ? target.entry.values[target.item] : undefined;
    // Between the items of a list (on a bracket or comma) the key's own hover says more than any one value.
    const betweenItems = target.item === undefined && target.entry.values.length > 0;
    sections.push(target.onKey || betweenItems ? renderKeyHover(key, model.profile) : renderValueHover(key, value, context));
    span ??= target.span;
  }

  if (sections.length === 0 || !span) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: rangeOf(model, span) };
}
