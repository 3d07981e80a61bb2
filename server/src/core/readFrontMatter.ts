/**
 * Reads the declared document facts out of the front matter and checks every
 * key and value against the profile, so that a typo ("servd-on", "aws-cloud")
 * is reported where it stands instead of being silently ignored.
 */
import type { FrontMatterKey, Profile } from '../profile/profileTypes';
import { matchPhrases, type Category, type CompiledVocabulary } from './compileVocabulary';
import { tokenize } from './tokenize';
import type { Classification, FrontMatter, FrontMatterEntry, Span } from './types';
import { isCalendarDate } from './isCalendarDate';

export interface FrontMatterIssue {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

export interface DeclaredFacts {
  product?: string;
  classification?: Classification;
  servedOn?: string[];
  coDevelopedWith?: string[];
  customers?: string[];
  launch?: string;
  firstOn?: string;
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

function allowedValues(key: FrontMatterKey, profile: Profile): string[] | undefined {
  if (key.valuesFrom === 'clouds') return profile.vocabulary.clouds.map((cloud) => cloud.id);
  if (key.valuesFrom === 'customers') return Object.keys(profile.vocabulary.customers);
  return key.values;
}

export function readFrontMatter(
  frontMatter: FrontMatter | undefined,
  profile: Profile,
  vocabulary: CompiledVocabulary,
): { declared: DeclaredFacts; issues: FrontMatterIssue[] } {
  const declared: DeclaredFacts = {};
  const issues: FrontMatterIssue[] = [];
  if (!frontMatter) return { declared, issues };
  const known = new Map(profile.frontMatter.map((key) => [key.key, key]));

  const readValues = (entry: FrontMatterEntry, key: FrontMatterKey): string[] => {
    const allowed = allowedValues(key, profile);
    if (!allowed) return entry.values;
    const category: Category = key.valuesFrom === 'customers' ? 'customer' : 'cloud';
    const resolved: string[] = [];
    entry.values.forEach((value, index) => {
      const id = key.valuesFrom ? resolve(vocabulary, category, value, allowed) : allowed.includes(value) ? value : undefined;
      if (id === undefined) {
        issues.push({
          message: `Unknown value \`${value}\` for \`${entry.key}\`. Allowed: ${allowed.join(', ')}.`,
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
        message: `Unknown front-matter key \`${entry.key}\`. Known keys: ${[...known.keys()].join(', ')}.`,
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
    switch (entry.key) {
      case 'product':
        declared.product = single;
        break;
      case 'classification': {
        const value = readValues(entry, key)[0];
        if (value) declared.classification = value as Classification;
        break;
      }
      case 'served-on':
        declared.servedOn = readValues(entry, key);
        break;
      case 'co-developed-with':
        declared.coDevelopedWith = readValues(entry, key);
        break;
      case 'customers':
        declared.customers = readValues(entry, key);
        break;
      case 'ships-first-on':
        declared.firstOn = readValues(entry, key)[0];
        break;
      case 'launch':
        if (single === undefined || single === '') break;
        if (isCalendarDate(single)) declared.launch = single;
        else issues.push({ message: `\`launch\` must be a date written YYYY-MM-DD, not \`${single}\`.`, span: entry.valueSpan, severity: 'error' });
        break;
      default:
        // Keys a user profile adds are validated above and carry no built-in meaning.
        readValues(entry, key);
    }
  }
  return { declared, issues };
}
