// A broken .carveout.yaml, in a temporary folder outside the samples (removed afterwards):
// the file itself gets an error at the broken spot, a spec next to it is still checked with
// the built-in profile and says so on its first line, in its code lens and in the status
// bar; fixing and saving the file in the editor ends the fallback.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

const BROKEN = 'regime: [2026-04\n';
const FIXED = 'regime: 2026-04\n';
const BUILTIN = 'Microsoft–OpenAI cloud terms (public record)';

suite('broken .carveout.yaml', () => {
  let api;
  let dir;
  let configUri;
  let specUri;
  suiteSetup(async () => {
    api = await h.activate();
    dir = h.makeTempFolder({ '.carveout.yaml': BROKEN, 'bedrock.pspec.md': h.readSample('api-on-bedrock.pspec.md') });
    configUri = vscode.Uri.file(path.join(dir, '.carveout.yaml'));
    specUri = vscode.Uri.file(path.join(dir, 'bedrock.pspec.md'));
  });
  suiteTeardown(async () => {
    await h.revertAndClose(configUri);
    await h.revertAndClose(specUri);
    await h.closeAllEditors();
    h.removeTempFolders();
    assert.ok(!fs.existsSync(dir), 'the temporary folder is gone');
  });

  test('the config file gets a profile-error where its YAML breaks', async () => {
    await h.openAndShow(configUri);
    const [d, ...rest] = await h.waitForDiagnostics(configUri, (found) => found.length > 0, 'a diagnostic in .carveout.yaml');
    assert.deepStrictEqual(rest, []);
    assert.deepStrictEqual([h.codeOf(d), d.severity, h.rangeText(d.range), d.message],
      ['profile-error', vscode.DiagnosticSeverity.Error, '1:0-1:0', 'Flow sequence in block collection must be sufficiently indented and end with a ].']);
  });

  test('a spec beside it is still checked, with the built-in profile, and warns about the fallback', async () => {
    await h.openAndShow(specUri);
    const diagnostics = await h.waitForDiagnostics(specUri, (found) => found.length === 4, 'four diagnostics');
    const [fallback, ...findings] = diagnostics;
    assert.strictEqual(h.codeOf(fallback), 'profile-error');
    assert.strictEqual(fallback.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(h.rangeText(fallback.range), '0:0-0:3');
    assert.strictEqual(fallback.message,
      `${configUri.fsPath} has 1 problem (line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ].), `
      + `so this spec is checked with the built-in profile "${BUILTIN}" and without that file's settings.`);
    assert.deepStrictEqual(fallback.relatedInformation.map((r) => [r.location.uri.toString(), h.rangeText(r.location.range)]),
      [[configUri.toString(), '1:0-1:0']]);
    // The config's regime (2026-04) is dropped with the rest of it: the launch date's regime applies.
    assert.deepStrictEqual(h.codesAt(findings), ['api-exclusivity@21', 'api-exclusivity@25', 'api-exclusivity@26']);

    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', specUri);
    assert.match(lenses[0].command.title, / · built-in profile \(fallback\)$/);
    await h.waitUntil(() => api.status().tooltip.includes('The configured profile has errors; the built-in profile is used instead.'),
      `the fallback in the status bar tooltip (now ${JSON.stringify(api.status().tooltip)})`);
  });

  test('fixing and saving the config in the editor ends the fallback and applies its regime', async () => {
    const config = await vscode.workspace.openTextDocument(configUri);
    const editor = await vscode.window.showTextDocument(config, { preview: false });
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(0, 0, config.lineCount, 0), FIXED)));
    assert.ok(await config.save(), 'saved');
    await h.waitForDiagnostics(configUri, (found) => found.length === 0, 'no diagnostics in the fixed config');
    await h.openAndShow(specUri);
    const diagnostics = await h.waitForCodes(specUri, ['azure-first@21', 'azure-first@25', 'azure-first@26']);
    assert.strictEqual(diagnostics[0].message, 'Products ship first on Azure: the API is placed on Amazon Web Services under the 2026-04 terms.');
  });
});
