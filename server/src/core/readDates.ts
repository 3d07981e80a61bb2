/**
 * Finds the dates a statement gives ("2026-06-01", "May 18", "18 June",
 * "Q3 2026", "mid-January", "early next year") and the words that say a
 * date is not set ("TBD", "not planned"). Launch order is then read from the
 * dates of each claim across the whole document: a rollout table that puts
 * Azure on 1 June and Google Cloud on 18 May ships on Google Cloud first.
 *
 * A date is kept as a sortable number, year × 10000 + month × 100 + day.
 * A date written without its year has year 0 and takes the year of the
 * spec's launch when it is compared (`resolveDate`). Only statements that
 * tie something to a cloud are read, so this runs on few statements.
 */
import type { Span } from './types';

/** A date that is not set: it sorts after every real date. */
export const UNSCHEDULED = 99999999;

/** The launch itself ("at launch", "on day one"); `resolveDate` turns it into the launch date. */
export const AT_LAUNCH = 1;

export interface FoundDate {
  value: number;
  span: Span;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const PART = '(?:(early|mid|late|end of|beginning of|start of)[\\s-]+)?';
/** One alternative per form; the groups are read by `dateOf`. */
const DATE = new RegExp(
  [
    '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b',
    `\\b${PART}${MONTH}\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+(\\d{4}))?\\b`,
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:\\s+(\\d{4}))?\\b`,
    // The year stands apart from the period ("Q3 2026", "Q3'26", "H2 FY26"): "H200" and "H100" are GPUs.
    "\\b(Q[1-4]|H[12])(?:(?:\\s+|\\s*'|\\s*(?=FY))(?:FY\\s*)?(\\d{4}|\\d{2}))?\\b",
    '\\b(early|mid|late|end of)[\\s-]+(next year|this year|\\d{4})\\b',
    '\\b(after the\\s+)?(spring|summer|fall|autumn|winter)\\b',
    // "Now" alone is the present ("now in preview on Vertex"), but not "from now" or "until now".
    '\\b(at launch|at GA|on launch day|(?:on|from) day one|today|(?<!\\b(?:from|until|till|up to)\\s)now)\\b',
    '\\b(next quarter|later this year|next half)\\b',
    '\\b(TBD|TBC|to be (?:confirmed|determined|decided)|not (?:yet )?(?:planned|scheduled)|no date|undated|later wave|next wave|second wave|after GA)\\b',
  ].join('|'),
  'gi',
);

const MAYBE_DATE = /\d|launch|at ga|day one|today|now|next quarter|next half|later this year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter|tb[dc]|to be|not (?:yet )?(?:planned|scheduled)|no date|undated|wave|after ga|next year|this year/i;

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The day a part of a period starts on ("late" June is the 20th). */
function dayOfPart(part: string | undefined): number {
  switch (part?.toLowerCase()) {
    case 'mid':
      return 15;
    case 'late':
    case 'end of':
      return 25;
    default:
      return 1;
  }
}

function yearOf(text: string | undefined): number {
  if (!text) return 0;
  const year = Number(text);
  return year < 100 ? 2000 + year : year;
}

/** "May" alone is as often the verb as the month; it counts only with a part, a day, a year or a preposition before it. */
function isBareMay(match: RegExpExecArray, text: string): boolean {
  if (match[5].toLowerCase() !== 'may' || match[4] || match[6] || match[7]) return false;
  return !/\b(in|by|from|until|since|before|after|during|of|on)\s+$/i.test(text.slice(Math.max(0, match.index - 12), match.index));
}

function dateOf(match: RegExpExecArray, text: string): number | undefined {
  const g = match;
  if (g[1]) return Number(g[1]) * 10000 + Number(g[2]) * 100 + Number(g[3]);
  if (g[5]) {
    if (isBareMay(g, text)) return undefined;
    const day = g[6] ? Number(g[6]) : dayOfPart(g[4]);
    return yearOf(g[7]) * 10000 + monthIndex(g[5]) * 100 + day;
  }
  if (g[8]) return yearOf(g[10]) * 10000 + monthIndex(g[9]) * 100 + Number(g[8]);
  if (g[11]) {
    const period = g[11].toUpperCase();
    const month = period[0] === 'Q' ? (Number(period[1]) - 1) * 3 + 1 : period === 'H1' ? 1 : 7;
    return yearOf(g[12]) * 10000 + month * 100 + 1;
  }
  if (g[13]) {
    const part = g[13].toLowerCase();
    const month = part === 'early' ? 2 : part === 'mid' ? 6 : 10;
    const year = /^\d{4}$/.test(g[14]) ? Number(g[14]) : 0;
    // "Next year" has no number; it sorts after every date of the launch year.
    return g[14].toLowerCase() === 'next year' ? UNSCHEDULED - 1 : year * 10000 + month * 100 + 1;
  }
  if (g[16]) {
    const season = g[16].toLowerCase();
    const month = season === 'spring' ? 3 : season === 'summer' ? 6 : season === 'winter' ? 12 : 9;
    return (g[15] ? Math.min(month + 3, 12) : month) * 100 + 1;
  }
  if (g[17]) return AT_LAUNCH;
  // A later period with no number sorts after every date of the launch year, as "next year" does.
  if (g[18]) return UNSCHEDULED - 1;
  if (g[19]) return UNSCHEDULED;
  return undefined;
}

/** The dates in `span` of `text`, in order. */
export function findDates(text: string, span: Span): FoundDate[] {
  // Most statements have no digit and no month, season or "TBD"; a quick test skips them.
  if (!MAYBE_DATE.test(text.slice(span.start, span.end))) return [];
  const slice = text.slice(span.start, span.end);
  const found: FoundDate[] = [];
  DATE.lastIndex = 0;
  for (let match = DATE.exec(slice); match; match = DATE.exec(slice)) {
    const value = dateOf(match, slice);
    if (value !== undefined) found.push({ value, span: { start: span.start + match.index, end: span.start + match.index + match[0].length } });
  }
  return found;
}

/** A found date with its year filled in from the launch date (`YYYY-MM-DD`) when it was written without one. */
export function resolveDate(value: number, launch: string | undefined): number {
  if (value >= 10000 * 1000 || !launch) return value;
  if (value === AT_LAUNCH) return Number(launch.replace(/-/g, ''));
  return Number(launch.slice(0, 4)) * 10000 + value;
}
