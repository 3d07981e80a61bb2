/**
 * The profile as written in its file, and its conversion to the loaded
 * `Profile`. The file may leave a rule's lists out, may write `[all]` for its
 * regimes and may extend another profile; the loaded profile always has the
 * lists, the regime ids and every key, so that the analyzer never has to know
 * about any of these shorthands.
 */
import { DOCUMENT_RULES } from './documentRules';
import type { Profile, Rule, Vocabulary } from './profileTypes';

/** The regime id that stands for every regime of the profile. */
export const ALL_REGIMES = 'all';

export type RuleFile = Omit<Rule, 'unless' | 'carveOuts' | 'clauses' | 'fixes'> &
  Partial<Pick<Rule, 'unless' | 'carveOuts' | 'clauses' | 'fixes'>>;

/** Profile data that has passed `profile.schema.json` and, when it extends another, been merged with it. */
export type ProfileFile = Omit<Profile, 'rules' | 'clauses' | 'groups' | 'confidence' | 'fixes' | 'messages'> &
  Partial<Pick<Profile, 'clauses' | 'groups' | 'confidence' | 'fixes' | 'messages'>> & { rules: RuleFile[] };

/** A profile file as written, before the profile it extends is merged in. */
export type PartialProfileFile = Partial<Omit<ProfileFile, 'vocabulary'>> & { id: string; title: string; vocabulary?: Partial<Vocabulary> };

/**
 * Merges a profile onto the profile it extends. A profile without `rules`
 * amends the base: every top-level key it writes replaces the base's. A
 * profile with `rules` is another contract: it keeps only the base's
 * vocabulary and waiver days, and writes everything else itself. Every vocabulary list it writes replaces the
 * base's, but for
 * verb classes, which are merged by id (a class of the same id replaces the
 * base's, a new one is added). Inherited vocabulary that names a surface the
 * merged profile does not define (a verb class that implies capacity, a frame
 * that names open weights) is dropped, so that a profile for another contract
 * does not have to undo the base's.
 */
export function mergeProfile(base: ProfileFile, own: PartialProfileFile): ProfileFile {
  // A profile with rules of its own is another contract: of the base it keeps only the language.
  const kept = own.rules === undefined ? base : languageOf(base);
  const merged = { ...kept, ...own, vocabulary: { ...base.vocabulary, ...own.vocabulary } } as ProfileFile;
  const surfaces = new Set(merged.surfaces.map((surface) => surface.id));
  const vocabulary = merged.vocabulary;
  if (!own.vocabulary?.surfaceFrames && vocabulary.surfaceFrames) {
    vocabulary.surfaceFrames = vocabulary.surfaceFrames.filter((frame) => surfaces.has(frame.surface));
  }
  const ownClasses = own.vocabulary?.verbClasses ?? [];
  const inherited = (base.vocabulary.verbClasses ?? []).filter((verbClass) => !ownClasses.some((mine) => mine.id === verbClass.id));
  vocabulary.verbClasses = [
    ...inherited.map((verbClass) => {
      if (verbClass.implies === undefined || surfaces.has(verbClass.implies)) return verbClass;
      const { implies: _dropped, ...rest } = verbClass;
      return rest;
    }),
    ...ownClasses,
  ];
  return merged;
}

/**
 * The part of a profile that is about the language rather than the contract:
 * its vocabulary and how long a waiver lasts. Its disclaimer, confidence
 * levels and messages speak of its own contract, so another contract writes
 * its own.
 */
function languageOf(base: ProfileFile): ProfileFile {
  return { id: base.id, title: base.title, vocabulary: base.vocabulary, waiverDays: base.waiverDays, disclaimer: '', rules: [], regimes: [], frontMatter: [], surfaces: [] };
}

export function toProfile(file: ProfileFile): Profile {
  const regimeIds = file.regimes.map((r) => r.id);
  const rules = file.rules.map((rule) => toRule(rule, regimeIds));
  // Front matter, waiver, coverage and consistency checks always run; a profile only words them and sets their severity.
  for (const rule of DOCUMENT_RULES) if (!rules.some((known) => known.id === rule.id)) rules.push(toRule(rule, regimeIds));
  return {
    id: file.id,
    title: file.title,
    disclaimer: file.disclaimer,
    ...(file.extends !== undefined ? { extends: file.extends } : {}),
    ...(file.waiverDays !== undefined ? { waiverDays: file.waiverDays } : {}),
    surfaces: structuredClone(file.surfaces),
    groups: structuredClone(file.groups ?? []),
    ...(file.home !== undefined ? { home: file.home } : {}),
    confidence: structuredClone(file.confidence ?? []),
    fixes: structuredClone(file.fixes ?? []),
    messages: { ...file.messages },
    regimes: file.regimes.map((r) => ({ ...r })),
    clauses: (file.clauses ?? []).map((c) => ({ ...c, source: { ...c.source } })),
    vocabulary: structuredClone(file.vocabulary),
    rules,
    frontMatter: structuredClone(file.frontMatter),
  };
}

function toRule(rule: RuleFile, regimeIds: string[]): Rule {
  const loaded: Rule = {
    id: rule.id,
    kind: rule.kind,
    title: rule.title,
    regimes: rule.regimes.includes(ALL_REGIMES) ? [...regimeIds] : [...rule.regimes],
    severity: rule.severity,
    description: rule.description,
    unless: [...(rule.unless ?? [])],
    carveOuts: [...(rule.carveOuts ?? [])],
    clauses: [...(rule.clauses ?? [])],
    fixes: [...(rule.fixes ?? [])],
  };
  if (rule.message !== undefined) loaded.message = rule.message;
  if (rule.when) loaded.when = structuredClone(rule.when);
  return loaded;
}
