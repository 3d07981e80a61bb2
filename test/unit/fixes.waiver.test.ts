/**
 * The `insert-waiver` fix: a waiver line with placeholders just above the
 * flagged statement. Placeholders count as missing, so the finding stays
 * open and the waiver is reported incomplete until a reviewer fills it in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/fixes/applyEdits';
import { insertWaiver, waiverComment, waiverSnippet } from '../../server/src/fixes/insertWaiver';
import { addDays, waiverDraft } from '../../server/src/fixes/waiverDraft';
import type { FixContext } from '../../server/src/fixes/fixTypes';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { describe as located, run, spec } from './testSupport';

const FRONT = '---\nclassification: api\nlaunch: 2025-11-03\n---\n';
const WAIVER = waiverComment('api-exclusivity');

function contextOf(text: string): FixContext {
  return { text, profile: loadBuiltinProfile(), analysis: run(text) };
}

/** Applies the waiver fix to the `index`-th api-exclusivity finding. */
function waived(text: string, index = 0): string {
  const context = contextOf(text);
  const finding = context.analysis.findings.filter((candidate) => candidate.rule === 'api-exclusivity')[index];
  assert.ok(finding);
  return applyEdits(text, insertWaiver(context, finding));
}

describe('insert-waiver', () => {
  it('writes the template with placeholders for the approver, the dates and the ticket', () => {
    assert.equal(WAIVER, '<!-- carveout-waive api-exclusivity: approved by <approver> on <YYYY-MM-DD>, expires <YYYY-MM-DD>, ref <ticket> -->');
  });

  it('inserts a line above a sentence that starts its line', () => {
    const text = `${FRONT}# Hosting\n\nThe API is served from AWS regions.\n`;
    assert.equal(waived(text), `${FRONT}# Hosting\n\n${WAIVER}\nThe API is served from AWS regions.\n`);
  });

  it('reports the new waiver incomplete and leaves the finding open until it is filled in', () => {
    const text = `${FRONT}The API is served from AWS regions.\n`;
    const fixed = waived(text);
    assert.deepEqual(located(fixed, run(fixed).findings), ['waiver-incomplete@5:1-5:116', 'api-exclusivity@6:1-6:36']);
    const filled = fixed
      .replace('<approver> on <YYYY-MM-DD>', 'Dana Reyes on 2026-03-02')
      .replace('expires <YYYY-MM-DD>', 'expires 2027-01-31')
      .replace('<ticket>', 'LEGAL-7');
    assert.deepEqual(located(filled, run(filled).findings), ['api-exclusivity@6:1-6:36 (waived)']);
  });

  it('gives a sentence that shares its line a line of its own, so the waiver covers it alone', () => {
    const text = `${FRONT}We launch in May. The API is served from AWS regions. Pricing follows.\n`;
    const fixed = waived(text);
    assert.equal(fixed, `${FRONT}We launch in May.\n${WAIVER}\nThe API is served from AWS regions. Pricing follows.\n`);
    assert.deepEqual(located(fixed, run(fixed).findings), ['waiver-incomplete@6:1-6:116', 'api-exclusivity@7:1-7:36']);
  });

  it('indents the waiver like a nested list item and keeps CRLF', () => {
    const text = `${FRONT}- Goals\n  - The API runs on AWS.\n`.replace(/\n/g, '\r\n');
    assert.equal(waived(text), `${FRONT}- Goals\n  ${WAIVER}\n  - The API runs on AWS.\n`.replace(/\n/g, '\r\n'));
  });

  it('counts offsets in UTF-16 when an emoji comes first', () => {
    const text = `${FRONT}🚀 Launch day. 🛰️ The API runs on AWS.\n`;
    assert.equal(waived(text), `${FRONT}🚀 Launch day.\n${WAIVER}\n🛰️ The API runs on AWS.\n`);
  });

  it('puts the waiver for the first table row above the table, and offers none inside it', () => {
    const text = `${FRONT}| Surface | Hosted on |\n| --- | --- |\n| API | AWS |\n| SDK | GCP |\n`;
    const fixed = waived(text, 0);
    assert.equal(fixed, `${FRONT}${WAIVER}\n| Surface | Hosted on |\n| --- | --- |\n| API | AWS |\n| SDK | GCP |\n`);
    assert.deepEqual(located(fixed, run(fixed).findings), ['waiver-incomplete@5:1-5:116', 'api-exclusivity@8:1-8:14', 'api-exclusivity@9:1-9:14']);
    const context = contextOf(text);
    assert.deepEqual(insertWaiver(context, context.analysis.findings[1]), []);
  });

  it('offers no waiver for a finding on the front matter, which cannot hold a comment', () => {
    const context = contextOf(`---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\nThe API answers in 200 ms.\n`);
    const finding = context.analysis.findings.find((candidate) => candidate.rule === 'api-exclusivity')!;
    assert.equal(finding.statementKind, 'front-matter');
    assert.deepEqual(insertWaiver(context, finding), []);
  });

  it('offers no second waiver for a finding already waived', () => {
    const context = contextOf(`${FRONT}<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-7 -->\nThe API runs on AWS.\n`);
    assert.ok(context.analysis.findings[0].waivedBy);
    assert.deepEqual(insertWaiver(context, context.analysis.findings[0]), []);
  });
});

describe('waiver drafts', () => {
  it('counts the expiry in calendar days across month and leap-year ends', () => {
    assert.equal(addDays('2026-11-29', 180), '2027-05-28');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });

  it('fills the reviewer and dates and leaves the ticket a placeholder, which keeps the waiver incomplete', () => {
    const draft = waiverDraft('2026-11-29', 'Dana Reyes');
    assert.equal(waiverComment('api-exclusivity', draft), '<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-11-29, expires 2027-05-28, ref <ticket> -->');
    const text = spec('classification: api\nlaunch: 2025-11-03', `${waiverComment('api-exclusivity', draft)}\nThe API runs on AWS.\n`);
    assert.deepEqual(run(text).findings.map((finding) => finding.rule), ['waiver-incomplete', 'api-exclusivity']);
  });

  it('takes the waiver\'s span from the profile, and the built-in profile\'s is 180 days', () => {
    assert.equal(waiverDraft('2026-11-29', undefined, { waiverDays: 30 }).expires, '2026-12-29');
    assert.equal(loadBuiltinProfile().waiverDays, 180);
    assert.equal(waiverDraft('2026-11-29', undefined, {}).expires, '2027-05-28', 'a profile that says nothing gets 180 days');
  });

  it('escapes snippet syntax in names, so a `$` or `}` in the reviewer is text, not a tab stop', () => {
    assert.equal(
      waiverSnippet('api-exclusivity', waiverDraft('2026-11-29', 'Jo $1 {x} \\ y')),
      '<!-- carveout-waive api-exclusivity: approved by ${1:Jo \\$1 {x\\} \\\\ y} on ${2:2026-11-29}, expires ${3:2027-05-28}, ref ${4:<ticket>} -->',
    );
  });
});
