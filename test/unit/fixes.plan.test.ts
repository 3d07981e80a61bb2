/**
 * The fix planner: which fixes a finding gets, in which order, under which
 * titles, which one is preferred, and how "fix all" merges them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/fixes/applyEdits';
import type { FixContext } from '../../server/src/fixes/fixTypes';
import { planFixAll } from '../../server/src/fixes/planFixAll';
import { planFixes } from '../../server/src/fixes/planFixes';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import type { Profile } from '../../server/src/profile/profileTypes';
import { rules, run } from './testSupport';

function contextOf(text: string, profile: Profile = loadBuiltinProfile()): FixContext {
  return { text, profile, analysis: run(text) };
}

/** `* title` for the preferred fix, `  title` for the others, for the finding of `rule`. */
function offered(text: string, rule: string, profile?: Profile): string[] {
  const context = contextOf(text, profile);
  const finding = context.analysis.findings.find((candidate) => candidate.rule === rule);
  assert.ok(finding, `expected a ${rule} finding, got ${rules(context.analysis).join(', ')}`);
  return planFixes(context, finding).map((plan) => `${plan.preferred ? '*' : ' '} ${plan.title}`);
}

describe('planFixes', () => {
  it('offers the rule’s fixes in profile order and prefers reclassifying when no statement names an API', () => {
    const text = '---\nclassification: api\nlaunch: 2025-11-03\n---\nThe product is served from AWS regions.\n';
    assert.deepEqual(offered(text, 'api-exclusivity'), [
      '* Reclassify as non-API (classification: non-api)',
      '  Serve on Azure',
      '  Apply the US national-security carve-out (customers: us-national-security)',
      '  Record a waiver for api-exclusivity',
    ]);
  });

  it('does not offer reclassifying a statement whose own words name an API, and prefers serving on Azure', () => {
    const text = '---\nclassification: api\ncustomers: [enterprise]\nlaunch: 2025-11-03\n---\nDevelopers call the REST endpoint on AWS.\n';
    assert.deepEqual(offered(text, 'api-exclusivity'), [
      '* Serve on Azure',
      '  Record a waiver for api-exclusivity',
    ]);
  });

  it('leaves out fixes that would change nothing', () => {
    const text = '---\nclassification: non-api\nlaunch: 2025-11-03\n---\nDevelopers call the REST endpoint on AWS.\n';
    assert.deepEqual(offered(text, 'api-exclusivity'), [
      '* Serve on Azure',
      '  Apply the US national-security carve-out (customers: us-national-security)',
      '  Record a waiver for api-exclusivity',
    ]);
  });

  it('never prefers a waiver, even when it is the only fix', () => {
    const text = '---\nlaunch: 2026-06-01\n---\nWe will release the open-weight model under Apache 2.0.\n';
    assert.deepEqual(offered(text, 'open-weights-criteria'), ['  Record a waiver for open-weights-criteria']);
  });

  it('offers reclassifying, without preferring it, where another statement names an API', () => {
    const text = '---\nclassification: api\nlaunch: 2025-11-03\n---\nThe product is served from AWS regions.\n\nDevelopers call the REST endpoint on Azure.\n';
    assert.deepEqual(offered(text, 'api-exclusivity'), [
      '  Reclassify as non-API (classification: non-api)',
      '* Serve on Azure',
      '  Apply the US national-security carve-out (customers: us-national-security)',
      '  Record a waiver for api-exclusivity',
    ]);
  });

  it('does not prefer reclassifying a spec whose text shows both an app and an API', () => {
    const text = '---\nlaunch: 2025-04-01\n---\nBoth the mobile app and the developer API are served from Oracle Cloud.\n';
    assert.deepEqual(offered(text, 'classification-undetermined'), ['  Reclassify as non-API (classification: non-api)']);
  });

  it('titles the first-party fix for profiles whose rules offer it', () => {
    const profile = structuredClone(loadBuiltinProfile()) as Profile;
    profile.rules.find((rule) => rule.id === 'stateful-runtime')!.fixes = ['declare-first-party', 'serve-on-home'];
    const text = '---\nclassification: api\nco-developed-with: [Amazon]\nlaunch: 2026-03-15\n---\nThe stateful runtime runs on AWS.\n';
    assert.deepEqual(offered(text, 'stateful-runtime', profile), ['  Declare first-party (co-developed-with: [])', '* Serve on Azure']);
  });

  it('offers nothing for rules without fixes', () => {
    const text = '---\nclassification: non-api\nlaunch: 2025-12-01\n---\nThe desktop app is served from AWS.\n';
    assert.deepEqual(offered(text, 'non-api-carve-out'), []);
  });
});

describe('planFixAll', () => {
  it('applies one preferred fix per finding and shares the edit they have in common', () => {
    const text = [
      '---',
      'classification: api',
      'served-on: [aws, azure]  # both',
      'launch: 2025-11-03',
      '---',
      'Developers call the REST endpoint on AWS.',
      '',
      '| Surface | Hosted on |',
      '| --- | --- |',
      '| SDK | Google Cloud |',
      '',
    ].join('\r\n');
    const context = contextOf(text);
    const plan = planFixAll(context);
    assert.deepEqual(
      plan.findings.map((finding) => finding.rule),
      ['api-exclusivity', 'api-exclusivity'],
    );
    const fixed = applyEdits(text, plan.edits);
    assert.equal(
      fixed,
      [
        '---',
        'classification: api',
        'served-on: [azure]  # both',
        'launch: 2025-11-03',
        '---',
        'Developers call the REST endpoint on Azure.',
        '',
        '| Surface | Hosted on |',
        '| --- | --- |',
        '| SDK | Azure |',
        '',
      ].join('\r\n'),
    );
    assert.deepEqual(rules(run(fixed)), []);
  });

  it('reclassifies once for every finding that prefers it', () => {
    const text = '---\nclassification: api\nlaunch: 2025-11-03\n---\nThe product is served from AWS regions.\n\n- Backups run on Google Cloud.\n';
    const plan = planFixAll(contextOf(text));
    assert.equal(plan.findings.length, 2);
    assert.equal(applyEdits(text, plan.edits), text.replace('classification: api', 'classification: non-api'));
  });

  it('never writes a waiver and skips waived findings', () => {
    const open = '---\nlaunch: 2026-06-01\n---\nWe will release the open-weight model under Apache 2.0.\n';
    assert.deepEqual(planFixAll(contextOf(open)).edits, []);
    const waived =
      '---\nclassification: api\nlaunch: 2025-11-03\n---\n<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2027-03-02, ref LEGAL-7 -->\nThe API runs on AWS.\n';
    assert.deepEqual(planFixAll(contextOf(waived)).edits, []);
  });

  it('can be limited to the findings of one rule', () => {
    const text = '---\nclassification: api\nlaunch: 2026-03-15\n---\nThe API runs on AWS.\n\nThe stateful runtime is co-built with Amazon and runs on Google Cloud.\n';
    const all = planFixAll(contextOf(text));
    const one = planFixAll(contextOf(text), (finding) => finding.rule === 'stateful-runtime');
    assert.deepEqual(
      all.findings.map((finding) => finding.rule),
      ['api-exclusivity', 'stateful-runtime'],
    );
    assert.deepEqual(
      one.findings.map((finding) => finding.rule),
      ['stateful-runtime'],
    );
    assert.equal(applyEdits(text, one.edits), text.replace('runs on Google Cloud', 'runs on Azure'));
  });
});
