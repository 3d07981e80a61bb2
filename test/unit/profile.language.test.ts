/**
 * The contract language: a small profile for an invented contract, written
 * in the same language as the built-in one, exercises conditions over every
 * claim slot, message templates, fixes as data, clause windows, regime
 * coverage, the always-on checks and `extends`.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/fixes/applyEdits';
import { planFixes } from '../../server/src/fixes/planFixes';
import { renderEvidence, renderRegimeChoice, renderSupersession } from '../../server/src/features/hover';
import { profileFileDiagnostics } from '../../server/src/features/profileDiagnostics';
import { nodeRuntime } from '../../server/src/node/nodeRuntime';
import { loadBuiltinProfile, parseProfile } from '../../server/src/profile/loadProfile';
import type { Profile } from '../../server/src/profile/profileTypes';
import { TODAY } from './testSupport';

const FILE = '/contracts/cloud.profile.yaml';

/**
 * A made-up regional cloud contract: EU customers' APIs stay on EU clouds;
 * a named partner may co-develop on any cloud; a launch date in a gap between
 * regimes has no terms.
 */
const CONTRACT = `id: regional
title: Regional terms
extends: microsoft-openai
disclaimer: No legal advice.
confidence:
  - id: signed
    meaning: quoted from the signed text
regimes:
  - id: first
    title: First terms
    from: 2024-01-01
    until: 2024-12-31
    summary: The first terms.
  - id: second
    title: Second terms
    from: 2025-03-01
    summary: The second terms.
clauses:
  - id: EU-1
    from: 2024-01-01
    title: EU customers' APIs stay on EU clouds
    source: { title: Agreement, publisher: Acme, date: 2023-12-01 }
    confidence: signed
  - id: OLD-1
    regime: first
    until: 2024-06-30
    title: A term that ended
    source: { title: Agreement, publisher: Acme, date: 2023-12-01 }
    confidence: signed
surfaces:
  - id: api
    title: API
  - id: app
    title: app
groups:
  - id: eu
    title: EU clouds
    venues: [eu-cloud]
home: eu
messages:
  placed: "{rule}: {surfaces} runs on {venue} ({regime}, {date})."
fixes:
  - id: move-to-eu
    kind: place-on-group
    group: eu
    title: "Move to {venue}"
    preferred: true
rules:
  - id: eu-api
    kind: contract
    title: EU APIs on EU clouds
    regimes: [all]
    severity: error
    description: An EU customer's API off the EU clouds.
    when:
      all:
        - surface: [api]
        - audience: [eu]
        - venue: { notIn: [eu] }
        - not: { partner: [Globex] }
    clauses: [EU-1, OLD-1]
    fixes: [move-to-eu]
  - id: late-launch
    kind: contract
    title: Late launch
    regimes: [second]
    severity: information
    description: A product launched after mid-2025 that does not ship first on the EU clouds, or is a beta.
    when:
      date: { from: 2025-07-01 }
      any:
        - order: home-later
        - keys: { stage: [beta] }
frontMatter:
  - key: customers
    kind: list
    valuesFrom: audiences
    fills: audience
    description: Who it is for.
  - key: partners
    kind: list
    fills: partner
    description: Who builds it with us.
  - key: hosted-on
    kind: list
    valuesFrom: venues
    fills: venue
    description: Where it runs.
  - key: stage
    kind: enum
    values: [beta, ga]
    description: Release stage.
  - key: launch
    kind: date
    fills: date
    description: Launch date.
vocabulary:
  clouds:
    - id: eu-cloud
      name: EuroCloud
      aliases: [EU region*, EuroCloud]
    - id: us-cloud
      name: StarCloud
      aliases: [StarCloud]
  surfaces:
    api: [api, endpoint]
    app: [app]
  customers:
    eu: [eu customer*]
    us: [us customer*]
`;

function load(text = CONTRACT, files: Record<string, string> = {}): Profile {
  const parsed = parseProfile(text, FILE, {
    paths: path.posix,
    read: (file) => {
      if (!(file in files)) throw new Error('no such file');
      return files[file];
    },
  });
  assert.deepEqual(parsed.problems, []);
  return parsed.profile!;
}

const front = (lines: string): string => `---\n${lines}\n---\n`;

function findings(text: string, profile = load()): [string, string][] {
  return analyze(text, profile, { today: TODAY }).findings.map((finding) => [finding.rule, finding.message]);
}

describe('conditions over claim slots', () => {
  it('fires on an audience, a venue outside a group and a surface, with the message template filled in', () => {
    const text = `${front('customers: [eu]\nlaunch: 2025-04-01')}The API is served from StarCloud.\n`;
    assert.deepEqual(findings(text), [['eu-api', 'EU APIs on EU clouds: the API runs on StarCloud (second, 2025-04-01).']]);
  });

  it('holds back when `not` excludes a named partner, declared or not', () => {
    assert.deepEqual(findings(`${front('customers: [eu]\npartners: [Globex]\nlaunch: 2025-04-01')}The API is served from StarCloud.\n`), []);
    assert.deepEqual(findings(`${front('customers: [eu]\npartners: [Initech]\nlaunch: 2025-04-01')}The API is served from StarCloud.\n`).length, 1);
  });

  it('reads `any`, `date`, `order` against the home group and declared `keys`', () => {
    const later = `${front('customers: [us]\nlaunch: 2025-08-01')}The app is served from StarCloud.\n`;
    const beta = `${front('customers: [us]\nstage: beta\nlaunch: 2025-08-01')}The app ships first on EuroCloud.\n`;
    const early = `${front('customers: [us]\nlaunch: 2025-04-01')}The app is served from StarCloud.\n`;
    assert.deepEqual(findings(later).map(([rule]) => rule), ['late-launch']);
    assert.deepEqual(findings(beta).map(([rule]) => rule), ['late-launch']);
    assert.deepEqual(findings(early), []);
  });
});

describe('hover wording', () => {
  it('names the evidence in the profile\'s words, or plain ones when it has none', () => {
    const text = `${front('customers: [eu]\nlaunch: 2025-04-01')}The API is served from StarCloud.\n`;
    const plain = load();
    const finding = analyze(text, plain, { today: TODAY }).findings[0];
    assert.equal(renderEvidence(finding.evidence, text, plain), '"API" (surface: api), "served from" (placement), "StarCloud" (venue: StarCloud)');
    const worded = load(CONTRACT.replace('messages:\n', 'messages:\n  venueWord: cloud\n  tieWord: hosting\n'));
    assert.equal(renderEvidence(finding.evidence, text, worded), '"API" (surface: api), "served from" (hosting), "StarCloud" (cloud: StarCloud)');
  });
});

describe('regime coverage', () => {
  it('reports a launch date in a gap between regimes on the launch key, and applies no contract rule', () => {
    const text = `${front('customers: [eu]\nlaunch: 2025-01-15')}The API is served from StarCloud.\n`;
    const analysis = analyze(text, load(), { today: TODAY });
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.rule, finding.message, text.slice(finding.span.start, finding.span.end)]),
      [['no-regime', 'No regime in force: no regime of the contract is in force on 2025-01-15.', 'launch: 2025-01-15']],
    );
  });

  it('says so where the regime is shown, rather than naming the nearest regime', () => {
    const text = `${front('launch: 2025-01-15')}Nothing yet.\n`;
    const choice = analyze(text, load(), { today: TODAY }).regime;
    assert.deepEqual([choice.uncovered, renderRegimeChoice(choice, load())], [true, 'no regime, as none is in force on 2025-01-15']);
  });

  it('shows the gap as a warning in the profile file, where the next regime starts', async () => {
    const diagnostics = await profileFileDiagnostics(CONTRACT, FILE, 'profile', nodeRuntime, async () => {
      throw new Error('no other file');
    });
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.range.start, String(diagnostic.message).slice(0, 44)]),
      [[2, { line: 15, character: 10 }, 'No regime is in force from 2025-01-01 to 202']],
    );
  });

  it('warns about the gap when the profile is checked', () => {
    const parsed = parseProfile(CONTRACT, FILE);
    assert.deepEqual(
      parsed.warnings?.map((warning) => [warning.message, warning.line]),
      [['No regime is in force from 2025-01-01 to 2025-02-28, between "first" and "second"; specs dated then get a no-regime finding.', 16]],
    );
  });
});

describe('clauses with their own window', () => {
  it('are cited across regimes while in force, and never shown as superseded', () => {
    const profile = load();
    const text = `${front('customers: [eu]\nlaunch: 2025-04-01')}The API is served from StarCloud.\n`;
    assert.deepEqual(analyze(text, profile, { today: TODAY }).findings[0].clauses, ['EU-1']);
    const early = `${front('customers: [eu]\nlaunch: 2024-03-01')}The API is served from StarCloud.\n`;
    assert.deepEqual(analyze(early, profile, { today: TODAY }).findings[0].clauses, ['EU-1', 'OLD-1']);
    const clause = (id: string) => profile.clauses.find((candidate) => candidate.id === id)!;
    assert.equal(renderSupersession(clause('EU-1'), profile), undefined);
    assert.equal(renderSupersession(clause('OLD-1'), profile), 'In force until 2024-06-30.');
  });
});

describe('fixes as data', () => {
  it('place on the group\'s first venue by a plain alias, never a wildcard pattern', () => {
    const text = `${front('customers: [eu]\nhosted-on: [us-cloud]\nlaunch: 2025-04-01')}The API is served from StarCloud.\n`;
    const profile = load();
    const analysis = analyze(text, profile, { today: TODAY });
    const [plan] = planFixes({ text, profile, analysis }, analysis.findings[0]);
    assert.equal(plan.title, 'Move to EuroCloud');
    assert.equal(applyEdits(text, plan.edits), `${front('customers: [eu]\nhosted-on: [eu-cloud]\nlaunch: 2025-04-01')}The API is served from EuroCloud.\n`);
  });
});

describe('always-on checks', () => {
  it('report invalid front matter and expired waivers under a profile that lists no document rule', () => {
    const text = `${front('customers: [eu]\nlaunch: 2025-04-01\nhosted: [x]')}<!-- carveout-waive eu-api: approved by Ann on 2025-01-01, expires 2025-02-01, ref L-1 -->\nThe API is served from StarCloud.\n`;
    assert.deepEqual(findings(text).map(([rule]) => rule), ['invalid-front-matter', 'waiver-expired', 'eu-api']);
  });

  it('take the profile\'s wording and severity when it lists them', () => {
    const quiet = CONTRACT.replace('frontMatter:\n', '  - id: waiver-expired\n    kind: document\n    title: Old waiver\n    regimes: [all]\n    severity: hint\n    description: A waiver past its date.\nfrontMatter:\n');
    const text = `${front('launch: 2025-04-01')}<!-- carveout-waive eu-api: approved by Ann on 2025-01-01, expires 2025-02-01, ref L-1 -->\nNothing.\n`;
    const analysis = analyze(text, load(quiet), { today: TODAY });
    assert.deepEqual(analysis.findings.map((finding) => [finding.rule, finding.severity]), [['waiver-expired', 'hint']]);
  });
});

describe('extends', () => {
  it('an amendment without rules keeps the built-in contract and changes only what it writes', () => {
    const amendment = load('id: amended\ntitle: Amended\nextends: microsoft-openai\nwaiverDays: 30\n');
    const builtin = loadBuiltinProfile();
    assert.deepEqual(amendment.rules.map((rule) => rule.id), builtin.rules.map((rule) => rule.id));
    assert.deepEqual([amendment.waiverDays, amendment.home, amendment.surfaces.length], [30, 'microsoft', 7]);
  });

  it('reads a base profile file through the reader it is given, relative to the profile', () => {
    const child = 'id: child\ntitle: Child\nextends: ./base.yaml\nwaiverDays: 7\n';
    const profile = load(child, { '/contracts/base.yaml': CONTRACT });
    assert.deepEqual([profile.id, profile.waiverDays, profile.rules[0].id], ['child', 7, 'eu-api']);
  });

  it('a profile with rules of its own takes no regimes, disclaimer, messages or confidence levels of the base', () => {
    const own = CONTRACT.replace('disclaimer: No legal advice.\n', '').replace(/regimes:\n(?: {2}- id: \w+\n(?: {4}.*\n)+)+/, '');
    assert.deepEqual(
      parseProfile(own, FILE)
        .problems.filter((problem) => problem.message.startsWith('The profile has no'))
        .map((problem) => [problem.message, problem.line]),
      [
        ['The profile has no regimes; a profile with rules of its own writes its own "regimes".', 1],
        ['The profile has no disclaimer; a profile with rules of its own writes its own "disclaimer".', 1],
      ],
    );
    const profile = load();
    assert.deepEqual([profile.confidence.map((level) => level.id), profile.messages.noRegime, profile.messages.mismatchSurface], [['signed'], undefined, undefined]);
  });

  it('reports a circle of profiles at `extends`', () => {
    const parsed = parseProfile('id: a\ntitle: A\nextends: ./a.yaml\n', '/contracts/a.yaml', { paths: path.posix, read: () => 'id: a\ntitle: A\nextends: ./a.yaml\n' });
    assert.deepEqual(
      parsed.problems.map((problem) => [problem.message, problem.line]),
      [['The profile "./a.yaml" extends this profile in turn; profiles cannot extend each other in a circle.', 3]],
    );
  });

  it('reports an unknown built-in profile, with no reader to find files', () => {
    const parsed = parseProfile('id: a\ntitle: A\nextends: microsoft-open-ai\n', FILE);
    assert.match(parsed.problems[0].message, /^Unknown built-in profile "microsoft-open-ai"; the built-in profile is "microsoft-openai"/);
  });
});

describe('profile validation of the new constructs', () => {
  const problemsOf = (from: string, to: string): [string, number, number][] => {
    assert.ok(CONTRACT.includes(from), from);
    return parseProfile(CONTRACT.replace(from, to), FILE).problems.map((problem) => [problem.message, problem.line, problem.column]);
  };

  it('names a misspelt group, surface or audience in a condition, with the nearest id', () => {
    assert.deepEqual(problemsOf('venue: { notIn: [eu] }', 'venue: { notIn: [ue] }'), [
      ['Unknown venue or group "ue"; vocabulary.clouds and groups define: eu-cloud, us-cloud, eu. Did you mean "eu"?', 59, 28],
    ]);
    assert.deepEqual(problemsOf('surface: [api]\n        - audience', 'surface: [apy]\n        - audience'), [
      ['Unknown surface "apy"; the profile\'s `surfaces` defines: api, app. Did you mean "api"?', 57, 21],
    ]);
  });

  it('names a misspelt condition key, with the nearest one', () => {
    assert.deepEqual(problemsOf('      any:', '      anny:').map(([message]) => message), [
      'Unknown property; expected one of: all, any, not, venue, surface, audience, partner, order, date, keys. Did you mean "any"?',
    ]);
  });

  it('names a fix of an unknown group and an unknown declared key in `keys`', () => {
    assert.deepEqual(problemsOf('    group: eu\n', '    group: europe\n'), [['Unknown group "europe"; the profile\'s `groups` defines: eu.', 45, 12]]);
    assert.deepEqual(problemsOf('keys: { stage: [beta] }', 'keys: { stag: [beta] }'), [
      ['Unknown front-matter key "stag"; the profile\'s `frontMatter` declares: customers, partners, hosted-on, stage, launch. Did you mean "stage"?', 73, 19],
    ]);
  });

  it('says "none" for an empty list of audiences, never a bare full stop', () => {
    assert.deepEqual(problemsOf('  customers:\n    eu: [eu customer*]\n    us: [us customer*]\n', '  customers: {}\n').map(([message]) => message), [
      'Unknown audience "eu"; vocabulary.customers defines: none.',
    ]);
  });
});

describe('phrases spelled with punctuation', () => {
  it('accepts "Lumen+" and "GOG.com" and matches them in the text as the words they are', () => {
    const text = CONTRACT.replace('aliases: [StarCloud]', 'aliases: [StarCloud, Lumen+, GOG.com]');
    assert.notEqual(text, CONTRACT, 'the contract has the aliases line this test extends');
    const profile = load(text);
    const spec = (where: string): string[] => analyze(`${front('launch: 2026-06-01')}The app is served from ${where}.\n`, profile, { today: TODAY }).findings.map((finding) => finding.rule);
    assert.ok(spec('StarCloud').length > 0, 'a placement on the venue is a finding');
    assert.deepEqual(spec('Lumen+'), spec('StarCloud'));
    assert.deepEqual(spec('GOG.com'), spec('StarCloud'));
  });
});

describe('required front-matter keys', () => {
  it('warns at the front matter of a spec that leaves a required key out, and at the first line of one without front matter', () => {
    const text = CONTRACT.replace('    values: [beta, ga]\n', '    values: [beta, ga]\n    required: true\n');
    assert.notEqual(text, CONTRACT, 'the contract has the stage key this test requires');
    const profile = load(text);
    const missing = (spec: string): { message: string; start: number; severity: string }[] =>
      analyze(spec, profile, { today: TODAY }).findings.filter((finding) => /requires `stage`/.test(finding.message)).map((finding) => ({ message: finding.message, start: finding.span.start, severity: finding.severity }));
    assert.deepEqual(missing(`${front('launch: 2025-08-01')}Nothing yet.\n`), [{ message: 'The profile requires `stage` in the front matter: Release stage.', start: 0, severity: 'warning' }]);
    assert.deepEqual(missing('Nothing yet.\n').length, 1);
    assert.deepEqual(missing(`${front('launch: 2025-08-01\nstage: beta')}Nothing yet.\n`), []);
  });
});
