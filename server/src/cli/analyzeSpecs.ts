/**
 * Reads and analyses the specs of a `carveout check` run. With many files it
 * spreads them over the main thread and worker threads, one thread per core,
 * because analysis is CPU bound and each spec is independent; a few files are
 * analysed inline, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import type { Analysis, AnalyzeOptions } from '../core/types';
import type { Profile } from '../profile/profileTypes';
import { readSpec } from './readSpec';

/** Below this many specs, one thread is faster than starting workers. */
const WORKER_THRESHOLD = 64;

export interface SpecJob {
  file: string;
  /** Index into the run's profiles, so each worker compiles a profile once. */
  profile: number;
  options: AnalyzeOptions;
}

/**
 * What the formatters need of an analysis. Statements, headings and front
 * matter stay behind in the worker: copying them between threads would cost
 * more than analysing.
 */
export type CheckResult = Pick<Analysis, 'regime' | 'facts' | 'findings'>;

export type SpecResult = { file: string; text: string; analysis: CheckResult } | { file: string; error: string };

export interface WorkerInput {
  profiles: Profile[];
  jobs: SpecJob[];
  /**
   * With several threads, one shared counter from which each thread takes
   * the index of the next job, so that a thread that started late or runs
   * slower simply takes fewer.
   */
  next?: SharedArrayBuffer;
}

function analyzeJob(input: WorkerInput, job: SpecJob): SpecResult {
  try {
    const text = readSpec(job.file);
    const { regime, facts, findings } = analyze(text, input.profiles[job.profile], job.options);
    return { file: job.file, text, analysis: { regime, facts, findings } };
  } catch (error) {
    return { file: job.file, error: (error as Error).message };
  }
}

/** Analyses the jobs: all of them, or with a shared counter, those this thread takes from it. */
export function analyzeJobs(input: WorkerInput): SpecResult[] {
  if (!input.next) return input.jobs.map((job) => analyzeJob(input, job));
  const counter = new Int32Array(input.next);
  const results: SpecResult[] = [];
  for (let index = Atomics.add(counter, 0, 1); index < input.jobs.length; index = Atomics.add(counter, 0, 1)) {
    results.push(analyzeJob(input, input.jobs[index]));
  }
  return results;
}

function runWorker(script: string, input: WorkerInput): Promise<SpecResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    worker.once('message', (results: SpecResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a worker thread exited with code ${code}`));
    });
  });
}

/**
 * Analyses every job, in job order. `workerScript` is the bundle that, run as
 * a worker, answers `WorkerInput` with `SpecResult[]` (see `cli.ts`).
 */
export async function analyzeSpecs(input: WorkerInput, workerScript: string): Promise<SpecResult[]> {
  const threads = Math.min(availableParallelism(), Math.ceil(input.jobs.length / (WORKER_THRESHOLD / 2)));
  if (input.jobs.length < WORKER_THRESHOLD || threads < 2) return analyzeJobs(input);
  // The main thread analyses too while the workers start: a worker begins cold (it loads the bundle and compiles
  // the analyzer again), so one thread per core, this one included, is fastest. All take jobs from one counter.
  const shared: WorkerInput = { ...input, next: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT) };
  const running = Array.from({ length: threads - 1 }, () => runWorker(workerScript, shared));
  const own = analyzeJobs(shared);
  const results = [own, ...(await Promise.all(running))];
  const byFile = new Map(results.flat().map((result) => [result.file, result]));
  return input.jobs.map((job) => byFile.get(job.file)!);
}
