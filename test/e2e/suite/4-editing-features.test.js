// Completion in the front matter (an untitled spec named *.pspec.md), the outline and the
// summary code lens of a sample, through VS Code's provider commands.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const DRAFT = [
  '---',
  'product: Frontier',
  'classification: ',
  'served-on: [aws, ]',
  'launch: 2026-03-15',
  'customers: [enterprise]',
  'co',
  '---',
  '# Overview',
  'The API is served from AWS.',
  '',
].join('\n');

async function completionLabels(uri, line, character, trigger) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character), trigger);
  return list.items.map(h.labelOf);
}

suite('completion, outline and code lens', () => {
  let draft;
  suiteSetup(async () => {
    await h.activate();
    // An untitled document is a spec by its name, as the New Spec command names it.
    draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(h.samplesFolder(), 'draft.pspec.md').with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(draft, { preview: false });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), DRAFT));
    // The draft is analysed once the server has it; its diagnostics show that.
    await h.waitForDiagnostics(draft.uri, (d) => d.some((x) => h.codeOf(x) === 'invalid-front-matter'), 'invalid-front-matter on the draft');
  });
  suiteTeardown(async () => {
    if (draft) await h.revertAndClose(draft.uri);
    await h.closeAllEditors();
  });

  test('an untitled spec is checked as it is typed', () => {
    assert.strictEqual(draft.uri.scheme, 'untitled');
    assert.strictEqual(draft.languageId, 'markdown');
    // The half-typed key "co" breaks the YAML, and is an unknown key; the sentence on AWS is
    // judged under today's regime (the launch date cannot be read), so only its line is pinned.
    const codes = h.codesAt(h.carveoutDiagnostics(draft.uri));
    assert.deepStrictEqual(codes.filter((c) => c.startsWith('invalid-front-matter')), ['invalid-front-matter@6', 'invalid-front-matter@6']);
    assert.ok(codes.some((c) => c.endsWith('@9')), `the AWS sentence is flagged: ${codes.join(', ')}`);
  });

  test('offers the front-matter keys that are not there yet', async () => {
    const labels = await completionLabels(draft.uri, 6, 2);
    for (const key of ['co-developed-with', 'ships-first-on']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
    for (const present of ['product', 'classification', 'served-on', 'launch', 'customers']) {
      assert.ok(!labels.includes(present), `${present} is already in the front matter: ${labels.join(', ')}`);
    }
  });

  test('offers the classification values after "classification: "', async () => {
    const labels = await completionLabels(draft.uri, 2, 16, ' ');
    for (const value of ['api', 'non-api', 'hybrid']) assert.ok(labels.includes(value), `${value} in ${labels.join(', ')}`);
  });

  test('offers the clouds not yet listed inside served-on', async () => {
    const labels = await completionLabels(draft.uri, 3, 17, ' ');
    for (const cloud of ['azure', 'gcp', 'oci', 'coreweave', 'on-prem']) assert.ok(labels.includes(cloud), `${cloud} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('aws'), `aws is already listed: ${labels.join(', ')}`);
  });

  test('outlines api-on-bedrock: Carveout\'s front matter keys, then the Markdown headings, each once', async () => {
    const uri = h.sampleUri('api-on-bedrock.pspec.md');
    await h.openAndShow(uri);
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    const shape = (s) => [s.name, s.kind, h.rangeText(s.range), (s.children || []).map((c) => [c.name, c.kind, c.detail || ''])];
    assert.deepStrictEqual(symbols.map(shape), [
      ['front matter', vscode.SymbolKind.Namespace, '0:0-7:3', [
        ['product', vscode.SymbolKind.Property, 'Responses API for Bedrock'],
        ['classification', vscode.SymbolKind.Property, 'api'],
        ['co-developed-with', vscode.SymbolKind.Property, 'Amazon'],
        ['served-on', vscode.SymbolKind.Property, 'aws'],
        ['customers', vscode.SymbolKind.Property, 'enterprise'],
        ['launch', vscode.SymbolKind.Property, '2025-11-10'],
      ]],
      // The built-in Markdown outline, which names a heading with its marks.
      ['# Responses API for Bedrock', vscode.SymbolKind.String, '8:0-38:0', [
        ['## Overview', vscode.SymbolKind.String, ''],
        ['## Goals', vscode.SymbolKind.String, ''],
        ['## Hosting', vscode.SymbolKind.String, ''],
        ['## Developer experience', vscode.SymbolKind.String, ''],
        ['## Launch plan', vscode.SymbolKind.String, ''],
      ]],
    ]);
  });

  test('puts one code lens on line 0 with the regime, classification, counts and the latest terms', async () => {
    const uri = h.sampleUri('api-on-bedrock.pspec.md');
    await h.openAndShow(uri);
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    assert.strictEqual(lenses.length, 1);
    assert.strictEqual(h.rangeText(lenses[0].range), '0:0-0:0');
    assert.strictEqual(lenses[0].command.title,
      'Carveout · regime 2025-10 (launch 2025-11-10) · api · 3 errors, 0 warnings · under 2026-04 terms: 0 errors, 3 warnings');
    assert.strictEqual(lenses[0].command.command, 'carveout.showRegimeComparison');
  });
});
