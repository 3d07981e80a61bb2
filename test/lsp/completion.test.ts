/**
 * Completion over real LSP: front-matter keys not yet present, values from
 * the profile (enums, clouds, customers, a date snippet), also inside flow
 * and block lists, rule ids in waiver comments, and nothing elsewhere.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { range } from './fixtures';
import { LspSession } from './lspSession';

const SPEC = [
  '---',
  'product: Frontier',
  'classification: ',
  'served-on: [aws, ]',
  'launch: ',
  'customers:',
  '  - ',
  'co',
  '---',
  '# Overview',
  '<!-- carveout-waive  -->',
  '<!-- carveout-waive api-exclusivity,  -->',
  'The API is served from AWS.',
  '',
].join('\n');

const profile = loadBuiltinProfile();
/** Every rule a waiver can silence: all but the checks of waivers themselves, in profile order. */
const CONTRACT_AND_DOCUMENT_RULES = profile.rules.map((rule) => rule.id).filter((id) => !id.startsWith('waiver-'));

describe('completion', () => {
  let session: LspSession;
  let uri: string;

  before(async () => {
    session = await LspSession.start({ settings: { debounceMs: 0 } });
    uri = await session.open(SPEC);
  });
  after(() => session.dispose());

  it('opens the value list after a key only where the profile knows values, never after a free-text key', async () => {
    const blank = await session.open('---\n\n---\nBody.\n', { name: 'blank.pspec.md' });
    const items = await session.completion(blank, { line: 1, character: 0 });
    const reopens = (label: string) => items.find((item) => item.label === label)?.command?.command;
    assert.equal(reopens('product'), undefined, 'a free-text key opens no list');
    assert.equal(reopens('served-on'), 'editor.action.triggerSuggest');
    assert.equal(reopens('classification'), 'editor.action.triggerSuggest');
    assert.equal(reopens('launch'), 'editor.action.triggerSuggest', 'a date key offers today');
  });

  it('offers the front-matter keys not yet present, with their descriptions, at the start of a line', async () => {
    const items = await session.completion(uri, { line: 7, character: 2 });
    assert.deepEqual(
      items.map((item) => item.label),
      ['co-developed-with', 'ships-first-on'],
    );
    const description = profile.frontMatter.find((key) => key.key === 'co-developed-with')?.description;
    assert.deepEqual(items[0].documentation, { kind: 'plaintext', value: description });
    assert.deepEqual(items[0].textEdit, { range: range(7, 0, 7, 2), newText: 'co-developed-with: ' });
  });

  it('offers enum values after "classification: "', async () => {
    const items = await session.completion(uri, { line: 2, character: 16 }, ' ');
    assert.deepEqual(
      items.map((item) => [item.label, item.textEdit]),
      ['api', 'non-api', 'hybrid'].map((value) => [value, { range: range(2, 16, 2, 16), newText: value }]),
    );
  });

  it('offers the clouds not yet listed inside a flow list', async () => {
    const items = await session.completion(uri, { line: 3, character: 17 }, ' ');
    const clouds = profile.vocabulary.clouds.filter((cloud) => cloud.id !== 'aws');
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      clouds.map((cloud) => [cloud.id, cloud.name]),
    );
    assert.deepEqual(items[0].textEdit, { range: range(3, 17, 3, 17), newText: clouds[0].id });
  });

  it('offers a YYYY-MM-DD snippet and today for the launch date', async () => {
    const items = await session.completion(uri, { line: 4, character: 8 }, ' ');
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(
      items.map((item) => [item.label, item.insertTextFormat, item.textEdit]),
      [
        ['YYYY-MM-DD', 2, { range: range(4, 8, 4, 8), newText: '${1:YYYY}-${2:MM}-${3:DD}' }],
        [today, undefined, { range: range(4, 8, 4, 8), newText: today }],
      ],
    );
  });

  it('offers customer segments in a block list item under customers', async () => {
    const items = await session.completion(uri, { line: 6, character: 4 }, ' ');
    assert.deepEqual(
      items.map((item) => item.label),
      Object.keys(profile.vocabulary.customers),
    );
  });

  it('offers rule ids with their titles in a waiver comment, except the waiver checks', async () => {
    const items = await session.completion(uri, { line: 10, character: 20 }, ' ');
    assert.deepEqual(
      items.map((item) => item.label),
      CONTRACT_AND_DOCUMENT_RULES,
    );
    assert.equal(items[2].detail, 'Azure API exclusivity');
    assert.deepEqual(items[2].textEdit, { range: range(10, 20, 10, 20), newText: 'api-exclusivity' });
  });

  it('leaves out rule ids the waiver already names', async () => {
    const items = await session.completion(uri, { line: 11, character: 37 }, ' ');
    assert.deepEqual(
      items.map((item) => item.label),
      CONTRACT_AND_DOCUMENT_RULES.filter((rule) => rule !== 'api-exclusivity'),
    );
  });

  it('offers nothing in headings and body text', async () => {
    assert.deepEqual(await session.completion(uri, { line: 9, character: 10 }), []);
    assert.deepEqual(await session.completion(uri, { line: 12, character: 8 }, ' '), []);
    assert.deepEqual(await session.completion(uri, { line: 1, character: 17 }), []);
  });

  it('offers nothing for a position past the end of the document', async () => {
    assert.deepEqual(await session.completion(uri, { line: 40, character: 0 }), []);
  });
});
