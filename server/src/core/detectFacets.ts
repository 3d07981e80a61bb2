/**
 * Reads one statement's tokens into facets: the surfaces it names, the clouds
 * it ties them to, who built it, for whom, and in which order it ships. The
 * traps are words that look like a facet but are not one, so every match is
 * first checked against negation, contrast and non-hosting context in its
 * clause.
 */
import type { SurfaceId } from '../profile/profileTypes';
import { CATEGORY_BIT, matchPhrases, type Category, type CompiledVocabulary, type PhraseMatch } from './compileVocabulary';
import type { Tokens } from './tokenize';
import type { Evidence, StatementFacets, Tie } from './types';

/** How many words may stand between a hosting verb and its cloud ("hosted in the EU regions of AWS"). */
const HOSTING_REACH = 8;
/** How many words may stand between a placement preposition and its cloud ("on the AWS"). */
const PLACEMENT_REACH = 2;
/** How many words may stand between a cloud and a verb it is the subject of ("Bedrock will host"). */
const SUBJECT_REACH = 3;
/** How close a non-hosting phrase must be to neutralise a cloud ("AWS IAM credentials"). */
const NON_HOSTING_REACH = 3;

/** Categories that can give a facet on their own; the others only qualify them. */
const CONTENT = CATEGORY_BIT.cloud | CATEGORY_BIT.surface | CATEGORY_BIT.customer | CATEGORY_BIT.collaboration | CATEGORY_BIT.firstParty;

export function emptyFacets(): StatementFacets {
  return { surfaces: [], ties: [], partners: [], customers: [], laterOn: [], evidence: [] };
}

interface Mark {
  match: PhraseMatch;
  clause: number;
  /** Set when the match is negated, contrasted away or otherwise not a claim. */
  void: boolean;
}

export interface StatementContext {
  /** The statement stands in a section about hosting ("## Hosting"). */
  hostingSection: boolean;
  /** The statement is a table row; clause boundaries stop at columns instead. */
  tableRow: boolean;
}

function has(mark: Mark, category: Category): boolean {
  return (mark.match.mask & CATEGORY_BIT[category]) !== 0;
}

function values(mark: Mark, category: Category): string[] {
  if (!has(mark, category)) return [];
  return mark.match.terms.filter((term) => term.category === category).map((term) => term.value);
}

function evidence(mark: Mark, facet: Evidence['facet'], value: string): Evidence {
  return { facet, value, span: { start: mark.match.start, end: mark.match.end } };
}

function assignClauses(tokens: Tokens, matches: PhraseMatch[], tableRow: boolean): Mark[] {
  const marks: Mark[] = new Array(matches.length);
  let clause = 0;
  let token = 0;
  for (let index = 0; index < matches.length; index++) {
    const first = matches[index].first;
    if (tableRow) {
      clause = Math.max(0, tokens.columns[first]);
    } else {
      // Matches come in token order, so the clause count only moves forward.
      for (; token < first; token++) if (tokens.boundaries[token]) clause++;
    }
    marks[index] = { match: matches[index], clause, void: false };
  }
  return marks;
}

/**
 * Negation, and a phrase about someone else's systems, void the rest of their
 * clause; a trailing retraction voids what came before it; a contrast
 * ("instead of", "unlike") voids what follows it up to the next hosting verb.
 * Each is one pass over the marks, so a huge statement stays linear.
 */
function applyScopes(marks: Mark[]): void {
  let negatedClause = -1;
  let contrastClause = -1;
  for (const mark of marks) {
    if (mark.clause === negatedClause) mark.void = true;
    if (mark.clause === contrastClause) {
      if (has(mark, 'hosting')) contrastClause = -1;
      else mark.void = true;
    }
    if (has(mark, 'negation') || has(mark, 'thirdParty')) negatedClause = mark.clause;
    if (has(mark, 'contrast')) contrastClause = mark.clause;
  }
  let retractedClause = -1;
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index];
    if (mark.clause === retractedClause) mark.void = true;
    if (has(mark, 'negationAfter')) retractedClause = mark.clause;
  }
}

function distance(before: PhraseMatch, after: PhraseMatch): number {
  return after.first - before.last;
}

function isNonHostingMention(marks: Mark[], index: number): boolean {
  const cloud = marks[index];
  for (let j = index - 1; j >= 0 && marks[j].clause === cloud.clause && distance(marks[j].match, cloud.match) <= NON_HOSTING_REACH; j--) {
    if (has(marks[j], 'nonHosting')) return true;
  }
  for (let j = index + 1; j < marks.length && marks[j].clause === cloud.clause && distance(cloud.match, marks[j].match) <= NON_HOSTING_REACH; j++) {
    if (has(marks[j], 'nonHosting')) return true;
  }
  return false;
}

/** Words between a verb and its cloud that show the cloud belongs to another phrase. */
function interrupted(marks: Mark[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    if (has(marks[j], 'collaboration') || has(marks[j], 'nonHosting') || has(marks[j], 'customer')) return true;
  }
  return false;
}

function findTie(marks: Mark[], index: number, tokens: Tokens, context: StatementContext, statementHasSubject: boolean): Mark | undefined {
  const cloud = marks[index];
  // A cloud named right after "co-developed with" is a partner, not a host.
  const previous = marks[index - 1];
  if (previous && previous.clause === cloud.clause && has(previous, 'collaboration') && distance(previous.match, cloud.match) <= 2) return undefined;

  for (let j = index - 1; j >= 0 && marks[j].clause === cloud.clause && distance(marks[j].match, cloud.match) <= HOSTING_REACH; j--) {
    const mark = marks[j];
    if (mark.void) continue;
    if (has(mark, 'hosting') && distance(mark.match, cloud.match) <= HOSTING_REACH && !interrupted(marks, j, index)) return mark;
    if (has(mark, 'placement') && distance(mark.match, cloud.match) <= PLACEMENT_REACH && (statementHasSubject || context.hostingSection)) return mark;
  }
  for (let j = index + 1; j < marks.length && marks[j].clause === cloud.clause; j++) {
    const mark = marks[j];
    if (distance(cloud.match, mark.match) > SUBJECT_REACH) break;
    if (!mark.void && has(mark, 'hosting')) return mark;
  }
  if (context.tableRow) {
    const column = tokens.columns[cloud.match.first];
    const header = marks.find(
      (mark) => tokens.headers[mark.match.first] && tokens.columns[mark.match.first] === column && (has(mark, 'hostingContext') || has(mark, 'hosting')),
    );
    if (header && !tokens.headers[cloud.match.first]) return header;
  }
  return undefined;
}

/** Surfaces by clause, to pair each tie with the surfaces it speaks of. */
class ClauseSurfaces {
  private readonly byClause = new Map<number, { surfaces: SurfaceId[]; evidence: Evidence[] }>();
  /** Clauses that name a surface, in order. */
  private readonly clauses: number[] = [];

  add(clause: number, surface: SurfaceId, found: Evidence): void {
    let entry = this.byClause.get(clause);
    if (!entry) {
      entry = { surfaces: [], evidence: [] };
      this.byClause.set(clause, entry);
      this.clauses.push(clause);
    }
    if (!entry.surfaces.includes(surface)) entry.surfaces.push(surface);
    entry.evidence.push(found);
  }

  /** Those of the tie's clause, else of the nearest clause before it, else after it. */
  forClause(clause: number): { surfaces: SurfaceId[]; evidence: Evidence[] } {
    const own = this.byClause.get(clause);
    if (own) return own;
    let low = 0;
    let high = this.clauses.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.clauses[mid] < clause) low = mid + 1;
      else high = mid;
    }
    const nearest = low > 0 ? this.clauses[low - 1] : this.clauses[low];
    return nearest === undefined ? { surfaces: [], evidence: [] } : this.byClause.get(nearest)!;
  }
}

/**
 * A cloud right after a tied cloud, in its clause or opening the next one,
 * continues its list ("served from Azure, AWS GovCloud and Oracle Cloud"):
 * the comma split the clause, not the claim.
 */
function listedAfter(marks: Mark[], index: number, tiedVia: ReadonlyMap<Mark, Mark>): Mark | undefined {
  const cloud = marks[index];
  const previous = marks[index - 1];
  if (!previous || cloud.clause - previous.clause > 1) return undefined;
  return tiedVia.get(previous);
}

function nearbyCloud(marks: Mark[], index: number, reachAfter: number, reachBefore: number): Mark | undefined {
  const anchor = marks[index];
  for (let j = index + 1; j < marks.length && marks[j].clause === anchor.clause; j++) {
    if (distance(anchor.match, marks[j].match) > reachAfter) break;
    if (has(marks[j], 'cloud')) return marks[j];
  }
  for (let j = index - 1; j >= 0 && marks[j].clause === anchor.clause; j--) {
    if (distance(marks[j].match, anchor.match) > reachBefore) break;
    if (has(marks[j], 'cloud')) return marks[j];
  }
  return undefined;
}

export function detectFacets(vocabulary: CompiledVocabulary, tokens: Tokens, context: StatementContext): StatementFacets {
  const matches = matchPhrases(vocabulary, tokens);
  // Most statements hold only function words ("on", "not"); without a content phrase there is no facet.
  if (!matches.some((match) => (match.mask & CONTENT) !== 0)) return emptyFacets();
  const marks = assignClauses(tokens, matches, context.tableRow);
  applyScopes(marks);

  const facets = emptyFacets();
  const clauseSurfaces = new ClauseSurfaces();
  let namesSurface = false;
  for (const mark of marks) {
    if (mark.void) continue;
    for (const surface of values(mark, 'surface') as SurfaceId[]) {
      const found = evidence(mark, 'surface', surface);
      clauseSurfaces.add(mark.clause, surface, found);
      namesSurface = true;
      if (!facets.surfaces.includes(surface)) facets.surfaces.push(surface);
      facets.evidence.push(found);
    }
    for (const segment of values(mark, 'customer')) {
      if (!facets.customers.includes(segment)) facets.customers.push(segment);
      facets.evidence.push(evidence(mark, 'customer', segment));
    }
  }

  const hasSubject = namesSurface || marks.some((mark) => !mark.void && has(mark, 'hosting'));
  /** The hosting word each tied cloud hangs on, for clouds listed after it. */
  const tiedVia = new Map<Mark, Mark>();
  marks.forEach((mark, index) => {
    if (mark.void) return;
    if (has(mark, 'collaboration')) {
      facets.collaboration = 'co-developed';
      facets.evidence.push(evidence(mark, 'collaboration', 'co-developed'));
      const partner = nearbyCloud(marks, index, 2, -1);
      if (partner) facets.partners.push(...values(partner, 'cloud'));
    } else if (has(mark, 'firstParty') && facets.collaboration === undefined) {
      facets.collaboration = 'first-party';
      facets.evidence.push(evidence(mark, 'collaboration', 'first-party'));
    }
    if (has(mark, 'launchOrder')) {
      const first = nearbyCloud(marks, index, 3, 1);
      if (first && !first.void && facets.firstOn === undefined) {
        facets.firstOn = values(first, 'cloud')[0];
        facets.evidence.push(evidence(mark, 'order', `first on ${facets.firstOn}`));
      }
    }
    if (has(mark, 'launchLater') || has(mark, 'launchFollows')) {
      const later = has(mark, 'launchLater') ? nearbyCloud(marks, index, 3, -1) : nearbyCloud(marks, index, -1, 2);
      if (later && !later.void) {
        const cloud = values(later, 'cloud')[0];
        if (!facets.laterOn.includes(cloud)) facets.laterOn.push(cloud);
        facets.evidence.push(evidence(mark, 'order', `later on ${cloud}`));
      }
    }
    if (!has(mark, 'cloud') || isNonHostingMention(marks, index)) return;
    const via = findTie(marks, index, tokens, context, hasSubject) ?? listedAfter(marks, index, tiedVia);
    if (!via) return;
    tiedVia.set(mark, via);
    const cloudEvidence = evidence(mark, 'cloud', values(mark, 'cloud')[0]);
    const viaEvidence = evidence(via, 'cloud', 'tie');
    // A table row is one claim across its columns; prose pairs a tie with its own clause.
    const paired = context.tableRow
      ? { surfaces: facets.surfaces, evidence: facets.evidence.filter((item) => item.facet === 'surface') }
      : clauseSurfaces.forClause(mark.clause);
    for (const cloud of values(mark, 'cloud')) {
      const tie: Tie = { cloud, surfaces: paired.surfaces.slice(), evidence: [...paired.evidence, viaEvidence, cloudEvidence] };
      facets.ties.push(tie);
    }
    facets.evidence.push(viaEvidence, cloudEvidence);
  });
  return facets;
}
