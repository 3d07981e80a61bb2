/**
 * Checks that the JSON Schema cannot express: that ids are unique, that every
 * reference names something the profile defines, and that dates and regimes
 * make sense together. The data has already passed the schema, so its shape
 * can be trusted here.
 */
import { isDocumentRuleId, DOCUMENT_RULE_IDS } from './documentRules';
import { ALL_REGIMES } from './profileFile';
import type { ProfileFile } from './profileFile';
import type { DataIssue, DataPath } from './problems';
import { isCalendarDate } from '../core/isCalendarDate';
import { expandPattern, MAX_PATTERN_NAMES } from '../core/expandPattern';


export function checkProfile(profile: ProfileFile): DataIssue[] {
  return [
    ...checkRegimes(profile),
    ...checkClauses(profile),
    ...checkRules(profile),
    ...checkFrontMatter(profile),
    ...checkVocabulary(profile),
  ];
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
  const byStart = profile.regimes.map((regime, index) => ({ regime, index })).sort((a, b) => (a.regime.from < b.regime.from ? -1 : a.regime.from > b.regime.from ? 1 : a.index - b.index));
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
  const issues = duplicates(profile.clauses.map((c) => c.id), 'clauses', 'clause id');
  profile.clauses.forEach((clause, index) => {
    if (!regimes.has(clause.regime)) {
      issues.push({ path: ['clauses', index, 'regime'], message: `Unknown regime "${clause.regime}"; the profile defines: ${[...regimes].join(', ')}.` });
    }
    issues.push(...dateIssue(['clauses', index, 'source', 'date'], clause.source.date));
  });
  return issues;
}

function checkRules(profile: ProfileFile): DataIssue[] {
  const regimes = new Set(profile.regimes.map((r) => r.id));
  const clauses = new Set(profile.clauses.map((c) => c.id));
  const rules = new Set(profile.rules.map((r) => r.id));
  const customers = new Set(Object.keys(profile.vocabulary.customers));
  const issues = duplicates(profile.rules.map((r) => r.id), 'rules', 'rule id');
  profile.rules.forEach((rule, index) => {
    const at = (...rest: (string | number)[]): DataPath => ['rules', index, ...rest];
    rule.regimes.forEach((id, i) => {
      if (id === ALL_REGIMES) {
        if (rule.regimes.length > 1) issues.push({ path: at('regimes', i), message: `"${ALL_REGIMES}" already covers every regime; list it alone.` });
      } else if (!regimes.has(id)) {
        issues.push({ path: at('regimes', i), message: `Unknown regime "${id}"; the profile defines: ${[...regimes].join(', ')}.` });
      }
    });
    (rule.clauses ?? []).forEach((id, i) => {
      if (!clauses.has(id)) issues.push({ path: at('clauses', i), message: `Unknown clause "${id}"; no clause of the profile has this id.` });
    });
    for (const field of ['unless', 'carveOuts'] as const) {
      (rule[field] ?? []).forEach((id, i) => {
        if (id === rule.id) issues.push({ path: at(field, i), message: `Rule "${rule.id}" cannot refer to itself.` });
        else if (!rules.has(id)) issues.push({ path: at(field, i), message: `Unknown rule "${id}"; no rule of the profile has this id.` });
      });
    }
    (rule.when?.customer ?? []).forEach((id, i) => {
      if (!customers.has(id)) {
        issues.push({ path: at('when', 'customer', i), message: `Unknown customer segment "${id}"; vocabulary.customers defines: ${[...customers].join(', ')}.` });
      }
    });
    if (rule.kind === 'contract' && rule.when === undefined) {
      issues.push({ path: at(), message: `Contract rule "${rule.id}" needs a "when" condition.` });
    }
    if (rule.kind === 'document') {
      if (rule.when !== undefined) {
        issues.push({ path: at('when'), part: 'key', message: 'A document rule is built into the analyzer and takes no "when" condition.' });
      }
      if (!isDocumentRuleId(rule.id)) {
        issues.push({ path: at('id'), message: `Unknown document rule "${rule.id}"; the analyzer implements: ${DOCUMENT_RULE_IDS.join(', ')}.` });
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
    if (entry.kind === 'enum' && entry.values === undefined && entry.valuesFrom === undefined) {
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
  const ids = vocabulary.clouds.map((c) => c.id);
  if (!ids.includes(vocabulary.homeCloud)) {
    issues.push({ path: ['vocabulary', 'homeCloud'], message: `Unknown cloud "${vocabulary.homeCloud}"; the home cloud must be one of: ${ids.join(', ')}.` });
  }
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
