/**
 * Site names given in prose. A statement names a site and places it on the
 * venue it names nearest the name:
 * - after a naming phrase: "a second footprint we call Rhine, which sits on
 *   Google Cloud", "hereinafter "Enclave B"";
 * - before a parenthesis that opens with a venue: "Marsh (us-central1)";
 * - as what a site noun describes: "Tidepool, a 64-GPU pool we started
 *   leasing from CoreWeave", "**Larch** is a 2,000-GPU reservation in OCI",
 *   or names in parentheses: "a standing failover pool ("Anvil-2")";
 * - as a place a site noun is at, one capitalised word inside a sentence:
 *   "a cluster rented from Sakura Internet at its Ishikari campus".
 * A name given after a naming phrase in a statement that names no venue
 * ("the memory service, which we call Hearth, keeps the reminders") takes
 * the venue of the first statement that opens with it ("Hearth runs on GKE
 * in us-central1"). Only statements that name something the vocabulary
 * knows are read, which keeps this off the path of most of a spec's text.
 *
 * A name is one to three capitalised words, used with the same spelling; a
 * name given to two venues names neither. The naming phrases and site nouns
 * are profile data; only the shapes above are code.
 */
import { matchPhrases, type CompiledVocabulary } from './compileVocabulary';
import { NO_FACETS } from './detectFacets';
import type { SiteName } from './namedSites';
import { findDates } from './readDates';
import { Tokens, tokenize } from './tokenize';
import type { Evidence, Span, Statement } from './types';

const WORD = String.raw`\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*`;
/** One to three capitalised words ("Kestrel", "Enclave B", "Anvil-2"). */
const NAME = String.raw`${WORD}(?: (?:${WORD}|\p{N}+)){0,2}`;
/** Quotation marks and emphasis that may wrap a name. */
const WRAP = String.raw`["'\u201c\u201d\u2018\u2019\u0060*_]*`;
const NAME_AFTER = new RegExp(String.raw`^\s*${WRAP}(${NAME})`, 'u');
const NAME_BEFORE_PARENTHESIS = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${WRAP}(${NAME})${WRAP}\s*$`, 'u');
const WHOLE_NAME = new RegExp(String.raw`^${NAME}$`, 'u');
/** A place a site noun is at: one capitalised word after a word in lower case, so never a sentence's first ("its Ishikari campus"). */
const PLACE_BEFORE_NOUN = /(?<=\p{Ll}[,;:]?\s)(\p{Lu}\p{Ll}+)\s+$/u;
/** How far before a parenthesis or a site noun a name may start. */
const LOOK_BACK = 80;
/** What may stand before a name a statement opens with: a bullet, a number, emphasis. */
const OPENING = new RegExp(String.raw`^(?:[-*+]\s+|\d{1,3}[.)]\s+)?${WRAP}(${NAME})`, 'u');

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}

/** Words that open sentences and are never a site's name. */
const NOT_NAMES = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'they', 'their', 'a', 'an', 'each', 'every', 'all', 'both',
  'phase', 'step', 'option', 'note', 'if', 'when', 'for', 'in', 'on', 'from', 'to', 'with', 'at', 'by', 'as', 'or', 'and', 'but',
  'so', 'then', 'yes', 'no', 'per', 'via',
]);

interface Venue {
  cloud: string;
  span: Span;
}

/** What a statement names: its venues, and the spans of every phrase the vocabulary knows (no name may be one). */
interface Named {
  venues: Venue[];
  phrases: Span[];
}

interface Patterns {
  /** Any naming phrase, in lower case; one regular expression finds them all in one pass. */
  naming?: RegExp;
  /** A site noun as a whole word. */
  noun?: RegExp;
  /** What may stand before a site noun that describes a name: "Tidepool, a 64-GPU ", "Larch is a ", "Anvil, the CoreWeave ". */
  describedBefore?: RegExp;
  /** A site noun right before a parenthesis: "pool (". */
  nounBefore?: RegExp;
}

const compiledPatterns = new WeakMap<CompiledVocabulary, Patterns>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternsOf(vocabulary: CompiledVocabulary): Patterns {
  const known = compiledPatterns.get(vocabulary);
  if (known) return known;
  const patterns: Patterns = {};
  if (vocabulary.naming.length > 0) patterns.naming = new RegExp(vocabulary.naming.map(escape).join('|'), 'g');
  if (vocabulary.siteNouns.length > 0) {
    const nouns = vocabulary.siteNouns.map((noun) => (noun.endsWith('*') ? `${escape(noun.slice(0, -1))}\\p{L}*` : escape(noun)).replace(/ /g, '\\s+')).join('|');
    // Run on the lower-cased text without Unicode classes, which keeps the scan of a whole spec fast; word breaks are checked after.
    patterns.noun = new RegExp(`(?:${vocabulary.siteNouns.map((noun) => (noun.endsWith('*') ? `${escape(noun.slice(0, -1))}[a-z]*` : escape(noun))).join('|')})`, 'g');
    patterns.describedBefore = new RegExp(String.raw`${WRAP}(${NAME})${WRAP}(?:,\s*(?:is\s+)?|\s+is\s+)(?:an?|the)\s+(?:[^\s.;:]+\s+){0,5}$`, 'u');
    patterns.nounBefore = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${nouns})\s*$`, 'iu');
  }
  compiledPatterns.set(vocabulary, patterns);
  return patterns;
}

/** The venues a statement names, wherever they stand, and its surface, audience and venue phrases. */
function namedIn(text: string, span: Span, vocabulary: CompiledVocabulary): Named {
  const named: Named = { venues: [], phrases: [] };
  for (const mark of matchPhrases(vocabulary, tokenize(text, span, new Tokens(vocabulary.known)))) {
    const at = { start: mark.start, end: mark.end };
    const term = mark.terms.find((candidate) => candidate.category === 'cloud');
    if (term) named.venues.push({ cloud: term.value, span: at });
    if (mark.terms.some((candidate) => candidate.category === 'cloud' || candidate.category === 'surface' || candidate.category === 'customer')) named.phrases.push(at);
  }
  return named;
}

function nearest(venues: readonly Venue[], at: number): Venue | undefined {
  let best: Venue | undefined;
  for (const venue of venues) {
    const distance = Math.min(Math.abs(venue.span.start - at), Math.abs(venue.span.end - at));
    if (!best || distance < Math.min(Math.abs(best.span.start - at), Math.abs(best.span.end - at))) best = venue;
  }
  return best;
}

/** A name a statement gives, and where it stands. */
interface Candidate {
  name: string;
  at: number;
  /** Found after a naming phrase: without a venue nearby it waits for a statement that opens with it. */
  named: boolean;
  /** Found before a parenthesis, which must open with the venue ("Heron (GKE, europe-west4)"). */
  parenthesis?: number;
}

function candidatesIn(own: string, offset: number, patterns: Patterns): Candidate[] {
  const found: Candidate[] = [];
  const { naming, noun: nounPattern, describedBefore, nounBefore } = patterns;
  const lower = own.toLowerCase();
  if (naming) {
    naming.lastIndex = 0;
    for (let phrase = naming.exec(lower); phrase; phrase = naming.exec(lower)) {
      const at = phrase.index;
      const end = at + phrase[0].length;
      if (isWordCharacter(lower[at - 1]) || isWordCharacter(lower[end])) continue;
      const match = NAME_AFTER.exec(own.slice(end, end + LOOK_BACK));
      if (match) found.push({ name: match[1], at: offset + end + match[0].length - match[1].length, named: true });
    }
  }
  // Each parenthesis: a name before it ("Marsh (us-central1)"), or a name inside it after a site noun ("pool ("Anvil-2")").
  for (let open = own.indexOf('('); open >= 0; open = own.indexOf('(', open + 1)) {
    const before = own.slice(Math.max(0, open - LOOK_BACK), open);
    const name = NAME_BEFORE_PARENTHESIS.exec(before)?.[1];
    if (name) found.push({ name, at: offset + open - before.length + before.lastIndexOf(name), named: false, parenthesis: offset + open + 1 });
    const inside = nounBefore?.test(before) ? /^\s*["'\u201c\u201d\u2018\u2019\u0060*_]*([^"'\u201c\u201d\u2018\u2019\u0060*_)]{2,40}?)["'\u201c\u201d\u2018\u2019\u0060*_]*\s*\)/u.exec(own.slice(open + 1, open + 1 + LOOK_BACK)) : null;
    if (inside && WHOLE_NAME.test(inside[1])) found.push({ name: inside[1], at: offset + open + 1 + inside[0].indexOf(inside[1]), named: false });
  }
  // Each site noun: a name it describes before it ("Tidepool, a 64-GPU pool").
  if (nounPattern && describedBefore) {
    nounPattern.lastIndex = 0;
    for (let noun = nounPattern.exec(lower); noun; noun = nounPattern.exec(lower)) {
      if (isWordCharacter(lower[noun.index - 1]) || isWordCharacter(lower[noun.index + noun[0].length])) continue;
      const before = own.slice(Math.max(0, noun.index - LOOK_BACK), noun.index);
      const match = describedBefore.exec(before) ?? PLACE_BEFORE_NOUN.exec(before);
      if (match) found.push({ name: match[1], at: offset + noun.index - before.length + match.index + match[0].indexOf(match[1]), named: false });
    }
  }
  return found;
}

function isName(name: string, at: number, phrases: readonly Span[]): boolean {
  if (name.length < 2 || NOT_NAMES.has(name.toLowerCase()) || findDates(name, { start: 0, end: name.length }).length > 0) return false;
  // A venue's, a surface's or an audience's own words ("Google Cloud", "Gov API") are not a name the spec gives.
  return !phrases.some((phrase) => phrase.start < at + name.length && at < phrase.end);
}

/** The venue a candidate names: the one its parenthesis opens with, else the one nearest it. */
function venueOf(candidate: Candidate, text: string, venues: readonly Venue[], span: Span): Venue | undefined {
  const { parenthesis } = candidate;
  if (parenthesis === undefined) return nearest(venues, candidate.at);
  if (parenthesis >= span.end) return undefined;
  // The venue is the parenthesis's first item, and all of it ("Marsh (us-central1)", "Heron (GKE, europe-west4)"), not a team there ("J. Park (Google Cloud account team)").
  return venues.find(
    (venue) => venue.span.start >= parenthesis && /^\s*$/.test(text.slice(parenthesis, venue.span.start)) && /^\s*[),;]/.test(text.slice(venue.span.end, venue.span.end + 8)),
  );
}

export function siteNamesInProse(text: string, statements: readonly Statement[], vocabulary: CompiledVocabulary): SiteName[] {
  const patterns = patternsOf(vocabulary);
  const byName = new Map<string, SiteName | undefined>();
  const givenAt = new Map<string, number[]>();
  const give = (name: string, venue: Venue, from?: number): void => {
    const known = byName.get(name);
    const defined: Evidence = { facet: 'cloud', value: venue.cloud, span: venue.span };
    const site: SiteName = known ?? { spelled: name, caseSensitive: true, cloud: venue.cloud, defined, givenAt: givenAt.get(name) };
    // A name also given by a stronger shape (a naming phrase, a site noun) names its site everywhere.
    if (from === undefined) delete site.from;
    else if (!known) site.from = from;
    byName.set(name, byName.has(name) && known?.cloud !== venue.cloud ? undefined : site);
  };
  const waiting = new Set<string>();
  for (const statement of statements) {
    // Only a statement the vocabulary reads anything in can name a venue or a surface; most statements are skipped unread.
    if (statement.kind === 'front-matter' || statement.facets === NO_FACETS) continue;
    const { span } = statement;
    const candidates = candidatesIn(text.slice(span.start, span.end), span.start, patterns);
    const opening = waiting.size > 0 ? OPENING.exec(text.slice(span.start, span.end))?.[1] : undefined;
    if (candidates.length === 0 && !(opening && waiting.has(opening))) continue;
    const { venues, phrases } = namedIn(text, span, vocabulary);
    for (const candidate of candidates) {
      if (!isName(candidate.name, candidate.at, phrases)) continue;
      if (candidate.named) {
        let at = givenAt.get(candidate.name);
        if (!at) givenAt.set(candidate.name, (at = []));
        at.push(candidate.at);
      }
      const venue = venueOf(candidate, text, venues, span);
      if (venue) give(candidate.name, venue, candidate.parenthesis === undefined ? undefined : candidate.at);
      else if (candidate.named) waiting.add(candidate.name);
    }
    if (opening && waiting.has(opening) && venues.length > 0) {
      give(opening, nearest(venues, span.start)!);
      waiting.delete(opening);
    }
  }
  return [...byName.values()].filter((site): site is SiteName => site !== undefined);
}
