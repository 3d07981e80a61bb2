/**
 * Reads one statement's tokens into facets: the surfaces it names, the clouds
 * it ties them to, who built it, for whom, and in which order it ships. The
 * traps are words that look like a facet but are not one, so every match is
 * first checked against negation, contrast and non-hosting context in its
 * clause.
 */
import { firstStartingAt } from './firstStartingAt';
import { findDates } from './readDates';
import type { SurfaceId } from '../profile/profileTypes';
import { CATEGORY_BIT, matchPhrases, readsAsPassive, type Category, type CompiledVocabulary, type MatchPool, type PhraseMatch } from './compileVocabulary';
import type { Tokens } from './tokenize';
import type { Evidence, StatementFacets, Tie } from './types';

/** The preposition after which a provider gives what is named before it. */
const FROM = ['from'];

/** How many words may stand between a hosting verb and its cloud ("hosted in the EU regions of AWS"). */
const HOSTING_REACH = 8;
/** How many words may stand between a placement preposition and its cloud ("on the AWS"). */
const PLACEMENT_REACH = 2;
/** How many words may stand between a cloud and a verb it is the subject of ("Bedrock will host"). */
const SUBJECT_REACH = 3;
/** How close a non-hosting phrase must be to neutralise a cloud ("AWS IAM credentials"). */
const NON_HOSTING_REACH = 3;
/**
 * The most surface evidence one claim keeps, the nearest to its venue: enough
 * to explain it, and a statement naming thousands of surfaces stays linear.
 */
const MAX_CLAIM_EVIDENCE = 8;

/** Categories that can give a facet on their own; the others only qualify them. */
const CONTENT =
  CATEGORY_BIT.cloud | CATEGORY_BIT.surface | CATEGORY_BIT.frameObject | CATEGORY_BIT.customer | CATEGORY_BIT.collaboration | CATEGORY_BIT.firstParty;

export function emptyFacets(): StatementFacets {
  return { surfaces: [], ties: [], partners: [], customers: [], laterOn: [], evidence: [] };
}

/**
 * The facets of a statement that claims nothing, which is most of them.
 * One frozen object serves them all, as facets are never changed once read.
 */
export const NO_FACETS: StatementFacets = Object.freeze({
  surfaces: Object.freeze([]) as unknown as StatementFacets['surfaces'],
  ties: Object.freeze([]) as unknown as StatementFacets['ties'],
  partners: Object.freeze([]) as unknown as string[],
  customers: Object.freeze([]) as unknown as string[],
  laterOn: Object.freeze([]) as unknown as string[],
  evidence: Object.freeze([]) as unknown as StatementFacets['evidence'],
});

/** Categories that void a whole statement, and those that void a whole table row. */
const STATEMENT_VOIDS = CATEGORY_BIT.rejection | CATEGORY_BIT.attribution;
const ROW_VOIDS = CATEGORY_BIT.negationAfter | CATEGORY_BIT.thirdParty;

/** A phrase match with its clause and whether it is void, as facet detection marks it. */
type Mark = PhraseMatch;

export interface StatementContext {
  /** The statement stands in a section about hosting ("## Hosting"). */
  hostingSection: boolean;
  /** The statement is a table row; clause boundaries stop at columns instead. */
  tableRow: boolean;
  /** Tokens where a name the spec gives a site starts: a site hosts, so one that opens the statement, or stands after "in" or "on", places the product there. */
  sites?: ReadonlySet<number>;
}

function has(mark: Mark, category: Category): boolean {
  return (mark.mask & CATEGORY_BIT[category]) !== 0;
}

/** The first value of `category` in the match; callers check `has` first. */
function firstValue(mark: Mark, category: Category): string {
  for (const term of mark.terms) if (term.category === category) return term.value;
  return '';
}

function evidence(mark: Mark, facet: Evidence['facet'], value: string): Evidence {
  return { facet, value, span: { start: mark.start, end: mark.end } };
}

function assignClauses(tokens: Tokens, marks: Mark[], tableRow: boolean): void {
  let clause = 0;
  let token = 0;
  for (const mark of marks) {
    if (tableRow) {
      clause = Math.max(0, tokens.columns[mark.first]);
    } else {
      // Matches come in token order, so the clause count only moves forward.
      for (; token < mark.first; token++) if (tokens.boundaries[token]) clause++;
    }
    mark.clause = clause;
  }
}

/**
 * Negation, a phrase about someone else's systems, and a word that tells
 * history ("previously") void the rest of their clause; a trailing
 * retraction voids what came before it; a contrast ("instead of", "unlike")
 * voids what follows it up to the next hosting verb. A rejected option or
 * someone else's view voids the whole statement, and so does a retraction
 * or someone else's product in any column of a table row, which is one
 * claim across its columns: it claims nothing about ours. Each is one pass
 * over the marks, so a huge statement stays linear.
 */
function applyScopes(marks: Mark[], tokens: Tokens, tableRow: boolean, reach: readonly number[]): void {
  let present = 0;
  let venueColumns: VenueColumns | undefined;
  for (const mark of marks) {
    const column = tokens.columns[mark.first];
    // Under a header naming a venue ("| AWS |" over "| not planned |"), a retraction is that venue's alone: its column is its clause.
    if (tableRow && (mark.mask & CATEGORY_BIT.negationAfter) !== 0 && !tokens.headers[mark.first] && (venueColumns ??= columnsWithVenues(marks, tokens)).inHeader.has(column)) {
      present |= mark.mask & ~CATEGORY_BIT.negationAfter;
    } else if (tableRow && (mark.mask & CATEGORY_BIT.thirdParty) !== 0 && tokens.headers[mark.first] && (venueColumns ??= columnsWithVenues(marks, tokens)).inCell.has(column)) {
      // A header naming someone else ("| Sub-processor |") makes the row theirs, unless the row names a venue there: then it is ours at that venue.
      present |= mark.mask & ~CATEGORY_BIT.thirdParty;
    } else {
      present |= mark.mask;
    }
  }
  const voiding = tableRow ? STATEMENT_VOIDS | ROW_VOIDS : STATEMENT_VOIDS;
  if ((present & voiding) !== 0 || ((present & CATEGORY_BIT.viewHolder) !== 0 && statesAView(marks, reach))) {
    for (const mark of marks) mark.void = true;
    return;
  }
  let negatedClause = -1;
  let negatedBy = false;
  let contrastClause = -1;
  // A relative clause right after a contrast ("Unlike Cursor, which serves completions from AWS, …") is the rival's, verbs and all.
  let rivalClause = -1;
  let checkedClause = -1;
  let pastIntro = -1;
  let cloudClauses: Set<number> | undefined;
  // "Applications in DLA's own AWS accounts": a possessive before "own" makes the rest of its clause someone else's.
  const owned = ownedByOthers(tokens, tableRow);
  let nextOwned = 0;
  let listChecked = -1;
  let placingClauses: Set<number> | undefined;
  for (const mark of marks) {
    // A negated list goes on past its commas ("no public API, SDK or API key") while the items name no venue and no verb.
    if (!tableRow && negatedBy && mark.clause === negatedClause + 1 && listChecked !== mark.clause) {
      listChecked = mark.clause;
      if (followsComma(tokens, mark) && !(placingClauses ??= clausesWith(marks, CATEGORY_BIT.cloud | CATEGORY_BIT.hosting)).has(mark.clause)) negatedClause = mark.clause;
    }
    while (nextOwned < owned.length && owned[nextOwned].token < mark.first) {
      negatedClause = owned[nextOwned].clause;
      negatedBy = false;
      nextOwned++;
    }
    if (mark.clause === negatedClause) {
      mark.void = true;
      mark.negated = negatedBy;
    }
    // Each clause is looked at once, so a long one stays linear.
    if (contrastClause >= 0 && mark.clause === contrastClause + 1 && checkedClause !== mark.clause) {
      checkedClause = mark.clause;
      if (opensRelativeClause(tokens, mark)) rivalClause = mark.clause;
    }
    if (mark.clause === rivalClause) mark.void = true;
    if (mark.clause === contrastClause) {
      if (has(mark, 'hosting')) contrastClause = -1;
      else {
        mark.void = true;
        // "Runs on GKE instead of Azure": the venue put aside is one the product does not ship on.
        mark.negated = has(mark, 'cloud');
      }
    }
    // A rival's product ("a competitor's agent runs on Vertex") is someone else's to the end of the clause, verbs and all.
    const theirs = has(mark, 'thirdParty') || (has(mark, 'contrast') && tokens.possessive(mark.last - 1));
    if (has(mark, 'negation') || theirs || has(mark, 'past')) {
      negatedClause = mark.clause;
      negatedBy = has(mark, 'negation');
      // An opening phrase that sets the past ("Under a prior Army pilot, the service ran on …") reaches into the clause it introduces.
      if (has(mark, 'past') && !tableRow && !(cloudClauses ??= clausesWith(marks, CATEGORY_BIT.cloud)).has(mark.clause)) pastIntro = mark.clause + 1;
    }
    if (mark.clause === pastIntro) mark.void = true;
    if (has(mark, 'contrast')) contrastClause = mark.clause;
  }
  let retractedClause = -1;
  // "Option B was rejected: it would put an API surface on Google Cloud": what follows the colon gives the rejected option's reasons.
  let explainedFrom = -1;
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index];
    if (mark.clause === retractedClause) {
      mark.void = true;
      mark.negated = true;
    }
    if (has(mark, 'negationAfter')) {
      retractedClause = mark.clause;
      if (!tableRow && mark.last < tokens.length && tokens.boundaries[mark.last] && tokens.text.charCodeAt(tokens.starts[mark.last]) === 58) explainedFrom = mark.last;
    }
  }
  if (explainedFrom >= 0) for (const mark of marks) if (mark.first > explainedFrom) mark.void = true;
}

/** Whether a mark's clause follows a comma. */
function followsComma(tokens: Tokens, mark: Mark): boolean {
  let first = mark.first;
  while (first > 0 && !tokens.boundaries[first - 1]) first--;
  return first > 0 && tokens.text.charCodeAt(tokens.starts[first - 1]) === 44;
}

/** The clauses with a match of any category in `mask` (a clause with no venue and no verb can only be another item of a list). */
function clausesWith(marks: Mark[], mask: number): Set<number> {
  const clauses = new Set<number>();
  for (const mark of marks) if ((mark.mask & mask) !== 0) clauses.add(mark.clause);
  return clauses;
}

/** The word after a possessive that makes what follows the possessor's. */
const OWN = 'own';

/** Where "own" follows a possessive other than "our" ("DLA's own", "the agency's own"), with the clause each stands in. */
function ownedByOthers(tokens: Tokens, tableRow: boolean): { token: number; clause: number }[] {
  const found: { token: number; clause: number }[] = [];
  let clause = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens.boundaries[index]) clause++;
    else if (tokens.words[index] === OWN && index > 0 && tokens.possessive(index - 1)) {
      found.push({ token: index, clause: tableRow ? Math.max(0, tokens.columns[index]) : clause });
    }
  }
  return found;
}

/** Words that open a relative clause about what was named just before it. */
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whose']);

/** Whether the clause a mark stands in opens with a relative pronoun. */
function opensRelativeClause(tokens: Tokens, mark: Mark): boolean {
  let first = mark.first;
  while (first > 0 && !tokens.boundaries[first - 1]) first--;
  // The pronoun is in no phrase, so the tokens keep only its place: read it from the text.
  return RELATIVE_PRONOUNS.has(tokens.text.slice(tokens.starts[first], tokens.ends[first]).toLowerCase());
}

/** The columns of a table row whose header, and those whose cell, names a venue. */
interface VenueColumns {
  inHeader: Set<number>;
  inCell: Set<number>;
}

/** Read once per row, so that a row of many cells stays linear. */
function columnsWithVenues(marks: Mark[], tokens: Tokens): VenueColumns {
  const found: VenueColumns = { inHeader: new Set(), inCell: new Set() };
  for (const mark of marks) if (has(mark, 'cloud')) (tokens.headers[mark.first] ? found.inHeader : found.inCell).add(tokens.columns[mark.first]);
  return found;
}

/** The home venue a mark names, if it names one. */
function homeOf(mark: Mark, vocabulary: CompiledVocabulary): string | undefined {
  return mark.terms.find((term) => term.category === 'cloud' && vocabulary.home.has(term.value))?.value;
}

function isHome(mark: Mark, vocabulary: CompiledVocabulary): boolean {
  return homeOf(mark, vocabulary) !== undefined;
}

/**
 * Whether a table row has a status cell that turns its option down: a cell
 * whose first word reads as a rejection in the passive, alone or before its
 * reason ("| cut |", "| declined: fabric not ready |").
 */
function hasRejectedStatus(tokens: Tokens, vocabulary: CompiledVocabulary): boolean {
  for (let index = 0; index < tokens.length; index++) {
    if (tokens.headers[index] || tokens.boundaries[index]) continue;
    const column = tokens.columns[index];
    const opens = index === 0 || tokens.columns[index - 1] !== column || tokens.headers[index - 1];
    const next = index + 1;
    const stands = next === tokens.length || tokens.columns[next] !== column || tokens.boundaries[next];
    if (opens && stands && readsAsRejection(vocabulary, tokens.words[index])) return true;
  }
  return false;
}

function readsAsRejection(vocabulary: CompiledVocabulary, word: string): boolean {
  return readsAsPassive(vocabulary, word, 'rejection') || readsAsPassive(vocabulary, word, 'negationAfter');
}

/**
 * Whether an audience word is a thing a named audience owns, right after it:
 * in the possessive ("the Army's enterprise workspace"), or after a proper
 * name ("the Army enterprise pilot").
 */
function ownedByAudience(marks: Mark[], index: number, tokens: Tokens): boolean {
  const owner = marks[index - 1];
  if (owner === undefined || owner.void || !has(owner, 'customer') || distance(owner, marks[index]) !== 0) return false;
  return tokens.possessive(owner.last - 1) || (isCapital(tokens.text, owner.start) && !isCapital(tokens.text, marks[index].start));
}

function isCapital(text: string, at: number): boolean {
  const letter = text[at];
  return letter !== letter.toLowerCase();
}

/** Whether a holder of a view comes before a verb of its frame, in its clause and within the frame's reach ("analysts at one bank expect"). */
function statesAView(marks: Mark[], reach: readonly number[]): boolean {
  for (let index = 0; index < marks.length; index++) {
    const holder = marks[index];
    for (const term of holder.terms) {
      if (term.category !== 'viewHolder') continue;
      const most = reach[Number(term.value)];
      for (let j = index + 1; j < marks.length && marks[j].clause === holder.clause && distance(holder, marks[j]) <= most; j++) {
        if (marks[j].terms.some((other) => other.category === 'viewVerb' && other.value === term.value)) return true;
      }
    }
  }
  return false;
}

function distance(before: Mark, after: Mark): number {
  return after.first - before.last;
}

/** The ownership phrase right after the venue ("a Lambda function we maintain"), if there is one. */
function ownedBy(marks: Mark[], index: number): Mark | undefined {
  const next = marks[index + 1];
  return next && !next.void && next.clause === marks[index].clause && has(next, 'ownership') && distance(marks[index], next) <= SUBJECT_REACH ? next : undefined;
}

function isNonHostingMention(marks: Mark[], index: number): boolean {
  const cloud = marks[index];
  if (ownedBy(marks, index)) return false;
  for (let j = index - 1; j >= 0 && marks[j].clause === cloud.clause && distance(marks[j], cloud) <= NON_HOSTING_REACH; j--) {
    if (has(marks[j], 'nonHosting')) return true;
  }
  for (let j = index + 1; j < marks.length && marks[j].clause === cloud.clause && distance(cloud, marks[j]) <= NON_HOSTING_REACH; j++) {
    if (has(marks[j], 'nonHosting')) return true;
  }
  return false;
}

/**
 * The surface a frame object names with a verb of its frame in the same
 * clause, before or after it within the frame's reach ("publish the full
 * weights", "weights will be published"), if one does.
 */
function framedSurface(marks: Mark[], index: number, vocabulary: CompiledVocabulary): SurfaceId | undefined {
  const object = marks[index];
  for (const term of object.terms) {
    if (term.category !== 'frameObject') continue;
    const frame = vocabulary.surfaceFrames[Number(term.value)];
    const isVerb = (mark: Mark): boolean => !mark.void && mark.terms.some((other) => other.category === 'frameVerb' && other.value === term.value);
    for (let j = index - 1; j >= 0 && marks[j].clause === object.clause && distance(marks[j], object) <= frame.reach; j--) if (isVerb(marks[j])) return frame.surface;
    for (let j = index + 1; j < marks.length && marks[j].clause === object.clause && distance(object, marks[j]) <= frame.reach; j++) if (isVerb(marks[j])) return frame.surface;
  }
  return undefined;
}

/** Words between a verb and its cloud that show the cloud belongs to another phrase. */
function interrupted(marks: Mark[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    if (has(marks[j], 'collaboration') || has(marks[j], 'nonHosting')) return true;
  }
  return false;
}

/** The verb class a hosting mark's words belong to, if a class gave them. */
function actionOf(mark: Mark, vocabulary: CompiledVocabulary): string | undefined {
  for (const term of mark.terms) if (term.category === 'hosting' && vocabulary.verbClasses.has(term.value)) return term.value;
  return undefined;
}

/** Whether `words` stand in the tokens right before token `end`. */
function wordsBefore(tokens: Tokens, words: readonly string[], end: number): boolean {
  const start = end - words.length;
  if (start < 0) return false;
  for (let index = 0; index < words.length; index++) if (tokens.words[start + index] !== words[index]) return false;
  return true;
}

/** Whether a hosting mark's venue may stand before it as its subject: any hosting phrase but a verb of a class that says no. */
function venueMayLead(mark: Mark, vocabulary: CompiledVocabulary): boolean {
  const action = actionOf(mark, vocabulary);
  return action === undefined || vocabulary.verbClasses.get(action)?.venueLeads === true;
}

/** Whether a hosting mark of a framed class has one of its frames right before the cloud, at most one word between ("get the API from the Oracle cloud"); true for any other mark. */
function framesCloud(tokens: Tokens, cloud: Mark, via: Mark, vocabulary: CompiledVocabulary): boolean {
  const action = actionOf(via, vocabulary);
  const frames = action === undefined ? undefined : vocabulary.verbClasses.get(action)?.framedBy;
  if (!frames || frames.length === 0) return true;
  return frames.some((words) => wordsBefore(tokens, words, cloud.first) || wordsBefore(tokens, words, cloud.first - 1));
}

/** Words after which a participle is the clause's own verb ("we rented", "was reserved"), not a description of a noun. */
const SUBJECTS_AND_AUXILIARIES = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'to']);

/**
 * Whether a hosting mark is a participle of a class about one thing
 * (capacity) that describes what it stands by: the venue right after it ("a
 * reserved CoreWeave pool") or the noun right before it ("2,048 H100s
 * rented from CoreWeave"). The clause's own verb is then another.
 */
function describesVenue(tokens: Tokens, mark: Mark, cloud: Mark, vocabulary: CompiledVocabulary): boolean {
  const action = actionOf(mark, vocabulary);
  if (action === undefined || vocabulary.verbClasses.get(action)?.implies === undefined) return false;
  const { text, starts, ends } = tokens;
  if (text.slice(ends[mark.first] - 2, ends[mark.first]).toLowerCase() !== 'ed') return false;
  if (distance(mark, cloud) === 0) return true;
  const before = mark.first - 1;
  return before >= 0 && !tokens.boundaries[before] && !SUBJECTS_AND_AUXILIARIES.has(text.slice(starts[before], ends[before]).toLowerCase());
}

/**
 * Whether the cloud follows, with at most one word between ("from the"), a
 * preposition that for the verb's class names where something leaves
 * ("fail over from Azure to Google Cloud").
 */
function isSource(tokens: Tokens, cloud: Mark, via: Mark, vocabulary: CompiledVocabulary): boolean {
  const action = actionOf(via, vocabulary);
  const sources = action === undefined ? undefined : vocabulary.verbClasses.get(action)?.sources;
  if (!sources) return false;
  return sources.some((words) => wordsBefore(tokens, words, cloud.first) || wordsBefore(tokens, words, cloud.first - 1));
}

function findTie(
  marks: Mark[],
  index: number,
  tokens: Tokens,
  context: StatementContext,
  statementHasSubject: boolean,
  vocabulary: CompiledVocabulary,
): Mark | undefined {
  const cloud = marks[index];
  const owned = ownedBy(marks, index);
  if (owned) return owned;
  // A cloud named right after "co-developed with" is a partner, not a host.
  const previous = marks[index - 1];
  if (previous && previous.clause === cloud.clause && has(previous, 'collaboration') && distance(previous, cloud) <= 2) return undefined;

  // A participle right before the venue describes it ("bursts to a reserved CoreWeave pool"): the verb before it, if any, is the action.
  let described: Mark | undefined;
  for (let j = index - 1; j >= 0 && marks[j].clause === cloud.clause && distance(marks[j], cloud) <= HOSTING_REACH; j--) {
    const mark = marks[j];
    if (mark.void) continue;
    if (has(mark, 'hosting') && distance(mark, cloud) <= HOSTING_REACH && !interrupted(marks, j, index) && framesCloud(tokens, cloud, mark, vocabulary)) {
      // The preposition before the venue is the participle's when there is one ("drains onto H100s rented from CoreWeave").
      if (described === undefined && isSource(tokens, cloud, mark, vocabulary)) return undefined;
      if (described === undefined && describesVenue(tokens, mark, cloud, vocabulary)) {
        described = mark;
        continue;
      }
      return mark;
    }
    // A service runs things, so "jobs on HyperPod" places them even where nothing else says what is placed; so does a site ("placed in Marsh").
    const placing = statementHasSubject || context.hostingSection || has(cloud, 'service') || context.sites?.has(cloud.first) === true;
    if (has(mark, 'placement') && distance(mark, cloud) <= PLACEMENT_REACH && placing && !has(cloud, 'storage')) return mark;
  }
  if (described) return described;
  for (let j = index + 1; j < marks.length && marks[j].clause === cloud.clause; j++) {
    const mark = marks[j];
    if (distance(cloud, mark) > SUBJECT_REACH) break;
    // "Google Cloud goes first" names where the product ships as well as when.
    if (!mark.void && has(mark, 'launchLeads')) return mark;
    if (!mark.void && has(mark, 'hosting') && venueMayLead(mark, vocabulary)) return mark;
  }
  // Capacity taken from a provider ("a block of 300 A100s from CoreWeave") is acquired there.
  const resource = marks[index - 1];
  if (resource && !resource.void && resource.clause === cloud.clause && distance(resource, cloud) <= 2 && (wordsBefore(tokens, FROM, cloud.first) || wordsBefore(tokens, FROM, cloud.first - 1))) {
    if (resource.terms.some((term) => term.category === 'surface' && vocabulary.resources.has(term.value as SurfaceId))) return resource;
  }
  if (context.tableRow) {
    const column = tokens.columns[cloud.first];
    const header = marks.find(
      (mark) => tokens.headers[mark.first] && tokens.columns[mark.first] === column && (has(mark, 'hostingContext') || has(mark, 'hosting')),
    );
    if (header && !tokens.headers[cloud.first]) return header;
    // A row is one claim across its columns: a hosting word in another cell ("| Oracle | … | Hosting of the search index |") places the row's venue.
    if (!tokens.headers[cloud.first]) {
      const hosting = marks.find((mark) => !mark.void && !tokens.headers[mark.first] && tokens.columns[mark.first] !== column && has(mark, 'hosting'));
      if (hosting) return hosting;
    }
    // A share of traffic under a header that names the venue ("| Share on AWS |" over "| 75% |") places that much there.
    if (tokens.headers[cloud.first] && hasShare(tokens, column)) return cloud;
    // So does a date under a header that names the venue ("| Azure |" over "| 2026-10-01 |").
    if (tokens.headers[cloud.first] && columnHasDate(tokens, column, false)) return cloud;
    // A venue under a date ("| Q3 2026 |" over "| Amazon Bedrock GA |") is where the row's item ships then.
    if (!tokens.headers[cloud.first] && columnHasDate(tokens, column, true)) return cloud;
  }
  // A site that opens the statement or a clause is at work there ("Tidepool serves the sandbox endpoint", "…, Fen is the default home").
  if (context.sites?.has(cloud.first) && (cloud.first === 0 || tokens.boundaries[cloud.first - 1])) return cloud;
  return undefined;
}

/**
 * Clauses that name the home cloud and say something other than hosting
 * ("customers inside GovCloud keep calling our Azure endpoint"): the home
 * cloud is where the product is, and a bare preposition there ("inside",
 * "through") places the caller's side, not ours.
 */
function clausesUsingHome(marks: Mark[], vocabulary: CompiledVocabulary): Set<number> {
  const home = new Set<number>();
  const using = new Set<number>();
  for (const mark of marks) {
    if (mark.void) continue;
    if (has(mark, 'cloud') && isHome(mark, vocabulary)) home.add(mark.clause);
    if (has(mark, 'nonHosting')) using.add(mark.clause);
  }
  for (const clause of home) if (!using.has(clause)) home.delete(clause);
  return home;
}

/** Whether a column's header (or its cell, not the header) holds a date ("| Q3 2026 |", "| 2026-10-01 |"). */
function columnHasDate(tokens: Tokens, column: number, header: boolean): boolean {
  let start = -1;
  let end = -1;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens.columns[index] !== column || tokens.headers[index] !== header) continue;
    if (start < 0) start = tokens.starts[index];
    end = tokens.ends[index];
  }
  return start >= 0 && findDates(tokens.text, { start, end }).length > 0;
}

/** Whether a column's cell is only a share above zero ("75%", "12.5 %"). */
function hasShare(tokens: Tokens, column: number): boolean {
  let cell = -1;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens.columns[index] !== column || tokens.headers[index]) continue;
    if (cell >= 0) return false;
    cell = index;
  }
  if (cell < 0) return false;
  const { text } = tokens;
  const share = /^(\d+(?:\.\d+)?)\s*%/.exec(text.slice(tokens.starts[cell], tokens.ends[cell] + 2));
  return share !== null && Number(share[1]) > 0;
}

/** Surfaces by clause, to pair each tie with the surfaces it speaks of. */
class ClauseSurfaces {
  /** Clauses that name a surface, in order, with their surfaces and evidence. */
  private readonly clauses: number[] = [];
  private readonly entries: { surfaces: SurfaceId[]; evidence: Evidence[] }[] = [];

  add(clause: number, surface: SurfaceId, found: Evidence): void {
    const last = this.clauses.length - 1;
    // Marks come in clause order, so a clause's entry is always the last one.
    let entry = last >= 0 && this.clauses[last] === clause ? this.entries[last] : undefined;
    if (!entry) {
      entry = { surfaces: [], evidence: [] };
      this.clauses.push(clause);
      this.entries.push(entry);
    }
    if (!entry.surfaces.includes(surface)) entry.surfaces.push(surface);
    entry.evidence.push(found);
  }

  /** The position of the first clause at or after `clause`. */
  private find(clause: number): number {
    let low = 0;
    let high = this.clauses.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.clauses[mid] < clause) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Those of exactly this clause. */
  inClause(clause: number): readonly SurfaceId[] {
    const at = this.find(clause);
    return this.clauses[at] === clause ? this.entries[at].surfaces : [];
  }

  /**
   * Those of the tie's clause, else of the nearest clause before it, else
   * after it, of the clauses that name no cloud of their own: a surface
   * another clause places ("and keep the API on Azure") is not this tie's.
   */
  forClause(clause: number, placed: ReadonlySet<number>): { surfaces: SurfaceId[]; evidence: Evidence[] } {
    const low = this.find(clause);
    if (this.clauses[low] === clause) return this.entries[low];
    for (let index = low - 1; index >= 0; index--) if (!placed.has(this.clauses[index])) return this.entries[index];
    for (let index = low; index < this.clauses.length; index++) if (!placed.has(this.clauses[index])) return this.entries[index];
    return { surfaces: [], evidence: [] };
  }
}

/**
 * A cloud right after a tied cloud, in its clause or opening the next one,
 * continues its list ("served from Azure, AWS GovCloud and Oracle Cloud"):
 * the comma split the clause, not the claim. So does a cloud that opens a
 * clause after a semicolon, whose verb is the one before it ("GA on AWS on
 * 16 Jun; Azure regions on 7 Jul"). `tiedVia` holds, by mark index, the
 * hosting word each tied cloud hangs on.
 */
function listedAfter(marks: Mark[], index: number, tiedVia: readonly (Mark | undefined)[], tokens: Tokens): Mark | undefined {
  const cloud = marks[index];
  const previous = marks[index - 1];
  if (!previous) return undefined;
  // In a table a column is a clause of its own: a venue in one header does not continue the list of the header before it.
  if (cloud.clause !== previous.clause && tokens.headers[cloud.first]) return undefined;
  if (cloud.clause - previous.clause <= 1 && tiedVia[index - 1]) return tiedVia[index - 1];
  const opensAfterSemicolon = cloud.first > 0 && tokens.boundaries[cloud.first - 1] && tokens.text.charCodeAt(tokens.starts[cloud.first - 1]) === 59;
  // The verb is left out only where the venue stands alone or before where and when ("Azure regions on 7 Jul"), not before a noun ("Azure customers get it").
  const next = marks[index + 1];
  const alone = cloud.last === tokens.length || tokens.boundaries[cloud.last] || (next !== undefined && next.first === cloud.last && has(next, 'placement'));
  if (!opensAfterSemicolon || !alone) return undefined;
  for (let j = index - 1; j >= 0; j--) if (tiedVia[j]) return tiedVia[j];
  return undefined;
}

function nearbyCloud(marks: Mark[], index: number, reachAfter: number, reachBefore: number): Mark | undefined {
  const anchor = marks[index];
  for (let j = index + 1; j < marks.length && marks[j].clause === anchor.clause; j++) {
    if (distance(anchor, marks[j]) > reachAfter) break;
    if (has(marks[j], 'cloud')) return marks[j];
  }
  for (let j = index - 1; j >= 0 && marks[j].clause === anchor.clause; j--) {
    if (distance(marks[j], anchor) > reachBefore) break;
    if (has(marks[j], 'cloud')) return marks[j];
  }
  return undefined;
}

/** The statement's facets; with a `pool`, phrase matches are taken from it (facets never keep them). */
export function detectFacets(vocabulary: CompiledVocabulary, tokens: Tokens, context: StatementContext, pool?: MatchPool): StatementFacets {
  const marks = matchPhrases(vocabulary, tokens, pool);
  // Most statements hold only function words ("on", "not"); without a content phrase there is no facet.
  if (!marks.some((mark) => (mark.mask & CONTENT) !== 0)) return NO_FACETS;
  assignClauses(tokens, marks, context.tableRow);
  if (context.tableRow && hasRejectedStatus(tokens, vocabulary)) return NO_FACETS;
  applyScopes(marks, tokens, context.tableRow, vocabulary.attributionReach);

  const facets = emptyFacets();
  let clauseSurfaces: ClauseSurfaces | undefined;
  // A venue's part named after it ("the CoreWeave cluster") shows the statement places something there, though not what.
  let placesSomething = false;
  const addSurface = (mark: Mark, surface: SurfaceId): void => {
    const found = evidence(mark, 'surface', surface);
    (clauseSurfaces ??= new ClauseSurfaces()).add(mark.clause, surface, found);
    if (!facets.surfaces.includes(surface)) facets.surfaces.push(surface);
    facets.evidence.push(found);
  };
  marks.forEach((mark, index) => {
    if (mark.void) {
      if (mark.negated && has(mark, 'surface')) {
        for (const term of mark.terms) if (term.category === 'surface') (facets.deniedSurfaces ??= []).push(term.value as SurfaceId);
      }
      return;
    }
    const frame = has(mark, 'frameObject') ? framedSurface(marks, index, vocabulary) : undefined;
    if (frame) addSurface(mark, frame);
    if (has(mark, 'surface')) {
      // A resource right after a venue says which part of the venue ("runs on GKE clusters"), not what runs there.
      const previous = marks[index - 1];
      const describesVenue = previous !== undefined && !previous.void && has(previous, 'cloud') && distance(previous, mark) === 0;
      for (const term of mark.terms) {
        if (term.category !== 'surface') continue;
        if (describesVenue && vocabulary.resources.has(term.value as SurfaceId)) placesSomething = true;
        else addSurface(mark, term.value as SurfaceId);
      }
    }
    if (has(mark, 'customer') && !ownedByAudience(marks, index, tokens)) {
      for (const term of mark.terms) {
        if (term.category !== 'customer') continue;
        if (!facets.customers.includes(term.value)) facets.customers.push(term.value);
        facets.evidence.push(evidence(mark, 'customer', term.value));
      }
    }
  });

  // Surfaces of a clause (or a table row) that names the home cloud are placed there, not off it.
  const placed = new Set<number>();
  for (const mark of marks) {
    if (mark.void || !has(mark, 'cloud')) continue;
    placed.add(mark.clause);
    if (!isHome(mark, vocabulary)) continue;
    const home = context.tableRow ? facets.surfaces : clauseSurfaces?.inClause(mark.clause) ?? [];
    for (const surface of home) if (!(facets.homeSurfaces ??= []).includes(surface)) facets.homeSurfaces.push(surface);
  }

  // A statement about hosting lets "on AWS" place its subject; verbs whose venue is only their object ("keep memory") do not make one.
  const hasSubject = placesSomething || clauseSurfaces !== undefined || marks.some((mark) => !mark.void && has(mark, 'hosting') && venueMayLead(mark, vocabulary));
  let usedAtHome: Set<number> | undefined;
  // Venues no word places, which an order ("opens a month ahead of Azure") may place after all.
  const untied: number[] = [];
  let orderedLater = false;
  const tiedVia: (Mark | undefined)[] = [];
  const pairedWith: ({ surfaces: SurfaceId[]; evidence: Evidence[] } | undefined)[] = [];
  // A table row's surfaces, read once: every claim of the row shares them.
  let row: { surfaces: SurfaceId[]; evidence: Evidence[] } | undefined;
  marks.forEach((mark, index) => {
    if (mark.void) {
      // "There is no Azure plan for it yet": a negated home cloud is one the product does not ship on first.
      const home = mark.negated ? homeOf(mark, vocabulary) : undefined;
      if (home !== undefined && !facets.laterOn.includes(home)) {
        facets.laterOn.push(home);
        facets.evidence.push(evidence(mark, 'order', `not yet on ${home}`));
      }
      return;
    }
    if (has(mark, 'collaboration')) {
      facets.collaboration = 'co-developed';
      facets.evidence.push(evidence(mark, 'collaboration', 'co-developed'));
      const partner = nearbyCloud(marks, index, 2, -1);
      if (partner) for (const term of partner.terms) if (term.category === 'cloud') facets.partners.push(term.value);
    } else if (has(mark, 'firstParty') && facets.collaboration === undefined) {
      facets.collaboration = 'first-party';
      facets.evidence.push(evidence(mark, 'collaboration', 'first-party'));
    }
    if (has(mark, 'launchOrder') || has(mark, 'launchLeads')) {
      const first = has(mark, 'launchOrder') ? nearbyCloud(marks, index, 3, 1) : nearbyCloud(marks, index, -1, 3);
      if (first && !first.void && facets.firstOn === undefined) {
        facets.firstOn = firstValue(first, 'cloud');
        facets.evidence.push(evidence(mark, 'order', `first on ${facets.firstOn}`));
      }
    }
    if (has(mark, 'launchLater') || has(mark, 'launchFollows')) {
      const later = has(mark, 'launchLater') ? nearbyCloud(marks, index, 3, -1) : nearbyCloud(marks, index, -1, 2);
      if (later && !later.void) {
        const cloud = firstValue(later, 'cloud');
        if (!facets.laterOn.includes(cloud)) facets.laterOn.push(cloud);
        facets.evidence.push(evidence(mark, 'order', `later on ${cloud}`));
        orderedLater = true;
      }
    }
    if (!has(mark, 'cloud') || isNonHostingMention(marks, index)) return;
    const own = findTie(marks, index, tokens, context, hasSubject, vocabulary);
    if (!own && !listedAfter(marks, index, tiedVia, tokens)) untied.push(index);
    if (own && !has(own, 'hosting') && has(own, 'placement') && !isHome(mark, vocabulary) && (usedAtHome ??= clausesUsingHome(marks, vocabulary)).has(mark.clause)) return;
    const via = own ?? listedAfter(marks, index, tiedVia, tokens);
    if (!via || (own === undefined && isSource(tokens, mark, via, vocabulary))) return;
    tiedVia[index] = via;
    const cloudEvidence = evidence(mark, 'cloud', firstValue(mark, 'cloud'));
    const viaEvidence = evidence(via, 'cloud', 'tie');
    // A table row is one claim across its columns; prose pairs a tie with its own clause; a listed cloud continues the claim before it.
    const continued = own === undefined ? pairedWith[index - 1] : undefined;
    const paired =
      continued !== undefined
        ? continued
        : context.tableRow
          ? (row ??= { surfaces: facets.surfaces, evidence: facets.evidence.filter((item) => item.facet === 'surface') })
          : clauseSurfaces?.forClause(mark.clause, placed) ?? { surfaces: [], evidence: [] };
    pairedWith[index] = paired;
    const claimed = continued || context.tableRow ? paired : leading(paired, mark.start);
    const action = actionOf(via, vocabulary);
    // An action that is about one thing ("lease" is about capacity) says what the claim is about when the statement does not.
    const implied = action === undefined ? undefined : vocabulary.verbClasses.get(action)?.implies;
    const surfaces = claimed.surfaces.length === 0 && implied ? [implied] : claimed.surfaces.slice();
    if (claimed.surfaces.length === 0 && implied && !facets.surfaces.includes(implied)) facets.surfaces.push(implied);
    for (const term of mark.terms) {
      if (term.category !== 'cloud') continue;
      const tie: Tie = { cloud: term.value, surfaces: surfaces.slice(), evidence: [...nearest(claimed.evidence, mark.start), viaEvidence, cloudEvidence] };
      if (action !== undefined) tie.action = action;
      facets.ties.push(tie);
    }
    facets.evidence.push(viaEvidence, cloudEvidence);
  });
  // "The GKE pool opens a month ahead of Azure": a statement that puts one venue after another launches on the other.
  if (facets.ties.length === 0 && orderedLater) {
    for (const index of untied) {
      const mark = marks[index];
      const cloud = firstValue(mark, 'cloud');
      if (facets.laterOn.includes(cloud)) continue;
      const paired = clauseSurfaces?.forClause(mark.clause, placed) ?? { surfaces: [], evidence: [] };
      const order = facets.evidence.filter((item) => item.facet === 'order');
      facets.ties.push({ cloud, surfaces: paired.surfaces.slice(), evidence: [...nearest(paired.evidence, mark.start), ...order, evidence(mark, 'cloud', cloud)] });
    }
  }
  // Only a statement that places something can order a home venue after it.
  if (facets.ties.length > 0) {
    for (const index of untied) {
      const home = homeOf(marks[index], vocabulary);
      if (home !== undefined) (facets.homeUnplaced ??= []).push(evidence(marks[index], 'cloud', home));
    }
  }
  // A statement that places things on the home cloud and nowhere else places all it names there ("…, and that remains on Azure").
  if (facets.ties.length > 0 && facets.ties.every((tie) => vocabulary.home.has(tie.cloud))) facets.homeSurfaces = facets.surfaces.slice();
  return facets;
}

/** At most `MAX_CLAIM_EVIDENCE` items of text-ordered evidence, those nearest `at`. */
function nearest(evidence: Evidence[], at: number): Evidence[] {
  if (evidence.length <= MAX_CLAIM_EVIDENCE) return evidence;
  const low = firstStartingAt(evidence, at);
  const start = Math.min(Math.max(0, low - MAX_CLAIM_EVIDENCE / 2), evidence.length - MAX_CLAIM_EVIDENCE);
  return evidence.slice(start, start + MAX_CLAIM_EVIDENCE);
}

/**
 * The surfaces of a clause named before its venue, when some come before it
 * and some after: the subject is what is placed ("the skills endpoint is
 * hosted on Cloud Run next to the device backend" places the endpoint).
 */
function leading(paired: { surfaces: SurfaceId[]; evidence: Evidence[] }, venueStart: number): { surfaces: SurfaceId[]; evidence: Evidence[] } {
  const { evidence } = paired;
  // Evidence is in text order, so the items before the venue are a prefix, found by binary search.
  const low = firstStartingAt(evidence, venueStart);
  if (low === 0 || low === evidence.length) return paired;
  const before = evidence.slice(Math.max(0, low - MAX_CLAIM_EVIDENCE), low);
  const surfaces: SurfaceId[] = [];
  for (const item of before) if (!surfaces.includes(item.value as SurfaceId)) surfaces.push(item.value as SurfaceId);
  return { surfaces, evidence: before };
}
