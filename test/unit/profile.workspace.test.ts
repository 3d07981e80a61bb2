/**
 * The workspace file `.carveout.yaml`: discovery up the tree, validation with
 * positions, loading the profile it names (with a visible fallback to the
 * built-in one) and merging its cloud aliases.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import {
  applyWorkspaceConfig,
  loadWorkspace,
  parseWorkspaceConfig,
  resolveProfile,
} from '../../server/src/profile/loadWorkspaceConfig';
import type { ProfileProblem } from '../../server/src/profile/problems';
import { findWorkspaceConfig } from '../../server/src/node/workspaceRoot';

const CONFIG = '/repo/specs/.carveout.yaml';

function at(problem: ProfileProblem): [string, string, number, number, number, number] {
  return [problem.file, problem.message, problem.line, problem.column, problem.endLine, problem.endColumn];
}

/** A reader over an in-memory file system that records what was read. */
function memoryReader(files: Record<string, string>): { read: (file: string) => string; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    read(file: string) {
      calls.push(file);
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${file}'`);
      return text;
    },
  };
}

describe('findWorkspaceConfig', () => {
  const root = mkdtempSync(join(tmpdir(), 'carveout-ws-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
  mkdirSync(join(root, 'other', '.carveout.yaml'), { recursive: true });
  writeFileSync(join(root, '.carveout.yaml'), 'regime: 2026-02\n');

  it('finds the nearest config up the tree', () => {
    assert.equal(findWorkspaceConfig(join(root, 'a', 'b', 'c')), join(root, '.carveout.yaml'));
    writeFileSync(join(root, 'a', '.carveout.yaml'), '');
    assert.equal(findWorkspaceConfig(join(root, 'a', 'b', 'c')), join(root, 'a', '.carveout.yaml'));
    assert.equal(findWorkspaceConfig(join(root, 'a')), join(root, 'a', '.carveout.yaml'));
    rmSync(join(root, 'a', '.carveout.yaml'));
  });

  it('stops at the stop directory, which it still searches', () => {
    assert.equal(findWorkspaceConfig(join(root, 'a', 'b', 'c'), join(root, 'a')), undefined);
    assert.equal(findWorkspaceConfig(join(root, 'a', 'b', 'c'), root), join(root, '.carveout.yaml'));
  });

  it('ignores a directory with the config name', () => {
    assert.equal(findWorkspaceConfig(join(root, 'other'), join(root, 'other')), undefined);
  });

  it('starts from a directory that does not exist without throwing', () => {
    assert.equal(findWorkspaceConfig(join(root, 'no', 'such', 'dir'), root), join(root, '.carveout.yaml'));
  });
});

describe('parseWorkspaceConfig', () => {
  it('reads every setting', () => {
    const text = [
      'profile: ../contracts/acme.profile.yaml',
      'regime: 2025-10',
      'asOf: 2026-01-15',
      'severity:',
      '  azure-first: error',
      '  waiver-unused: off',
      'cloudAliases:',
      '  aws: [Project Nile]',
      '  nebula: [Nebula Cloud, Nebula]',
      'ignore: [drafts/**, "*.old.pspec.md"]',
      '',
    ].join('\n');
    assert.deepEqual(parseWorkspaceConfig(text, CONFIG), {
      config: {
        profile: '../contracts/acme.profile.yaml',
        regime: '2025-10',
        asOf: '2026-01-15',
        severity: { 'azure-first': 'error', 'waiver-unused': 'off' },
        cloudAliases: { aws: ['Project Nile'], nebula: ['Nebula Cloud', 'Nebula'] },
        ignore: ['drafts/**', '*.old.pspec.md'],
      },
      problems: [],
    });
  });

  it('reads an empty file, or one of comments only, as no settings', () => {
    assert.deepEqual(parseWorkspaceConfig('', CONFIG), { config: {}, problems: [] });
    assert.deepEqual(parseWorkspaceConfig('# defaults\n', CONFIG), { config: {}, problems: [] });
  });

  it('reports each wrong setting at its position', () => {
    const text = ['as-of: 2026-01-15', 'asOf: 15/01/2026', 'severity:', '  azure-first: loud', 'cloudAliases:', '  aws: [Nile.*]', ''].join('\n');
    const result = parseWorkspaceConfig(text, CONFIG);
    assert.equal(result.config, undefined);
    assert.deepEqual(result.problems.map(at), [
      [CONFIG, 'Unknown property "as-of"; expected one of: profile, regime, asOf, severity, cloudAliases, ignore. Did you mean "asOf"?', 1, 1, 1, 6],
      [CONFIG, '"15/01/2026" is not valid: a date is written YYYY-MM-DD, like 2026-04-27.', 2, 7, 2, 17],
      [CONFIG, '"loud" is not allowed here; expected one of: error, warning, information, hint, off.', 4, 16, 4, 20],
      [
        CONFIG,
        '"Nile.*" is not valid: a phrase is literal text: no regular-expression characters (\\ ^ $ | ? ( ) [ ] { }), no `.` or `+` next to another `.`, `+` or `*`, no space at either end, and at most one `*`, at the end; punctuation such as `.` or `+` is a word break (`GOG.com`, `Lumen+`).',
        6,
        9,
        6,
        15,
      ],
    ]);
  });

  it('reports a rule id that is not an id on its key', () => {
    assert.deepEqual(parseWorkspaceConfig('severity:\n  Azure First: off\n', CONFIG).problems.map(at), [
      [CONFIG, '"Azure First" is not valid: an id is lower-case letters and digits in words joined by single hyphens, like `api-exclusivity`.', 2, 3, 2, 14],
    ]);
  });

  it('reports broken YAML and binary text without throwing', () => {
    assert.deepEqual(parseWorkspaceConfig('regime: [2025-10\n', CONFIG).problems.map((p) => [p.line, p.column]), [[2, 1]]);
    assert.deepEqual(parseWorkspaceConfig('\u0000\u0001', CONFIG).problems.map(at), [
      [CONFIG, 'The file contains the control character U+0000, which YAML does not allow; it may not be a text file.', 1, 1, 1, 2],
    ]);
    assert.deepEqual(parseWorkspaceConfig('- a\n', CONFIG).problems.map(at), [[CONFIG, 'The file is not a workspace configuration: its top level is a list, not a mapping.', 1, 1, 1, 4]]);
  });
});

describe('applyWorkspaceConfig', () => {
  it('adds aliases to known clouds and creates new clouds, leaving the input alone', () => {
    const builtin = loadBuiltinProfile();
    const before = structuredClone(builtin.vocabulary.clouds);
    const merged = applyWorkspaceConfig(builtin, { cloudAliases: { aws: ['Project Nile', 'bedrock'], nebula: ['Nebula'] } });
    assert.deepEqual(builtin.vocabulary.clouds, before);
    const aws = merged.vocabulary.clouds.find((c) => c.id === 'aws');
    assert.deepEqual(aws?.aliases, [...(before.find((c) => c.id === 'aws')?.aliases ?? []), 'Project Nile']);
    assert.deepEqual(merged.vocabulary.clouds.at(-1), { id: 'nebula', name: 'nebula', aliases: ['Nebula'] });
    assert.equal(merged.vocabulary.clouds.length, before.length + 1);
    assert.equal(merged.rules, builtin.rules, 'the parts it does not change are shared');
  });

  it('returns the profile itself when there is nothing to merge', () => {
    const builtin = loadBuiltinProfile();
    assert.equal(applyWorkspaceConfig(builtin, {}), builtin);
  });
});

describe('resolveProfile', () => {
  const acme = readFileSync(resolve(__dirname, '../../server/src/profile/builtin.profile.yaml'), 'utf8').replace('id: microsoft-openai', 'id: acme');

  it('uses the built-in profile when the config names none', () => {
    const reader = memoryReader({});
    const resolved = resolveProfile({}, CONFIG, reader.read, path);
    assert.equal(resolved.profile, loadBuiltinProfile());
    assert.deepEqual([resolved.problems, resolved.profileFile, reader.calls], [[], undefined, []]);
  });

  it('reads the named profile relative to the config file', () => {
    const reader = memoryReader({ '/repo/contracts/acme.profile.yaml': acme });
    const resolved = resolveProfile({ profile: '../contracts/acme.profile.yaml' }, CONFIG, reader.read, path);
    assert.equal(resolved.profile.id, 'acme');
    assert.equal(resolved.profileFile, '/repo/contracts/acme.profile.yaml');
    assert.deepEqual(resolved.problems, []);
  });

  it('falls back to the built-in profile when the file cannot be read', () => {
    const reader = memoryReader({});
    const spot = { line: 1, column: 10, endLine: 1, endColumn: 20 };
    const resolved = resolveProfile({ profile: 'missing.yaml' }, CONFIG, reader.read, path, spot);
    assert.equal(resolved.profile, loadBuiltinProfile());
    assert.deepEqual(resolved.problems.map(at), [
      [CONFIG, `Cannot read the profile "missing.yaml" (ENOENT: no such file, open '/repo/specs/missing.yaml'); using the built-in profile.`, 1, 10, 1, 20],
    ]);
  });

  it('falls back to the built-in profile when the named one has problems, and reports them in it', () => {
    const broken = acme.replace('severity: hint', 'severity: quiet');
    const reader = memoryReader({ '/repo/specs/acme.yaml': broken });
    const resolved = resolveProfile({ profile: 'acme.yaml' }, CONFIG, reader.read, path);
    assert.equal(resolved.profile, loadBuiltinProfile());
    const line = broken.slice(0, broken.indexOf('severity: quiet')).split('\n').length;
    assert.deepEqual(resolved.problems.map(at), [
      ['/repo/specs/acme.yaml', 'This value is not allowed here; expected one of: error, warning, information, hint.', line, 15, line, 20],
      [CONFIG, 'The profile "acme.yaml" has 1 problem; using the built-in profile.', 1, 1, 1, 1],
    ]);
  });
});

describe('loadWorkspace', () => {
  it('loads the config, its profile and its aliases in one step', () => {
    const text = 'regime: 2026-02\ncloudAliases:\n  gcp: [Borealis]\n';
    const workspace = loadWorkspace(text, CONFIG, memoryReader({}).read, path);
    assert.deepEqual(workspace.problems, []);
    assert.equal(workspace.config.regime, '2026-02');
    assert.equal(workspace.profile.id, 'microsoft-openai');
    assert.ok(workspace.profile.vocabulary.clouds.find((c) => c.id === 'gcp')?.aliases.includes('Borealis'));
  });

  it('puts a profile that cannot be read on the `profile` value', () => {
    const workspace = loadWorkspace('# shared settings\nprofile: acme.yaml\n', CONFIG, memoryReader({}).read, path);
    assert.equal(workspace.profile, loadBuiltinProfile());
    assert.deepEqual(workspace.problems.map((p) => [p.file, p.line, p.column, p.endLine, p.endColumn]), [[CONFIG, 2, 10, 2, 19]]);
  });

  it('checks regime and rule ids against the profile, at their positions', () => {
    const text = 'regime: 2027-01\nseverity:\n  azure-first: off\n  azure-last: off\ncloudAliases:\n  gcp: [Bedrock]\n';
    const workspace = loadWorkspace(text, CONFIG, memoryReader({}).read, path);
    assert.deepEqual(workspace.problems.map(at), [
      [CONFIG, 'Unknown regime "2027-01"; the profile defines: 2019-07, 2025-01, 2025-10, 2026-02, 2026-04.', 1, 9, 1, 16],
      [CONFIG, 'Unknown rule "azure-last"; no rule of the profile has this id. Did you mean "azure-first"?', 4, 3, 4, 13],
      [CONFIG, 'Alias "Bedrock" already names cloud "aws".', 6, 9, 6, 16],
    ]);
  });

  it('keeps going with the built-in profile when the config is broken', () => {
    const workspace = loadWorkspace('regime: [\n', CONFIG, memoryReader({}).read, path);
    assert.deepEqual(workspace.config, {});
    assert.equal(workspace.profile, loadBuiltinProfile());
    assert.ok(workspace.problems.length > 0);
  });
});
