import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, run, spec } from './testSupport';

const FRONT = 'classification: api\nserved-on: [aws]\nlaunch: 2025-11-03';
const STATEMENT = 'The API is served from AWS regions.';

function waived(comment: string): string[] {
  const text = spec(FRONT, `${comment}\n${STATEMENT}\n`);
  return describe(text, run(text).findings);
}

test('a complete waiver silences its rule on the next statement and the finding shows as waived', () => {
  assert.deepEqual(waived('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2026-12-31, ref LEGAL-1412 -->'), [
    'api-exclusivity@7:1-7:36 (waived)',
  ]);
});

test('the waiver records who approved it, when, until when and why', () => {
  const text = spec(FRONT, `<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2026-12-31, ref LEGAL-1412 -->\n${STATEMENT}\n`);
  const waiver = run(text).findings[0].waivedBy!;
  assert.deepEqual([waiver.rules, waiver.approver, waiver.approvedOn, waiver.expires, waiver.reference], [['api-exclusivity'], 'Dana Reyes', '2026-03-02', '2026-12-31', 'LEGAL-1412']);
});

test('an expired waiver no longer silences and is reported', () => {
  assert.deepEqual(waived('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2026-09-30, ref LEGAL-1412 -->'), [
    'waiver-expired@6:1-6:114',
    'api-exclusivity@7:1-7:36',
  ]);
});

test('a waiver without an approver or a reason does not count and is reported', () => {
  assert.deepEqual(waived('<!-- carveout-waive api-exclusivity: expires 2026-12-31, ref LEGAL-1412 -->'), ['waiver-incomplete@6:1-6:76', 'api-exclusivity@7:1-7:36']);
  assert.deepEqual(waived('<!-- carveout-waive api-exclusivity: approved by Dana Reyes -->'), ['waiver-incomplete@6:1-6:64', 'api-exclusivity@7:1-7:36']);
  assert.deepEqual(waived('<!-- carveout-waive api-exclusivity: approved by <approver> on <YYYY-MM-DD>, expires <YYYY-MM-DD>, ref <ticket> -->'), [
    'waiver-incomplete@6:1-6:116',
    'api-exclusivity@7:1-7:36',
  ]);
});

test('a waiver that silences nothing is reported as a hint', () => {
  const text = spec(FRONT, `<!-- carveout-waive azure-first: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-1 -->\n${STATEMENT}\n`);
  const findings = run(text).findings;
  assert.deepEqual(
    findings.map((finding) => [finding.rule, finding.severity]),
    [
      ['waiver-unused', 'hint'],
      ['api-exclusivity', 'error'],
    ],
  );
});

test('a waiver naming a rule the profile does not know is incomplete', () => {
  const text = spec(FRONT, `<!-- carveout-waive api-exclusivty: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-1 -->\n${STATEMENT}\n`);
  const finding = run(text).findings.find((item) => item.rule === 'waiver-incomplete')!;
  assert.match(finding.message, /`api-exclusivty` is not a rule of this profile \(did you mean `api-exclusivity`\?\)/);
});

test('a waiver silences only the statement right after it', () => {
  const text = spec(FRONT, `<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-1 -->\n${STATEMENT}\nThe SDK endpoint is also hosted on Google Cloud.\n`);
  assert.deepEqual(describe(text, run(text).findings), ['api-exclusivity@7:1-7:36 (waived)', 'api-exclusivity@8:1-8:49', 'declaration-mismatch@8:1-8:49']);
});

/** The message of the `waiver-incomplete` finding a comment gets, or undefined when it counts. */
function incompleteBecause(comment: string): string | undefined {
  const text = spec(FRONT, `${comment}\n${STATEMENT}\n`);
  return run(text).findings.find((finding) => finding.rule === 'waiver-incomplete')?.message;
}

test('a waiver with placeholder dates never silences, and says which field is a placeholder', () => {
  const message = incompleteBecause('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on <YYYY-MM-DD>, expires <YYYY-MM-DD>, ref LEGAL-2040 -->');
  assert.equal(
    message,
    'Waiver for api-exclusivity does not count: the approval date `<YYYY-MM-DD>` is a placeholder; write the date as YYYY-MM-DD; the expiry `<YYYY-MM-DD>` is a placeholder; write the date as YYYY-MM-DD.',
  );
  assert.deepEqual(waived('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on <YYYY-MM-DD>, expires <YYYY-MM-DD>, ref LEGAL-2040 -->').at(-1), 'api-exclusivity@7:1-7:36');
});

test('a date in angle brackets is a placeholder, even when it is past, and the message says to drop the brackets', () => {
  const comment = '<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-01-05, expires <2026-02-01>, ref LEGAL-2040 -->';
  assert.equal(incompleteBecause(comment), 'Waiver for api-exclusivity does not count: the expiry `<2026-02-01>` is a placeholder; write the date without angle brackets.');
  assert.deepEqual(waived(comment).at(-1), 'api-exclusivity@7:1-7:36');
});

test('a waiver without an approval date or an expiry never silences: it would last forever', () => {
  assert.match(incompleteBecause('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, ref LEGAL-1 -->')!, /it gives no expiry \(`expires YYYY-MM-DD`\)/);
  assert.match(incompleteBecause('<!-- carveout-waive api-exclusivity: approved by Dana Reyes, expires 2026-12-31, ref LEGAL-1 -->')!, /it gives no approval date/);
});

test('a waiver that expires before it was approved does not count', () => {
  assert.match(incompleteBecause('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2026-01-31, ref LEGAL-1 -->')!, /expires \(2026-01-31\) before it was approved \(2026-03-02\)/);
});
