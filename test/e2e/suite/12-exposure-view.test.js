// The Exposure view lists the findings of every spec in the workspace (samples/), opened or
// not, grouped by regime and clause, with waived findings under their waiver, and follows a
// spec that changes on disk.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const h = require('./helpers');

const UNOPENED = 'exposure-unopened.e2e.pspec.md';
const ADDED = 'exposure-view.e2e.pspec.md';
const ADDED_SPEC = '---\nclassification: api\nlaunch: 2026-03-15\n---\n# Hosting\nThe batch API is served from Google Cloud.\n';

suite('Exposure view', () => {
  let api;
  suiteSetup(async () => {
    // A spec no editor has ever opened: only the server's walk of the workspace can find it.
    fs.writeFileSync(h.sampleUri(UNOPENED).fsPath, ADDED_SPEC);
    api = await h.activate();
    await h.closeAllEditors();
  });
  suiteTeardown(() => {
    for (const name of [UNOPENED, ADDED]) fs.rmSync(h.sampleUri(name).fsPath, { force: true });
  });

  test('the view is contributed to its own activity-bar container and opens', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.carveout');
    await vscode.commands.executeCommand('carveout.exposure.focus');
  });

  test('lists findings of specs that are not open, by regime, clause and waiver', async () => {
    const lines = await api.exposure();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.fileName.endsWith(UNOPENED)), 'the spec was never opened');
    assert.ok(lines.some((line) => line.endsWith(`— ${UNOPENED}:6`)), lines.join('\n'));
    const regimes = lines.filter((line) => line.startsWith('Regime '));
    assert.ok(regimes.some((line) => line.startsWith('Regime 2025-10 —')), regimes.join('\n'));
    // api-on-bedrock's three API statements sit under the 2025-10 API clause of the 2025-10 regime.
    const regime = lines.findIndex((line) => line.startsWith('Regime 2025-10 —'));
    const clause = lines.findIndex((line, index) => index > regime && line.startsWith('  MSFT-OAI-2025-10-API-EXCL —'));
    assert.ok(clause >= 0, lines.join('\n'));
    const under = [];
    for (let i = clause + 1; i < lines.length && lines[i].startsWith('    '); i++) under.push(lines[i].trim());
    for (const line of [22, 26, 27]) assert.ok(under.some((entry) => entry.endsWith(`— api-on-bedrock.pspec.md:${line}`)), `api-on-bedrock.pspec.md:${line} under the clause:\n${under.join('\n')}`);
    // The approved waiver's sample: the finding it silences is under the waiver, with the reviewer and the expiry.
    const waiver = lines.findIndex((line) => line.trim().startsWith('Waived by Priya Raman until 2027-09-30 — ref LEGAL-1412'));
    assert.ok(waiver >= 0, lines.join('\n'));
    assert.match(lines[waiver + 1], /— waiver-approved-api-on-aws\.pspec\.md:\d+$/);
  });

  test('follows a spec added on disk', async () => {
    const before = await api.exposure();
    assert.ok(!before.some((line) => line.includes(ADDED)));
    fs.writeFileSync(h.sampleUri(ADDED).fsPath, ADDED_SPEC);
    const after = await h.waitUntil(async () => {
      const lines = await api.exposure();
      return lines.some((line) => line.endsWith(`— ${ADDED}:6`)) ? lines : null;
    }, 'the added spec in the Exposure view');
    assert.ok(after.some((line) => line.startsWith('Regime 2026-02 —')), after.join('\n'));
  });
});
