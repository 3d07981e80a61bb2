/**
 * Names a spec gives its sites. A capacity plan lists its leases or pools
 * in a table ("| Lease B | CoreWeave (Ellendale, ND) |") or names a site in
 * prose ("a second planner fleet, which I'll call Kestrel, on Oracle
 * Cloud"), and later says "served from Lease B" or "Kestrel takes the new
 * traffic": the name stands for its venue. Statements that use such a name
 * are read again with the name read as the venue, and a name that does
 * anything places the product there, as a site does nothing else; the
 * evidence points at both the name and the statement that defines it.
 */
import type { CompiledVocabulary } from './compileVocabulary';
import { readStatementAgain, type Body } from './findStatements';
import { siteNamesInProse } from './siteNamesInProse';
import { siteNamesInTables } from './siteNamesInTables';
import { UNKNOWN_WORD, type Tokens } from './tokenize';
import type { Evidence, Span, Statement } from './types';

export interface SiteName {
  /** The name as a use must spell it; lower-cased when `caseSensitive` is false. */
  spelled: string;
  caseSensitive: boolean;
  cloud: string;
  /** Where the defining statement names the venue. */
  defined: Evidence;
  /** Where the name is given, which is not a use of it. */
  givenAt?: number[];
  /**
   * Where a name given only by the venue in parentheses after it ("Marsh
   * (us-central1)") was given: it names a site from there on. Before it the
   * same words are more often a place ("United States") than that site.
   */
  from?: number;
}

interface Use {
  span: Span;
  site: SiteName;
}

const WORD_CHARACTER = /[\p{L}\p{N}-]/u;

/** Where each name is used in the text after `from`, in text order. */
function uses(text: string, from: number, sites: readonly SiteName[]): Use[] {
  const found: Use[] = [];
  const lower = text.toLowerCase();
  for (const site of sites) {
    const source = site.caseSensitive ? text : lower;
    const { spelled } = site;
    for (let at = source.indexOf(spelled, from); at >= 0; at = source.indexOf(spelled, at + spelled.length)) {
      const end = at + spelled.length;
      // Whole words only: "lease b" is not a use inside "release by", nor "Fen" inside "Fens".
      if (WORD_CHARACTER.test(text[at - 1] ?? '') || WORD_CHARACTER.test(text[end] ?? '') || site.givenAt?.includes(at) || at < (site.from ?? 0)) continue;
      found.push({ span: { start: at, end }, site });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Reads the tokens of a use as the venue's own words, the rest of the use as
 * nothing, and returns the token the venue starts at. A statement's tokens
 * are few, and uses rare.
 */
function readAsVenue(tokens: Tokens, span: Span, venue: readonly string[]): number {
  let written = 0;
  let first = -1;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens.starts[index] < span.start || tokens.starts[index] >= span.end) continue;
    if (first < 0) first = index;
    tokens.words[index] = written < venue.length ? venue[written] : UNKNOWN_WORD;
    written++;
  }
  // A use spelled in fewer words than the venue's name cannot hold it.
  return written >= venue.length ? first : -1;
}

/** The uses of names inside each statement that does not already place the product on the name's venue. */
function usesByStatement(statements: readonly Statement[], found: readonly Use[]): Map<number, Use[]> {
  const byStatement = new Map<number, Use[]>();
  let use = 0;
  statements.forEach((statement, index) => {
    while (use < found.length && found[use].span.start < statement.span.start) use++;
    for (let next = use; next < found.length && found[next].span.end <= statement.span.end; next++) {
      if (statement.facets.ties.some((tie) => tie.cloud === found[next].site.cloud)) continue;
      let mine = byStatement.get(index);
      if (!mine) byStatement.set(index, (mine = []));
      mine.push(found[next]);
    }
  });
  return byStatement;
}

/**
 * The body's statements, with each statement that uses a site name read
 * again with the name read as its venue. The same array when the spec names
 * no site.
 */
export function placeNamedSites(text: string, body: Body, vocabulary: CompiledVocabulary): Statement[] {
  const { statements } = body;
  if (statements.length === 0) return statements;
  const sites = [...siteNamesInTables(text, statements, vocabulary.siteNouns), ...siteNamesInProse(text, statements, vocabulary)];
  if (sites.length === 0) return statements;
  const byStatement = usesByStatement(statements, uses(text, statements[0].span.start, sites));
  if (byStatement.size === 0) return statements;
  const placed = statements.slice();
  for (const [index, mine] of byStatement) {
    const again = readStatementAgain(text, statements[index], body, vocabulary, (tokens) => {
      const named = new Set<number>();
      for (const { span, site } of mine) {
        const venue = vocabulary.venueWords.get(site.cloud);
        const at = venue ? readAsVenue(tokens, span, venue) : -1;
        if (at >= 0) named.add(at);
      }
      return named;
    });
    if (!again) continue;
    for (const tie of again.facets.ties) {
      const use = mine.find(({ span }) => tie.evidence.some((item) => item.facet === 'cloud' && item.span.start >= span.start && item.span.start < span.end));
      if (use) tie.evidence.push(use.site.defined);
    }
    placed[index] = again;
  }
  return placed;
}
