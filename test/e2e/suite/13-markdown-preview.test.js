// The built-in Markdown preview marks a spec's flagged statements: rendered through the
// Markdown extension's own engine (markdown.api.render), with Carveout's markdown-it plugin.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

suite('Markdown preview', () => {
  suiteSetup(() => h.activate());
  suiteTeardown(() => h.closeAllEditors());

  test('a flagged table row is marked as an error, with its rule and clauses in the tooltip', async () => {
    const uri = h.sampleUri('api-on-bedrock.pspec.md');
    const document = await h.openAndShow(uri);
    await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    const html = await vscode.commands.executeCommand('markdown.api.render', document);
    assert.match(html, /<tr[^>]*class="[^"]*carveout-flagged carveout-error"[^>]*title="api-exclusivity: Azure API exclusivity[^"]*\[MSFT-OAI-2025-10-API-EXCL/, html.slice(0, 3000));
    assert.strictEqual((html.match(/carveout-flagged/g) || []).length, 3, 'the sentence and both table rows');
  });

  test('a plain Markdown file is not marked', async () => {
    const uri = h.sampleUri('README.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const html = await vscode.commands.executeCommand('markdown.api.render', document);
    assert.ok(!html.includes('carveout-flagged'));
  });
});
