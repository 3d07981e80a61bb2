/**
 * The profile as written in its file, and its conversion to the loaded
 * `Profile`. The file may leave a rule's lists out and may write `[all]` for
 * its regimes; the loaded profile always has the lists and the regime ids, so
 * that the analyzer never has to know about either shorthand.
 */
import type { Profile, Rule } from './profileTypes';

/** The regime id that stands for every regime of the profile. */
export const ALL_REGIMES = 'all';

export type RuleFile = Omit<Rule, 'unless' | 'carveOuts' | 'clauses' | 'fixes'> &
  Partial<Pick<Rule, 'unless' | 'carveOuts' | 'clauses' | 'fixes'>>;

/** Profile data that has passed `profile.schema.json`. */
export type ProfileFile = Omit<Profile, 'rules'> & { rules: RuleFile[] };

export function toProfile(file: ProfileFile): Profile {
  const regimeIds = file.regimes.map((r) => r.id);
  return {
    id: file.id,
    title: file.title,
    disclaimer: file.disclaimer,
    ...(file.waiverDays !== undefined ? { waiverDays: file.waiverDays } : {}),
    regimes: file.regimes.map((r) => ({ ...r })),
    clauses: file.clauses.map((c) => ({ ...c, source: { ...c.source } })),
    vocabulary: structuredClone(file.vocabulary),
    rules: file.rules.map((rule) => toRule(rule, regimeIds)),
    frontMatter: file.frontMatter.map((k) => ({ ...k, ...(k.values ? { values: [...k.values] } : {}) })),
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
  if (rule.when) loaded.when = structuredClone(rule.when);
  return loaded;
}
