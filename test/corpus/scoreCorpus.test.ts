import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkThresholds, formatScoreTable, scoreCorpus, type CaseOutcome } from './scoreCorpus';
import { buildCaseDocument, expectedLabels, labelFindings } from './loadCorpus';

// x: 2 TP, 1 FP, 1 FN. y: 1 TP, 1 FN. z: 1 FP and never expected.
const confusion: CaseOutcome[] = [
  { id: 'a', expected: ['x'], actual: ['x'] },
  { id: 'b', expected: ['x'], actual: [] },
  { id: 'c', expected: [], actual: ['x'] },
  { id: 'd', expected: ['x', 'y'], actual: ['y', 'x', 'y'] },
  { id: 'e', expected: ['y'], actual: ['z'] },
];

test('scoreCorpus counts TP, FP and FN per label and treats a case as a set', () => {
  const score = scoreCorpus(confusion);
  assert.equal(score.cases, 5);
  assert.deepEqual(score.labels, [
    { label: 'x', support: 3, tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 },
    { label: 'y', support: 2, tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 },
    { label: 'z', support: 0, tp: 0, fp: 1, fn: 0, precision: 0, recall: null },
  ]);
  assert.deepEqual(score.misses, [
    { id: 'b', missing: ['x'], unexpected: [] },
    { id: 'c', missing: [], unexpected: ['x'] },
    { id: 'e', missing: ['y'], unexpected: ['z'] },
  ]);
});

test('scoreCorpus gives null precision to a label that is expected but never predicted', () => {
  const score = scoreCorpus([{ id: 'a', expected: ['x'], actual: [] }]);
  assert.deepEqual(score.labels, [{ label: 'x', support: 1, tp: 0, fp: 0, fn: 1, precision: null, recall: 0 }]);
});

test('checkThresholds reports floors, unsupported firing, missing labels and a small corpus', () => {
  const failures = checkThresholds(scoreCorpus(confusion), {
    minSupport: 3,
    minPrecision: 0.95,
    minRecall: 0.9,
    minCases: 6,
    required: ['x', 'w'],
  });
  assert.deepEqual(failures, [
    'corpus has 5 cases, fewer than 6',
    'w: no labelled case',
    'x: precision 0.667 < 0.95 (1 false positives)',
    'x: recall 0.667 < 0.9 (1 missed)',
    'z: fires 1 times where no case expects it',
  ]);
});

test('checkThresholds leaves labels below the support floor unchecked and passes a clean corpus', () => {
  const outcomes: CaseOutcome[] = [
    { id: 'a', expected: ['x'], actual: ['x'] },
    { id: 'b', expected: ['x'], actual: ['x'] },
    { id: 'c', expected: ['x', 'y'], actual: ['x'] },
    { id: 'd', expected: [], actual: [] },
  ];
  assert.deepEqual(
    checkThresholds(scoreCorpus(outcomes), { minSupport: 3, minPrecision: 0.95, minRecall: 0.9, minCases: 4, required: ['x', 'y'] }),
    [],
  );
});

test('checkThresholds fails a label that is never predicted through its recall', () => {
  const outcomes: CaseOutcome[] = ['a', 'b', 'c'].map((id) => ({ id, expected: ['x'], actual: [] }));
  assert.deepEqual(
    checkThresholds(scoreCorpus(outcomes), { minSupport: 3, minPrecision: 0.95, minRecall: 0.9, minCases: 1, required: [] }),
    ['x: recall 0.000 < 0.9 (3 missed)'],
  );
});

test('formatScoreTable prints one aligned row per label', () => {
  const table = formatScoreTable(scoreCorpus(confusion)).split('\n');
  assert.deepEqual(table, [
    'rule  support  tp  fp  fn  precision  recall',
    '----  -------  --  --  --  ---------  ------',
    'x           3   2   1   1      0.667   0.667',
    'y           2   1   0   1      1.000   0.500',
    'z           0   0   1   0      0.000       —',
  ]);
});

test('buildCaseDocument fences the front matter and scores the last line of the text', () => {
  const table = '| Surface | Hosted on |\n|---|---|\n| Batch API | AWS |';
  const { document, scored } = buildCaseDocument({ front: 'served-on: [aws]', text: table, scope: 'statement' });
  assert.equal(document, `---\nserved-on: [aws]\n---\n${table}\n`);
  assert.equal(document.slice(scored.start, scored.end), '| Batch API | AWS |');

  const bare = buildCaseDocument({ text: 'The app runs on AWS.', scope: 'statement' });
  assert.equal(bare.document, 'The app runs on AWS.\n');
  assert.deepEqual(bare.scored, { start: 0, end: 20 });

  const whole = buildCaseDocument({ front: 'product: X', text: '<!-- c -->\nA.', scope: 'text' });
  assert.equal(whole.document.slice(whole.scored.start, whole.scored.end), '<!-- c -->\nA.');
});

test('labelFindings keeps findings that touch the scored range, marks waived ones and drops ignored rules', () => {
  const scored = { start: 10, end: 20 };
  const labels = labelFindings(
    [
      { rule: 'api-exclusivity', span: { start: 12, end: 18 } },
      { rule: 'api-exclusivity', span: { start: 0, end: 11 }, waivedBy: {} },
      { rule: 'azure-first', span: { start: 0, end: 10 } },
      { rule: 'waiver-unused', span: { start: 20, end: 20 } },
      { rule: 'declaration-mismatch', span: { start: 15, end: 16 } },
    ],
    scored,
    ['declaration-mismatch'],
  );
  assert.deepEqual(labels, ['api-exclusivity', 'waived:api-exclusivity', 'waiver-unused']);
  assert.deepEqual(expectedLabels({ expect: ['azure-first'], waived: ['api-exclusivity'] }), [
    'azure-first',
    'waived:api-exclusivity',
  ]);
});
