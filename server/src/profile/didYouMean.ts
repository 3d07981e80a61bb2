/** Suggests the known name nearest a misspelt one ("servd-on" → "served-on"). */

/** Edits (insert, delete, substitute, swap two neighbours) from one short string to another, capped at `limit + 1`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2] + 1);
      current[j] = cost;
      best = Math.min(best, cost);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How many edits still read as a typo of a word this long. */
function tolerance(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/**
 * The candidate nearest `word`, if one is near enough to be a likely typo;
 * else the one candidate that `word` begins, or that begins `word`, at a
 * word break ("exclusive" for "exclusive-window").
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = tolerance(word.length);
  let found: string | undefined;
  let best = limit + 1;
  const shortened: string[] = [];
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    const score = distance(lower, known, limit);
    if (score < best) {
      best = score;
      found = candidate;
    }
    if (lower.length >= 3 && (startsAtBreak(known, lower) || startsAtBreak(lower, known))) shortened.push(candidate);
  }
  return found ?? (shortened.length === 1 ? shortened[0] : undefined);
}

/** Whether `whole` begins with `part` followed by a word break ("exclusive-window", "exclusive"). */
function startsAtBreak(whole: string, part: string): boolean {
  return whole.length > part.length && whole.startsWith(part) && /[-_ .]/.test(whole[part.length]);
}

/** ` Did you mean "x"?` when a candidate is near, else nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const found = nearest(word, candidates);
  return found === undefined ? '' : ` Did you mean "${found}"?`;
}

/** `a, b, c`, or `none` for an empty list (never a bare full stop). */
export function listOrNone(items: Iterable<string>): string {
  const all = [...items];
  return all.length === 0 ? 'none' : all.join(', ');
}
