/**
 * Outline, folding and the summary code lens over real LSP, with exact
 * ranges and lens titles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { range, RUNTIME_SPEC } from './fixtures';
import { LspSession, withSession } from './lspSession';

const OUTLINE_SPEC = [
  '---',
  'product: Atlas',
  'classification: non-api',
  'launch: 2026-03-15',
  '---',
  '# Atlas',
  'Atlas is a desktop app.',
  '',
  '## Hosting',
  'The app is hosted on AWS.',
  '<!--',
  'Reviewer notes',
  '-->',
  '',
  '### Regions',
  '- us-east-1',
  '',
  '## Pricing',
  'Flat fee.',
  '',
  '# Appendix',
  'Nothing here.',
  '',
].join('\n');

describe('outline and folding', () => {
  let session: LspSession;
  let uri: string;

  before(async () => {
    session = await LspSession.start({ settings: { debounceMs: 0 } });
    uri = await session.open(OUTLINE_SPEC);
  });
  after(() => session.dispose());

  it('names an empty front-matter key with a placeholder, since VS Code rejects a symbol without a name', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const emptyKeyUri = await session.open('---\n: stray value\nproduct: Atlas\n---\nBody.\n');
      const [frontMatter] = await session.documentSymbols(emptyKeyUri);
      assert.deepEqual(frontMatter.children?.map((child) => [child.name, child.detail]), [
        ['(empty key)', 'stray value'],
        ['product', 'Atlas'],
      ]);
    }));

  it('lists the front matter as a namespace of keys, and leaves the headings to the Markdown outline', async () => {
    const symbols = await session.documentSymbols(uri);
    const key = (name: string, line: number, detail: string) => ({
      name,
      detail,
      kind: 7,
      range: range(line, 0, line, name.length + 2 + detail.length),
      selectionRange: range(line, 0, line, name.length),
    });
    assert.deepEqual(symbols, [
      {
        name: 'front matter',
        detail: 'Atlas',
        kind: 3,
        range: range(0, 0, 4, 3),
        selectionRange: range(0, 0, 0, 3),
        children: [key('product', 1, 'Atlas'), key('classification', 2, 'non-api'), key('launch', 3, '2026-03-15')],
      },
    ]);
  });

  it('folds the front matter, each section and a multi-line comment', async () => {
    assert.deepEqual(await session.foldingRanges(uri), [
      { startLine: 0, endLine: 4 },
      { startLine: 5, endLine: 18 },
      { startLine: 8, endLine: 15 },
      { startLine: 10, endLine: 12, kind: 'comment' },
      { startLine: 14, endLine: 15 },
      { startLine: 17, endLine: 18 },
      { startLine: 20, endLine: 21 },
    ]);
  });
});

describe('code lens', () => {
  it('sums up regime, classification and counts, and compares with the latest regime', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      assert.deepEqual(await session.codeLenses(uri), [
        {
          range: range(0, 0, 0, 0),
          command: {
            title: 'Carveout · regime 2026-02 (launch 2026-03-15) · api · 1 error, 0 warnings · under 2026-04 terms: 0 errors, 1 warning',
            command: 'carveout.showRegimeComparison',
            arguments: [uri],
          },
        },
      ]);
    }));

  it('compares with the regime before when the spec is already judged under the latest, and says when it is inferred', () =>
    withSession({ settings: { debounceMs: 0, regime: '2026-04' } }, async (session) => {
      const uri = await session.open('The API is served from AWS regions.\n');
      const lenses = await session.codeLenses(uri);
      assert.equal(lenses[0].command?.title, 'Carveout · regime 2026-04 (chosen in settings) · api (inferred) · 0 errors, 1 warning · under 2026-02 terms: 1 error, 0 warnings');
    }));

  it('shows information findings and the as-of date when they apply', () =>
    withSession({ settings: { debounceMs: 0, asOfDate: '2025-12-01' } }, async (session) => {
      const uri = await session.open(OUTLINE_SPEC);
      const lenses = await session.codeLenses(uri);
      assert.equal(lenses[0].command?.title, 'Carveout · regime 2025-10 (as of 2025-12-01) · non-api · 0 errors, 0 warnings, 1 info · under 2026-04 terms: 0 errors, 1 warning');
    }));

  it('leaves out the regime comparison on a spec longer than 100,000 characters', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC + 'Plain text.\n'.repeat(9000));
      const lenses = await session.codeLenses(uri);
      assert.equal(lenses[0].command?.title, 'Carveout · regime 2026-02 (launch 2026-03-15) · api · 1 error, 0 warnings');
      const summary = await session.request<{ comparison: unknown[] }>('carveout/documentSummary', { uri });
      assert.deepEqual(summary.comparison, []);
    }));

  it('says a spec over the size limit was not checked', () =>
    withSession({ settings: { debounceMs: 0, maxFileSize: 10 } }, async (session) => {
      const uri = await session.open(OUTLINE_SPEC);
      assert.deepEqual(await session.codeLenses(uri), [
        { range: range(0, 0, 0, 0), command: { title: 'Carveout · not checked: larger than carveout.maxFileSize', command: '' } },
      ]);
    }));
});
