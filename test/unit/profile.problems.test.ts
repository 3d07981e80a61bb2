/**
 * A broken profile must be reported in its own file, at the characters that
 * are wrong, and must never crash the loader. Each test breaks one line of a
 * small valid profile and asserts the exact problem and range.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PROBLEMS, parseProfile } from '../../server/src/profile/loadProfile';
import { excessiveNestingAt } from '../../server/src/profile/nesting';
import type { ProfileProblem } from '../../server/src/profile/problems';
import profileSchema from '../../server/src/profile/profile.schema.json';

const FILE = '/specs/contract.profile.yaml';

const VALID = `id: tiny
title: Tiny contract
disclaimer: No legal advice.
regimes:
  - id: r1
    title: First
    from: 2020-01-01
    until: 2020-12-31
    summary: The first terms.
  - id: r2
    title: Second
    from: 2021-01-01
    summary: The second terms.
clauses:
  - id: C-1
    regime: r1
    title: Exclusive cloud
    quote: "exclusive"
    source: {title: Post, publisher: Acme, date: 2020-01-01}
    confidence: primary
rules:
  - id: exclusive
    kind: contract
    title: Exclusive
    regimes: [r1]
    severity: error
    description: Served off the home cloud.
    when: {venue: {notIn: [homes]}}
    clauses: [C-1]
  - id: waiver-unused
    kind: document
    title: Waiver unused
    regimes: [all]
    severity: hint
    description: The waiver silences nothing.
frontMatter:
  - key: served-on
    kind: list
    valuesFrom: venues
    description: Where it runs.
vocabulary:
  # The home cloud is the group "homes", declared at the end.
  clouds:
    - id: home
      name: Home Cloud
      aliases: [Home]
    - id: other
      name: Other Cloud
      aliases: [Other, Rival*]
  surfaces: {api: [api], stateless-api: [], stateful-runtime: [], non-api: [app], device: [], open-weights: [], compute-capacity: []}
  hosting: [hosted on]
  placement: [on]
  negation: [not]
  contrast: [instead of]
  nonHosting: [sign in with]
  collaboration: [built with]
  firstParty: [first-party]
  customers:
    natsec: [national security]
  launchOrder: [ships first on]
${extraVocabularyLists()}surfaces: [{id: api, title: API}, {id: stateless-api, title: stateless API}, {id: stateful-runtime, title: stateful runtime}, {id: non-api, title: app}, {id: device, title: device}, {id: open-weights, title: weights}, {id: compute-capacity, title: capacity}]
confidence: [{id: primary, meaning: checked in the company's own post}]
groups: [{id: homes, title: Home Cloud, venues: [home]}]
home: homes
`;

/**
 * Phrase lists the schema requires beyond those written above, each empty.
 * The analyzer adds lists as it learns to read more; appending them keeps
 * every line number asserted below where it is.
 */
function extraVocabularyLists(): string {
  const written = ['clouds', 'surfaces', 'hosting', 'placement', 'negation', 'contrast', 'nonHosting', 'collaboration', 'firstParty', 'customers', 'launchOrder'];
  return profileSchema.allOf[0].else.properties.vocabulary.required
    .filter((key) => !written.includes(key))
    .map((key) => `  ${key}: []\n`)
    .join('');
}

/** The valid profile with one exact substring replaced; fails loudly if it is absent. */
function broken(from: string, to: string): string {
  assert.ok(VALID.includes(from), `fixture lacks ${JSON.stringify(from)}`);
  return VALID.replace(from, to);
}

/** A problem as [message, line, column, endLine, endColumn], in the file under test. */
function at(problem: ProfileProblem): [string, number, number, number, number] {
  assert.equal(problem.file, FILE);
  return [problem.message, problem.line, problem.column, problem.endLine, problem.endColumn];
}

function problemsOf(text: string): [string, number, number, number, number][] {
  const result = parseProfile(text, FILE);
  assert.equal(result.profile, undefined, 'a profile with problems is not returned');
  return result.problems.map(at);
}

describe('parseProfile on a valid profile', () => {
  it('returns the profile, with `all` expanded and omitted lists filled in', () => {
    const { profile, problems } = parseProfile(VALID, FILE);
    assert.deepEqual(problems, []);
    assert.ok(profile);
    const [contract, document] = profile.rules;
    assert.deepEqual(document.regimes, ['r1', 'r2']);
    assert.deepEqual([contract.unless, contract.carveOuts, contract.fixes], [[], [], []]);
    assert.deepEqual([document.clauses, document.when], [[], undefined]);
    assert.equal(profile.regimes[1].until, undefined);
  });

  it('accepts CRLF line endings', () => {
    assert.deepEqual(parseProfile(VALID.replace(/\n/g, '\r\n'), FILE).problems, []);
  });
});

describe('parseProfile reports YAML syntax errors', () => {
  it('at the unclosed bracket', () => {
    const problems = problemsOf(broken('    title: First', '    title: [First'));
    assert.deepEqual(problems[0], ['Flow sequence in block collection must be sufficiently indented and end with a ].', 7, 5, 7, 6]);
    assert.ok(problems.length <= 6, 'cascading errors are cut');
  });

  it('at a repeated key', () => {
    assert.deepEqual(problemsOf(broken('title: Tiny contract\n', 'title: Tiny contract\ntitle: Again\n')), [
      ['This key is already set earlier in the same mapping.', 3, 1, 3, 2],
    ]);
  });

  it('at a second document', () => {
    const problems = problemsOf(`${VALID}---\nid: again\n`);
    const second = VALID.split('\n').length;
    assert.deepEqual(problems, [['The file holds more than one YAML document; keep only the first, up to the second `---`.', second, 1, second + 2, 1]]);
  });

  it('at an alias to a missing anchor', () => {
    assert.deepEqual(problemsOf(broken('source: {title: Post, publisher: Acme, date: 2020-01-01}', 'source: *post')), [
      ['Unresolved alias (the anchor must be set before the alias).', 19, 13, 19, 18],
    ]);
  });
});

describe('parseProfile reports schema errors where they are', () => {
  it('a bad severity, on the value', () => {
    assert.deepEqual(problemsOf(broken('severity: error', 'severity: fatal')), [
      ['This value is not allowed here; expected one of: error, warning, information, hint.', 26, 15, 26, 20],
    ]);
  });

  it('a phrase with regular-expression characters, on the phrase', () => {
    assert.deepEqual(problemsOf(broken('hosting: [hosted on]', 'hosting: [hosted (on|in)]')), [
      [
        'This value is not valid: a phrase is literal text: no regular-expression characters (\\ ^ $ | ? ( ) [ ] { }), no `.` or `+` next to another `.`, `+` or `*`, no space at either end, and at most one `*`, at the end; punctuation such as `.` or `+` is a word break (`GOG.com`, `Lumen+`).',
        51,
        13,
        51,
        27,
      ],
    ]);
  });

  it('a `*` that is not at the end of a phrase', () => {
    const problems = problemsOf(broken('nonHosting: [sign in with]', 'nonHosting: [sign* in with]'));
    assert.deepEqual(problems.map((p) => p.slice(1)), [[55, 16, 55, 29]]);
  });

  it('a phrase longer than 80 characters', () => {
    const long = 'word '.repeat(17).trim();
    assert.deepEqual(problemsOf(broken('negation: [not]', `negation: [${long}]`)), [
      ['Too long: at most 80 characters are allowed.', 53, 14, 53, 14 + long.length],
    ]);
  });

  it('a misspelt property, on its key', () => {
    assert.deepEqual(problemsOf(broken('    confidence: primary', '    confidence: primary\n    confidance: primary')), [
      ['Unknown property; expected one of: id, regime, title, quote, source, confidence, from, until. Did you mean "confidence"?', 21, 5, 21, 15],
    ]);
  });

  it('a missing property, on the first line of the item', () => {
    assert.deepEqual(problemsOf(broken('    summary: The second terms.\n', '')), [['Missing required property "summary".', 10, 5, 10, 11]]);
  });

  it('a number where an id belongs', () => {
    assert.deepEqual(problemsOf(broken('  - id: r2', '  - id: 2021')), [['Expected a string, found a number.', 10, 9, 10, 13]]);
  });

  it('a date in the wrong form', () => {
    assert.deepEqual(problemsOf(broken('from: 2021-01-01', 'from: 01/01/2021')), [
      ['This value is not valid: a date is written YYYY-MM-DD, like 2026-04-27.', 12, 11, 12, 21],
    ]);
  });

  it('an empty condition', () => {
    assert.deepEqual(problemsOf(broken('when: {venue: {notIn: [homes]}}', 'when: {}')), [
      ['A condition needs at least one of: all, any, not, venue, surface, audience, partner, order, date, keys.', 28, 5, 28, 9],
    ]);
  });

  it('an unknown surface', () => {
    const problems = problemsOf(broken('when: {venue: {notIn: [homes]}}', 'when: {surface: [apps]}'));
    assert.deepEqual(problems, [
      [
        'Unknown surface "apps"; the profile\'s `surfaces` defines: api, stateless-api, stateful-runtime, non-api, device, open-weights, compute-capacity. Did you mean "api"?',
        28,
        22,
        28,
        26,
      ],
    ]);
  });

  it('an unknown fix', () => {
    assert.deepEqual(problemsOf(broken('    clauses: [C-1]', '    clauses: [C-1]\n    fixes: [reword]')), [
      ['Unknown fix "reword"; the profile\'s `fixes` defines: none.', 30, 13, 30, 19],
    ]);
  });

  it('a bad confidence', () => {
    assert.deepEqual(problemsOf(broken('confidence: primary', 'confidence: rumour')), [
      ['Unknown confidence level "rumour"; the profile\'s `confidence` defines: primary.', 20, 17, 20, 23],
    ]);
  });

  it('a customer segment whose id is not an id, on the key', () => {
    assert.deepEqual(problemsOf(broken('    natsec: [national security]', '    Nat Sec: [national security]')), [
      ['This key is not valid: an id is lower-case letters and digits in words joined by single hyphens, like `api-exclusivity`.', 59, 5, 59, 12],
    ]);
  });

  it('a phrase listed twice, on the second one', () => {
    assert.deepEqual(problemsOf(broken('negation: [not]', 'negation: [not, never, not]')), [['This item is listed twice; it is already item 1.', 53, 26, 53, 29]]);
  });

  it('several errors at once, in position order', () => {
    const problems = problemsOf(broken('severity: error', 'severity: fatal').replace('confidence: primary', 'confidence: Rumour'));
    assert.deepEqual(problems.map((p) => [p[1], p[2]]), [[20, 17], [26, 15]]);
  });
});

describe('parseProfile reports broken references where they are', () => {
  it('a rule citing an unknown clause', () => {
    assert.deepEqual(problemsOf(broken('clauses: [C-1]', 'clauses: [C-1, C-9]')), [
      ['Unknown clause "C-9"; no clause of the profile has this id. Did you mean "C-1"?', 29, 20, 29, 23],
    ]);
  });

  it('a rule in an unknown regime', () => {
    assert.deepEqual(problemsOf(broken('regimes: [r1]', 'regimes: [r1, r9]')), [['Unknown regime "r9"; the profile defines: r1, r2. Did you mean "r1"?', 25, 19, 25, 21]]);
  });

  it('`all` next to other regimes', () => {
    assert.deepEqual(problemsOf(broken('regimes: [all]', 'regimes: [all, r1]')), [['"all" already covers every regime; list it alone.', 33, 15, 33, 18]]);
  });

  it('a clause in an unknown regime', () => {
    assert.deepEqual(problemsOf(broken('regime: r1', 'regime: r7')), [['Unknown regime "r7"; the profile defines: r1, r2. Did you mean "r1"?', 16, 13, 16, 15]]);
  });

  it('an unknown rule in unless and carveOuts', () => {
    const text = broken('    clauses: [C-1]\n', '    clauses: [C-1]\n    unless: [ghost]\n    carveOuts: [exclusive]\n');
    assert.deepEqual(problemsOf(text), [
      ['Unknown rule "ghost"; no rule of the profile has this id.', 30, 14, 30, 19],
      ['Rule "exclusive" cannot refer to itself.', 31, 17, 31, 26],
    ]);
  });

  it('an unknown customer segment in a condition', () => {
    assert.deepEqual(problemsOf(broken('when: {venue: {notIn: [homes]}}', 'when: {venue: {notIn: [homes]}, audience: {only: [defense]}}')), [
      ['Unknown audience "defense"; vocabulary.customers defines: natsec.', 28, 55, 28, 62],
    ]);
  });

  it('a document rule the analyzer does not know', () => {
    assert.deepEqual(problemsOf(broken('id: waiver-unused', 'id: waiver-lost')), [
      [
        'Unknown document rule "waiver-lost"; the analyzer implements: declaration-mismatch, classification-undetermined, invalid-front-matter, waiver-expired, waiver-incomplete, waiver-unused, disguised-text, no-regime.',
        30,
        9,
        30,
        20,
      ],
    ]);
  });

  it('a document rule with a condition, and a contract rule without one', () => {
    const text = broken('    when: {venue: {notIn: [homes]}}\n', '').replace('    description: The waiver silences nothing.', '    description: The waiver silences nothing.\n    when: {venue: {notIn: [homes]}}');
    assert.deepEqual(problemsOf(text), [
      ['Contract rule "exclusive" needs a "when" condition.', 22, 5, 22, 18],
      ['A document rule is built into the analyzer and takes no "when" condition.', 35, 5, 35, 9],
    ]);
  });

  it('a duplicate rule id, on the second one', () => {
    const text = broken('    clauses: [C-1]\n', '    clauses: [C-1]\n  - id: exclusive\n    kind: contract\n    title: Again\n    regimes: [r2]\n    severity: error\n    description: Again.\n    when: {venue: {notIn: [homes]}}\n');
    assert.deepEqual(problemsOf(text), [['Duplicate rule id "exclusive": item 1 of rules has it too.', 30, 9, 30, 18]]);
  });

  it('a home group that the profile does not define, with the nearest id', () => {
    const problems = problemsOf(broken('home: homes', 'home: hoem'));
    assert.deepEqual(problems.map((p) => p[0]), ['Unknown group "hoem"; the profile\'s `groups` defines: homes. Did you mean "homes"?']);
  });

  it('an alias that names two clouds', () => {
    assert.deepEqual(problemsOf(broken('aliases: [Other, Rival*]', 'aliases: [Other, HOME]')), [['Alias "HOME" already names cloud "home".', 49, 24, 49, 28]]);
  });

  it('a region pattern with an unclosed brace', () => {
    assert.deepEqual(problemsOf(broken('aliases: [Other, Rival*]', 'aliases: [Other, Rival*]\n      regions: ["{us,eu-east-1"]')), [
      ['Region pattern "{us,eu-east-1" has an unclosed or nested brace, an empty range, or stands for more than 5000 names.', 50, 17, 50, 32],
    ]);
  });

  it('a verb class id given twice', () => {
    const twice = 'verbClasses: [{id: host, gives: hosting, verbs: [host]}, {id: host, gives: hosting, verbs: [serve]}]';
    const problems = problemsOf(broken('  placement: [on]', `  placement: [on]\n  ${twice}`));
    assert.deepEqual(problems.map(([message]) => message), ['Duplicate verb class id "host": item 1 of verbClasses has it too.']);
  });

  it('a regime that ends before it starts', () => {
    assert.deepEqual(problemsOf(broken('until: 2020-12-31', 'until: 2019-12-31')), [
      ['Regime "r1" ends (2019-12-31) before it starts (2020-01-01).', 8, 12, 8, 22],
    ]);
  });

  it('a day that is not in the calendar', () => {
    assert.deepEqual(problemsOf(broken('until: 2020-12-31', 'until: 2020-02-30')), [['"2020-02-30" is not a calendar date.', 8, 12, 8, 22]]);
  });

  it('regimes that overlap', () => {
    assert.deepEqual(problemsOf(broken('from: 2021-01-01', 'from: 2020-06-01')), [
      ['Regime "r2" starts on 2020-06-01, but regime "r1" runs until 2020-12-31; regimes may not overlap.', 12, 11, 12, 21],
    ]);
  });

  it('a regime named `all`', () => {
    assert.deepEqual(problemsOf(broken('  - id: r2', '  - id: all')), [['"all" is reserved for "every regime" and cannot be a regime id.', 10, 9, 10, 12]]);
  });

  it('an enum key with no values', () => {
    assert.deepEqual(problemsOf(broken('    kind: list\n    valuesFrom: venues', '    kind: enum')), [['Enum key "served-on" needs "values" or "valuesFrom".', 38, 11, 38, 15]]);
  });
});

describe('parseProfile never throws', () => {
  it('on binary bytes, pointing at the first control character', () => {
    assert.deepEqual(problemsOf('id: x\u0000\u0001\u00ff\ufffd'), [
      ['The file contains the control character U+0000, which YAML does not allow; it may not be a text file.', 1, 6, 1, 7],
    ]);
  });

  it('on empty text and on comments only', () => {
    const message = 'The profile is empty; it must be a mapping with id, title, disclaimer, regimes, rules, frontMatter, surfaces and vocabulary, or extend another profile.';
    assert.deepEqual(problemsOf(''), [[message, 1, 1, 1, 1]]);
    assert.deepEqual(problemsOf('# nothing yet\n'), [[message, 1, 1, 1, 1]]);
  });

  it('on a document that is not a mapping', () => {
    assert.deepEqual(problemsOf('just words'), [['The file is not a profile: its top level is a string, not a mapping.', 1, 1, 1, 11]]);
    assert.deepEqual(problemsOf('- a\n- b\n'), [['The file is not a profile: its top level is a list, not a mapping.', 1, 1, 1, 4]]);
  });

  it('on text too large to be a profile', () => {
    assert.deepEqual(problemsOf('a'.repeat(1_000_001)), [['The file has 1000001 characters; files over 1000000 are not read.', 1, 1, 1, 1]]);
  });

  it('on nesting deep enough to crash the YAML parser, refusing it unparsed', () => {
    const message = 'The file nests collections more than 64 levels deep; a profile needs only a few.';
    assert.deepEqual(problemsOf('['.repeat(200_000)), [[message, 1, 64, 1, 65]]);
    assert.deepEqual(problemsOf('{a: '.repeat(50_000)), [[message, 1, 253, 1, 254]]);
    assert.deepEqual(problemsOf(`${'- '.repeat(50_000)}x`), [[message, 1, 127, 1, 128]]);
    const indented = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    assert.deepEqual(problemsOf(indented), [[message, 65, 65, 65, 66]]);
  });

  it('does not count brackets inside quotes or comments as nesting', () => {
    const brackets = '['.repeat(100);
    assert.equal(excessiveNestingAt(`a: "${brackets}"\nb: '${brackets}'\n# ${brackets}\n`, 64), undefined);
    assert.equal(excessiveNestingAt(`a: "${brackets}`, 64), undefined);
    // Brackets in a plain scalar do count: the estimate errs towards refusing.
    assert.equal(excessiveNestingAt(`a: x${brackets}`, 64), 67);
  });

  it('on an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const problems = problemsOf(bomb.join('\n'));
    assert.equal(problems.length, 1);
    assert.match(problems[0][0], /alias/i);
  });

  it('on a value that is not a string at all', () => {
    const result = parseProfile(undefined as unknown as string, FILE);
    assert.deepEqual(result.problems.map(at), [['The file could not be read as text.', 1, 1, 1, 1]]);
  });

  it('on many errors, cutting the list with a note', () => {
    const lines = ['id: x', 'title: y', 'disclaimer: z', 'regimes: []', 'clauses:'];
    for (let i = 0; i < 150; i++) lines.push(`  - {id: c${i}, regime: r, title: t, source: {title: t, publisher: p, date: 2020-01-01}, confidence: Sure}`);
    const problems = problemsOf(lines.join('\n'));
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.equal(problems[MAX_PROBLEMS][0], '55 more problems are not shown; fix the ones above first.');
  });

  it('counts columns in UTF-16 code units, as editors do', () => {
    const text = broken('title: First', 'title: "😀 First"').replace('severity: error', 'severity: "😀"');
    assert.deepEqual(problemsOf(text), [['This value is not allowed here; expected one of: error, warning, information, hint.', 26, 15, 26, 19]]);
  });
});
