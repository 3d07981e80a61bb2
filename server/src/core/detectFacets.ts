/**
 * Reads one statement's tokens into facets: the surfaces it names, the clouds
 * it ties them to, who built it, for whom, and in which order it ships. The
 * traps are words that look like a facet but are not one, so every match is
 * first checked against negation, contrast and non-hosting context in its
 * clause.
 */
import type { SurfaceId } from '../profile/profileTypes';
import { matchPhrases, type Category, type CompiledVocabulary, type PhraseMatch } from './compileVocabulary';
import type { Token } from './tokenize';
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
const CONTENT: ReadonlySet<Category> = new Set(['cloud', 'surface', 'customer', 'collaboration', 'firstParty']);

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
  return mark.match.terms.some((term) => term.category === category);
}

function values(mark: Mark, category: Category): string[] {
  return mark.match.terms.filter((term) => term.category === category).map((term) => term.value);
}

function evidence(mark: Mark, facet: Evidence['facet'], value: string): Evidence {
  return { facet, value, span: { start: mark.match.start, end: mark.match.end } };
}

function assignClauses(tokens: readonly Token[], matches: PhraseMatch[], tableRow: boolean): Mark[] {
  const clauseOf: number[] = new Array(tokens.length);
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tableRow) clause = tokens[i].column ?? 0;
    else if (tokens[i].boundary) clause++;
    clauseOf[i] = clause;
  }
  return matches.map((match) => ({ match, clause: clauseOf[match.first], void: false }));
}

/**
 * Negation, and a phrase about someone else's systems, void the rest of their
 * clause; a trailing retraction voids what came before it.
 */
function applyNegation(marks: Mark[]): void {
  marks.forEach((mark, index) => {
    if (has(mark, 'negation') || has(mark, 'thirdParty')) {
      for (let j = index + 1; j < marks.length && marks[j].clause === mark.clause; j++) marks[j].void = true;
    }
    if (has(mark, 'negationAfter')) {
      for (let j = index - 1; j >= 0 && marks[j].clause === mark.clause; j--) marks[j].void = true;
    }
  });
}

/** A contrast ("instead of", "unlike") voids what follows it up to the next hosting verb in its clause. */
function applyContrast(marks: Mark[]): void {
  marks.forEach((mark, index) => {
    if (!has(mark, 'contrast')) return;
    for (let j = index + 1; j < marks.length && marks[j].clause === mark.clause; j++) {
      if (has(marks[j], 'hosting')) break;
      marks[j].void = true;
    }
  });
}

function distance(before: PhraseMatch, after: PhraseMatch): number {
  return after.first - before.last;
}

function isNonHostingMention(marks: Mark[], index: number): boolean {
  const cloud = marks[index];
  return marks.some(
    (other) =>
      other !== cloud &&
      other.clause === cloud.clause &&
      has(other, 'nonHosting') &&
      (distance(other.match, cloud.match) >= 0 ? distance(other.match, cloud.match) : distance(cloud.match, other.match)) <= NON_HOSTING_REACH,
  );
}

/** Words between a verb and its cloud that show the cloud belongs to another phrase. */
function interrupted(marks: Mark[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    if (has(marks[j], 'collaboration') || has(marks[j], 'nonHosting') || has(marks[j], 'customer')) return true;
  }
  return false;
}

function findTie(marks: Mark[], index: number, tokens: readonly Token[], context: StatementContext, statementHasSubject: boolean): Mark | undefined {
  const cloud = marks[index];
  // A cloud named right after "co-developed with" is a partner, not a host.
  const previous = marks[index - 1];
  if (previous && previous.clause === cloud.clause && has(previous, 'collaboration') && distance(previous.match, cloud.match) <= 2) return undefined;

  for (let j = index - 1; j >= 0 && marks[j].clause === cloud.clause; j--) {
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
    const column = tokens[cloud.match.first].column;
    const header = marks.find(
      (mark) => mark.match.first < tokens.length && tokens[mark.match.first].header && tokens[mark.match.first].column === column && (has(mark, 'hostingContext') || has(mark, 'hosting')),
    );
    if (header && !tokens[cloud.match.first].header) return header;
  }
  return undefined;
}

/** The surfaces a tie speaks of: those in its clause, else the nearest clause before, else after. */
function surfacesForTie(surfaceMarks: { mark: Mark; surface: SurfaceId }[], clause: number): SurfaceId[] {
  const inClause = (c: number): SurfaceId[] => [...new Set(surfaceMarks.filter((entry) => entry.mark.clause === c).map((entry) => entry.surface))];
  const own = inClause(clause);
  if (own.length > 0) return own;
  const before = surfaceMarks.filter((entry) => entry.mark.clause < clause);
  if (before.length > 0) return inClause(before[before.length - 1].mark.clause);
  const after = surfaceMarks.filter((entry) => entry.mark.clause > clause);
  if (after.length > 0) return inClause(after[0].mark.clause);
  return [];
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

export function detectFacets(vocabulary: CompiledVocabulary, tokens: readonly Token[], context: StatementContext): StatementFacets {
  const matches = matchPhrases(vocabulary, tokens);
  // Most statements hold only function words ("on", "not"); without a content phrase there is no facet.
  if (!matches.some((match) => match.terms.some((term) => CONTENT.has(term.category)))) return emptyFacets();
  const marks = assignClauses(tokens, matches, context.tableRow);
  applyNegation(marks);
  applyContrast(marks);

  const facets = emptyFacets();
  const surfaceMarks: { mark: Mark; surface: SurfaceId }[] = [];
  for (const mark of marks) {
    if (mark.void) continue;
    for (const surface of values(mark, 'surface') as SurfaceId[]) {
      surfaceMarks.push({ mark, surface });
      if (!facets.surfaces.includes(surface)) facets.surfaces.push(surface);
      facets.evidence.push(evidence(mark, 'surface', surface));
    }
    for (const segment of values(mark, 'customer')) {
      if (!facets.customers.includes(segment)) facets.customers.push(segment);
      facets.evidence.push(evidence(mark, 'customer', segment));
    }
  }

  const hasSubject = surfaceMarks.length > 0 || marks.some((mark) => !mark.void && has(mark, 'hosting'));
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
    const via = findTie(marks, index, tokens, context, hasSubject);
    if (!via) return;
    const cloudEvidence = evidence(mark, 'cloud', values(mark, 'cloud')[0]);
    const viaEvidence = evidence(via, 'cloud', 'tie');
    const surfaces = context.tableRow ? facets.surfaces.slice() : surfacesForTie(surfaceMarks, mark.clause);
    const surfaceEvidence = facets.evidence.filter((item) => item.facet === 'surface' && surfaces.includes(item.value as SurfaceId));
    for (const cloud of values(mark, 'cloud')) {
      const tie: Tie = { cloud, surfaces, evidence: [...surfaceEvidence, viaEvidence, cloudEvidence] };
      facets.ties.push(tie);
    }
    facets.evidence.push(viaEvidence, cloudEvidence);
  });
  return facets;
}
