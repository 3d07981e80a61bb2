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
const RECLASSIFY = 'Reclassify as non-API (classification: non-api)';

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

  test('an api-exclusivity error offers reclassify, serve on Azure (preferred), a waiver and the fix for all three', async () => {
    await h.openAndShow(uri);
    const diagnostics = await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value))
      .filter(isCodeAction);
    const summary = actions.map((a) => [a.title, a.kind && a.kind.value, a.isPreferred === true]).sort();
    assert.deepStrictEqual(summary, [
      [RECLASSIFY, 'quickfix', false],
      ['Record a waiver for api-exclusivity', 'quickfix', false],
      ['Serve on Azure', 'quickfix', true],
      ['Serve on Azure: all 3 api-exclusivity findings in this file', 'quickfix', false],
    ]);
    for (const action of actions) assert.ok(action.edit, `"${action.title}" carries its edit`);
  });

  test('source.fixAll.carveout is offered for the whole file', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const all = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, all, 'source.fixAll.carveout')).filter(isCodeAction);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind.value]), [['Fix all Carveout findings with their preferred fix', 'source.fixAll.carveout']]);
  });

  test('"Reclassify as non-API" changes only the classification line, then the text that describes an API is a declaration-mismatch', async () => {
    const document = await h.openAndShow(uri);
    const [first] = await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    const before = document.getText();
    assert.strictEqual(before, original);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, first.range, 'quickfix')).filter(isCodeAction);
    const reclassify = actions.find((a) => a.title === RECLASSIFY);
    assert.ok(reclassify && reclassify.edit, `"${RECLASSIFY}" with an edit among: ${actions.map((a) => a.title).join('; ')}`);

    assert.strictEqual(await vscode.workspace.applyEdit(reclassify.edit), true, 'applyEdit succeeded');
    const after = document.getText();
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    assert.strictEqual(afterLines.length, beforeLines.length, 'no line added or removed');
    const changed = beforeLines.map((line, i) => (line === afterLines[i] ? null : [i, line, afterLines[i]])).filter(Boolean);
    assert.deepStrictEqual(changed, [[2, 'classification: api', 'classification: non-api']]);
    assert.strictEqual(document.isDirty, true);

    // The fix edits only what it names: the API sentences stay, still off Azure, and now
    // also contradict the declared classification.
    const diagnostics = await h.waitForCodes(uri, [
      'api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26',
      'declaration-mismatch@12', 'declaration-mismatch@17', 'declaration-mismatch@21', 'declaration-mismatch@25', 'declaration-mismatch@26',
    ]);
    const mismatch = diagnostics.find((d) => h.codeOf(d) === 'declaration-mismatch' && d.range.start.line === 21);
    assert.strictEqual(mismatch.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(mismatch.message,
      'Statement contradicts the front matter: the text describes an API but the front matter declares `classification: non-api`.');

    await h.revertAndClose(uri);
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), original, 'the copy on disk was never saved');
    assert.strictEqual(h.readSample(SAMPLE), original, 'the sample is untouched');
  });
});
