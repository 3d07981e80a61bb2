/**
 * List fixes: `serve-on-home` and `add-natsec-customer`. Lists keep the style
 * they are written in (flow or block), never get a duplicate, and the text
 * changes only where the finding's evidence ties the product to a cloud.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyzeOptions, Finding } from '../../server/src/core/types';
import { addValue } from '../../server/src/fixes/addValue';
import { applyEdits } from '../../server/src/fixes/applyEdits';
import type { FixContext } from '../../server/src/fixes/fixTypes';
import { placeOnGroup } from '../../server/src/fixes/placeOnGroup';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import type { FixDefinition, Profile } from '../../server/src/profile/profileTypes';
import { rules, run } from './testSupport';

function contextOf(text: string, profile: Profile = loadBuiltinProfile(), options: AnalyzeOptions = {}): FixContext {
  return { text, profile, analysis: run(text, options) };
}

function findingOf(context: FixContext, rule: string): Finding {
  const finding = context.analysis.findings.find((candidate) => candidate.rule === rule);
  assert.ok(finding, `expected a ${rule} finding, got ${rules(context.analysis).join(', ')}`);
  return finding;
}

function fix(id: string): FixDefinition {
  return loadBuiltinProfile().fixes.find((candidate) => candidate.id === id)!;
}

const serveOnHome = (context: FixContext, finding: Finding) => placeOnGroup(context, finding, fix('serve-on-home'));
const addNatsecCustomer = (context: FixContext, finding: Finding) => addValue(context, finding, fix('add-natsec-customer'));

function servedOnHome(text: string, rule = 'api-exclusivity'): string {
  const context = contextOf(text);
  return applyEdits(text, serveOnHome(context, findingOf(context, rule)));
}

/** A profile whose national-security carve-out also covers `government` customers. */
function widerCarveOut(): Profile {
  const profile = structuredClone(loadBuiltinProfile()) as Profile;
  profile.rules.find((rule) => rule.id === 'natsec-carve-out')!.when!.audience = { only: ['us-national-security', 'government'] };
  return profile;
}

function natsec(text: string, profile?: Profile): string {
  const context = contextOf(text, profile);
  return applyEdits(text, addNatsecCustomer(context, findingOf(context, 'api-exclusivity')));
}

const API = 'classification: api\nlaunch: 2025-11-03';

describe('serve-on-home', () => {
  it('replaces the tied cloud in the text and in a flow `served-on`', () => {
    const text = `---\n${API}\nserved-on: [aws]   # regions TBD\n---\nThe API is served from AWS regions.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\nserved-on: [azure]   # regions TBD\n---\nThe API is served from Azure regions.\n`);
    assert.deepEqual(rules(run(servedOnHome(text))), []);
  });

  it('leaves cloud mentions that are not hosting alone, counting offsets in UTF-16 after an emoji', () => {
    const text = `---\n${API}\n---\n🚀 The API runs on AWS, and users sign in with AWS IAM credentials.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\n---\n🚀 The API runs on Azure, and users sign in with AWS IAM credentials.\n`);
  });

  it('replaces an alias with the short name of the home cloud', () => {
    const text = `---\n${API}\n---\nThe endpoint is hosted in Amazon Bedrock.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\n---\nThe endpoint is hosted in Azure.\n`);
  });

  it('drops the finding\'s cloud from a list that already has the home cloud, and keeps the clouds it does not concern', () => {
    const text = `---\n${API}\nserved-on: [aws, azure, gcp]\n---\nThe API is served from AWS regions.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\nserved-on: [azure, gcp]\n---\nThe API is served from Azure regions.\n`);
  });

  it('replaces the finding\'s cloud, and only it, when the home cloud is missing', () => {
    const text = `---\n${API}\nserved-on: [aws, gcp, Bedrock]\n---\nThe API is served from AWS regions.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\nserved-on: [azure, gcp]\n---\nThe API is served from Azure regions.\n`);
  });

  it('edits a block list line by line and keeps CRLF', () => {
    const text = `---\r\nclassification: api\r\nserved-on:\r\n  - gcp\r\n  - azure # primary\r\n  - aws\r\nlaunch: 2025-11-03\r\n---\r\nThe API is served from AWS regions.\r\n`;
    assert.equal(
      servedOnHome(text),
      `---\r\nclassification: api\r\nserved-on:\r\n  - gcp\r\n  - azure # primary\r\nlaunch: 2025-11-03\r\n---\r\nThe API is served from Azure regions.\r\n`,
    );
  });

  it('keeps a cloud in `served-on` that another statement still places the product on, and adds the home cloud', () => {
    const text = `---\n${API}\nserved-on: [aws, gcp]\n---\nThe API is served from AWS regions.\n\nThe batch API also runs on Google Cloud.\n\nIts webhooks run on AWS Lambda.\n`;
    assert.equal(
      servedOnHome(text),
      `---\n${API}\nserved-on: [aws, gcp, azure]\n---\nThe API is served from Azure regions.\n\nThe batch API also runs on Google Cloud.\n\nIts webhooks run on AWS Lambda.\n`,
    );
    const after = run(servedOnHome(text));
    assert.deepEqual(rules(after).filter((rule) => rule === 'declaration-mismatch'), [], 'no new mismatch');
  });

  it('takes the other cloud\'s region ids out with it, rather than leave "Azure in us-east-1"', () => {
    const text = `---\n${API}\n---\nThe endpoint is hosted in Amazon Bedrock in us-east-1 and eu-central-1. Keys are rotated daily.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\n---\nThe endpoint is hosted in Azure. Keys are rotated daily.\n`);
  });

  it('folds clouds joined in one phrase into one home-cloud name', () => {
    const text = `---\n${API}\n---\nThe API is served from AWS and Google Cloud.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\n---\nThe API is served from Azure.\n`);
  });

  it('adds the home cloud when no listed cloud is another one', () => {
    const text = `---\n${API}\nserved-on: []\n---\nThe API is served from AWS regions.\n`;
    assert.equal(servedOnHome(text), `---\n${API}\nserved-on: [azure]\n---\nThe API is served from Azure regions.\n`);
  });

  it('moves a declared first cloud to the home cloud too', () => {
    const text = `---\nclassification: api\nserved-on: [aws]\nships-first-on: aws\nlaunch: 2026-07-01\n---\nThe API is served from AWS regions.\n`;
    assert.equal(
      servedOnHome(text, 'azure-first'),
      `---\nclassification: api\nserved-on: [azure]\nships-first-on: azure\nlaunch: 2026-07-01\n---\nThe API is served from Azure regions.\n`,
    );
  });

  it('fixes a finding on the `served-on` line itself', () => {
    const text = `---\nclassification: api\nserved-on:\n  - aws\nlaunch: 2025-11-03\n---\nThe API answers in 200 ms.\n`;
    assert.equal(servedOnHome(text), `---\nclassification: api\nserved-on:\n  - azure\nlaunch: 2025-11-03\n---\nThe API answers in 200 ms.\n`);
  });
});

describe('add-natsec-customer', () => {
  it('inserts `customers` when the key is missing, and the carve-out then applies', () => {
    const text = `---\n${API}\n---\nThe API is served from AWS GovCloud.\n`;
    const fixed = natsec(text);
    assert.equal(fixed, `---\n${API}\ncustomers: [us-national-security]\n---\nThe API is served from AWS GovCloud.\n`);
    assert.deepEqual(rules(run(fixed)), ['natsec-carve-out']);
  });

  it('fills an empty flow list', () => {
    const text = `---\n${API}\ncustomers: []  # who?\n---\nThe API is served from AWS GovCloud.\n`;
    assert.equal(natsec(text), `---\n${API}\ncustomers: [us-national-security]  # who?\n---\nThe API is served from AWS GovCloud.\n`);
  });

  it('is not offered when other customers would stay, since the carve-out could not apply', () => {
    const context = contextOf(`---\n${API}\ncustomers: [enterprise]\n---\nThe API is served from AWS GovCloud.\n`);
    assert.deepEqual(addNatsecCustomer(context, findingOf(context, 'api-exclusivity')), []);
  });

  it('is not offered when the statement names its own customers', () => {
    const context = contextOf(`---\n${API}\n---\nEnterprise customers call the API on AWS.\n`);
    assert.deepEqual(addNatsecCustomer(context, findingOf(context, 'api-exclusivity')), []);
  });

  it('is not offered under a regime without the carve-out', () => {
    const context = contextOf(`---\nclassification: api\nlaunch: 2025-04-01\n---\nThe API is served from AWS GovCloud.\n`);
    assert.deepEqual(addNatsecCustomer(context, findingOf(context, 'api-exclusivity')), []);
  });

  it('appends to a flow list whose customers the carve-out covers', () => {
    const text = `---\n${API}\ncustomers: [government]\n---\nThe API is served from AWS GovCloud.\n`;
    assert.equal(natsec(text, widerCarveOut()), `---\n${API}\ncustomers: [government, us-national-security]\n---\nThe API is served from AWS GovCloud.\n`);
  });

  it('appends a block list item with the same indentation and line ending', () => {
    const text = `---\r\nclassification: api\r\ncustomers:\r\n   -  government  # federal\r\nlaunch: 2025-11-03\r\n---\r\nThe API is served from AWS GovCloud.\r\n`;
    assert.equal(
      natsec(text, widerCarveOut()),
      `---\r\nclassification: api\r\ncustomers:\r\n   -  government  # federal\r\n   -  us-national-security\r\nlaunch: 2025-11-03\r\n---\r\nThe API is served from AWS GovCloud.\r\n`,
    );
  });

  it('turns a single value into a flow list', () => {
    const text = `---\n${API}\ncustomers: government\n---\nThe API is served from AWS GovCloud.\n`;
    assert.equal(natsec(text, widerCarveOut()), `---\n${API}\ncustomers: [government, us-national-security]\n---\nThe API is served from AWS GovCloud.\n`);
  });
});
