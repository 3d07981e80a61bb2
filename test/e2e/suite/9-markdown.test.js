// A spec stays Markdown: its language is `markdown`, so the Markdown preview and the
// Markdown extensions people use (they select documents by that language) work on it,
// while Carveout still checks it by its name.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const SAMPLE = 'api-on-bedrock.pspec.md';

function markdownPreviewTabs() {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));
}

suite('a spec stays Markdown', () => {
  let uri;
  suiteSetup(async () => {
    await h.activate();
    uri = h.sampleUri(SAMPLE);
  });
  suiteTeardown(() => h.closeAllEditors());

  test('its languageId is markdown, so a Markdown extension\'s selector matches it, and Carveout checks it', async () => {
    const document = await h.openAndShow(uri);
    assert.strictEqual(document.languageId, 'markdown');
    assert.ok(vscode.languages.match({ language: 'markdown' }, document) > 0);
    await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
  });

  test('the Markdown preview opens on it', async () => {
    await h.openAndShow(uri);
    assert.strictEqual(markdownPreviewTabs().length, 0, 'no preview before the command');
    await vscode.commands.executeCommand('markdown.showPreview');
    const [tab] = await h.waitUntil(() => {
      const tabs = markdownPreviewTabs();
      return tabs.length > 0 ? tabs : undefined;
    }, 'a Markdown preview tab');
    assert.match(tab.label, /api-on-bedrock\.pspec\.md/);
  });

  test('a plain Markdown file is not checked', async () => {
    const readme = h.sampleUri('README.md');
    await h.openAndShow(readme);
    // The spec's diagnostics arriving shows the server is answering; README's stay empty.
    await h.openAndShow(uri);
    await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    assert.deepStrictEqual(h.carveoutDiagnostics(readme), []);
  });
});
