// Whole-spec corpora: each folder of specs is analysed document by document
// and its findings, reduced to (1-based start line, rule id), are compared
// with the folder's expected.yaml.
//
// - specs/ is the held-out corpus of the first rounds; it has been tuned
//   against, so it guards against regressions.
// - blind/batchN/ were written by people who had seen only the contract
//   facts, the rule table and the spec format, never the analyzer. Each
//   batch's first-run score is recorded in docs/accuracy.md; the floors here
//   keep what later work reached.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { formatFolderScore, scoreSpecFolder } from './scoreSpecFolder';

const TODAY = '2026-11-26';

interface Floors {
  precision: number;
  recall: number;
}

/** The floors each folder must keep; a folder without floors fails, so none is scored silently. */
const FLOORS: Record<string, Floors> = {
  specs: { precision: 0.9, recall: 0.85 },
  'blind/batch1': { precision: 0.9, recall: 0.8 },
  'blind/batch2': { precision: 0.9, recall: 0.88 },
  'blind/batch3': { precision: 0.87, recall: 0.85 },
  'blind/batch4': { precision: 0.82, recall: 0.8 },
  'blind/batch5': { precision: 0.72, recall: 0.6 },
  'blind/batch6': { precision: 0.84, recall: 0.84 },
  'blind/batch7': { precision: 0.86, recall: 0.72 },
  'blind/batch8': { precision: 0.7, recall: 0.75 },
  'blind/batch9': { precision: 0.78, recall: 0.82 },
  // Its first run, untuned: a floor against regressions, not a target.
  'blind/batch10': { precision: 0.68, recall: 0.7 },
};

function folders(): string[] {
  const blind = join(__dirname, 'blind');
  const batches = existsSync(blind) ? readdirSync(blind).filter((name) => name.startsWith('batch')).sort().map((name) => `blind/${name}`) : [];
  return ['specs', ...batches];
}

for (const folder of folders()) {
  test(`spec corpus ${folder}: precision and recall`, () => {
    const score = scoreSpecFolder(join(__dirname, folder), loadBuiltinProfile(), TODAY);
    console.log(formatFolderScore(`Spec corpus ${folder} (${score.specs} specs, today=${TODAY})`, score));
    const floors = FLOORS[folder];
    assert.ok(floors, `${folder} has no floors in specCorpus.test.ts`);
    assert.ok(score.precision >= floors.precision, `${folder}: precision ${score.precision.toFixed(3)} < ${floors.precision}`);
    assert.ok(score.recall >= floors.recall, `${folder}: recall ${score.recall.toFixed(3)} < ${floors.recall}`);
  });
}
