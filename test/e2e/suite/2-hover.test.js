// Hovers through VS Code's own hover command on the api-on-bedrock sample: the flagged
// statement cites its clauses and carve-outs, front-matter keys and values explain
// themselves, and plain text has nothing from Carveout.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const SAMPLE = 'api-on-bedrock.pspec.md';

suite('hover', () => {
  let uri;
  suiteSetup(async () => {
    await h.activate();
    uri = h.sampleUri(SAMPLE);
    await h.openAndShow(uri);
    // Hovers come from the same analysis; once its diagnostics are in, it exists.
    await h.waitForDiagnostics(uri, (d) => d.length === 3, 'three diagnostics');
  });
  suiteTeardown(() => h.closeAllEditors());

  test('on the flagged sentence: rule, why, cited clauses with quotes, carve-outs and the disclaimer', async () => {
    const hovers = await h.hoverMarkdown(uri, new vscode.Position(21, 10));
    assert.strictEqual(hovers.length, 1, `one hover expected, got ${JSON.stringify(hovers)}`);
    const { range, text } = hovers[0];
    assert.strictEqual(h.rangeText(range), '21:0-21:71', 'the hover covers the flagged statement');
    const lines = text.split('\n');
    assert.strictEqual(lines[0], '**Azure API exclusivity** · `api-exclusivity` · error');
    for (const line of [
      'The API is placed on Amazon Web Services under the 2025-10 terms.',
      '- Words: "endpoint" (surface: api), "hosted in" (hosting), "Amazon Bedrock" (cloud: Amazon Web Services), "in" (hosting), "us-east-1" (cloud: Amazon Web Services), "eu-central-1" (cloud: Amazon Web Services)',
      "- Regime: `2025-10` API / non-API split (2025-10-28 to 2026-02-26), in force on the spec's `launch` date 2025-11-10",
      '**Clauses cited:**',
      '**MSFT-OAI-2025-10-API-EXCL**: Azure API exclusivity continues until AGI',
      '> Microsoft continues to have exclusive IP rights and Azure API exclusivity until Artificial General Intelligence (AGI).',
      '**MSFT-OAI-2025-10-3P-API**: OpenAI may co-develop products with third parties; their API products are Azure-only',
      '> OpenAI can now jointly develop some products with third parties. API products developed with third parties will be exclusive to Azure.',
      'Source: OpenAI, *The next chapter of the Microsoft–OpenAI partnership*, 2025-10-28. Confidence: primary (the wording was checked in the company’s own post).',
      '**Carve-outs that could apply:**',
      '- **US national-security carve-out** (`natsec-carve-out`): MSFT-OAI-2025-10-NATSEC (API access for US government national-security customers on any cloud)',
      '- **Non-API carve-out** (`non-api-carve-out`): MSFT-OAI-2025-10-NON-API (Non-API products may run on any cloud (the central carve-out))',
    ]) {
      assert.ok(lines.includes(line), `the hover lacks the line\n  ${line}\nhover:\n${text}`);
    }
    assert.match(lines[lines.length - 1], /^\*Carveout gives no legal advice/);
  });

  test('on the front-matter key served-on: what it declares and the clouds it takes', async () => {
    const [hover] = await h.hoverMarkdown(uri, new vscode.Position(4, 3));
    assert.ok(hover, 'a hover on the key');
    assert.strictEqual(h.rangeText(hover.range), '4:0-4:9');
    assert.deepStrictEqual(hover.text.split('\n').slice(0, 6), [
      '**`served-on`** (list)',
      '',
      'The clouds the product is served or run on.',
      '',
      'Allowed values, or any of their aliases:',
      '- `azure`: Microsoft Azure (home cloud)',
    ]);
  });

  test('on the launch value: the regime that date falls under', async () => {
    const [hover] = await h.hoverMarkdown(uri, new vscode.Position(6, 10));
    assert.ok(hover, 'a hover on the launch date');
    assert.strictEqual(hover.text.split('\n')[0],
      '**2025-11-10** falls under regime `2025-10` API / non-API split (2025-10-28 to 2026-02-26).');
  });

  test('on a goal that names no cloud: no Carveout hover', async () => {
    const hovers = await h.hoverMarkdown(uri, new vscode.Position(16, 10));
    assert.deepStrictEqual(hovers.filter((hover) => /carveout|MSFT-OAI/i.test(hover.text)), []);
  });
});
