// The regime pickers (Select Regime, and Compare Regimes as the code lens opens it) focus
// the choice in force, so that Enter alone writes no setting; and Compare Regimes is in the
// command palette without a spec open. Settings go to samples/.vscode/settings.json, which
// is removed afterwards.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const SAMPLE = 'api-on-bedrock.pspec.md';

/** The workspace value of carveout.regime as the settings file holds it. */
function workspaceRegime() {
  return vscode.workspace.getConfiguration('carveout').inspect('regime').workspaceValue;
}

/**
 * Runs a command that shows a quick pick and presses Enter in it without moving the focus.
 * The picker opens after a server request, so Enter is pressed again until the command ends.
 */
async function runAndPressEnter(command, ...args) {
  let done = false;
  const running = vscode.commands.executeCommand(command, ...args).finally(() => {
    done = true;
  });
  await h.waitUntil(async () => {
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return done;
  }, `${command} to end on Enter`);
  return running;
}

suite('regime controls', () => {
  let uri;
  suiteSetup(async () => {
    await h.activate();
    uri = h.sampleUri(SAMPLE);
  });
  teardown(async () => {
    await h.resetWorkspaceSetting('carveout', 'regime');
  });
  suiteTeardown(async () => {
    await h.closeAllEditors();
  });

  test('Enter alone in Select Regime keeps Automatic and writes nothing', async () => {
    await h.openAndShow(uri);
    const result = await runAndPressEnter('carveout.selectRegime');
    assert.strictEqual(result, undefined);
    assert.strictEqual(workspaceRegime(), undefined);
  });

  test('Enter alone in Select Regime keeps a regime that is set', async () => {
    await vscode.workspace.getConfiguration('carveout').update('regime', '2025-10', vscode.ConfigurationTarget.Workspace);
    await h.openAndShow(uri);
    const result = await runAndPressEnter('carveout.selectRegime');
    assert.strictEqual(result, undefined);
    assert.strictEqual(workspaceRegime(), '2025-10');
  });

  test('clicking the code lens and pressing Enter keeps the spec under its own regime and writes nothing', async () => {
    await h.openAndShow(uri);
    await h.waitForCodes(uri, ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command && l.command.command === 'carveout.showRegimeComparison');
    assert.ok(lens, 'the spec has the regime code lens');
    const result = await runAndPressEnter(lens.command.command, ...(lens.command.arguments || []));
    assert.strictEqual(result, undefined);
    assert.strictEqual(workspaceRegime(), undefined);
  });

  test('Compare Regimes is in the command palette without a spec open', () => {
    const packageJson = vscode.extensions.getExtension(h.EXTENSION_ID).packageJSON;
    const palette = (packageJson.contributes.menus || {}).commandPalette || [];
    const entry = palette.find((item) => item.command === 'carveout.showRegimeComparison');
    assert.ok(!entry || entry.when === undefined, `Compare Regimes is hidden from the palette when: ${entry && entry.when}`);
  });
});
