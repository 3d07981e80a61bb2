// The carveout.regime setting, changed through the configuration API as the Settings editor
// would: the open spec is judged again under the chosen regime, and again under its launch
// date once the setting is removed. The user (global) settings of this test profile are
// used, so no settings file is written into the samples folder.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const SAMPLE = 'api-on-bedrock.pspec.md';
const AS_SAMPLED = ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26'];

suite('settings', () => {
  let uri;
  let previous;
  suiteSetup(async () => {
    await h.activate();
    uri = h.sampleUri(SAMPLE);
    previous = vscode.workspace.getConfiguration('carveout').inspect('regime').globalValue;
  });
  suiteTeardown(async () => {
    // Always restore, even when a test failed half-way.
    await vscode.workspace.getConfiguration('carveout').update('regime', previous, vscode.ConfigurationTarget.Global);
    await h.closeAllEditors();
  });

  test('carveout.regime = 2019-07 turns the API findings into exclusive-cloud errors, and removing it restores them', async () => {
    await h.openAndShow(uri);
    await h.waitForCodes(uri, AS_SAMPLED);

    await vscode.workspace.getConfiguration('carveout').update('regime', '2019-07', vscode.ConfigurationTarget.Global);
    const diagnostics = await h.waitForCodes(uri, ['exclusive-cloud@21', 'exclusive-cloud@25', 'exclusive-cloud@26']);
    for (const d of diagnostics) {
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
      assert.strictEqual(d.message, 'Azure is the exclusive cloud: the API is placed on Amazon Web Services under the 2019-07 terms.');
    }
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    assert.match(lenses[0].command.title, /^Carveout · regime 2019-07 \(chosen in settings\) · api · 3 errors, 0 warnings/);

    await vscode.workspace.getConfiguration('carveout').update('regime', undefined, vscode.ConfigurationTarget.Global);
    await h.waitForCodes(uri, AS_SAMPLED);
  });
});
