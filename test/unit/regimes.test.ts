import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regimeOn, selectRegime } from '../../server/src/core/selectRegime';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { rules, run, spec } from './testSupport';

const profile = loadBuiltinProfile();

test('each regime starts and ends on the dates of the public record', () => {
  const cases: [string, string][] = [
    ['2019-07-22', '2019-07'],
    ['2025-01-20', '2019-07'],
    ['2025-01-21', '2025-01'],
    ['2025-10-27', '2025-01'],
    ['2025-10-28', '2025-10'],
    ['2026-02-26', '2025-10'],
    ['2026-02-27', '2026-02'],
    ['2026-04-26', '2026-02'],
    ['2026-04-27', '2026-04'],
    ['2030-01-01', '2026-04'],
  ];
  assert.deepEqual(
    cases.map(([date]) => [date, regimeOn(profile, date).id]),
    cases,
  );
});

test('an explicit regime wins over an as-of date, which wins over the launch date, which wins over today', () => {
  assert.deepEqual(selectRegime(profile, '2025-11-01', { regime: '2025-01', asOf: '2026-03-01', today: '2026-11-26' }), { id: '2025-01', reason: 'regime' });
  assert.deepEqual(selectRegime(profile, '2025-11-01', { asOf: '2026-03-01', today: '2026-11-26' }), { id: '2026-02', reason: 'as-of', date: '2026-03-01' });
  assert.deepEqual(selectRegime(profile, '2025-11-01', { today: '2026-11-26' }), { id: '2025-10', reason: 'launch', date: '2025-11-01' });
  assert.deepEqual(selectRegime(profile, undefined, { today: '2026-11-26' }), { id: '2026-04', reason: 'today', date: '2026-11-26' });
});

test('an unknown explicit regime falls back to the dates instead of failing', () => {
  assert.equal(selectRegime(profile, '2025-11-01', { regime: 'no-such-regime' }).id, '2025-10');
});

test('the same spec gives different findings under each regime', () => {
  const text = spec('classification: api\nco-developed-with: []\nserved-on: [aws]', 'The API is served from AWS regions.\n');
  const byRegime = profile.regimes.map((regime) => [regime.id, rules(run(text, { regime: regime.id }))]);
  assert.deepEqual(byRegime, [
    ['2019-07', ['exclusive-cloud']],
    ['2025-01', ['api-exclusivity']],
    ['2025-10', ['api-exclusivity']],
    ['2026-02', ['api-exclusivity']],
    ['2026-04', ['azure-first']],
  ]);
});
