import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { buildCaseDocument, CORPUS_RULES, expectedLabels, labelFindings, loadCorpus } from './loadCorpus';
import { checkThresholds, DEFAULT_THRESHOLDS, formatScoreTable, scoreCorpus, type CaseOutcome } from './scoreCorpus';

// The corpus is scored on a fixed day so that waiver expiry does not drift.
const TODAY = '2026-11-26';

test('the labelled statement corpus meets the precision and recall floors of every rule', () => {
  const profile = loadBuiltinProfile();
  const cases = loadCorpus();
  const outcomes: CaseOutcome[] = cases.map((c) => {
    const { document, scored } = buildCaseDocument(c);
    const analysis = analyze(document, profile, { regime: c.regime, today: TODAY });
    return { id: c.id, expected: expectedLabels(c), actual: labelFindings(analysis.findings, scored, c.ignore) };
  });
  const score = scoreCorpus(outcomes);

  const report = [`${score.cases} cases`, formatScoreTable(score)];
  if (score.misses.length > 0) {
    const files = new Map(cases.map((c) => [c.id, c.file]));
    report.push(
      `${score.misses.length} cases differ from their labels:`,
      ...score.misses.map(
        (m) =>
          `  ${files.get(m.id)} ${m.id}: ` +
          [m.missing.length ? `missing ${m.missing.join(', ')}` : '', m.unexpected.length ? `unexpected ${m.unexpected.join(', ')}` : '']
            .filter(Boolean)
            .join('; '),
      ),
    );
  }
  console.log(report.join('\n'));

  const failures = checkThresholds(score, {
    ...DEFAULT_THRESHOLDS,
    required: [...CORPUS_RULES, 'waived:api-exclusivity'],
  });
  assert.deepEqual(failures, []);
});
