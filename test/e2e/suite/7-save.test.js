// Saving a spec never rewrites it. Many users carry the ESLint-style setting
// "editor.codeActionsOnSave": {"source.fixAll": "explicit"}; with it, Ctrl+S on a spec with
// findings must save exactly the text in the editor. The spec is a copy of a sample inside
// the samples folder, so the workspace setting applies to it; the copy and the workspace
// settings file are removed afterwards.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const h = require('./helpers');

const SAMPLE = 'api-on-bedrock.pspec.md';
const COPY = 'save-check.e2e.pspec.md';

suite('saving', () => {
  let uri;
  suiteSetup(async () => {
    await h.activate();
    uri = h.sampleUri(COPY);
    fs.writeFileSync(uri.fsPath, h.readSample(SAMPLE));
  });
  suiteTeardown(async () => {
    await h.revertAndClose(uri);
    await h.closeAllEditors();
    fs.rmSync(uri.fsPath, { force: true });
    await h.resetWorkspaceSetting('editor', 'codeActionsOnSave');
  });

  test('with "source.fixAll" on explicit save, Ctrl+S saves a spec with findings byte for byte as it is in the editor', async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    const document = await h.openAndShow(uri);
    await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    // An edit of its own makes the save a real one, as after typing.
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);
    await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), '\n'));
    const before = document.getText();

    await vscode.commands.executeCommand('workbench.action.files.save');
    await h.waitUntil(() => !document.isDirty, 'the save to finish');

    assert.strictEqual(document.getText(), before, 'the editor text changed on save');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), before, 'the saved file differs from the editor text before the save');
  });
});
