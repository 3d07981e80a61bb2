/**
 * Site names a table gives: a row that places the product on one venue,
 * and a cell (not the one naming the venue) that names a site itself
 * ("| Lease B | CoreWeave |") or under a header that does ("Pool":
 * "Overflow" is the overflow pool).
 */
import type { SiteName } from './namedSites';
import type { Span, Statement } from './types';

/** The most words a site's name may have ("Lease B", "Abilene west cluster"). */
const MAX_NAME_WORDS = 4;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu;

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase());
}

export function isSiteNoun(word: string, nouns: readonly string[]): boolean {
  return nouns.some((noun) => (noun.endsWith('*') ? word.startsWith(noun.slice(0, -1)) : word === noun));
}

function overlaps(span: Span, spans: readonly Span[]): boolean {
  return spans.some((other) => other.start < span.end && span.start < other.end);
}

/** The site names table rows define; a name given to two venues names neither. */
export function siteNamesInTables(text: string, statements: readonly Statement[], nouns: readonly string[]): SiteName[] {
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
      byName.set(key, byName.has(key) && known?.cloud !== cloud ? undefined : { spelled: key, caseSensitive: false, cloud, defined });
    }
  }
  return [...byName.values()].filter((site): site is SiteName => site !== undefined);
}
