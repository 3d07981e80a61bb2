/**
 * How long property tests run. `npm test` runs a bounded number of cases with
 * a fixed seed, so a failure reproduces; `npm run fuzz` runs many more with a
 * fresh seed, printed first, which CARVEOUT_FUZZ_SEED replays.
 */
import type { Parameters } from 'fast-check';

const runs = Number(process.env.CARVEOUT_FUZZ_RUNS ?? '');
const seed = Number(process.env.CARVEOUT_FUZZ_SEED ?? '');
const fuzzing = Number.isInteger(runs) && runs > 0;

export const FUZZ_SEED = Number.isInteger(seed) && process.env.CARVEOUT_FUZZ_SEED ? seed : fuzzing ? Date.now() % 2_147_483_647 : 20261129;

/** fast-check parameters: `cases` in `npm test`, CARVEOUT_FUZZ_RUNS when fuzzing. */
export function fuzzParameters<T>(cases: number): Parameters<T> {
  return { numRuns: fuzzing ? runs : cases, seed: FUZZ_SEED, endOnFailure: true };
}
