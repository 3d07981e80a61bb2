/**
 * Bad documents over real LSP: malformed YAML, binary bytes, 5 MB, emoji
 * with CRLF line ends, an empty file. None may crash the server; each gets
 * sensible diagnostics, and a later request still answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { coreMessage, range } from './fixtures';
import { LspSession } from './lspSession';

function brief(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => [d.code, d.severity, d.range]);
}

describe('bad documents', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start({ settings: { debounceMs: 0 } });
  });
  after(() => session.dispose());

  /** Proves the server is alive and answering after each bad document. */
  async function stillAnswers(): Promise<void> {
    const uri = await session.open('---\nproduct: Still here\n---\n', { name: `alive-${Date.now()}-${Math.random()}.pspec.md` });
    const symbols = await session.documentSymbols(uri);
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail]), [['front matter', 'Still here']]);
    assert.ok(session.alive);
  }

  it('reports malformed front-matter YAML where it breaks and still checks the body', async () => {
    const text = '---\nclassification: [api\nlaunch: 2026-03-15\n---\n# X\nThe API is served from AWS.\n';
    const uri = await session.open(text, { name: 'malformed.pspec.md' });
    const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(brief(diagnostics), [
      ['invalid-front-matter', 1, range(2, 0, 2, 1)],
      ['api-exclusivity', 1, range(5, 0, 5, 27)],
    ]);
    assert.equal(diagnostics[0].message, coreMessage(text, 'invalid-front-matter'));
    await stillAnswers();
  });

  it('reports an unclosed front matter at its opening fence', async () => {
    const uri = await session.open('---\nproduct: Half\n', { name: 'unclosed.pspec.md' });
    const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(brief(diagnostics), [['invalid-front-matter', 1, range(0, 0, 0, 3)]]);
    await stillAnswers();
  });

  it('does not analyse binary bytes and says so, as the CLI refuses them', async () => {
    const bytes = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256));
    const uri = await session.open('---\nclassification: api\n---\nThe API is served from AWS regions.\n' + bytes.toString('latin1') + '\u0000\uFFFD\uD800', {
      name: 'binary.pspec.md',
    });
    const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(brief(diagnostics), [['not-checked', 3, range(0, 0, 0, 3)]]);
    assert.equal(diagnostics[0].message, 'Carveout did not check this spec: it contains NUL bytes, so it is not a text spec.');
    assert.deepEqual(await session.codeLenses(uri), [{ range: range(0, 0, 0, 0), command: { title: 'Carveout · not checked: not a text spec', command: '' } }]);
    assert.ok(Array.isArray(await session.foldingRanges(uri)));
    await stillAnswers();
  });

  it('does not analyse a 5 MB spec and says so', async () => {
    const text = '---\nclassification: api\n---\n' + 'The API is served from AWS regions. '.repeat(Math.ceil((5 * 1024 * 1024) / 36));
    const uri = await session.open(text, { name: 'huge.pspec.md' });
    const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(brief(diagnostics), [['not-checked', 3, range(0, 0, 0, 3)]]);
    assert.deepEqual(await session.documentSymbols(uri), []);
    await stillAnswers();
  });

  it('counts ranges in UTF-16 code units through emoji and CRLF line ends, also for incremental edits', async () => {
    const text = '---\r\nclassification: api\r\nlaunch: 2026-03-15\r\n---\r\n# 🚀 Launch\r\nThe 🚀 API is served from AWS regions.\r\n';
    const uri = await session.open(text, { name: 'emoji.pspec.md' });
    const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(brief(diagnostics), [['api-exclusivity', 1, range(5, 0, 5, 38)]]);
    await session.change(uri, [{ range: range(5, 26, 5, 29), text: 'Azure' }]);
    assert.deepEqual(await session.waitForDiagnostics(uri, (d) => d.length === 0), []);
    await session.change(uri, [{ range: range(5, 26, 5, 31), text: 'GCP' }]);
    const again = await session.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(brief(again), [['api-exclusivity', 1, range(5, 0, 5, 38)]]);
    // The fix replaces exactly the word "GCP", found after the emoji and both edits.
    const actions = (await session.codeActions(uri, again[0].range, { diagnostics: again, only: ['quickfix'] })) as CodeAction[];
    const serve = actions.find((action) => action.title === 'Serve on Azure');
    const edits = serve?.edit?.documentChanges?.flatMap((change) => ('edits' in change ? change.edits : [])) ?? [];
    assert.deepEqual(edits.map((edit) => edit.range), [range(5, 26, 5, 29)]);
  });

  it('handles an empty file', async () => {
    const uri = await session.open('', { name: 'empty.pspec.md' });
    assert.deepEqual(await session.waitForDiagnostics(uri), []);
    assert.deepEqual(await session.documentSymbols(uri), []);
    assert.deepEqual(await session.foldingRanges(uri), []);
    assert.deepEqual(await session.completion(uri, { line: 0, character: 0 }), []);
    const lenses = await session.codeLenses(uri);
    assert.match(lenses[0].command?.title ?? '', /^Carveout · regime \S+ \(today\) · classification undetermined · 0 errors, 0 warnings/);
    await stillAnswers();
  });

  it('answers safe defaults for documents it never saw', async () => {
    const uri = session.uri('never-opened.pspec.md');
    assert.deepEqual(await session.documentSymbols(uri), []);
    assert.deepEqual(await session.foldingRanges(uri), []);
    assert.deepEqual(await session.codeLenses(uri), []);
    assert.deepEqual(await session.completion(uri, { line: 0, character: 0 }), []);
    assert.equal(await session.hover(uri, { line: 0, character: 0 }), null);
  });

  it('logs no errors for any of the above', () => {
    assert.deepEqual(
      session.logs.filter((line) => line.includes('failed') || line.includes('uncaught')),
      [],
    );
  });
});
