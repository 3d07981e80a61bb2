/**
 * Gives each claim of a statement its date, and orders the home venues a
 * statement names against the venues it dates. A claim takes the date in
 * its venue's own clause, else the statement's date nearest its venue; a
 * table row's claim takes its own cell's date, else its column header's. A
 * home venue left without a date ("has no date yet", "| Azure port not
 * scheduled |") ships after the dated ones; one named with an earlier or a
 * later date than the venues the statement places ships before or after
 * them. Launch order across the document is then read from these dates
 * (`documentFacts`, `evaluateRules`).
 */
import { firstStartingAt } from './firstStartingAt';
import { findDates, UNSCHEDULED } from './readDates';
import type { Span, Statement, Tie } from './types';

/**
 * The date of a tie in a table row from its own cell, else from that
 * column's header ("| Q3 2026 |" over "| Amazon Bedrock GA |"), if either
 * has one.
 */
function cellDate(text: string, statement: Statement, at: number): ReturnType<typeof findDates>[number] | undefined {
  // A venue named in a header is dated by its column's cell.
  const pair = statement.cells?.find(({ cell, header }) => (cell.start <= at && at < cell.end) || (header !== undefined && header.start <= at && at < header.end));
  if (!pair) return undefined;
  const dates = findDates(text, pair.cell);
  // A cell may date each venue it names ("AWS from 2026-06-01; Azure from 2026-08-03"): the first date after the venue is its own.
  return dates.find((date) => date.span.start >= at) ?? dates[dates.length - 1] ?? (pair.header ? findDates(text, pair.header)[0] : undefined);
}

/** Punctuation that ends a clause: a comma, semicolon, colon, parenthesis or dash, or a sentence's end. */
const CLAUSE_END = /[,;:()\u2014\u2013]|[.!?](?=\s|$)/g;

/** Where the clauses of `span` end, in order, as spans of one character. */
function clauseEnds(text: string, span: Span): Span[] {
  const ends: Span[] = [];
  const slice = text.slice(span.start, span.end);
  CLAUSE_END.lastIndex = 0;
  for (let found = CLAUSE_END.exec(slice); found; found = CLAUSE_END.exec(slice)) ends.push({ start: span.start + found.index, end: span.start + found.index + 1 });
  return ends;
}

/** Whether no clause end stands between two offsets. */
function sameClause(ends: readonly { span: Span }[], from: number, to: number): boolean {
  const low = firstStartingAt(ends, Math.min(from, to));
  return low === ends.length || ends[low].span.start >= Math.max(from, to);
}

/** Gives each tie of the statement the date nearest its cloud, preferring its own clause's, if the statement has dates. */
export function dateClaims(text: string, statement: Statement, home: ReadonlySet<string>): void {
  const dates = findDates(text, statement.span);
  let ends: { span: Span }[] | undefined;
  for (const tie of statement.facets.ties) {
    const at = tie.evidence[tie.evidence.length - 1].span.start;
    const inCell = statement.kind === 'table-row' ? cellDate(text, statement, at) : undefined;
    if (inCell) {
      tie.when = inCell.value;
      tie.evidence.push({ facet: 'order', value: text.slice(inCell.span.start, inCell.span.end), span: inCell.span });
      continue;
    }
    if (dates.length === 0) continue;
    // Dates come in text order: the nearest is the first at or after the cloud, or the one before it.
    const low = firstStartingAt(dates, at);
    const after = dates[Math.min(low, dates.length - 1)];
    const before = dates[Math.max(low - 1, 0)];
    // A date in the cloud's own clause is its own ("on 16 Jun; Azure regions on 7 Jul"); else the nearest in the statement.
    ends ??= clauseEnds(text, statement.span).map((span) => ({ span }));
    const beforeOwn = low > 0 && sameClause(ends, before.span.end, at);
    const afterOwn = low < dates.length && sameClause(ends, at, after.span.start);
    const nearest =
      beforeOwn !== afterOwn ? (beforeOwn ? before : after) : Math.abs(before.span.start - at) <= Math.abs(after.span.start - at) ? before : after;
    // "| Google Cloud only | Azure port not scheduled |": an unset date in another cell is that cell's venue's, not this one's.
    if (statement.kind === 'table-row' && nearest.value === UNSCHEDULED) continue;
    tie.when = nearest.value;
    tie.evidence.push({ facet: 'order', value: text.slice(nearest.span.start, nearest.span.end), span: nearest.span });
  }
  const facets = statement.facets;
  // "Azure port not scheduled": a home venue without a date ships after the venues that have one.
  for (const tie of facets.ties) {
    if (tie.when !== UNSCHEDULED || !home.has(tie.cloud) || facets.laterOn.includes(tie.cloud)) continue;
    facets.laterOn.push(tie.cloud);
    facets.evidence.push(tie.evidence[tie.evidence.length - 1]);
  }
  // "An Azure launch … has no date yet", "the Azure listing is planned for January 2027": a home venue the statement
  // names with no date, or a later one than it gives the venues it places, comes after them.
  for (const named of facets.homeUnplaced ?? []) {
    // Only a date in the venue's own clause is its own.
    const date = dates[Math.min(firstStartingAt(dates, named.span.start), dates.length - 1)];
    if (!date || facets.laterOn.includes(named.value)) continue;
    ends ??= clauseEnds(text, statement.span).map((span) => ({ span }));
    if (!sameClause(ends, Math.min(date.span.start, named.span.start), Math.max(date.span.start, named.span.end))) continue;
    const later = date.value === UNSCHEDULED || facets.ties.some((tie) => !home.has(tie.cloud) && tie.when !== undefined && before(tie.when, date.value));
    if (!later) {
      // A home venue dated no later than every venue the statement places ships there first.
      const offHome = facets.ties.filter((tie) => !home.has(tie.cloud));
      // Each of them needs a date of its own: one the home venue's clause gave them too orders nothing.
      const ownDate = (tie: Tie): boolean => tie.evidence.some((item) => item.facet === 'order' && item.span.start !== date.span.start);
      const first = offHome.length > 0 && offHome.every((tie) => tie.when !== undefined && ownDate(tie) && comparable(tie.when, date.value) && tie.when >= date.value);
      if (first && facets.firstOn === undefined) facets.firstOn = named.value;
      continue;
    }
    facets.laterOn.push(named.value);
    facets.evidence.push({ facet: 'order', value: text.slice(date.span.start, date.span.end), span: date.span });
  }
}

/** Whether two found dates can be compared: both give a year, or neither does. */
function comparable(first: number, second: number): boolean {
  return first >= 10000 === second >= 10000;
}

/** Whether one found date is before another that it can be compared with. */
function before(first: number, second: number): boolean {
  return comparable(first, second) && first < second;
}
