/**
 * The `ignore` globs of `.carveout.yaml`: what they match, that matching
 * takes time linear in the path whatever the pattern, and that syntax the
 * matcher does not know is a positioned config problem, not a silent miss.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { isIgnored } from '../../server/src/profile/isIgnored';
import { parseWorkspaceConfig } from '../../server/src/profile/loadWorkspaceConfig';

const CONFIG = '/repo/.carveout.yaml';
const CLI = resolve(__dirname, '../../dist/cli.js');
const EVIL = '**/*a*a*a*a*a*a*a*a*a*a*a*b';

function ignored(pattern: string, file: string): boolean {
  return isIgnored(`/repo/${file}`, { ignore: [pattern] }, CONFIG, path.posix);
}

describe('ignore globs', () => {
  it('match as gitignore-style globs relative to the config file', () => {
    const cases: [string, string, boolean][] = [
      ['drafts/**', 'drafts/a.pspec.md', true],
      ['drafts/**', 'drafts/deep/er/a.pspec.md', true],
      ['drafts/**', 'final/a.pspec.md', false],
      ['*.old.pspec.md', 'x.old.pspec.md', true],
      ['*.old.pspec.md', 'sub/x.old.pspec.md', false],
      ['**/*.old.pspec.md', 'sub/deep/x.old.pspec.md', true],
      ['**/*.old.pspec.md', 'x.old.pspec.md', true],
      ['**/.hidden/**', 'a/.hidden/b.pspec.md', true],
      ['*', '.dot.pspec.md', true],
      ['a?c.pspec.md', 'abc.pspec.md', true],
      ['a?c.pspec.md', 'a/c.pspec.md', false],
      ['[ab]x.pspec', 'bx.pspec', true],
      ['[!ab]x.pspec', 'bx.pspec', false],
      ['[a-c]x.pspec', 'cx.pspec', true],
      ['{drafts,old}/*.pspec.md', 'old/a.pspec.md', true],
      ['{drafts,old}/*.pspec.md', 'new/a.pspec.md', false],
      ['specs/{a,b{1,2}}.pspec', 'specs/b2.pspec', true],
      ['\\*.pspec', '*.pspec', true],
      ['\\*.pspec', 'a.pspec', false],
      ['./drafts/*', 'drafts/a.pspec', true],
      ['drafts/**/final.pspec', 'drafts/final.pspec', true],
      ['drafts/**/final.pspec', 'drafts/a/b/final.pspec', true],
      ['Drafts/**', 'drafts/a.pspec', false],
    ];
    for (const [pattern, path, expected] of cases) assert.equal(ignored(pattern, path), expected, `${pattern} on ${path}`);
  });

  it('never match a file outside the config folder', () => {
    assert.equal(isIgnored('/elsewhere/a.pspec.md', { ignore: ['**'] }, CONFIG, path.posix), false);
  });

  it('take time linear in the path, even for patterns that make regular expressions backtrack', () => {
    const started = process.hrtime.bigint();
    assert.equal(ignored(EVIL, `${'a'.repeat(120)}.pspec.md`), false);
    assert.equal(ignored(`${'*a'.repeat(200)}*b`, 'a'.repeat(5000)), false);
    assert.equal(ignored(`${'**/'.repeat(100)}*b`, `${'a/'.repeat(1000)}a`), false);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(elapsedMs < 1000, `matching took ${elapsedMs} ms`);
  });

  it('report syntax the matcher does not know as a config problem at the glob', () => {
    const parsed = parseWorkspaceConfig('ignore:\n  - "!drafts/**"\n  - "@(a|b)/*.pspec"\n  - "[abc"\n', CONFIG);
    assert.equal(parsed.config, undefined);
    assert.deepEqual(
      parsed.problems.map((problem) => [problem.line, problem.column, problem.message]),
      [
        [2, 5, 'The glob "!drafts/**" is not supported: a leading "!" (negation) is not supported; list only what to ignore.'],
        [3, 5, 'The glob "@(a|b)/*.pspec" is not supported: extended globs such as @(a|b) are not supported; use {a,b}.'],
        [4, 5, 'The glob "[abc" is not supported: a "[" opens a character class that is never closed.'],
      ],
    );
  });

  it('report brace expansions that would grow too large as a config problem', () => {
    const parsed = parseWorkspaceConfig(`ignore: ["${'{a,b}'.repeat(12)}"]\n`, CONFIG);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /expands to more than 256 patterns/);
  });

  it('do not hang the CLI on a spec name that makes a backtracking matcher explode', () => {
    const root = mkdtempSync(join(tmpdir(), 'carveout-glob-'));
    writeFileSync(join(root, '.carveout.yaml'), `ignore: ["${EVIL}"]\n`);
    writeFileSync(join(root, `${'a'.repeat(120)}.pspec.md`), '---\nclassification: api\n---\nA spec.\n');
    const result = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.signal, null, 'the CLI was killed after 20 seconds');
    assert.equal(result.status, 0, result.stderr);
  });
});
