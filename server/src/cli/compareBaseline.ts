/**
 * Compares a run with a baseline SARIF log (`--baseline`), as SARIF's
 * `baselineState` does: a finding of the run is `new`, `unchanged`, or
 * `updated` (same statement and rule, another severity or message); a
 * baseline result with no match in the run is `absent`. Results match by
 * file, rule and fingerprint, each at most once, so two identical statements
 * count as two.
 */
import type { Log, Result } from 'sarif';
import type { Finding } from '../core/types';
import { readSourceFile } from '../node/readSourceFile';
import { FINGERPRINT_KEY } from './fingerprint';

/** SARIF logs of large repositories run to tens of megabytes. */
const MAX_BASELINE_BYTES = 200_000_000;

export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

export interface BaselineResult {
  uri: string;
  result: Result;
}

export interface Baseline {
  /** Baseline results by `uri \0 rule \0 fingerprint`, in log order, not yet matched. */
  pending: Map<string, BaselineResult[]>;
}

/** Reads a baseline log; throws an error that says what is wrong, without quoting the file. */
export function readBaseline(file: string): Baseline {
  let log: Log;
  try {
    log = JSON.parse(readSourceFile(file, MAX_BASELINE_BYTES)) as Log;
  } catch (error) {
    throw new Error(`cannot read the baseline: ${error instanceof SyntaxError ? 'it is not JSON' : (error as Error).message}`);
  }
  if (log?.version !== '2.1.0' || !Array.isArray(log.runs)) throw new Error('the baseline is not a SARIF 2.1.0 log');
  const pending = new Map<string, BaselineResult[]>();
  for (const run of log.runs) {
    for (const result of run?.results ?? []) {
      const uri = result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
      const print = result?.partialFingerprints?.[FINGERPRINT_KEY];
      // Results of other tools, and absent ones of an earlier comparison, are not findings of that run.
      if (typeof uri !== 'string' || typeof print !== 'string' || typeof result.ruleId !== 'string' || result.baselineState === 'absent') continue;
      const key = `${uri}\0${result.ruleId}\0${print}`;
      const list = pending.get(key) ?? [];
      list.push({ uri, result });
      pending.set(key, list);
    }
  }
  return { pending };
}

/** A finding of the run as the baseline's log would have written it. */
export interface RunFinding {
  uri: string;
  finding: Finding;
  fingerprint: string;
  level: Result.level;
}

export interface Comparison {
  states: Map<Finding, BaselineState>;
  /** Baseline results no finding of the run matched, in log order. */
  absent: BaselineResult[];
}

export function compareRun(baseline: Baseline, findings: readonly RunFinding[]): Comparison {
  const pending = new Map([...baseline.pending].map(([key, list]) => [key, [...list]]));
  const states = new Map<Finding, BaselineState>();
  for (const { uri, finding, fingerprint, level } of findings) {
    const match = pending.get(`${uri}\0${finding.rule}\0${fingerprint}`)?.shift();
    states.set(finding, !match ? 'new' : match.result.level === level && match.result.message?.text === finding.message ? 'unchanged' : 'updated');
  }
  return { states, absent: [...pending.values()].flat() };
}
