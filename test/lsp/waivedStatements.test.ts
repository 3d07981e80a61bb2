/**
 * Waived statements stay visible: an inlay hint at each statement a waiver
 * silences, and, with the `carveout.workspaceDiagnostics` setting, the
 * findings of every spec in the workspace through `workspace/diagnostic`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, InlayHint, WorkspaceDiagnosticReport } from 'vscode-languageserver';
import { GCP_SPEC, WAIVER_SPEC } from './fixtures';
import { withSession } from './lspSession';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('waiver inlay hints', () => {
  it('marks the statement an active waiver silences with who waived it and until when, and nothing else', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(WAIVER_SPEC);
      const hints = await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
      const statement = 'The API is served from AWS regions.';
      assert.equal(WAIVER_SPEC.split('\n')[6], statement);
      assert.deepEqual(
        hints.map((hint) => [hint.position, hint.label, hint.paddingLeft]),
        [[{ line: 6, character: statement.length }, 'waived by Dana Lee, until 2099-09-30', true]],
      );
      const tooltip = hints[0].tooltip as { kind: string; value: string };
      assert.equal(tooltip.kind, 'markdown');
      assert.match(tooltip.value, /`api-exclusivity` waived/);
      assert.match(tooltip.value, /Approved by Dana Lee on 2026-03-02/);
      assert.match(tooltip.value, /Ref LEGAL-1412/);
    }));

  it('asks the client to refresh the hints when the settings change, since a waiver may then silence other findings', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      await session.open(WAIVER_SPEC);
      const before = session.countServerRequests('workspace/inlayHint/refresh');
      await session.setSettings({ regime: '2026-04' });
      await session.waitFor('an inlay hint refresh', () => session.countServerRequests('workspace/inlayHint/refresh') > before);
    }));

  it('gives no hint outside the requested range', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(WAIVER_SPEC);
      const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
      assert.deepEqual(await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    }));
});

describe('workspace diagnostics', () => {
  it('are off by default', () =>
    withSession({ pull: true }, async (session) => {
      assert.deepEqual(session.initializeResult.capabilities.diagnosticProvider, { identifier: 'carveout', interFileDependencies: false, workspaceDiagnostics: false });
    }));

  it('with the setting on, list every spec that is not open, then answer unchanged for files that did not change', () =>
    withSession({ pull: true, settings: { debounceMs: 0 }, initializationOptions: { workspaceDiagnostics: true } }, async (session) => {
      assert.deepEqual(session.initializeResult.capabilities.diagnosticProvider, { identifier: 'carveout', interFileDependencies: false, workspaceDiagnostics: true });
      const closed = session.writeFile('specs/gcp.pspec.md', GCP_SPEC);
      const open = session.writeFile('specs/open.pspec.md', GCP_SPEC);
      session.writeFile('notes.md', GCP_SPEC);
      await session.open(GCP_SPEC, { uri: open });

      const first = await session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      assert.deepEqual(first.items.map((item) => [item.uri, item.kind]), [[closed, 'full']]);
      const report = first.items[0] as { items: Diagnostic[]; resultId: string; version: null };
      assert.equal(report.version, null);
      assert.deepEqual(report.items.map((d) => [d.code, d.range.start.line]), [['api-exclusivity', 5]]);

      const second = await session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri: closed, value: report.resultId }] });
      assert.deepEqual(second.items, [{ kind: 'unchanged', uri: closed, version: null, resultId: report.resultId }]);
    }));
});
