import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

// samples/README.md states the findings each sample is meant to produce; this
// test holds the analyzer and the README to each other.

const SAMPLES_DIR = join(__dirname, '..', '..', 'samples');
const TODAY = '2026-11-26';

interface ExpectedFinding {
  rule: string;
  waived: boolean;
  fromLine: number;
  toLine: number;
  /** Opening words of the statement the finding underlines. */
  quote?: string;
  source: string;
}

const FINDING_LINE = /^- `([a-z-]+)`( \(waived\))? lines? (\d+)(?:–(\d+))?(?:, "(.+)")?$/;

function readSampleExpectations(readme: string): Map<string, ExpectedFinding[]> {
  const bySample = new Map<string, ExpectedFinding[]>();
  let current: ExpectedFinding[] | undefined;
  for (const line of readme.split('\n')) {
    const heading = /^### `([^`]+\.pspec(?:\.md)?)`$/.exec(line);
    if (heading) {
      current = [];
      bySample.set(heading[1]!, current);
      continue;
    }
    if (!current || !line.startsWith('- ')) continue;
    if (line === '- none') continue;
    const m = FINDING_LINE.exec(line);
    if (!m) throw new Error(`samples/README.md: cannot read finding line: ${line}`);
    const fromLine = Number(m[3]);
    current.push({
      rule: m[1]!,
      waived: m[2] !== undefined,
      fromLine,
      toLine: m[4] ? Number(m[4]) : fromLine,
      quote: m[5],
      source: line,
    });
  }
  return bySample;
}

/** Drops a list marker or a leading table pipe and collapses spaces, so quotes compare on words. */
function normalise(text: string): string {
  return text
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\s*\|\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const readme = readFileSync(join(SAMPLES_DIR, 'README.md'), 'utf8');
const expectations = readSampleExpectations(readme);
const sampleFiles = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.pspec.md') || name.endsWith('.pspec'))
  .sort();

test('samples/README.md describes every sample and only existing ones', () => {
  assert.deepEqual([...expectations.keys()].sort(), sampleFiles);
});

test('the samples cover every rule of the built-in profile and all five regimes', () => {
  const rules = new Set([...expectations.values()].flat().map((e) => e.rule));
  // Every rule of the profile, except the incomplete- and unused-waiver checks, which no sample sets out to show.
  const shown = loadBuiltinProfile()
    .rules.map((rule) => rule.id)
    .filter((id) => id !== 'waiver-incomplete' && id !== 'waiver-unused');
  for (const rule of shown) {
    assert.ok(rules.has(rule), `no sample shows ${rule}`);
  }
  assert.ok([...expectations.values()].flat().some((e) => e.waived), 'no sample shows a working waiver');
  const profile = loadBuiltinProfile();
  const regimes = new Set(
    sampleFiles.map((name) => analyze(readFileSync(join(SAMPLES_DIR, name), 'utf8'), profile, { today: TODAY }).regime.id),
  );
  assert.deepEqual([...regimes].sort(), ['2019-07', '2025-01', '2025-10', '2026-02', '2026-04']);
});

for (const name of sampleFiles) {
  test(`sample ${name} produces exactly the findings its README entry lists`, () => {
    const text = readFileSync(join(SAMPLES_DIR, name), 'utf8');
    const lines = text.split('\n').length;
    assert.ok(lines >= 20 && lines <= 60, `${name} has ${lines} lines; keep samples between 20 and 60`);
    const expected = [...(expectations.get(name) ?? [])];
    const analysis = analyze(text, loadBuiltinProfile(), { today: TODAY });
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;

    const unexpected: string[] = [];
    for (const f of analysis.findings) {
      const line = lineOf(f.span.start);
      const statement = normalise(text.slice(f.span.start, f.span.end));
      const index = expected.findIndex(
        (e) =>
          e.rule === f.rule &&
          e.waived === Boolean(f.waivedBy) &&
          line >= e.fromLine &&
          line <= e.toLine &&
          (e.quote === undefined || statement.startsWith(normalise(e.quote))),
      );
      if (index >= 0) expected.splice(index, 1);
      else unexpected.push(`${f.rule}${f.waivedBy ? ' (waived)' : ''} line ${line}: ${statement.slice(0, 80)}`);
    }
    assert.deepEqual(
      { missing: expected.map((e) => e.source), unexpected },
      { missing: [], unexpected: [] },
    );
  });
}
