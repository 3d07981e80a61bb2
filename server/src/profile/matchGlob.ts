/**
 * Glob patterns for `.carveout.yaml`'s `ignore`, matched in time linear in
 * the path for a given pattern. Glob libraries compile patterns to regular
 * expressions that backtrack, so a pattern such as `**\/*a*a*a*a*b` takes
 * exponential time on a long name; here each segment pattern is run as a
 * set of states over the characters (a Thompson simulation), and `**` as a
 * set of states over the path segments, so nothing is ever retried.
 *
 * Syntax: `*` and `?` within a segment, `[abc]`, `[a-z]`, `[!a]` and `[^a]`,
 * `**` as a whole segment for any number of segments, `{a,b}` alternatives,
 * and `\` to escape. `*` and `**` match names that start with a dot too.
 */

type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; code: number } | { kind: 'class'; negated: boolean; ranges: [number, number][] };

/** `**`, or one segment's tokens. */
type Segment = 'globstar' | Token[];

export interface Glob {
  /** One segment list per brace alternative. */
  alternatives: Segment[][];
}

/** More alternatives than this would make one pattern cost as much as hundreds. */
export const MAX_ALTERNATIVES = 256;

export function compileGlob(pattern: string): Glob | { error: string } {
  if (pattern.startsWith('!')) return { error: 'a leading "!" (negation) is not supported; list only what to ignore' };
  if (/(^|[^\\])[@!+*?]\(/.test(pattern)) return { error: 'extended globs such as @(a|b) are not supported; use {a,b}' };
  const expanded = expandBraces(pattern);
  if (expanded === undefined) return { error: `it expands to more than ${MAX_ALTERNATIVES} patterns` };
  const alternatives: Segment[][] = [];
  for (const alternative of expanded) {
    const segments: Segment[] = [];
    for (const part of alternative.replace(/^(\.\/)+/, '').split('/')) {
      if (part === '**') {
        // Consecutive globstars match what one does.
        if (segments[segments.length - 1] !== 'globstar') segments.push('globstar');
        continue;
      }
      const tokens = tokenize(part);
      if (typeof tokens === 'string') return { error: tokens };
      segments.push(tokens);
    }
    alternatives.push(segments);
  }
  return { alternatives };
}

/** Whether `path` (segments joined by `/`) matches the glob. */
export function matchGlob(glob: Glob, path: string): boolean {
  const parts = path.split('/');
  return glob.alternatives.some((segments) => matchStates(segments, parts, (segment, part) => segment === 'globstar' || matchSegment(segment, part)));
}

/**
 * Runs a pattern of items over a sequence as a set of states: state `i` means
 * the first `i` items have matched what was read so far. A repeating item
 * (`*` over characters, `**` over segments) may match nothing, so it also
 * lets the next state in, and keeps its own state on a match.
 */
function matchStates<Item, Input>(items: readonly Item[], inputs: readonly Input[], matches: (item: Item, input: Input) => boolean): boolean {
  let states = new Uint8Array(items.length + 1);
  const close = (set: Uint8Array): void => {
    for (let i = 0; i < items.length; i++) if (set[i] && isRepeating(items[i])) set[i + 1] = 1;
  };
  states[0] = 1;
  close(states);
  for (const input of inputs) {
    const next = new Uint8Array(items.length + 1);
    let any = false;
    for (let i = 0; i < items.length; i++) {
      if (!states[i] || !matches(items[i], input)) continue;
      if (isRepeating(items[i])) next[i] = 1;
      else next[i + 1] = 1;
      any = true;
    }
    if (!any) return false;
    close(next);
    states = next;
  }
  return states[items.length] === 1;
}

function isRepeating(item: unknown): boolean {
  return item === 'globstar' || (typeof item === 'object' && item !== null && (item as Token).kind === 'star');
}

function matchSegment(tokens: readonly Token[], part: string): boolean {
  const codes = Array.from(part, (character) => character.codePointAt(0)!);
  return matchStates(tokens, codes, matchToken);
}

function matchToken(token: Token, code: number): boolean {
  switch (token.kind) {
    case 'star':
    case 'any':
      return true;
    case 'char':
      return token.code === code;
    case 'class':
      return token.ranges.some(([low, high]) => code >= low && code <= high) !== token.negated;
  }
}

/** One segment's tokens, or what is wrong with it. */
function tokenize(part: string): Token[] | string {
  const characters = Array.from(part);
  const tokens: Token[] = [];
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i];
    if (character === '\\' && i + 1 < characters.length) {
      tokens.push({ kind: 'char', code: characters[++i].codePointAt(0)! });
    } else if (character === '*') {
      // `a**b` within a segment is the same as `a*b`.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (character === '?') {
      tokens.push({ kind: 'any' });
    } else if (character === '[') {
      const parsed = readClass(characters, i);
      if (!parsed) return 'a "[" opens a character class that is never closed';
      tokens.push(parsed.token);
      i = parsed.end;
    } else {
      tokens.push({ kind: 'char', code: character.codePointAt(0)! });
    }
  }
  return tokens;
}

/** The class that opens at `start`, and the index of its `]`. */
function readClass(characters: readonly string[], start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = characters[i] === '!' || characters[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  // A `]` right after the opening is a member, as in shells.
  for (let first = true; i < characters.length; first = false) {
    if (characters[i] === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    if (characters[i] === '\\' && i + 1 < characters.length) i++;
    const low = characters[i].codePointAt(0)!;
    if (characters[i + 1] === '-' && i + 2 < characters.length && characters[i + 2] !== ']') {
      const high = characters[i + 2].codePointAt(0)!;
      ranges.push([Math.min(low, high), Math.max(low, high)]);
      i += 3;
    } else {
      ranges.push([low, low]);
      i++;
    }
  }
  return undefined;
}

/**
 * The patterns `{a,b}` alternatives stand for, outermost first; undefined when
 * there would be more than `MAX_ALTERNATIVES`. Braces without a top-level
 * comma are literal, as in shells.
 */
function expandBraces(pattern: string): string[] | undefined {
  const group = firstGroup(pattern);
  if (!group) return [pattern];
  const results: string[] = [];
  const prefix = pattern.slice(0, group.open);
  const suffix = pattern.slice(group.close + 1);
  for (const option of group.options) {
    const expanded = expandBraces(prefix + option + suffix);
    if (expanded === undefined || results.length + expanded.length > MAX_ALTERNATIVES) return undefined;
    results.push(...expanded);
  }
  return results;
}

/** The first brace group with a top-level comma: where it opens and closes, and its options. */
function firstGroup(pattern: string): { open: number; close: number; options: string[] } | undefined {
  for (let open = 0; open < pattern.length; open++) {
    if (pattern[open] === '\\') {
      open++;
      continue;
    }
    if (pattern[open] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < pattern.length; i++) {
      const character = pattern[i];
      if (character === '\\') i++;
      else if (character === '{') depth++;
      else if (character === ',' && depth === 1) commas.push(i);
      else if (character === '}' && --depth === 0) {
        if (commas.length === 0) break;
        const bounds = [open, ...commas, i];
        return { open, close: i, options: bounds.slice(1).map((end, index) => pattern.slice(bounds[index] + 1, end)) };
      }
    }
  }
  return undefined;
}
