/**
 * Reads the declared document facts out of the front matter and checks every
 * key and value against the profile, so that a typo ("servd-on", "aws-cloud")
 * is reported where it stands instead of being silently ignored.
 */
import { didYouMean } from '../profile/didYouMean';
import type { FrontMatterKey, Profile } from '../profile/profileTypes';
import { allowedValues } from './compileContract';
import { matchPhrases, type Category, type CompiledVocabulary } from './compileVocabulary';
import { tokenize } from './tokenize';
import type { FrontMatter, FrontMatterEntry, Span } from './types';
import { isCalendarDate } from './isCalendarDate';

export interface FrontMatterIssue {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

/** What the front matter declares, by the claim slot each key fills. */
export interface DeclaredFacts {
  product?: string;
  /** The value of the key that fills `surface`: one of its classes. */
  classification?: string;
  servedOn?: string[];
  coDevelopedWith?: string[];
  customers?: string[];
  launch?: string;
  firstOn?: string;
  /** Every declared key's values, resolved to ids where the key takes ids; for `keys` conditions. */
  keys: Record<string, string[]>;
}


/** Resolves a front-matter value to a vocabulary id: the id itself, or any alias ("Bedrock" is `aws`). */
function resolve(vocabulary: CompiledVocabulary, category: Category, value: string, ids: readonly string[]): string | undefined {
  const lower = value.trim().toLowerCase();
  if (ids.includes(lower)) return lower;
  const tokens = tokenize(value, { start: 0, end: value.length });
  const matches = matchPhrases(vocabulary, tokens);
  if (matches.length !== 1 || matches[0].first !== 0 || matches[0].last !== tokens.length) return undefined;
  return matches[0].terms.find((term) => term.category === category)?.value;
}

/** A warning for each key the profile requires that the front matter leaves out, at its opening fence (or the first line of a spec without one). */
function missingRequired(frontMatter: FrontMatter | undefined, profile: Profile): FrontMatterIssue[] {
  const present = new Set(frontMatter?.entries.map((entry) => entry.key) ?? []);
  const at = frontMatter ? { start: frontMatter.span.start, end: frontMatter.span.start + 3 } : { start: 0, end: 0 };
  return profile.frontMatter
    .filter((key) => key.required === true && !present.has(key.key))
    .map((key) => ({ message: `The profile requires \`${key.key}\` in the front matter: ${key.description}`, span: at, severity: 'warning' as const }));
}

export function readFrontMatter(
  frontMatter: FrontMatter | undefined,
  profile: Profile,
  vocabulary: CompiledVocabulary,
): { declared: DeclaredFacts; issues: FrontMatterIssue[] } {
  const declared: DeclaredFacts = { keys: {} };
  const issues: FrontMatterIssue[] = missingRequired(frontMatter, profile);
  if (!frontMatter) return { declared, issues };
  const known = new Map(profile.frontMatter.map((key) => [key.key, key]));

  const readValues = (entry: FrontMatterEntry, key: FrontMatterKey): string[] => {
    const allowed = allowedValues(key, profile);
    if (!allowed) return entry.values;
    const category: Category | undefined = key.valuesFrom === 'audiences' ? 'customer' : key.valuesFrom === 'venues' ? 'cloud' : key.valuesFrom === 'surfaces' ? 'surface' : undefined;
    const resolved: string[] = [];
    entry.values.forEach((value, index) => {
      const id = category ? resolve(vocabulary, category, value, allowed) : allowed.includes(value) ? value : undefined;
      if (id === undefined) {
        issues.push({
          message: `Unknown value \`${value}\` for \`${entry.key}\`. Allowed: ${allowed.join(', ')}.${didYouMean(value, allowed)}`,
          span: entry.itemSpans[index] ?? entry.valueSpan,
          severity: 'error',
        });
      } else if (!resolved.includes(id)) {
        resolved.push(id);
      }
    });
    return resolved;
  };

  for (const entry of frontMatter.entries) {
    const key = known.get(entry.key);
    if (!key) {
      issues.push({
        message: `Unknown front-matter key \`${entry.key}\`. Known keys: ${[...known.keys()].join(', ')}.${didYouMean(entry.key, known.keys())}`,
        span: entry.keySpan,
        severity: 'warning',
      });
      continue;
    }
    if ((key.kind === 'string' || key.kind === 'date' || key.kind === 'enum') && entry.values.length > 1) {
      issues.push({ message: `\`${entry.key}\` takes one value, not a list.`, span: entry.valueSpan, severity: 'error' });
      continue;
    }
    const single = entry.values[0];
    if (key.kind === 'date') {
      if (single === undefined || single === '') continue;
      if (!isCalendarDate(single)) {
        issues.push({ message: `\`${entry.key}\` must be a date written YYYY-MM-DD, not \`${single}\`.`, span: entry.valueSpan, severity: 'error' });
        continue;
      }
    }
    const values = key.kind === 'date' || key.kind === 'string' ? entry.values : readValues(entry, key);
    declared.keys[entry.key] ??= values;
    // The first key that fills a slot is the one the analysis reads.
    switch (key.fills) {
      case 'name':
        declared.product ??= single;
        break;
      case 'surface':
        if (values[0] !== undefined) declared.classification ??= values[0];
        break;
      case 'venue':
        declared.servedOn ??= values;
        break;
      case 'partner':
        declared.coDevelopedWith ??= values;
        break;
      case 'audience':
        declared.customers ??= values;
        break;
      case 'order':
        if (values[0] !== undefined) declared.firstOn ??= values[0];
        break;
      case 'date':
        declared.launch ??= single;
        break;
    }
  }
  return { declared, issues };
}
