// The language and the diagnostics of the samples, as the extension host sees them: the
// values are those samples/README.md lists (lines there are 1-based, here 0-based).
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const h = require('./helpers');

const Sev = vscode.DiagnosticSeverity;

/** [code, severity, "line:char-line:char", message] of each diagnostic, in the order VS Code holds them. */
function picture(diagnostics) {
  return diagnostics.map((d) => [h.codeOf(d), d.severity, h.rangeText(d.range), d.message]);
}

suite('language and diagnostics', () => {
  let api;
  suiteSetup(async () => {
    api = await h.activate();
  });
  suiteTeardown(() => h.closeAllEditors());

  test('the extension is active and its server runs', () => {
    assert.strictEqual(vscode.extensions.getExtension(h.EXTENSION_ID).isActive, true);
    assert.strictEqual(api.client.isRunning(), true);
  });

  test('*.pspec.md files are Markdown documents, as README.md is', async () => {
    const specs = await vscode.workspace.findFiles('*.pspec.md');
    const onDisk = fs.readdirSync(h.sampleUri('.').fsPath).filter((name) => name.endsWith('.pspec.md'));
    assert.ok(onDisk.length >= 15);
    assert.strictEqual(specs.length, onDisk.length, `samples found: ${specs.map((u) => u.fsPath).join(', ')}`);
    for (const uri of specs) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.strictEqual(document.languageId, 'markdown', uri.fsPath);
    }
    const readme = await vscode.workspace.openTextDocument(h.sampleUri('README.md'));
    assert.strictEqual(readme.languageId, 'markdown');
  });

  test('api-on-bedrock: three api-exclusivity errors on the sentence and both table rows', async () => {
    const uri = h.sampleUri('api-on-bedrock.pspec.md');
    await h.openAndShow(uri);
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length === 3, 'three diagnostics');
    const message = 'Azure API exclusivity: the API is placed on Amazon Web Services under the 2025-10 terms.';
    assert.deepStrictEqual(picture(diagnostics), [
      ['api-exclusivity', Sev.Error, '21:0-21:71', message],
      ['api-exclusivity', Sev.Error, '25:0-25:34', message],
      ['api-exclusivity', Sev.Error, '26:0-26:35', message],
    ]);
    for (const d of diagnostics) assert.strictEqual(d.source, 'carveout');
    // The evidence words are in the hover; related information is kept for places to jump to,
    // and a contract finding has none, so Problems shows one row per finding.
    for (const d of diagnostics) assert.deepStrictEqual(d.relatedInformation ?? [], []);
  });

  test('natsec-api-on-govcloud: the national-security carve-out is shown as information, no api-exclusivity', async () => {
    const uri = h.sampleUri('natsec-api-on-govcloud.pspec.md');
    await h.openAndShow(uri);
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    const message = 'US national-security carve-out: the API is placed on Amazon Web Services under the 2025-10 terms.';
    assert.deepStrictEqual(picture(diagnostics), [
      ['natsec-carve-out', Sev.Information, '21:72-21:168', message],
      ['natsec-carve-out', Sev.Information, '26:0-26:39', message],
    ]);
  });

  test('declaration-mismatch-non-api-with-endpoint: three warnings where the text contradicts the front matter', async () => {
    const uri = h.sampleUri('declaration-mismatch-non-api-with-endpoint.pspec.md');
    await h.openAndShow(uri);
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    assert.deepStrictEqual(picture(diagnostics), [
      ['declaration-mismatch', Sev.Warning, '21:0-21:58',
        'Statement contradicts the front matter: the text describes an API but the front matter declares `classification: non-api`.'],
      ['declaration-mismatch', Sev.Warning, '21:59-21:126',
        'Statement contradicts the front matter: the text says the product is built with a third party but `co-developed-with` is empty.'],
      ['declaration-mismatch', Sev.Warning, '26:0-26:39',
        'Statement contradicts the front matter: the text puts the product on Google Cloud, which `served-on` does not list.'],
    ]);
  });

  test('exclusive-cloud-plugins-on-aws: the 2019-07 terms flag a search index on AWS, from the middle of line 23', async () => {
    const uri = h.sampleUri('exclusive-cloud-plugins-on-aws.pspec.md');
    await h.openAndShow(uri);
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    const message = 'Azure is the exclusive cloud: the non-API product is placed on Amazon Web Services under the 2019-07 terms.';
    assert.deepStrictEqual(picture(diagnostics), [
      ['exclusive-cloud', Sev.Error, '22:51-22:152', message],
      ['exclusive-cloud', Sev.Error, '27:0-27:36', message],
    ]);
  });

  test('broken-front-matter: one invalid-front-matter error', async () => {
    const uri = h.sampleUri('broken-front-matter.pspec.md');
    await h.openAndShow(uri);
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    assert.deepStrictEqual(picture(diagnostics), [
      ['invalid-front-matter', Sev.Error, '3:0-3:1',
        'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ]);
  });

  test('compliant-azure-first: analysed (its code lens counts nothing) and no diagnostics', async () => {
    const uri = h.sampleUri('compliant-azure-first.pspec.md');
    await h.openAndShow(uri);
    // No diagnostics is also what an unanalysed document has; the code lens proves the server judged it.
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    assert.deepStrictEqual(lenses.map((l) => l.command && l.command.title),
      ['Carveout · regime 2026-04 (launch 2026-08-01) · api · 0 errors, 0 warnings · under 2026-02 terms: 2 errors, 0 warnings']);
    assert.deepStrictEqual(picture(h.carveoutDiagnostics(uri)), []);
  });

  test('the status bar sums up the active spec', async () => {
    const uri = h.sampleUri('api-on-bedrock.pspec.md');
    await h.openAndShow(uri);
    await h.waitForDiagnostics(uri, (d) => d.length === 3, 'three diagnostics');
    const status = await h.waitUntil(() => {
      const s = api.status();
      return s.visible && s.text === '$(law) Carveout: 3 conflicts · regime 2025-10' ? s : null;
    }, `the status bar for api-on-bedrock (now ${JSON.stringify(api.status().text)})`);
    assert.match(status.tooltip, /\| Errors \| 3 \|/);
  });
});
