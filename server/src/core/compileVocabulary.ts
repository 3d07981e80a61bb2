/**
 * Compiles a profile's phrase lists into one word trie. Matching walks the
 * trie from each token and keeps the longest phrase, so "non-API" is read as
 * the non-API surface and never as "API". A trie over literal words runs in
 * time linear in the text whatever phrases a profile holds, which is why
 * profiles carry phrases rather than regular expressions.
 */
import type { Profile, SurfaceId, VerbClass, Vocabulary } from '../profile/profileTypes';
import { expandPattern } from './expandPattern';
import { inflectPhrase } from './inflectPhrase';
import { foldWord } from './foldText';
import { hashFilter, UNKNOWN_WORD, withClauseWords, wordHash, type KnownWords, type Tokens } from './tokenize';

/**
 * The vocabulary's plain phrase lists; each list's key is also the category
 * its phrases give. Clouds, surfaces and customers are keyed by id instead.
 */
const PHRASE_LISTS = [
  'hosting',
  'placement',
  'negation',
  'negationAfter',
  'neutral',
  'contrast',
  'thirdParty',
  'rejection',
  'acceptance',
  'past',
  'attribution',
  'nonHosting',
  'collaboration',
  'firstParty',
  'launchOrder',
  'launchLater',
  'launchFollows',
  'launchLeads',
  'ownership',
  'hostingContext',
  'retractingContext',
] as const satisfies readonly (keyof Vocabulary)[];

/** What a phrase says: the facet kinds and the words that qualify them. */
const CATEGORIES = ['cloud', 'surface', 'customer', 'storage', 'service', 'frameVerb', 'frameObject', 'viewHolder', 'viewVerb', ...PHRASE_LISTS] as const;

export type Category = (typeof CATEGORIES)[number];

/** One bit per category, so a match's categories are tested without walking its terms. */
export const CATEGORY_BIT = Object.fromEntries(CATEGORIES.map((category, index) => [category, 1 << index])) as Record<Category, number>;

export interface Term {
  category: Category;
  /**
   * Cloud id, surface id or customer segment; the verb class id for a verb
   * of a class; the frame's index for a surface frame's verb or object; the
   * phrase itself otherwise.
   */
  value: string;
}

/** What the analyzer needs to know of a verb class beyond its verbs. */
export interface CompiledVerbClass {
  implies?: SurfaceId;
  venueLeads: boolean;
  /**
   * The class's source prepositions as normalised words. They are looked up
   * in the tokens before a cloud rather than matched as phrases, as "from"
   * is too common a word to make a match of everywhere.
   */
  sources: string[][];
  /** The class's frames as normalised words, when a venue must follow one of them (`framed`); empty otherwise. */
  framedBy: string[][];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Phrases whose last word is given as a prefix (`host*`), by the prefix's first character, so a word tries only its own. */
  prefixes: Map<number, { prefix: string; node: TrieNode }[]> | undefined;
  terms: Term[];
  /** The `CATEGORY_BIT`s of `terms`. */
  mask: number;
}

export interface PhraseMatch {
  terms: Term[];
  /** The `CATEGORY_BIT`s of `terms`. */
  mask: number;
  /** Token indexes, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Clause index within the statement; set by facet detection. */
  clause: number;
  /** Set by facet detection when the match is negated, contrasted away or otherwise not a claim. */
  void: boolean;
  /** Set by facet detection when a negation voided the match ("there is no Azure plan"). */
  negated: boolean;
}

export interface CompiledVocabulary {
  root: TrieNode;
  /** What the tokenizer needs to skip words no phrase contains. */
  known: KnownWords;
  /** The venues of the profile's home group. */
  home: ReadonlySet<string>;
  cloudNames: Map<string, string>;
  verbClasses: Map<string, CompiledVerbClass>;
  /** Surface frames by index, as their verbs' and objects' terms name them. */
  surfaceFrames: { surface: SurfaceId; reach: number }[];
  /** The reach of each attribution frame, by the index its holders' and verbs' terms name. */
  attributionReach: number[];
  /** Surfaces that are resources rather than products (capacity): those a verb class implies. */
  resources: ReadonlySet<SurfaceId>;
  /** For each venue, the fewest words that name it, to read a name the document gives it as the venue. */
  venueWords: Map<string, string[]>;
  /** Site nouns as normalised words; a trailing `*` keeps matching any ending. */
  siteNouns: string[];
  /** Naming phrases in lower case, as they are found in the lower-cased text ("code-named"). */
  naming: string[];
}

function newNode(): TrieNode {
  // Most nodes have no prefix phrase; their map is made only when one needs it, as region names make thousands of nodes.
  return { next: new Map(), prefixes: undefined, terms: [], mask: 0 };
}

/**
 * A phrase's words as the tokenizer reads a text's: a possessive "'s" and a
 * plural possessive's apostrophe are dropped ("customers' own" is read as
 * "customers own"), or the phrase could never match.
 */
function phraseWords(phrase: string): string[] {
  return phrase
    .split(/[^\p{L}\p{N}'\u2019*]+/u)
    .map((word) => word.replace(/['\u2019](?:s|S)?$/u, ''))
    .filter((word) => word.length > 0)
    .map((word) => foldWord(word, false));
}

function addPhrase(root: TrieNode, phrase: string, term: Term): void {
  const words = phraseWords(phrase);
  if (words.length === 0) return;
  let node = root;
  words.forEach((word, index) => {
    const isPrefix = index === words.length - 1 && word.endsWith('*') && word.length > 1;
    if (isPrefix) {
      const prefix = word.slice(0, -1);
      node.prefixes ??= new Map();
      let sameStart = node.prefixes.get(prefix.charCodeAt(0));
      if (!sameStart) {
        sameStart = [];
        node.prefixes.set(prefix.charCodeAt(0), sameStart);
      }
      let entry = sameStart.find((candidate) => candidate.prefix === prefix);
      if (!entry) {
        entry = { prefix, node: newNode() };
        sameStart.push(entry);
      }
      node = entry.node;
      return;
    }
    let child = node.next.get(word);
    if (!child) {
      child = newNode();
      node.next.set(word, child);
    }
    node = child;
  });
  if (!node.terms.some((existing) => existing.category === term.category && existing.value === term.value)) node.terms.push(term);
  node.mask |= CATEGORY_BIT[term.category];
}

/** The smallest power of two of at least 32 bits per entry. */
function filterSize(entries: number): number {
  let size = 32;
  while (size < entries * 32) size *= 2;
  return size;
}

/** The hashes of every word and prefix in the trie, and of `extra` words the analyzer reads outside it. */
function knownWords(root: TrieNode, extra: readonly string[]): KnownWords {
  const words = withClauseWords(new Map());
  for (const word of extra) words.set(wordHash(word), word);
  const prefixes = new Set<number>();
  const lengths = new Set<number>();
  const visit = (node: TrieNode): void => {
    for (const [word, child] of node.next) {
      words.set(wordHash(word), word);
      visit(child);
    }
    for (const entries of node.prefixes?.values() ?? []) {
      for (const entry of entries) {
        prefixes.add(wordHash(entry.prefix));
        lengths.add(entry.prefix.length);
        visit(entry.node);
      }
    }
  };
  visit(root);
  const prefixLengths = new Uint8Array(Math.max(0, ...lengths) + 1);
  for (const length of lengths) prefixLengths[length] = 1;
  // 32 bits a word keep the filters to a few kilobytes with few false hits.
  return { words, prefixes, prefixLengths, wordFilter: hashFilter(words.keys(), filterSize(words.size)), prefixFilter: hashFilter(prefixes, filterSize(prefixes.size)) };
}

/** The words of the shortest of a venue's names. */
function fewestWords(names: readonly string[]): string[] {
  let best: string[] = [];
  for (const name of names) {
    const words = phraseWords(name);
    if (words.length > 0 && (best.length === 0 || words.length < best.length)) best = words;
  }
  return best;
}

/** A class's verbs, each one-word verb also followed by each of the class's frames ("host" → "host on", "host in"). */
function withFrames(verbClass: VerbClass): string[] {
  const frames = verbClass.frames ?? [];
  return verbClass.verbs.flatMap((verb) => (/\s/.test(verb.trim()) ? [verb] : [verb, ...frames.map((frame) => `${verb} ${frame}`)]));
}

const cache = new WeakMap<Profile, CompiledVocabulary>();

export function compileVocabulary(profile: Profile): CompiledVocabulary {
  const cached = cache.get(profile);
  if (cached) return cached;
  const vocabulary = profile.vocabulary;
  const root = newNode();
  const addAll = (phrases: readonly string[] | undefined, category: Category, value?: string): void => {
    for (const phrase of phrases ?? []) addPhrase(root, phrase, { category, value: value ?? phrase });
  };
  for (const cloud of vocabulary.clouds) {
    addAll([cloud.id, cloud.name, ...cloud.aliases, ...(cloud.services ?? [])], 'cloud', cloud.id);
    addAll(cloud.services, 'service', cloud.id);
    addAll(cloud.storage, 'cloud', cloud.id);
    addAll(cloud.storage, 'storage', cloud.id);
    // The profile checks refuse a pattern that does not expand, so none is dropped here but for a bug.
    for (const pattern of cloud.regions ?? []) addAll(expandPattern(pattern), 'cloud', cloud.id);
  }
  for (const verbClass of vocabulary.verbClasses ?? []) {
    for (const verb of withFrames(verbClass)) addAll(inflectPhrase(verb, vocabulary.irregularVerbs ?? {}), verbClass.gives, verbClass.id);
  }
  for (const [surface, phrases] of Object.entries(vocabulary.surfaces) as [SurfaceId, string[]][]) {
    addAll(phrases, 'surface', surface);
  }
  (vocabulary.surfaceFrames ?? []).forEach((frame, index) => {
    for (const verb of frame.verbs) addAll(inflectPhrase(verb, vocabulary.irregularVerbs ?? {}), 'frameVerb', String(index));
    addAll(frame.objects, 'frameObject', String(index));
  });
  (vocabulary.attributionFrames ?? []).forEach((frame, index) => {
    addAll(frame.holders, 'viewHolder', String(index));
    for (const verb of frame.verbs) addAll(inflectPhrase(verb, vocabulary.irregularVerbs ?? {}), 'viewVerb', String(index));
  });
  for (const [segment, phrases] of Object.entries(vocabulary.customers)) addAll(phrases, 'customer', segment);
  for (const key of PHRASE_LISTS) addAll(vocabulary[key], key);
  const verbClasses: CompiledVerbClass[] = (vocabulary.verbClasses ?? []).map((verbClass) => ({
    implies: verbClass.implies,
    venueLeads: verbClass.venueLeads === true,
    sources: (verbClass.sources ?? []).map(phraseWords),
    framedBy: verbClass.framed ? (verbClass.frames ?? []).map(phraseWords) : [],
  }));
  const compiled: CompiledVocabulary = {
    root,
    known: knownWords(root, verbClasses.flatMap((verbClass) => verbClass.sources.flat())),
    home: new Set(profile.groups.find((group) => group.id === profile.home)?.venues ?? []),
    cloudNames: new Map(vocabulary.clouds.map((cloud) => [cloud.id, cloud.name])),
    verbClasses: new Map((vocabulary.verbClasses ?? []).map((verbClass, index) => [verbClass.id, verbClasses[index]])),
    surfaceFrames: (vocabulary.surfaceFrames ?? []).map((frame) => ({ surface: frame.surface, reach: frame.reach })),
    attributionReach: (vocabulary.attributionFrames ?? []).map((frame) => frame.reach),
    resources: new Set(verbClasses.flatMap((verbClass) => (verbClass.implies ? [verbClass.implies] : []))),
    venueWords: new Map(vocabulary.clouds.map((cloud) => [cloud.id, fewestWords([cloud.id, cloud.name, ...cloud.aliases])])),
    siteNouns: (vocabulary.siteNouns ?? []).map((noun) => phraseWords(noun).join(' ')),
    naming: (vocabulary.naming ?? []).map((phrase) => phrase.toLowerCase()),
  };
  cache.set(profile, compiled);
  return compiled;
}

/** Whether a verb class places only a venue named after one of its frames. */
export function isFramed(vocabulary: CompiledVocabulary, classId: string): boolean {
  return (vocabulary.verbClasses.get(classId)?.framedBy.length ?? 0) > 0;
}

/**
 * Whether a word alone says what its phrase with "was" says in `category`:
 * a table cell "cut" reads as "was cut", a status, not an instruction.
 */
export function readsAsPassive(vocabulary: CompiledVocabulary, word: string, category: Category): boolean {
  const node = vocabulary.root.next.get('was')?.next.get(word);
  return node !== undefined && (node.mask & CATEGORY_BIT[category]) !== 0;
}

/**
 * Phrase-match objects reused from one statement to the next, as most
 * statements' matches ("on", "the") are dropped as soon as they are read. A
 * statement's matches are valid until the next statement is matched.
 */
export class MatchPool {
  private readonly made: PhraseMatch[] = [];
  private used = 0;
  private readonly matches: PhraseMatch[] = [];

  reset(): PhraseMatch[] {
    this.used = 0;
    this.matches.length = 0;
    return this.matches;
  }

  take(): PhraseMatch {
    if (this.used === this.made.length) this.made.push({ terms: [], mask: 0, first: 0, last: 0, start: 0, end: 0, clause: 0, void: false, negated: false });
    return this.made[this.used++];
  }
}

/** Whether a token no phrase contains is an adverb in "-ly" written in lower case ("entirely", "natively"). */
function isAdverb(tokens: Tokens, index: number): boolean {
  const start = tokens.starts[index];
  const end = tokens.ends[index];
  if (end - start < 5) return false;
  const text = tokens.text;
  const first = text.charCodeAt(start);
  return first >= 97 && first <= 122 && text.charCodeAt(end - 2) === 108 && text.charCodeAt(end - 1) === 121;
}

/**
 * Finds the longest phrase starting at each token, left to right, without
 * overlaps. With a `pool`, the matches are the pool's, valid until its next use.
 */
export function matchPhrases(vocabulary: CompiledVocabulary, tokens: Tokens, pool?: MatchPool): PhraseMatch[] {
  const matches: PhraseMatch[] = pool ? pool.reset() : [];
  const { words, boundaries, headers, starts, ends, length } = tokens;
  let index = 0;
  while (index < length) {
    let node: TrieNode | undefined = vocabulary.root;
    let best: TrieNode | undefined;
    let bestLast = 0;
    let cursor = index;
    while (node && cursor < length) {
      if (boundaries[cursor] || (cursor > index && headers[cursor] !== headers[index])) break;
      const word = words[cursor];
      // An adverb inside a phrase leaves it whole ("runs entirely in", "integrated natively with").
      if (cursor > index && word === UNKNOWN_WORD && isAdverb(tokens, cursor)) {
        cursor++;
        continue;
      }
      const sameStart = node.prefixes?.get(word.charCodeAt(0));
      if (sameStart) {
        for (const entry of sameStart) {
          if (entry.node.terms.length > 0 && word.startsWith(entry.prefix) && cursor + 1 > bestLast) {
            best = entry.node;
            bestLast = cursor + 1;
          }
        }
      }
      node = node.next.get(word);
      cursor++;
      if (node && node.terms.length > 0) {
        best = node;
        bestLast = cursor;
      }
    }
    if (best) {
      const match = pool ? pool.take() : ({} as PhraseMatch);
      match.terms = best.terms;
      match.mask = best.mask;
      match.first = index;
      match.last = bestLast;
      match.start = starts[index];
      match.end = ends[bestLast - 1];
      match.clause = 0;
      match.void = false;
      match.negated = false;
      matches.push(match);
      index = bestLast;
    } else {
      index++;
    }
  }
  return matches;
}
