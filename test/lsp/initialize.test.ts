/**
 * The server's answer to `initialize`: what it offers, and how it depends on
 * the client's support for pull diagnostics.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withSession } from './lspSession';

const COMMON = {
  textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
  completionProvider: { triggerCharacters: [' ', '[', ','], resolveProvider: false },
  documentSymbolProvider: { label: 'Carveout' },
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: false },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

describe('initialize', () => {
  it('offers every feature and pushes diagnostics to a client without pull support', () =>
    withSession({}, async (session) => {
      assert.deepEqual(session.initializeResult, { capabilities: COMMON, serverInfo: { name: 'carveout' } });
    }));

  it('offers pull diagnostics to a client that supports textDocument/diagnostic', () =>
    withSession({ pull: true }, async (session) => {
      assert.deepEqual(session.initializeResult.capabilities, {
        ...COMMON,
        diagnosticProvider: { identifier: 'carveout', interFileDependencies: false, workspaceDiagnostics: false },
      });
    }));

  it('works over node IPC, as the VS Code client starts it', () =>
    withSession({ transport: 'ipc', settings: { debounceMs: 0 } }, async (session) => {
      assert.deepEqual(session.initializeResult, { capabilities: COMMON, serverInfo: { name: 'carveout' } });
      const uri = await session.open('---\nclassification: api\nlaunch: 2026-03-15\n---\nThe API is served from AWS.\n');
      const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => d.code), ['api-exclusivity']);
    }));

  it('asks for the carveout section per document, with the document as scope', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open('# Title\n');
      const request = await session.waitForServerRequest('workspace/configuration');
      assert.deepEqual(request.params, { items: [{ scopeUri: uri, section: 'carveout' }] });
    }));

  it('uses the settings pushed with didChangeConfiguration by a client without workspace/configuration', () =>
    withSession({ capabilities: { workspace: { configuration: false } } }, async (session) => {
      await session.notify('workspace/didChangeConfiguration', { settings: { carveout: { regime: '2026-04', debounceMs: 0 } } });
      const uri = await session.open('---\nclassification: api\nlaunch: 2026-03-15\n---\nThe API is served from AWS.\n');
      const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => d.code), ['azure-first']);
      assert.equal(session.countServerRequests('workspace/configuration'), 0);
    }));
});
