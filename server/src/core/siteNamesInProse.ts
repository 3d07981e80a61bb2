/**
 * Site names given in prose, by a statement that places the product on one
 * venue:
 * - after a naming phrase: "a second footprint we call Rhine, which sits on
 *   Google Cloud", "hereinafter "Enclave B"";
 * - before a parenthesis that opens with the venue: "Heron (GKE,
 *   europe-west4)";
 * - as what a site noun describes: "Tidepool, a 64-GPU pool we started
 *   leasing from CoreWeave", "**Larch** is a 2,000-GPU reservation in OCI".
 *
 * A name is one to three capitalised words, used with the same spelling; a
 * name given to two venues names neither. The naming phrases and site nouns
 * are profile data; only the shapes above are code.
 */
import type { CompiledVocabulary } from './compileVocabulary';
import type { SiteName } from './namedSites';
import type { Evidence, Span, Statement } from './types';

const WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*`;
/** One to three capitalised words ("Kestrel", "Enclave B", "Anvil-2"). */
const NAME = String.raw`${WORD}(?: ${WORD}){0,2}`;
/** Quotation marks and emphasis that may wrap a name. */
const WRAP = String.raw`["'\u201c\u201d\u2018\u2019\u0060*_]*`;
const NAME_AFTER = new RegExp(String.raw`^\s*${WRAP}(${NAME})`, 'u');
const NAME_BEFORE_PARENTHESIS = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${WRAP}(${NAME})${WRAP}\s*\($`, 'u');

/** Words that open sentences and are never a site's name. */
const NOT_NAMES = new Set(['the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'they', 'their', 'a', 'an', 'each', 'every', 'all', 'both', 'phase', 'step', 'option', 'note']);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of a name a site noun describes ("Tidepool, a 64-GPU pool"), for the profile's site nouns. */
function describedName(nouns: readonly string[]): RegExp | undefined {
  if (nouns.length === 0) return undefined;
  const alternatives = nouns.map((noun) => (noun.endsWith('*') ? `${escape(noun.slice(0, -1))}\\p{L}*` : escape(noun)).replace(/ /g, '\\s+'));
  return new RegExp(String.raw`${WRAP}(${NAME})${WRAP},?\s+(?:is\s+)?an?\s+(?:[^\s.;:]+\s+){0,5}?(?:${alternatives.join('|')})(?![\p{L}\p{N}])`, 'gu');
}

function namesIn(text: string, span: Span, venueStarts: readonly number[], vocabulary: CompiledVocabulary, described: RegExp | undefined): string[] {
  const own = text.slice(span.start, span.end);
  const lower = own.toLowerCase();
  const names: string[] = [];
  for (const phrase of vocabulary.naming) {
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + phrase.length)) {
      if (/[\p{L}\p{N}]/u.test(lower[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(lower[at + phrase.length] ?? '')) continue;
      const name = NAME_AFTER.exec(own.slice(at + phrase.length))?.[1];
      if (name) names.push(name);
    }
  }
  for (const start of venueStarts) {
    const name = NAME_BEFORE_PARENTHESIS.exec(text.slice(Math.max(span.start, start - 80), start))?.[1];
    if (name) names.push(name);
  }
  if (described) {
    described.lastIndex = 0;
    for (let found = described.exec(own); found; found = described.exec(own)) names.push(found[1]);
  }
  return names;
}

/** Whether the text at `at` is one of the statement's own phrases (a venue, a surface), which no name may be. */
function isPhrase(statement: Statement, text: string, name: string): boolean {
  return statement.facets.evidence.some((item) => text.slice(item.span.start, item.span.end) === name || name.includes(text.slice(item.span.start, item.span.end)));
}

/** The names prose statements give sites, each with the one venue its statement places the product on. */
export function siteNamesInProse(text: string, statements: readonly Statement[], vocabulary: CompiledVocabulary): SiteName[] {
  const described = describedName(vocabulary.siteNouns);
  const byName = new Map<string, SiteName | undefined>();
  for (const statement of statements) {
    const { ties } = statement.facets;
    if (ties.length === 0 || ties.some((tie) => tie.cloud !== ties[0].cloud)) continue;
    const venues: Evidence[] = ties.flatMap((tie) => tie.evidence.filter((item) => item.facet === 'cloud'));
    if (venues.length === 0) continue;
    for (const name of namesIn(text, statement.span, venues.map((item) => item.span.start), vocabulary, described)) {
      if (name.length < 2 || NOT_NAMES.has(name.toLowerCase()) || isPhrase(statement, text, name)) continue;
      const known = byName.get(name);
      byName.set(name, byName.has(name) && known?.cloud !== ties[0].cloud ? undefined : { spelled: name, caseSensitive: true, cloud: ties[0].cloud, defined: venues[0] });
    }
  }
  return [...byName.values()].filter((site): site is SiteName => site !== undefined);
}
