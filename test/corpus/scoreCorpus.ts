/**
 * Scores labelled corpus cases: per-label true positives, false positives and
 * false negatives, with precision and recall, and the thresholds the corpus
 * test enforces. Labels are rule ids, or `waived:<rule>` for a finding that a
 * waiver silenced. Within one case labels are a set: a rule either fires on
 * the statement or it does not.
 */

export interface CaseOutcome {
  id: string;
  expected: readonly string[];
  actual: readonly string[];
}

export interface LabelScore {
  label: string;
  /** Cases where the label is expected. */
  support: number;
  tp: number;
  fp: number;
  fn: number;
  /** `null` when the label was never predicted. */
  precision: number | null;
  /** `null` when the label is never expected. */
  recall: number | null;
}

export interface CaseMiss {
  id: string;
  missing: string[];
  unexpected: string[];
}

export interface CorpusScore {
  cases: number;
  labels: LabelScore[];
  misses: CaseMiss[];
}

export function scoreCorpus(outcomes: readonly CaseOutcome[]): CorpusScore {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const countsOf = (label: string) => {
    let c = counts.get(label);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(label, c);
    }
    return c;
  };
  const misses: CaseMiss[] = [];

  for (const outcome of outcomes) {
    const expected = new Set(outcome.expected);
    const actual = new Set(outcome.actual);
    const missing: string[] = [];
    const unexpected: string[] = [];
    for (const label of expected) {
      if (actual.has(label)) {
        countsOf(label).tp++;
      } else {
        countsOf(label).fn++;
        missing.push(label);
      }
    }
    for (const label of actual) {
      if (!expected.has(label)) {
        countsOf(label).fp++;
        unexpected.push(label);
      }
    }
    if (missing.length > 0 || unexpected.length > 0) {
      misses.push({ id: outcome.id, missing: missing.sort(), unexpected: unexpected.sort() });
    }
  }

  const labels = [...counts.entries()]
    .map(([label, c]): LabelScore => ({
      label,
      support: c.tp + c.fn,
      tp: c.tp,
      fp: c.fp,
      fn: c.fn,
      precision: c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp),
      recall: c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return { cases: outcomes.length, labels, misses };
}

export interface CorpusThresholds {
  /** Labels with at least this support are held to the precision and recall floors. */
  minSupport: number;
  minPrecision: number;
  minRecall: number;
  minCases: number;
  /** Labels the corpus must give examples of. */
  required: readonly string[];
}

export const DEFAULT_THRESHOLDS: Omit<CorpusThresholds, 'required'> = {
  minSupport: 3,
  minPrecision: 0.95,
  minRecall: 0.9,
  minCases: 150,
};

/** Returns one message per broken threshold; an empty list means the corpus passes. */
export function checkThresholds(score: CorpusScore, thresholds: CorpusThresholds): string[] {
  const failures: string[] = [];
  if (score.cases < thresholds.minCases) {
    failures.push(`corpus has ${score.cases} cases, fewer than ${thresholds.minCases}`);
  }
  const byLabel = new Map(score.labels.map((s) => [s.label, s]));
  for (const label of thresholds.required) {
    if ((byLabel.get(label)?.support ?? 0) === 0) {
      failures.push(`${label}: no labelled case`);
    }
  }
  for (const s of score.labels) {
    if (s.support >= thresholds.minSupport) {
      // A label that is never predicted has recall 0, which the recall floor reports.
      if (s.precision !== null && s.precision < thresholds.minPrecision) {
        failures.push(`${s.label}: precision ${formatRatio(s.precision)} < ${thresholds.minPrecision} (${s.fp} false positives)`);
      }
      if (s.recall !== null && s.recall < thresholds.minRecall) {
        failures.push(`${s.label}: recall ${formatRatio(s.recall)} < ${thresholds.minRecall} (${s.fn} missed)`);
      }
    } else if (s.support === 0 && s.fp > 0) {
      failures.push(`${s.label}: fires ${s.fp} times where no case expects it`);
    }
  }
  return failures;
}

function formatRatio(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

/** A fixed-width table: label, support, TP, FP, FN, precision, recall. */
export function formatScoreTable(score: CorpusScore): string {
  const header = ['rule', 'support', 'tp', 'fp', 'fn', 'precision', 'recall'];
  const rows = score.labels.map((s) => [
    s.label,
    String(s.support),
    String(s.tp),
    String(s.fp),
    String(s.fn),
    formatRatio(s.precision),
    formatRatio(s.recall),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
