// Help to start: the New Spec command writes the commented front-matter template into an
// untitled spec that Carveout checks at once, and the walkthrough's steps and pages ship
// with the extension.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

suite('getting started', () => {
  let created;
  suiteSetup(() => h.activate());
  suiteTeardown(async () => {
    if (created) await h.revertAndClose(created);
    await h.closeAllEditors();
  });

  test('Carveout: New Spec opens an untitled new-spec.pspec.md with the commented template, and it is checked', async () => {
    await vscode.commands.executeCommand('carveout.newSpec');
    const document = vscode.window.activeTextEditor && vscode.window.activeTextEditor.document;
    assert.ok(document, 'an editor is open');
    created = document.uri;
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.strictEqual(path.basename(document.uri.path), 'new-spec.pspec.md');
    assert.strictEqual(document.languageId, 'markdown');
    const lines = document.getText().split('\n');
    assert.strictEqual(lines[0], '---');
    for (const key of ['product', 'classification', 'co-developed-with', 'served-on', 'customers', 'launch']) {
      const line = lines.find((l) => l.startsWith(`${key}:`));
      assert.ok(line, `the template declares ${key}`);
    }
    assert.ok(lines.some((l) => l.startsWith('# ships-first-on:')), 'the optional key is there, commented out');
    assert.ok(lines.filter((l) => /#\s/.test(l)).length >= 5, 'the keys are explained in comments');
    // Checked: the server answers with its code lens for the untitled spec.
    const lenses = await h.waitUntil(async () => {
      const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    }, 'the code lens on the new spec');
    assert.match(lenses[0].command.title, /^Carveout · regime /);
  });

  test('the walkthrough explains spec, regime, finding, fix and waiver, with pages that ship in the package', () => {
    const extension = vscode.extensions.getExtension(h.EXTENSION_ID);
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((step) => step.id), ['spec', 'regime', 'finding', 'fix', 'waiver']);
    for (const step of walkthrough.steps) {
      const page = path.join(extension.extensionPath, step.media.markdown);
      assert.ok(fs.existsSync(page), `${step.media.markdown} exists`);
    }
  });
});
