/**
 * The worked examples of samples/profiles/: each folder holds a profile for a
 * contract other than the built-in one, a `.carveout.yaml` that names it, a
 * few specs and `expected.yaml`, the findings each spec is meant to produce.
 * This test holds the analyzer, the profiles and their expectations to each
 * other, and checks that every contract rule of each profile is shown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { LineMap } from '../../server/src/core/lineMap';
import { loadWorkspace } from '../../server/src/profile/loadWorkspaceConfig';
import { buildExposureReport } from '../../server/src/report/exposureReport';

const EXAMPLES_DIR = join(__dirname, '..', '..', 'samples', 'profiles');
const TODAY = '2026-11-26';

interface Expected {
  rule: string;
  line: number;
  message: string;
}

const readText = (file: string): string => readFileSync(file, 'utf8');

for (const folder of readdirSync(EXAMPLES_DIR).sort()) {
  const dir = join(EXAMPLES_DIR, folder);
  const configFile = join(dir, '.carveout.yaml');
  const workspace = loadWorkspace(readText(configFile), configFile, readText, path);
  const expected = parse(readText(join(dir, 'expected.yaml'))) as Record<string, Expected[]>;
  const specs = readdirSync(dir).filter((name) => name.endsWith('.pspec.md')).sort();

  test(`${folder}: the profile loads without problems, and is not the built-in one`, () => {
    assert.deepEqual(workspace.problems, []);
    assert.notEqual(workspace.profile.id, 'microsoft-openai');
  });

  test(`${folder}: expected.yaml lists every spec of the folder and only those`, () => {
    assert.deepEqual(Object.keys(expected).sort(), specs);
  });

  for (const spec of specs) {
    test(`${folder}/${spec} produces exactly the findings expected.yaml lists`, () => {
      const text = readText(join(dir, spec));
      const lines = new LineMap(text);
      const found = analyze(text, workspace.profile, { today: TODAY }).findings.map((finding) => ({
        rule: finding.rule,
        line: lines.position(finding.span.start).line + 1,
        message: finding.message,
      }));
      assert.deepEqual(found, expected[spec] ?? []);
    });
  }

  test(`${folder}: every contract rule of the profile is shown by some spec`, () => {
    const shown = new Set(Object.values(expected).flat().map((finding) => finding.rule));
    for (const rule of workspace.profile.rules.filter((candidate) => candidate.kind === 'contract')) {
      assert.ok(shown.has(rule.id), `no spec of ${folder} shows ${rule.id}`);
    }
  });
}

test('the exposure report of a worked example shows clauses with their own window, and a spec no regime covers', () => {
  const dir = join(EXAMPLES_DIR, 'data-residency');
  const configFile = join(dir, '.carveout.yaml');
  const { profile } = loadWorkspace(readText(configFile), configFile, readText, path);
  const specs = ['early-prototype.pspec.md', 'uk-helpdesk.pspec.md'].map((name) => {
    const text = readText(join(dir, name));
    return { path: name, link: name, profile, lines: new LineMap(text), analysis: analyze(text, profile, { today: TODAY }) };
  });
  const report = buildExposureReport({ specs, skipped: [], today: TODAY }).markdown.split('\n');
  assert.ok(report.includes('| `early-prototype.pspec.md` | none in force (launch 2024-06-01) | personal (inferred) | 0 | 2 | 0 | 0 | 0 |'), report.join('\n'));
  const clause = report.indexOf('### DPA-4.2-UK: UK customers\' data stays in UK regions');
  assert.deepEqual(report.slice(clause + 5, clause + 7), ['- In force: from 2026-06-01', '- Confidence: signed']);
});
