/**
 * Checks that the JSON Schema cannot express: that ids are unique, that every
 * reference names something the profile defines, and that dates and regimes
 * make sense together. The data has already passed the schema, so its shape
 * can be trusted here.
 */
import { didYouMean, listOrNone } from './didYouMean';
import { isDocumentRuleId, DOCUMENT_RULE_IDS } from './documentRules';
import { ALL_REGIMES } from './profileFile';
import type { ProfileFile } from './profileFile';
import type { DataIssue, DataPath } from './problems';
import type { IdTest, RuleCondition } from './profileTypes';
import { isCalendarDate } from '../core/isCalendarDate';
import { expandPattern, MAX_PATTERN_NAMES } from '../core/expandPattern';


export function checkProfile(profile: ProfileFile): DataIssue[] {
  return [
    ...checkRegimes(profile),
    ...checkClauses(profile),
    ...checkRules(profile),
    ...checkFrontMatter(profile),
    ...checkVocabulary(profile),
    ...checkContract(profile),
  ];
}

/** `Unknown what "id"; the profile defines: a, b. Did you mean "a"?` */
function unknown(what: string, id: string, known: Iterable<string>, where = 'the profile defines'): string {
  const all = [...known];
  return `Unknown ${what} "${id}"; ${where}: ${listOrNone(all)}.${didYouMean(id, all)}`;
}

/**
 * Warnings about dates no regime covers: between two regimes, and before the
 * first. A spec dated there gets a `no-regime` finding, which is right for a
 * gap the contract really has and a mistake for one a typo made.
 */
export function regimeGaps(profile: Pick<ProfileFile, 'regimes'>): { index: number; message: string }[] {
  const byStart = regimesByStart(profile);
  const gaps: { index: number; message: string }[] = [];
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1].regime;
    const current = byStart[i];
    if (previous.until !== undefined && nextDay(previous.until) < current.regime.from) {
      gaps.push({
        index: current.index,
        message: `No regime is in force from ${nextDay(previous.until)} to ${previousDay(current.regime.from)}, between "${previous.id}" and "${current.regime.id}"; specs dated then get a no-regime finding.`,
      });
    }
  }
  return gaps;
}

/** The regimes with their index in the file, earliest first. */
function regimesByStart(profile: Pick<ProfileFile, 'regimes'>): { regime: ProfileFile['regimes'][number]; index: number }[] {
  return profile.regimes.map((regime, index) => ({ regime, index })).sort((a, b) => (a.regime.from < b.regime.from ? -1 : a.regime.from > b.regime.from ? 1 : a.index - b.index));
}

function shiftDay(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? date : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  return shiftDay(date, 1);
}

function previousDay(date: string): string {
  return shiftDay(date, -1);
}

/** Reports every id after the first that repeats an earlier one. */
function duplicates(ids: readonly string[], base: string, what: string, field = 'id'): DataIssue[] {
  const first = new Map<string, number>();
  const issues: DataIssue[] = [];
  ids.forEach((id, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else issues.push({ path: [base, index, field], message: `Duplicate ${what} "${id}": item ${earlier + 1} of ${base} has it too.` });
  });
  return issues;
}

function dateIssue(path: DataPath, value: string | undefined): DataIssue[] {
  return value !== undefined && !isCalendarDate(value) ? [{ path, message: `"${value}" is not a calendar date.` }] : [];
}

function checkRegimes(profile: ProfileFile): DataIssue[] {
  const issues = duplicates(profile.regimes.map((r) => r.id), 'regimes', 'regime id');
  // A profile for another contract that extends one takes neither its regimes nor its disclaimer.
  if (profile.regimes.length === 0) issues.push({ path: [], message: 'The profile has no regimes; a profile with rules of its own writes its own "regimes".' });
  if (profile.disclaimer === '') issues.push({ path: [], message: 'The profile has no disclaimer; a profile with rules of its own writes its own "disclaimer".' });
  profile.regimes.forEach((regime, index) => {
    if (regime.id === ALL_REGIMES) {
      issues.push({ path: ['regimes', index, 'id'], message: `"${ALL_REGIMES}" is reserved for "every regime" and cannot be a regime id.` });
    }
    issues.push(...dateIssue(['regimes', index, 'from'], regime.from), ...dateIssue(['regimes', index, 'until'], regime.until));
    if (regime.until !== undefined && regime.from > regime.until) {
      issues.push({ path: ['regimes', index, 'until'], message: `Regime "${regime.id}" ends (${regime.until}) before it starts (${regime.from}).` });
    }
  });
  // Overlapping regimes would leave the regime of a launch date ambiguous.
  const byStart = regimesByStart(profile);
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1].regime;
    const current = byStart[i];
    if (previous.until === undefined || current.regime.from <= previous.until) {
      const end = previous.until === undefined ? 'has no end date' : `runs until ${previous.until}`;
      issues.push({ path: ['regimes', current.index, 'from'], message: `Regime "${current.regime.id}" starts on ${current.regime.from}, but regime "${previous.id}" ${end}; regimes may not overlap.` });
    }
  }
  return issues;
}

function checkClauses(profile: ProfileFile): DataIssue[] {
  const regimes = new Set(profile.regimes.map((r) => r.id));
  const clauses = profile.clauses ?? [];
  const levels = (profile.confidence ?? []).map((level) => level.id);
  const issues = duplicates(clauses.map((c) => c.id), 'clauses', 'clause id');
  clauses.forEach((clause, index) => {
    if (clause.regime !== undefined && !regimes.has(clause.regime)) {
      issues.push({ path: ['clauses', index, 'regime'], message: unknown('regime', clause.regime, regimes) });
    }
    if (!levels.includes(clause.confidence)) {
      issues.push({ path: ['clauses', index, 'confidence'], message: unknown('confidence level', clause.confidence, levels, 'the profile\'s `confidence` defines') });
    }
    issues.push(...dateIssue(['clauses', index, 'source', 'date'], clause.source.date));
    issues.push(...dateIssue(['clauses', index, 'from'], clause.from), ...dateIssue(['clauses', index, 'until'], clause.until));
    const start = clause.from ?? profile.regimes.find((regime) => regime.id === clause.regime)?.from;
    if (clause.until !== undefined && start !== undefined && clause.until < start) {
      issues.push({ path: ['clauses', index, 'until'], message: `Clause "${clause.id}" ends (${clause.until}) before it starts (${start}).` });
    }
  });
  return issues;
}

function checkRules(profile: ProfileFile): DataIssue[] {
  const regimes = new Set(profile.regimes.map((r) => r.id));
  const clauses = new Set((profile.clauses ?? []).map((c) => c.id));
  const rules = new Set(profile.rules.map((r) => r.id));
  const fixes = new Set((profile.fixes ?? []).map((fix) => fix.id));
  const issues = duplicates(profile.rules.map((r) => r.id), 'rules', 'rule id');
  profile.rules.forEach((rule, index) => {
    const at = (...rest: (string | number)[]): DataPath => ['rules', index, ...rest];
    rule.regimes.forEach((id, i) => {
      if (id === ALL_REGIMES) {
        if (rule.regimes.length > 1) issues.push({ path: at('regimes', i), message: `"${ALL_REGIMES}" already covers every regime; list it alone.` });
      } else if (!regimes.has(id)) {
        issues.push({ path: at('regimes', i), message: unknown('regime', id, regimes) });
      }
    });
    (rule.clauses ?? []).forEach((id, i) => {
      if (!clauses.has(id)) issues.push({ path: at('clauses', i), message: `Unknown clause "${id}"; no clause of the profile has this id.${didYouMean(id, clauses)}` });
    });
    (rule.fixes ?? []).forEach((id, i) => {
      if (!fixes.has(id)) issues.push({ path: at('fixes', i), message: unknown('fix', id, fixes, 'the profile\'s `fixes` defines') });
    });
    for (const field of ['unless', 'carveOuts'] as const) {
      (rule[field] ?? []).forEach((id, i) => {
        if (id === rule.id) issues.push({ path: at(field, i), message: `Rule "${rule.id}" cannot refer to itself.` });
        else if (!rules.has(id)) issues.push({ path: at(field, i), message: `Unknown rule "${id}"; no rule of the profile has this id.${didYouMean(id, rules)}` });
      });
    }
    if (rule.when) issues.push(...checkCondition(profile, rule.when, at('when')));
    if (rule.kind === 'contract' && rule.when === undefined) {
      issues.push({ path: at(), message: `Contract rule "${rule.id}" needs a "when" condition.` });
    }
    if (rule.kind === 'document') {
      if (rule.when !== undefined) {
        issues.push({ path: at('when'), part: 'key', message: 'A document rule is built into the analyzer and takes no "when" condition.' });
      }
      if (!isDocumentRuleId(rule.id)) {
        issues.push({ path: at('id'), message: unknown('document rule', rule.id, DOCUMENT_RULE_IDS, 'the analyzer implements') });
      }
    }
  });
  return issues;
}

function checkFrontMatter(profile: ProfileFile): DataIssue[] {
  const issues = duplicates(profile.frontMatter.map((k) => k.key), 'frontMatter', 'key', 'key');
  profile.frontMatter.forEach((entry, index) => {
    const listed = entry.kind === 'enum' || entry.kind === 'list';
    if (entry.values !== undefined && entry.valuesFrom !== undefined) {
      issues.push({ path: ['frontMatter', index, 'valuesFrom'], part: 'key', message: 'Give either "values" or "valuesFrom", not both.' });
    }
    for (const field of ['values', 'valuesFrom'] as const) {
      if (!listed && entry[field] !== undefined) {
        issues.push({ path: ['frontMatter', index, field], part: 'key', message: `"${field}" applies to enum and list keys only, and "${entry.key}" is a ${entry.kind}.` });
      }
    }
    const surfaces = new Set(profile.surfaces.map((surface) => surface.id));
    if (entry.classes !== undefined) {
      if (entry.fills !== 'surface') issues.push({ path: ['frontMatter', index, 'classes'], part: 'key', message: `"classes" belong to a key that fills "surface", and "${entry.key}" ${entry.fills ? `fills "${entry.fills}"` : 'fills no slot'}.` });
      if (entry.values !== undefined || entry.valuesFrom !== undefined) issues.push({ path: ['frontMatter', index, 'classes'], part: 'key', message: 'The classes are the allowed values; give no "values" or "valuesFrom" beside them.' });
      entry.classes.forEach((surfaceClass, c) => {
        for (const field of ['surfaces', 'otherwise', 'contradictedBy'] as const) {
          (surfaceClass[field] ?? []).forEach((id, i) => {
            if (!surfaces.has(id)) issues.push({ path: ['frontMatter', index, 'classes', c, field, i], message: unknown('surface', id, surfaces, 'the profile\'s `surfaces` defines') });
          });
        }
      });
    } else if (entry.fills === 'surface') {
      issues.push({ path: ['frontMatter', index, 'fills'], message: `A key that fills "surface" needs "classes": the values it takes and the surfaces each stands for.` });
    }
    if (entry.fills === 'date' && entry.kind !== 'date') issues.push({ path: ['frontMatter', index, 'kind'], message: `A key that fills "date" is a date, not a ${entry.kind}.` });
    if (entry.kind === 'enum' && entry.values === undefined && entry.valuesFrom === undefined && entry.classes === undefined) {
      issues.push({ path: ['frontMatter', index, 'kind'], message: `Enum key "${entry.key}" needs "values" or "valuesFrom".` });
    }
  });
  return issues;
}

function checkVocabulary(profile: ProfileFile): DataIssue[] {
  const vocabulary = profile.vocabulary;
  const issues = duplicates(vocabulary.clouds.map((c) => c.id), 'clouds', 'cloud id').map((issue) => ({
    ...issue,
    path: ['vocabulary', ...issue.path],
  }));
  // An alias shared by two clouds would make every mention of it ambiguous.
  const owner = new Map<string, string>();
  vocabulary.clouds.forEach((cloud, index) => {
    cloud.aliases.forEach((alias, i) => {
      const folded = alias.toLowerCase();
      const other = owner.get(folded);
      if (other !== undefined && other !== cloud.id) {
        issues.push({ path: ['vocabulary', 'clouds', index, 'aliases', i], message: `Alias "${alias}" already names cloud "${other}".` });
      } else {
        owner.set(folded, cloud.id);
      }
    });
    (cloud.regions ?? []).forEach((pattern, i) => {
      if (!expandPattern(pattern)) {
        issues.push({
          path: ['vocabulary', 'clouds', index, 'regions', i],
          message: `Region pattern "${pattern}" has an unclosed or nested brace, an empty range, or stands for more than ${MAX_PATTERN_NAMES} names.`,
        });
      }
    });
  });
  issues.push(
    ...duplicates((vocabulary.verbClasses ?? []).map((verbClass) => verbClass.id), 'verbClasses', 'verb class id').map((issue) => ({
      ...issue,
      path: ['vocabulary', ...issue.path],
    })),
  );
  return issues;
}

/** The checks of the contract's own parts: surfaces, groups, home, fixes and confidence levels. */
function checkContract(profile: ProfileFile): DataIssue[] {
  const surfaces = new Set(profile.surfaces.map((surface) => surface.id));
  const venues = new Set(profile.vocabulary.clouds.map((cloud) => cloud.id));
  const groups = profile.groups ?? [];
  const groupIds = new Set(groups.map((group) => group.id));
  const keys = new Map(profile.frontMatter.map((key) => [key.key, key]));
  const issues = [
    ...duplicates(profile.surfaces.map((surface) => surface.id), 'surfaces', 'surface id'),
    ...duplicates(groups.map((group) => group.id), 'groups', 'group id'),
    ...duplicates((profile.fixes ?? []).map((fix) => fix.id), 'fixes', 'fix id'),
    ...duplicates((profile.confidence ?? []).map((level) => level.id), 'confidence', 'confidence level'),
  ];
  profile.surfaces.forEach((surface, index) => {
    if (surface.within !== undefined && (!surfaces.has(surface.within) || surface.within === surface.id)) {
      issues.push({ path: ['surfaces', index, 'within'], message: unknown('surface', surface.within, [...surfaces].filter((id) => id !== surface.id)) });
    }
    if (profile.vocabulary.surfaces[surface.id] === undefined) {
      issues.push({ path: ['surfaces', index, 'id'], message: `Surface "${surface.id}" has no phrases in vocabulary.surfaces, so no statement can describe it.` });
    }
  });
  for (const id of Object.keys(profile.vocabulary.surfaces)) {
    if (!surfaces.has(id)) issues.push({ path: ['vocabulary', 'surfaces', id], part: 'key', message: unknown('surface', id, surfaces, 'the profile\'s `surfaces` defines') });
  }
  (profile.vocabulary.surfaceFrames ?? []).forEach((frame, index) => {
    if (!surfaces.has(frame.surface)) issues.push({ path: ['vocabulary', 'surfaceFrames', index, 'surface'], message: unknown('surface', frame.surface, surfaces) });
  });
  (profile.vocabulary.verbClasses ?? []).forEach((verbClass, index) => {
    if (verbClass.implies !== undefined && !surfaces.has(verbClass.implies)) {
      issues.push({ path: ['vocabulary', 'verbClasses', index, 'implies'], message: unknown('surface', verbClass.implies, surfaces) });
    }
  });
  groups.forEach((group, index) => {
    if (venues.has(group.id)) issues.push({ path: ['groups', index, 'id'], message: `Group "${group.id}" has the id of a venue; conditions could not tell them apart.` });
    group.venues.forEach((id, i) => {
      if (!venues.has(id)) issues.push({ path: ['groups', index, 'venues', i], message: unknown('venue', id, venues, 'vocabulary.clouds defines') });
    });
  });
  if (profile.home !== undefined && !groupIds.has(profile.home)) {
    issues.push({ path: ['home'], message: unknown('group', profile.home, groupIds, 'the profile\'s `groups` defines') });
  }
  (profile.fixes ?? []).forEach((fix, index) => {
    const at = (field: string): DataPath => ['fixes', index, field];
    const needs = (field: 'key' | 'value' | 'group'): void => {
      if (fix[field] === undefined) issues.push({ path: ['fixes', index], message: `A ${fix.kind} fix needs "${field}".` });
    };
    if (fix.kind === 'set-key' || fix.kind === 'add-value') {
      needs('key');
      if (fix.key !== undefined && !keys.has(fix.key)) issues.push({ path: at('key'), message: unknown('front-matter key', fix.key, keys.keys(), 'the profile\'s `frontMatter` declares') });
    }
    if (fix.kind === 'set-key') needs('value');
    if (fix.kind === 'add-value' && fix.key !== undefined && keys.get(fix.key)?.kind !== undefined && keys.get(fix.key)?.kind !== 'list') {
      issues.push({ path: at('key'), message: `An add-value fix adds to a list, and "${fix.key}" is a ${keys.get(fix.key)!.kind}.` });
    }
    if (fix.kind === 'place-on-group') {
      needs('group');
      if (fix.group !== undefined && !groupIds.has(fix.group)) issues.push({ path: at('group'), message: unknown('group', fix.group, groupIds, 'the profile\'s `groups` defines') });
    }
  });
  return issues;
}

/** References in a condition: venues and groups, surfaces, audiences, declared keys and their values, dates. */
function checkCondition(profile: ProfileFile, condition: RuleCondition, path: DataPath): DataIssue[] {
  const issues: DataIssue[] = [];
  const venues = [...profile.vocabulary.clouds.map((cloud) => cloud.id), ...(profile.groups ?? []).map((group) => group.id)];
  const surfaces = profile.surfaces.map((surface) => surface.id);
  const audiences = Object.keys(profile.vocabulary.customers);
  const ids = (test: IdTest | { only: string[] } | undefined): { list: string[]; field: (string | number)[] } | undefined => {
    if (!test) return undefined;
    if (Array.isArray(test)) return { list: test, field: [] };
    if ('in' in test) return { list: test.in, field: ['in'] };
    if ('notIn' in test) return { list: test.notIn, field: ['notIn'] };
    return { list: test.only, field: ['only'] };
  };
  const check = (slot: 'venue' | 'surface' | 'audience', known: readonly string[], what: string, where: string): void => {
    const found = ids(condition[slot]);
    found?.list.forEach((id, i) => {
      if (!known.includes(id)) issues.push({ path: [...path, slot, ...found.field, i], message: unknown(what, id, known, where) });
    });
  };
  check('venue', venues, 'venue or group', 'vocabulary.clouds and groups define');
  check('surface', surfaces, 'surface', 'the profile\'s `surfaces` defines');
  check('audience', audiences, 'audience', 'vocabulary.customers defines');
  if (condition.order !== undefined && profile.home === undefined) {
    issues.push({ path: [...path, 'order'], message: 'An "order" condition asks whether the home group ships first, and the profile names no "home" group.' });
  }
  if (condition.date) {
    issues.push(...dateIssue([...path, 'date', 'from'], condition.date.from), ...dateIssue([...path, 'date', 'until'], condition.date.until));
  }
  for (const [key, values] of Object.entries(condition.keys ?? {})) {
    const declared = profile.frontMatter.find((entry) => entry.key === key);
    if (!declared) {
      issues.push({ path: [...path, 'keys', key], part: 'key', message: unknown('front-matter key', key, profile.frontMatter.map((entry) => entry.key), 'the profile\'s `frontMatter` declares') });
      continue;
    }
    const allowed = declared.classes?.map((entry) => entry.value) ?? declared.values;
    if (!allowed) continue;
    values.forEach((value, i) => {
      if (!allowed.includes(value)) issues.push({ path: [...path, 'keys', key, i], message: unknown(`value of "${key}"`, value, allowed, 'it allows') });
    });
  }
  condition.all?.forEach((child, i) => issues.push(...checkCondition(profile, child, [...path, 'all', i])));
  condition.any?.forEach((child, i) => issues.push(...checkCondition(profile, child, [...path, 'any', i])));
  if (condition.not) issues.push(...checkCondition(profile, condition.not, [...path, 'not']));
  return issues;
}
