// Quick fixes through VS Code's code-action command, applied with workspace.applyEdit, on a
// copy of api-on-bedrock in a temporary folder (the samples are never edited). The copy is
// reverted and closed without saving.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

const SAMPLE = 'api-on-bedrock.pspec.md';

function isCodeAction(item) {
  return item && typeof item.title === 'string' && !(typeof item.command === 'string');
}

suite('code actions', () => {
  let original;
  let uri;
  suiteSetup(async () => {
    await h.activate();
    original = h.readSample(SAMPLE);
    const dir = h.makeTempFolder({ [SAMPLE]: original });
    uri = vscode.Uri.file(path.join(dir, SAMPLE));
  });
  suiteTeardown(async () => {
    await h.revertAndClose(uri);
    await h.closeAllEditors();
    h.removeTempFolders();
  });

  test('an api-exclusivity error on a sentence that names an API offers serve on Azure (preferred), a waiver and the fix for all three, each once', async () => {
    await h.openAndShow(uri);
    const diagnostics = await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    // The last argument makes VS Code resolve the actions, as it does when the user picks one.
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value, 10))
      .filter(isCodeAction);
    const summary = actions.map((a) => [a.title, a.kind && a.kind.value, a.isPreferred === true]).sort();
    assert.deepStrictEqual(summary, [
      ['Record a waiver for api-exclusivity', 'quickfix', false],
      ['Serve on Azure', 'quickfix', true],
      ['Serve on Azure: every api-exclusivity finding in this file', 'quickfix', false],
    ]);
    for (const action of actions) assert.ok(action.edit, `"${action.title}" carries its edit once resolved`);
  });

  test('no action answers source.fixAll, so codeActionsOnSave cannot rewrite a spec', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const all = new vscode.Range(0, 0, document.lineCount, 0);
    for (const kind of ['source.fixAll', 'source']) {
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, all, kind)).filter(isCodeAction);
      assert.deepStrictEqual(actions.map((a) => a.title).filter((title) => /carveout|Azure|Reclassify|waiver/i.test(title)), [], kind);
    }
  });

  test('"Serve on Azure: every api-exclusivity finding" moves every flagged statement and `served-on`, and nothing else', async () => {
    const document = await h.openAndShow(uri);
    const [first] = await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    const before = document.getText();
    assert.strictEqual(before, original);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, first.range, 'quickfix', 10)).filter(isCodeAction);
    const all = actions.find((a) => a.title === 'Serve on Azure: every api-exclusivity finding in this file');
    assert.ok(all && all.edit, `the rule-wide fix with an edit among: ${actions.map((a) => a.title).join('; ')}`);

    assert.strictEqual(await vscode.workspace.applyEdit(all.edit), true, 'applyEdit succeeded');
    const beforeLines = before.split('\n');
    const afterLines = document.getText().split('\n');
    assert.strictEqual(afterLines.length, beforeLines.length, 'no line added or removed');
    const changed = beforeLines.map((line, i) => (line === afterLines[i] ? null : i)).filter((i) => i !== null);
    assert.deepStrictEqual(changed, [4, 21, 25, 26], 'only served-on and the three flagged statements');
    assert.strictEqual(afterLines[4], 'served-on: [azure]');
    await h.waitForCodes(uri, []);

    await h.revertAndClose(uri);
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), original, 'the copy on disk was never saved');
    assert.strictEqual(h.readSample(SAMPLE), original, 'the sample is untouched');
  });
});
