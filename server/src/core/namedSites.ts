/**
 * Names a spec gives its sites. A capacity plan lists its leases or pools
 * in a table ("| Lease B | CoreWeave (Ellendale, ND) |", or "| Overflow |"
 * under a "Pool" header) and later says "served from Lease B" or "the
 * overflow pool takes the requests": the name stands for the venue of its
 * row. Statements that use such a name are read again with the name read as
 * the venue, so every rule sees the placement, and the evidence points at
 * both the name and the row that defines it.
 */
import type { CompiledVocabulary } from './compileVocabulary';
import { readStatementAgain, type Body } from './findStatements';
import { UNKNOWN_WORD, type Tokens } from './tokenize';
import type { Evidence, Span, Statement } from './types';

/** The most words a site's name may have ("Lease B", "Abilene west cluster"). */
const MAX_NAME_WORDS = 4;

interface SiteName {
  /** The name's words, lower-cased, as a reference must spell them. */
  words: string[];
  cloud: string;
  /** Where the defining row names the venue. */
  defined: Evidence;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu;

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase());
}

function isSiteNoun(word: string, nouns: readonly string[]): boolean {
  return nouns.some((noun) => (noun.endsWith('*') ? word.startsWith(noun.slice(0, -1)) : word === noun));
}

function overlaps(span: Span, spans: readonly Span[]): boolean {
  return spans.some((other) => other.start < span.end && span.start < other.end);
}

/**
 * The site names table rows define: a row that places the product on one
 * venue, and a cell (not the one naming the venue) that names a site
 * itself ("Lease B") or under a header that does ("Pool": "Overflow" is the
 * overflow pool). A name given to two venues names neither.
 */
function findSiteNames(text: string, statements: readonly Statement[], nouns: readonly string[]): SiteName[] {
  const byName = new Map<string, SiteName | undefined>();
  for (const statement of statements) {
    if (statement.kind !== 'table-row' || !statement.cells || statement.facets.ties.length === 0) continue;
    const clouds = new Set(statement.facets.ties.map((tie) => tie.cloud));
    if (clouds.size !== 1) continue;
    const cloud = statement.facets.ties[0].cloud;
    const named = statement.facets.evidence.map((item) => item.span);
    const defined = statement.facets.ties[0].evidence.find((item) => item.facet === 'cloud');
    if (!defined) continue;
    for (const { header, cell } of statement.cells) {
      if (overlaps(cell, named)) continue;
      const words = wordsOf(text.slice(cell.start, cell.end));
      if (words.length === 0 || words.length > MAX_NAME_WORDS || !words.some((word) => /\p{L}/u.test(word))) continue;
      const headerNoun = header ? wordsOf(text.slice(header.start, header.end)).find((word) => isSiteNoun(word, nouns)) : undefined;
      const name = words.some((word) => isSiteNoun(word, nouns)) ? words : headerNoun ? [...words, headerNoun] : undefined;
      if (!name) continue;
      const key = name.join(' ');
      const known = byName.get(key);
      byName.set(key, byName.has(key) && known?.cloud !== cloud ? undefined : { words: name, cloud, defined });
    }
  }
  return [...byName.values()].filter((site): site is SiteName => site !== undefined);
}

/** Where each name is used in the text, in text order. */
function uses(text: string, from: number, sites: readonly SiteName[]): { span: Span; site: SiteName }[] {
  const found: { span: Span; site: SiteName }[] = [];
  const lower = text.toLowerCase();
  for (const site of sites) {
    const spelled = site.words.join(' ');
    for (let at = lower.indexOf(spelled, from); at >= 0; at = lower.indexOf(spelled, at + spelled.length)) {
      const end = at + spelled.length;
      // Whole words only: "lease b" is not a use inside "release by".
      if (/[\p{L}\p{N}]/u.test(lower[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(lower[end] ?? '')) continue;
      found.push({ span: { start: at, end }, site });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Reads the tokens of a use as the venue's own words, the rest of the use as nothing. A statement's tokens are few, and uses rare. */
function readAsVenue(tokens: Tokens, span: Span, venue: readonly string[]): void {
  let written = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens.starts[index] < span.start || tokens.starts[index] >= span.end) continue;
    tokens.words[index] = written < venue.length ? venue[written] : UNKNOWN_WORD;
    written++;
  }
}

/**
 * The body's statements, with each statement that uses a site name (and
 * does not place the product on that venue already) read again with the
 * name read as its venue. The same array when the spec names no site.
 */
export function placeNamedSites(text: string, body: Body, vocabulary: CompiledVocabulary): Statement[] {
  const { statements } = body;
  if (vocabulary.siteNouns.length === 0) return statements;
  const sites = findSiteNames(text, statements, vocabulary.siteNouns);
  if (sites.length === 0) return statements;
  const found = uses(text, statements[0]?.span.start ?? 0, sites);
  if (found.length === 0) return statements;
  const placed = statements.slice();
  let use = 0;
  statements.forEach((statement, index) => {
    const mine: { span: Span; site: SiteName }[] = [];
    while (use < found.length && found[use].span.start < statement.span.start) use++;
    for (let next = use; next < found.length && found[next].span.end <= statement.span.end; next++) {
      if (!statement.facets.ties.some((tie) => tie.cloud === found[next].site.cloud)) mine.push(found[next]);
    }
    if (mine.length === 0) return;
    const again = readStatementAgain(text, statement, body, vocabulary, (tokens) => {
      for (const { span, site } of mine) {
        const venue = vocabulary.venueWords.get(site.cloud);
        if (venue && venue.length <= wordsOf(text.slice(span.start, span.end)).length) readAsVenue(tokens, span, venue);
      }
    });
    if (!again) return;
    for (const tie of again.facets.ties) {
      const site = mine.find(({ span }) => tie.evidence.some((item) => item.facet === 'cloud' && item.span.start >= span.start && item.span.start < span.end));
      if (site) tie.evidence.push(site.site.defined);
    }
    placed[index] = again;
  });
  return placed;
}
