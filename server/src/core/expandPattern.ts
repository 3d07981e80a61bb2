/**
 * Expands a name pattern such as `{us,eu,ap}-{east,west}-{1..9}` into the
 * literal names it stands for, the way a shell expands braces. Cloud regions
 * follow such patterns, and a profile that lists the pattern rather than
 * every region keeps up with new regions. The result is a finite list of
 * literal phrases, so matching stays a word-trie walk that cannot backtrack.
 */

/** The most names one pattern may stand for; the profile checks refuse larger ones. */
export const MAX_PATTERN_NAMES = 5000;

/** The alternatives of one brace group: a comma list, or a numeric range `a..b`. */
function alternatives(group: string): string[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(group);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from || to - from >= MAX_PATTERN_NAMES) return [];
    return Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
  }
  return group.split(',');
}

/**
 * The names a pattern stands for, or undefined when it has an unclosed or
 * nested brace, an empty or reversed range, or stands for more than
 * `MAX_PATTERN_NAMES` names.
 */
export function expandPattern(pattern: string): string[] | undefined {
  let names = [''];
  let index = 0;
  while (index < pattern.length) {
    const open = pattern.indexOf('{', index);
    const literal = open < 0 ? pattern.slice(index) : pattern.slice(index, open);
    if (literal.includes('}')) return undefined;
    names = names.map((name) => name + literal);
    if (open < 0) break;
    const close = pattern.indexOf('}', open);
    if (close < 0) return undefined;
    const group = pattern.slice(open + 1, close);
    if (group.includes('{')) return undefined;
    const options = alternatives(group);
    if (options.length === 0 || names.length * options.length > MAX_PATTERN_NAMES) return undefined;
    names = names.flatMap((name) => options.map((option) => name + option));
    index = close + 1;
  }
  return names;
}
