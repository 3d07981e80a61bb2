// Held-out corpus of whole product specs (test/corpus/specs/*.pspec.md).
//
// Each spec is analysed as a document, and its findings, reduced to
// (1-based start line, rule id) pairs, are compared with the labels in
// specs/expected.yaml. The labels were written from the labelling semantics
// alone, independently of the analyzer's vocabulary, so this measures how
// well the analyzer generalises to specs written the way product managers
// write them. The floors here are deliberately looser than the statement
// corpus floors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

const SPEC_DIR = join(__dirname, 'specs');
const TODAY = '2026-11-26';
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.85;

interface Label {
  line: number;
  rule: string;
}

interface Mismatch {
  spec: string;
  kind: 'FP' | 'FN';
  line: number;
  rule: string;
  text: string;
}

interface RuleCounts {
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

function loadExpected(): Map<string, Label[]> {
  const raw = parse(readFileSync(join(SPEC_DIR, 'expected.yaml'), 'utf8')) as Record<string, unknown>;
  const out = new Map<string, Label[]>();
  for (const [spec, labels] of Object.entries(raw ?? {})) {
    const list = (labels ?? []) as unknown[];
    assert.ok(Array.isArray(list), `${spec}: expected a list of labels`);
    out.set(
      spec,
      list.map((entry, i) => {
        const { line, rule } = entry as Partial<Label>;
        assert.ok(Number.isInteger(line) && (line as number) >= 1, `${spec}[${i}]: line must be a positive integer`);
        assert.ok(typeof rule === 'string' && rule.length > 0, `${spec}[${i}]: rule must be a rule id`);
        return { line: line as number, rule: rule as string };
      }),
    );
  }
  return out;
}

/** 1-based line of a UTF-16 offset; CRLF counts as one line break. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function sourceLine(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? '').trim();
}

function clip(s: string, max = 140): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

test('held-out spec corpus: precision and recall per rule', async () => {
  const expected = loadExpected();
  const specs = readdirSync(SPEC_DIR)
    .filter((f) => f.endsWith('.pspec.md'))
    .sort();

  assert.ok(specs.length > 0, 'no specs found');
  assert.deepEqual([...expected.keys()].sort(), specs, 'expected.yaml must label exactly the specs in the folder');

  const profile = await loadBuiltinProfile();
  const counts = new Map<string, RuleCounts>();
  const bump = (rule: string, key: keyof RuleCounts): void => {
    const c = counts.get(rule) ?? { support: 0, tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(rule, c);
  };
  const mismatches: Mismatch[] = [];

  for (const spec of specs) {
    const text = readFileSync(join(SPEC_DIR, spec), 'utf8');
    const lineCount = text.split(/\r?\n/).length;
    const labels = expected.get(spec) ?? [];
    for (const l of labels) assert.ok(l.line <= lineCount, `${spec}: label line ${l.line} is past the end of the file`);

    const result = await analyze(text, profile, { today: TODAY });
    const actual = result.findings
      .filter((f) => !f.waivedBy)
      .map((f) => ({
        line: lineOf(text, f.span.start),
        rule: f.rule,
        text: text.slice(f.span.start, f.span.end),
      }));

    // Multiset matching on (line, rule).
    const pending = new Map<string, number>();
    for (const l of labels) {
      const key = `${l.line}\u0000${l.rule}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
      bump(l.rule, 'support');
    }
    for (const a of actual) {
      const key = `${a.line}\u0000${a.rule}`;
      const left = pending.get(key) ?? 0;
      if (left > 0) {
        pending.set(key, left - 1);
        bump(a.rule, 'tp');
      } else {
        bump(a.rule, 'fp');
        mismatches.push({ spec, kind: 'FP', line: a.line, rule: a.rule, text: a.text });
      }
    }
    for (const [key, left] of pending) {
      const [lineStr, rule] = key.split('\u0000') as [string, string];
      const line = Number(lineStr);
      for (let i = 0; i < left; i++) {
        bump(rule, 'fn');
        mismatches.push({ spec, kind: 'FN', line, rule, text: sourceLine(text, line) });
      }
    }
  }

  const rules = [...counts.keys()].sort();
  const total: RuleCounts = { support: 0, tp: 0, fp: 0, fn: 0 };
  const widths = [Math.max(28, ...rules.map((r) => r.length)), 8, 5, 5, 5, 10, 7];
  const header = ['rule', 'support', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const rows: string[] = [header.map((h, i) => pad(h, widths[i] as number, i > 0)).join('  ')];
  const fmtRow = (name: string, c: RuleCounts): string =>
    [
      pad(name, widths[0] as number),
      pad(String(c.support), widths[1] as number, true),
      pad(String(c.tp), widths[2] as number, true),
      pad(String(c.fp), widths[3] as number, true),
      pad(String(c.fn), widths[4] as number, true),
      pad(ratio(c.tp, c.tp + c.fp).toFixed(3), widths[5] as number, true),
      pad(ratio(c.tp, c.tp + c.fn).toFixed(3), widths[6] as number, true),
    ].join('  ');
  for (const rule of rules) {
    const c = counts.get(rule) as RuleCounts;
    total.support += c.support;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    rows.push(fmtRow(rule, c));
  }
  rows.push(fmtRow('TOTAL (micro)', total));

  const report = [`Held-out spec corpus (${specs.length} specs, today=${TODAY})`, ...rows];
  if (mismatches.length > 0) {
    report.push('', 'Mismatches:');
    for (const m of mismatches) {
      report.push(`  ${m.kind} ${m.spec}:${m.line} ${m.rule} — "${clip(m.text)}"`);
    }
  } else {
    report.push('', 'No mismatches.');
  }
  console.log(report.join('\n'));

  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.tp, total.tp + total.fn);
  assert.ok(precision >= MIN_PRECISION, `overall precision ${precision.toFixed(3)} < ${MIN_PRECISION}`);
  assert.ok(recall >= MIN_RECALL, `overall recall ${recall.toFixed(3)} < ${MIN_RECALL}`);
});
