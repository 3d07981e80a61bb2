import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { CORPUS_REGIMES, CORPUS_RULES, loadCorpus, type CorpusCase } from './loadCorpus';

// These checks need no analyzer: they keep the labelled corpus itself honest.

const cases = loadCorpus();

const FRONT_VALUES: Record<string, readonly string[] | 'text' | 'date' | 'list'> = {
  product: 'text',
  classification: ['api', 'non-api', 'hybrid'],
  'co-developed-with': 'list',
  'served-on': ['azure', 'aws', 'gcp', 'oci', 'coreweave', 'on-prem'],
  customers: ['consumer', 'enterprise', 'government', 'education', 'us-national-security'],
  launch: 'date',
  'ships-first-on': ['azure', 'aws', 'gcp', 'oci', 'coreweave', 'on-prem'],
};

const REGIME_STARTS: [string, string][] = [
  ['2026-04', '2026-04-27'],
  ['2026-02', '2026-02-27'],
  ['2025-10', '2025-10-28'],
  ['2025-01', '2025-01-21'],
  ['2019-07', '0000-01-01'],
];

function regimeOf(c: CorpusCase): string {
  if (c.regime) return c.regime;
  const launch = c.front ? (parse(c.front) as Record<string, unknown>).launch : undefined;
  const date = typeof launch === 'string' ? launch : '2026-11-26';
  return REGIME_STARTS.find(([, from]) => date >= from)![0];
}

test('the corpus has at least 180 cases with unique texts', () => {
  assert.ok(cases.length >= 180, `only ${cases.length} cases`);
  const texts = new Map<string, string>();
  for (const c of cases) {
    const key = c.text.trim().toLowerCase();
    assert.equal(texts.get(key), undefined, `${c.id} repeats the text of ${texts.get(key)}`);
    texts.set(key, c.id);
  }
});

test('every rule id has at least three labelled cases', () => {
  for (const rule of CORPUS_RULES) {
    const support = cases.filter((c) => c.expect.includes(rule)).length;
    assert.ok(support >= 3, `${rule} has ${support} cases`);
  }
  assert.ok(cases.some((c) => c.waived.length > 0), 'no case shows a working waiver');
});

test('every regime is exercised, by an explicit regime and by a launch date', () => {
  for (const regime of CORPUS_REGIMES) {
    assert.ok(cases.some((c) => regimeOf(c) === regime), `no case under ${regime}`);
  }
  const byLaunch = new Set(cases.filter((c) => !c.regime && c.front?.includes('launch:')).map(regimeOf));
  assert.deepEqual([...byLaunch].sort(), [...CORPUS_REGIMES]);
});

test('about a third of the cases expect no finding', () => {
  const negatives = cases.filter((c) => c.expect.length === 0 && c.waived.length === 0).length;
  const share = negatives / cases.length;
  assert.ok(share >= 0.25 && share <= 0.4, `negatives are ${(share * 100).toFixed(1)}% of the corpus`);
});

test('every front matter uses keys and values the profile knows', () => {
  for (const c of cases) {
    if (c.front === undefined) continue;
    const data = parse(c.front) as Record<string, unknown>;
    assert.equal(typeof data, 'object', `${c.id}: front is not a mapping`);
    for (const [key, value] of Object.entries(data)) {
      const allowed = FRONT_VALUES[key];
      assert.ok(allowed, `${c.id}: unknown front-matter key ${key}`);
      if (allowed === 'text') assert.equal(typeof value, 'string', `${c.id}: ${key}`);
      else if (allowed === 'date') assert.match(String(value), /^\d{4}-\d{2}-\d{2}$/, `${c.id}: ${key}`);
      else if (allowed === 'list') assert.ok(Array.isArray(value), `${c.id}: ${key} must be a list`);
      else {
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) assert.ok(allowed.includes(String(v)), `${c.id}: ${key} value ${String(v)}`);
      }
    }
  }
});

test('a statement case holds one statement: one line, or one table', () => {
  for (const c of cases) {
    if (c.scope === 'text') continue;
    const lines = c.text.split('\n');
    const table = lines.length >= 3 && lines.every((line) => line.startsWith('|'));
    const headed = lines.length === 2 && lines[0]!.startsWith('#');
    assert.ok(lines.length === 1 || table || headed, `${c.id}: more than one statement`);
  }
});
