// Waived statements stay visible: an inlay hint names who waived a statement and until
// when; and with carveout.workspaceDiagnostics on, a spec that is not open is listed in
// Problems. The setting is changed in the user settings of this test profile and restored.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const h = require('./helpers');

const WAIVED = 'waiver-approved-api-on-aws.pspec.md';
const UNOPENED = 'workspace-check.e2e.pspec.md';
const GCP = '---\nclassification: api\nlaunch: 2026-03-15\n---\n# Hosting\nThe API is served from Google Cloud.\n';

function labelText(hint) {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

suite('waived statements', () => {
  let api;
  suiteSetup(async () => {
    api = await h.activate();
  });
  suiteTeardown(async () => {
    fs.rmSync(h.sampleUri(UNOPENED).fsPath, { force: true });
    await vscode.workspace.getConfiguration('carveout').update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Global);
    // The setting restarts the server; later suites need it running.
    await h.waitUntil(() => api.client && api.client.isRunning(), 'the restarted Carveout server');
    await h.closeAllEditors();
  });

  test('a waived statement carries an inlay hint with the approver and the expiry', async () => {
    const uri = h.sampleUri(WAIVED);
    const document = await h.openAndShow(uri);
    const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, document.lineCount, 0));
    const ours = hints.filter((hint) => labelText(hint).startsWith('waived by'));
    assert.deepStrictEqual(ours.map((hint) => [hint.position.line, labelText(hint)]), [[24, 'waived by Priya Raman, until 2027-09-30']]);
  });

  test('with carveout.workspaceDiagnostics on, a spec that is not open is in Problems', async () => {
    const uri = h.sampleUri(UNOPENED);
    fs.writeFileSync(uri.fsPath, GCP);
    await vscode.workspace.getConfiguration('carveout').update('workspaceDiagnostics', true, vscode.ConfigurationTarget.Global);
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the diagnostics of the unopened spec');
    assert.deepStrictEqual(h.codesAt(diagnostics), ['api-exclusivity@5']);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the spec was never opened');
  });
});
