/**
 * Front-matter fixes: `classify-non-api` and `declare-first-party`, applied to
 * real specs, with the exact text they produce. Edits must keep line endings,
 * comments and key order, and touch only the value they name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/fixes/applyEdits';
import type { FixContext } from '../../server/src/fixes/fixTypes';
import { setKey } from '../../server/src/fixes/setKey';
import type { FixDefinition } from '../../server/src/profile/profileTypes';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import type { Finding } from '../../server/src/core/types';
import { rules, run } from './testSupport';

/** A fix of the built-in profile by id. */
function fix(id: string): FixDefinition {
  return loadBuiltinProfile().fixes.find((candidate) => candidate.id === id)!;
}

/** The built-in `set-key` fixes: `classification: non-api` and `co-developed-with: []`. */
const classifyNonApi = (context: FixContext, finding: Finding) => setKey(context, finding, fix('classify-non-api'));
const NO_FINDING: Finding = { rule: 'stateful-runtime', severity: 'warning', message: '', span: { start: 0, end: 0 }, clauses: [], carveOuts: [], evidence: [], facts: [] };
const declareFirstParty = (context: FixContext) => setKey(context, NO_FINDING, fix('declare-first-party'));

function contextOf(text: string): FixContext {
  return { text, profile: loadBuiltinProfile(), analysis: run(text) };
}

/** The fix for the spec's first finding, or for a finding that rests on no words when the spec has none. */
function classifyEdits(text: string) {
  const context = contextOf(text);
  const finding: Finding = context.analysis.findings[0] ?? { rule: 'api-exclusivity', severity: 'error', message: '', span: { start: 0, end: 0 }, clauses: [], carveOuts: [], evidence: [], facts: [] };
  return classifyNonApi(context, finding);
}

function classified(text: string): string {
  return applyEdits(text, classifyEdits(text));
}

function firstParty(text: string): string {
  return applyEdits(text, declareFirstParty(contextOf(text)));
}

const BODY = 'The product is served from AWS regions.\n';

describe('classify-non-api', () => {
  it('replaces only the value and keeps the comment after it', () => {
    const text = `---\nproduct: Atlas\nclassification: api   # note\nlaunch: 2025-11-03\n---\n${BODY}`;
    assert.equal(classified(text), `---\nproduct: Atlas\nclassification: non-api   # note\nlaunch: 2025-11-03\n---\n${BODY}`);
  });

  it('keeps CRLF line endings', () => {
    const text = `---\r\nclassification: hybrid\r\nlaunch: 2025-11-03\r\n---\r\n${BODY.replace('\n', '\r\n')}`;
    assert.equal(classified(text), `---\r\nclassification: non-api\r\nlaunch: 2025-11-03\r\n---\r\nThe product is served from AWS regions.\r\n`);
  });

  it('replaces a quoted value whole', () => {
    const text = `---\nclassification: "api"\n---\n${BODY}`;
    assert.equal(classified(text), `---\nclassification: non-api\n---\n${BODY}`);
  });

  it('fills a key written without a value, before its comment', () => {
    const text = `---\nclassification: # to decide\nlaunch: 2025-11-03\n---\n${BODY}`;
    assert.equal(classified(text), `---\nclassification: non-api # to decide\nlaunch: 2025-11-03\n---\n${BODY}`);
  });

  it('adds the key as the last line of the front matter when it is missing', () => {
    const text = `---\nproduct: Atlas\nserved-on: [aws]  # for now\n---\n${BODY}`;
    assert.equal(classified(text), `---\nproduct: Atlas\nserved-on: [aws]  # for now\nclassification: non-api\n---\n${BODY}`);
  });

  it('adds the key to a CRLF front matter with a CRLF line', () => {
    const text = `---\r\nproduct: Atlas\r\n---\r\nThe product is served from AWS regions.\r\n`;
    assert.equal(classified(text), `---\r\nproduct: Atlas\r\nclassification: non-api\r\n---\r\nThe product is served from AWS regions.\r\n`);
  });

  it('adds the key to an empty front matter', () => {
    const text = `---\n---\n${BODY}`;
    assert.equal(classified(text), `---\nclassification: non-api\n---\n${BODY}`);
  });

  it('writes a front matter at the top of a spec that has none', () => {
    assert.equal(classified(`# Atlas\n\n${BODY}`), `---\nclassification: non-api\n---\n# Atlas\n\n${BODY}`);
    assert.equal(classified(`# Atlas\r\n${BODY}`), `---\r\nclassification: non-api\r\n---\r\n# Atlas\r\n${BODY}`);
  });

  it('keeps a byte-order mark first', () => {
    assert.equal(classified(`\uFEFF${BODY}`), `\uFEFF---\nclassification: non-api\n---\n${BODY}`);
  });

  it('counts offsets in UTF-16 code units when an emoji comes before the value', () => {
    const text = `---\nproduct: 🚀 Rocket 🛰️\nclassification: api\n---\n${BODY}`;
    assert.equal(classified(text), `---\nproduct: 🚀 Rocket 🛰️\nclassification: non-api\n---\n${BODY}`);
  });

  it('changes nothing when the spec is already non-API', () => {
    assert.deepEqual(classifyEdits(`---\nclassification: non-api\n---\n${BODY}`), []);
  });

  it('does not add a key to a front matter that never closes', () => {
    assert.deepEqual(classifyEdits(`---\nproduct: Atlas\n${BODY}`), []);
  });

  it('is not offered where the statement\'s own words name an API, which no label changes', () => {
    const text = `---\nclassification: api\nlaunch: 2025-11-03\n---\nDevelopers call the REST endpoint on AWS.\n`;
    assert.deepEqual(rules(run(text)), ['api-exclusivity']);
    assert.deepEqual(classifyEdits(text), []);
  });

  it('clears the finding when nothing in the text names an API', () => {
    const text = `---\nclassification: api\nlaunch: 2025-11-03\n---\n${BODY}`;
    assert.deepEqual(rules(run(text)), ['api-exclusivity']);
    assert.deepEqual(rules(run(classified(text))), ['non-api-carve-out']);
  });
});

describe('declare-first-party', () => {
  it('empties a flow list and keeps its comment', () => {
    const text = `---\nco-developed-with: [Amazon]   # joint\nlaunch: 2026-03-15\n---\n${BODY}`;
    assert.equal(firstParty(text), `---\nco-developed-with: []   # joint\nlaunch: 2026-03-15\n---\n${BODY}`);
  });

  it('turns a block list into an empty flow list on the key line', () => {
    const text = `---\r\nco-developed-with:\r\n  - Amazon\r\n  - Google\r\nlaunch: 2026-03-15\r\n---\r\n`;
    assert.equal(firstParty(text), `---\r\nco-developed-with: []\r\nlaunch: 2026-03-15\r\n---\r\n`);
  });

  it('keeps a comment written after the key of a block list', () => {
    const text = `---\nco-developed-with:   # partners\n  - Amazon\nlaunch: 2026-03-15\n---\n`;
    assert.equal(firstParty(text), `---\nco-developed-with:   # partners\n  []\nlaunch: 2026-03-15\n---\n`);
    assert.deepEqual(run(firstParty(text)).frontMatter!.entries[0].values, []);
  });

  it('adds the key when it is missing', () => {
    const text = `---\nproduct: Atlas\n---\n${BODY}`;
    assert.equal(firstParty(text), `---\nproduct: Atlas\nco-developed-with: []\n---\n${BODY}`);
  });

  it('changes nothing when the product is already declared first-party', () => {
    assert.deepEqual(declareFirstParty(contextOf(`---\nco-developed-with: []\n---\n${BODY}`)), []);
    assert.deepEqual(declareFirstParty(contextOf(`---\nco-developed-with:\n---\n${BODY}`)), []);
  });
});
