/**
 * Scores a folder of whole specs against its `expected.yaml`: each label is
 * `{ line, rule }` with an optional `level`. `must` labels (the default) are
 * findings a reviewer expects; `may` labels are arguable and count neither
 * way; every unlabelled finding is noise. Findings are reduced to their
 * statement's 1-based start line and rule and matched as a multiset.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import type { Profile } from '../../server/src/profile/profileTypes';

export interface SpecLabel {
  line: number;
  rule: string;
  level: 'must' | 'may';
}

export interface RuleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SpecMismatch {
  spec: string;
  kind: 'FP' | 'FN';
  line: number;
  rule: string;
  text: string;
}

export interface FolderScore {
  specs: number;
  byRule: Map<string, RuleCounts>;
  total: RuleCounts;
  precision: number;
  recall: number;
  mismatches: SpecMismatch[];
}

function loadLabels(dir: string): Map<string, SpecLabel[]> {
  const raw = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as Record<string, unknown>;
  const out = new Map<string, SpecLabel[]>();
  for (const [spec, labels] of Object.entries(raw ?? {})) {
    const list = (labels ?? []) as unknown[];
    assert.ok(Array.isArray(list), `${spec}: expected a list of labels`);
    out.set(
      spec,
      list.map((entry, i) => {
        const { line, rule, level = 'must' } = entry as Partial<SpecLabel>;
        assert.ok(Number.isInteger(line) && (line as number) >= 1, `${spec}[${i}]: line must be a positive integer`);
        assert.ok(typeof rule === 'string' && rule.length > 0, `${spec}[${i}]: rule must be a rule id`);
        assert.ok(level === 'must' || level === 'may', `${spec}[${i}]: level must be must or may`);
        return { line: line as number, rule: rule as string, level };
      }),
    );
  }
  return out;
}

/** 1-based line of a UTF-16 offset; CRLF and lone CR count as one line break. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

function sourceLine(text: string, line: number): string {
  return (text.split(/\r\n|\r|\n/)[line - 1] ?? '').trim();
}

export function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

export function scoreSpecFolder(dir: string, profile: Profile, today: string): FolderScore {
  const labels = loadLabels(dir);
  const specs = readdirSync(dir).filter((name) => name.endsWith('.pspec.md') || name.endsWith('.pspec')).sort();
  assert.ok(specs.length > 0, `no specs in ${dir}`);
  assert.deepEqual([...labels.keys()].sort(), specs, `${dir}/expected.yaml must label exactly the specs in the folder`);

  const byRule = new Map<string, RuleCounts>();
  const bump = (rule: string, key: keyof RuleCounts): void => {
    const counts = byRule.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    counts[key]++;
    byRule.set(rule, counts);
  };
  const mismatches: SpecMismatch[] = [];

  for (const spec of specs) {
    const text = readFileSync(join(dir, spec), 'utf8');
    const specLabels = labels.get(spec) ?? [];
    const lineCount = text.split(/\r\n|\r|\n/).length;
    for (const label of specLabels) assert.ok(label.line <= lineCount, `${spec}: label line ${label.line} is past the end of the file`);
    const key = (line: number, rule: string) => `${line}\u0000${rule}`;
    const must = new Map<string, number>();
    const may = new Set<string>();
    for (const label of specLabels) {
      if (label.level === 'may') may.add(key(label.line, label.rule));
      else must.set(key(label.line, label.rule), (must.get(key(label.line, label.rule)) ?? 0) + 1);
    }
    for (const finding of analyze(text, profile, { today }).findings) {
      if (finding.waivedBy) continue;
      const line = lineOf(text, finding.span.start);
      const found = key(line, finding.rule);
      const left = must.get(found) ?? 0;
      if (left > 0) {
        must.set(found, left - 1);
        bump(finding.rule, 'tp');
      } else if (!may.has(found)) {
        bump(finding.rule, 'fp');
        mismatches.push({ spec, kind: 'FP', line, rule: finding.rule, text: text.slice(finding.span.start, finding.span.end) });
      }
    }
    for (const [found, left] of must) {
      const [line, rule] = found.split('\u0000') as [string, string];
      for (let i = 0; i < left; i++) {
        bump(rule, 'fn');
        mismatches.push({ spec, kind: 'FN', line: Number(line), rule, text: sourceLine(text, Number(line)) });
      }
    }
  }

  const total: RuleCounts = { tp: 0, fp: 0, fn: 0 };
  for (const counts of byRule.values()) {
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
  }
  return {
    specs: specs.length,
    byRule,
    total,
    precision: ratio(total.tp, total.tp + total.fp),
    recall: ratio(total.tp, total.tp + total.fn),
    mismatches,
  };
}

function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A per-rule table with the total, then every mismatch, for the test log. */
export function formatFolderScore(title: string, score: FolderScore): string {
  const rules = [...score.byRule.keys()].sort();
  const width = Math.max(28, ...rules.map((rule) => rule.length));
  const row = (name: string, c: RuleCounts) =>
    [
      name.padEnd(width),
      String(c.tp + c.fn).padStart(8),
      String(c.tp).padStart(5),
      String(c.fp).padStart(5),
      String(c.fn).padStart(5),
      ratio(c.tp, c.tp + c.fp).toFixed(3).padStart(10),
      ratio(c.tp, c.tp + c.fn).toFixed(3).padStart(7),
    ].join('  ');
  const lines = [
    title,
    ['rule'.padEnd(width), 'support'.padStart(8), 'TP'.padStart(5), 'FP'.padStart(5), 'FN'.padStart(5), 'precision'.padStart(10), 'recall'.padStart(7)].join('  '),
    ...rules.map((rule) => row(rule, score.byRule.get(rule)!)),
    row('TOTAL (micro)', score.total),
  ];
  if (score.mismatches.length === 0) lines.push('', 'No mismatches.');
  else lines.push('', 'Mismatches:', ...score.mismatches.map((m) => `  ${m.kind} ${m.spec}:${m.line} ${m.rule} — "${clip(m.text)}"`));
  return lines.join('\n');
}
