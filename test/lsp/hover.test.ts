/**
 * Hovers over real LSP: on a flagged statement (rule, evidence, regime,
 * clauses, carve-outs, disclaimer), on front-matter keys and values, and
 * after an edit, when the hover must follow the new text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { CLEAN_SPEC, range, RUNTIME_FLAGGED_LINE, RUNTIME_FLAGGED_SENTENCE, RUNTIME_SPEC } from './fixtures';
import { withSession } from './lspSession';

function markdownLines(hover: Hover | null): string[] {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value.split('\n');
}

describe('hover', () => {
  it('explains a flagged statement: rule, why, regime, clauses, carve-outs and the disclaimer', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      await session.waitForDiagnostics(uri, (found) => found.length > 0);
      const hover = await session.hover(uri, { line: RUNTIME_FLAGGED_LINE, character: 20 });
      assert.deepEqual(hover?.range, range(RUNTIME_FLAGGED_LINE, 0, RUNTIME_FLAGGED_LINE, RUNTIME_FLAGGED_SENTENCE.length));
      const lines = markdownLines(hover);
      assert.equal(lines[0], '**Azure API exclusivity** · `api-exclusivity` · error');
      const why = lines.indexOf('**Why:**');
      assert.deepEqual(lines.slice(why, why + 4), [
        '**Why:**',
        '- Words: "served from" (hosting), "AWS" (cloud: Amazon Web Services)',
        '- Front matter: `customers: [enterprise]`, `served-on: [aws]`, `classification: api`',
        "- Regime: `2026-02` Stateless APIs stay on Azure (2026-02-27 to 2026-04-26), in force on the spec's `launch` date 2026-03-15",
      ]);
      const stateless = lines.indexOf(
        '**MSFT-OAI-2026-02-STATELESS**: Stateless API calls to OpenAI models, including from third-party collaborations such as Amazon, are hosted on Azure',
      );
      assert.ok(stateless > why, 'the stateless-API clause is cited');
      assert.deepEqual(lines.slice(stateless + 2, stateless + 5), [
        '> Azure remains the exclusive cloud provider of stateless OpenAI APIs… Any stateless API calls to OpenAI models that result from a collaboration between OpenAI and any third party—including Amazon—would be hosted on Azure.',
        '',
        'Source: Microsoft and OpenAI, *Joint statement*, 2026-02-27. Confidence: reported (the wording is quoted by third-party coverage of the post).',
      ]);
      assert.equal(lines[stateless + 6], 'Superseded on 2026-04-27 by `2026-04` (Any cloud, Azure first).');
      assert.ok(lines.includes('- **US national-security carve-out** (`natsec-carve-out`): MSFT-OAI-2025-10-NATSEC (API access for US government national-security customers on any cloud); MSFT-OAI-2026-03-NATSEC-CLOUDS (Agreement updated to allow rival clouds in selling to national-security customers)'));
      assert.match(lines[lines.length - 1], /^\*Carveout gives no legal advice/);
    }));

  it('orders the hover for the carveout.audience setting: fixes first for an author, clauses first for a reviewer', async () => {
    const firstBlock = async (audience?: 'author' | 'reviewer') =>
      withSession({ settings: { debounceMs: 0, ...(audience ? { audience } : {}) } }, async (session) => {
        const uri = await session.open(RUNTIME_SPEC);
        await session.waitForDiagnostics(uri, (found) => found.length > 0);
        return markdownLines(await session.hover(uri, { line: RUNTIME_FLAGGED_LINE, character: 20 }))[4];
      });
    assert.equal(await firstBlock(), '**What you can do** (Quick Fix, Ctrl+.):');
    assert.equal(await firstBlock('reviewer'), '**Clauses cited:**');
  });

  it('explains a front-matter key and a value', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      await session.waitForDiagnostics(uri, (found) => found.length > 0);
      const onKey = await session.hover(uri, { line: 4, character: 3 });
      assert.deepEqual(onKey?.range, range(4, 0, 4, 9));
      const keyLines = markdownLines(onKey);
      assert.deepEqual(keyLines.slice(0, 5), ['**`served-on`** (list)', '', 'The clouds the product is served or run on.', '', 'Allowed values, or any of their aliases:']);
      assert.ok(keyLines.includes('- `azure`: Microsoft Azure (home cloud)'));
      const onValue = await session.hover(uri, { line: 2, character: 17 });
      assert.deepEqual(markdownLines(onValue).slice(0, 1), ['**classification: api**']);
      const onLaunch = await session.hover(uri, { line: 6, character: 10 });
      assert.equal(markdownLines(onLaunch)[0], '**2026-03-15** falls under regime `2026-02` Stateless APIs stay on Azure (2026-02-27 to 2026-04-26).');
    }));

  it('follows the text after an edit and has nothing to say on a clean statement', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      await session.waitForDiagnostics(uri, (found) => found.length > 0);
      await session.change(uri, CLEAN_SPEC);
      await session.waitForDiagnostics(uri, (found) => found.length === 0);
      assert.equal(await session.hover(uri, { line: RUNTIME_FLAGGED_LINE, character: 20 }), null);
      assert.equal(await session.hover(uri, { line: 8, character: 3 }), null);
    }));
});
