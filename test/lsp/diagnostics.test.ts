/**
 * Diagnostics over real LSP, pushed and pulled: exact ranges, codes,
 * severities and related information; updates on edits, settings changes
 * and saves; the size limit; waivers.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import {
  CLEAN_SPEC,
  coreMessage,
  GCP_SPEC,
  range,
  RUNTIME_FLAGGED_LINE,
  RUNTIME_FLAGGED_SENTENCE,
  RUNTIME_SPEC,
  WAIVER_SPEC,
} from './fixtures';
import { fileUri, makeWorkspace, withSession, type LspSession } from './lspSession';

function expectedRuntimeDiagnostic(): Diagnostic {
  const line = RUNTIME_FLAGGED_LINE;
  return {
    range: range(line, 0, line, RUNTIME_FLAGGED_SENTENCE.length),
    severity: 1,
    code: 'api-exclusivity',
    source: 'carveout',
    message: coreMessage(RUNTIME_SPEC, 'api-exclusivity'),
    codeDescription: { href: `${pathToFileURL(RULES_DOC).href}#api-exclusivity` },
    // The clauses in force under the 2026-02 regime of the spec's launch date, for the Markdown preview.
    data: { clauses: ['MSFT-OAI-2026-02-STATELESS', 'MSFT-OAI-2026-02-NO-CHANGE', 'MSFT-OAI-2025-10-API-EXCL', 'MSFT-OAI-2025-10-3P-API', 'MSFT-OAI-2025-01-API-EXCL'] },
  };
}

const RULES_DOC = resolve(__dirname, '../../docs/rules.md');

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}

for (const pull of [false, true]) {
  const mode = pull ? 'pull' : 'push';

  describe(`diagnostics (${mode})`, () => {
    it('reports an API served from AWS with the statement range, rule id, severity, and no row per evidence word', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(RUNTIME_SPEC);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        assert.deepEqual(diagnostics, [expectedRuntimeDiagnostic()]);
      }));

    it('links each finding\'s code to its rule\'s section of the shipped rules reference', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(WAIVER_SPEC);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        const reference = readFileSync(RULES_DOC, 'utf8');
        for (const diagnostic of diagnostics) {
          const href = diagnostic.codeDescription?.href ?? '';
          assert.ok(href.startsWith(`${pathToFileURL(RULES_DOC).href}#`), href);
          assert.ok(reference.includes(`## \`${diagnostic.code}\``), `the reference has a section for ${diagnostic.code}`);
          assert.equal(href.split('#')[1], String(diagnostic.code));
        }
      }));

    it('links a waiver problem to the statement the waiver stands over', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(WAIVER_SPEC);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        const expired = diagnostics.find((d) => d.code === 'waiver-expired');
        assert.deepEqual(expired?.relatedInformation?.map((item) => [item.location.range.start.line, item.message]), [[8, 'the statement this waiver stands over']]);
        assert.equal(diagnostics.find((d) => d.code === 'api-exclusivity')?.relatedInformation, undefined);
      }));

    it('links a contradiction to the front-matter lines it contradicts', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const text = ['---', 'classification: non-api', 'served-on: [azure]', '---', 'Partners call a REST endpoint that is hosted on AWS.', ''].join('\n');
        const uri = await session.open(text);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        assert.deepEqual(codes(diagnostics), ['declaration-mismatch']);
        assert.deepEqual(
          diagnostics[0].relatedInformation!.map((item) => `${item.location.range.start.line}: ${item.message}`),
          ['1: front matter: classification: non-api', '2: front matter: served-on: azure'],
        );
      }));

    it('clears the diagnostic after an incremental edit moves serving to Azure', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(RUNTIME_SPEC);
        await session.waitForDiagnostics(uri, (d) => d.length === 1);
        const line = RUNTIME_FLAGGED_LINE;
        await session.change(uri, [
          { range: range(4, 12, 4, 15), text: 'azure' },
          { range: range(line, 27, line, 30), text: 'Azure' },
        ]);
        assert.deepEqual(await session.waitForDiagnostics(uri, (d) => d.length === 0), []);
      }));

    it('judges under the carveout.regime setting after didChangeConfiguration', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(GCP_SPEC);
        assert.deepEqual(codes(await session.waitForDiagnostics(uri, (d) => d.length > 0)), ['api-exclusivity']);
        await session.setSettings({ debounceMs: 0, regime: '2026-04' });
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0 && d[0].code === 'azure-first', { version: 1 });
        assert.deepEqual(
          diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
          [['azure-first', 2, range(5, 0, 5, 36), coreMessage(GCP_SPEC, 'azure-first', { regime: '2026-04' })]],
        );
      }));

    it('warns on the first line when carveout.regime names no regime of the profile, and judges by the launch date', () =>
      withSession({ pull, settings: { debounceMs: 0, regime: '1999-01' } }, async (session) => {
        const uri = await session.open(GCP_SPEC);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length === 2);
        assert.deepEqual(diagnostics[0], {
          range: range(0, 0, 0, 3),
          severity: 2,
          code: 'settings-error',
          source: 'carveout',
          message:
            'The carveout.regime setting "1999-01" is not a regime of the profile "Microsoft–OpenAI cloud terms (public record)" (2019-07, 2025-01, 2025-10, 2026-02, 2026-04), so it is ignored.',
        });
        assert.equal(diagnostics[1].code, 'api-exclusivity');
      }));

    it('does not check a spec larger than carveout.maxFileSize and says why in one information diagnostic', () =>
      withSession({ pull, settings: { debounceMs: 0, maxFileSize: 100 } }, async (session) => {
        const uri = await session.open(RUNTIME_SPEC);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        assert.deepEqual(diagnostics, [
          {
            range: range(0, 0, 0, 3),
            severity: 3,
            code: 'not-checked',
            source: 'carveout',
            message: `Carveout did not check this spec: it has ${RUNTIME_SPEC.length} characters, more than the carveout.maxFileSize setting allows (100).`,
          },
        ]);
      }));

    it('publishes waiver problems but not the findings a valid waiver silences', () =>
      withSession({ pull, settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(WAIVER_SPEC);
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        assert.deepEqual(
          diagnostics.map((d) => [d.code, d.severity, d.range, d.tags]),
          [
            ['waiver-expired', 2, range(7, 0, 7, 108), undefined],
            ['api-exclusivity', 1, range(8, 0, 8, 41), undefined],
            ['waiver-unused', 4, range(9, 0, 9, 114), [1]],
          ],
        );
      }));
  });
}

describe('diagnostics per workspace folder', () => {
  it('asks for settings per document, so each folder of a multi-root workspace keeps its own regime', () => {
    const roots = [makeWorkspace({}), makeWorkspace({})];
    const [plain, latest] = roots;
    return withSession(
      {
        folders: roots,
        settingsFor: (scopeUri) => (scopeUri?.startsWith(fileUri(latest)) ? { debounceMs: 0, regime: '2026-04' } : { debounceMs: 0 }),
      },
      async (session) => {
        const first = await session.open(GCP_SPEC, { uri: fileUri(join(plain, 'gcp.pspec.md')) });
        const second = await session.open(GCP_SPEC, { uri: fileUri(join(latest, 'gcp.pspec.md')) });
        assert.deepEqual(codes(await session.waitForDiagnostics(first, (d) => d.length > 0)), ['api-exclusivity']);
        assert.deepEqual(codes(await session.waitForDiagnostics(second, (d) => d.length > 0)), ['azure-first']);
      },
    ).finally(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  });
});

describe('diagnostics (push) timing', () => {
  it('debounces typing: only the last of several quick edits is published', () =>
    withSession({ settings: { debounceMs: 150 } }, async (session) => {
      const uri = await session.open(GCP_SPEC);
      await session.waitForDiagnostics(uri, (d) => d.length === 1);
      await session.change(uri, GCP_SPEC.replace('Google Cloud', 'AWS'));
      await session.change(uri, GCP_SPEC.replace('Google Cloud', 'Oracle Cloud'));
      const last = await session.change(uri, GCP_SPEC.replace('Google Cloud', 'Azure'));
      assert.deepEqual(await session.waitForDiagnostics(uri, (d) => d.length === 0), []);
      const versions = session.published.filter((p) => p.uri === uri).map((p) => p.version);
      assert.deepEqual(versions, [1, last]);
    }));

  it('with run: onSave, keeps the opened diagnostics while typing and publishes the saved text', () =>
    withSession({ settings: { debounceMs: 0, run: 'onSave' } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      await session.waitForDiagnostics(uri, (d) => d.length === 1);
      await session.change(uri, CLEAN_SPEC);
      const saved = await session.change(uri, GCP_SPEC);
      await session.save(uri);
      const diagnostics = await session.waitForDiagnostics(uri, undefined, { version: saved });
      assert.deepEqual(codes(diagnostics), ['api-exclusivity']);
      assert.deepEqual(diagnostics[0].range, range(5, 0, 5, 36));
      assert.deepEqual(
        session.published.filter((p) => p.uri === uri).map((p) => p.version),
        [1, saved],
      );
    }));

  it('clears diagnostics when the document closes', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(GCP_SPEC);
      await session.waitForDiagnostics(uri, (d) => d.length === 1);
      await session.close(uri);
      await session.waitFor('an empty publish', () => {
        const last = session.lastPublished(uri);
        return last !== undefined && last.version === undefined && last.diagnostics.length === 0;
      });
    }));
});

describe('diagnostics (pull) protocol', () => {
  async function openAndPull(session: LspSession, text: string) {
    const uri = await session.open(text);
    const report = await session.pullDiagnostics(uri);
    assert.equal(report.kind, 'full');
    return { uri, report };
  }

  it('answers unchanged for the result id of the current version', () =>
    withSession({ pull: true, settings: { debounceMs: 0 } }, async (session) => {
      const { uri, report } = await openAndPull(session, GCP_SPEC);
      assert.ok(report.resultId);
      assert.deepEqual(await session.pullDiagnostics(uri, report.resultId), { kind: 'unchanged', resultId: report.resultId });
      await session.change(uri, CLEAN_SPEC);
      const changed = await session.pullDiagnostics(uri, report.resultId);
      assert.equal(changed.kind, 'full');
      assert.notEqual(changed.resultId, report.resultId);
    }));

  it('with run: onSave, keeps answering for the saved text until the save, then asks the client to refresh', () =>
    withSession({ pull: true, settings: { debounceMs: 0, run: 'onSave' } }, async (session) => {
      const { uri, report } = await openAndPull(session, GCP_SPEC);
      assert.equal(report.kind === 'full' && report.items.length, 1);
      await session.change(uri, CLEAN_SPEC);
      const typing = await session.pullDiagnostics(uri);
      assert.deepEqual(typing.kind === 'full' && codes(typing.items), ['api-exclusivity']);
      const refreshes = session.countServerRequests('workspace/diagnostic/refresh');
      await session.save(uri);
      await session.waitFor('a refresh after the save', () => session.countServerRequests('workspace/diagnostic/refresh') > refreshes);
      const saved = await session.pullDiagnostics(uri);
      assert.deepEqual(saved.kind === 'full' && saved.items, []);
    }));

  it('asks the client to refresh when the settings change', () =>
    withSession({ pull: true, settings: { debounceMs: 0 } }, async (session) => {
      await openAndPull(session, GCP_SPEC);
      const before = session.countServerRequests('workspace/diagnostic/refresh');
      await session.setSettings({ regime: '2026-04' });
      await session.waitFor('a diagnostic refresh', () => session.countServerRequests('workspace/diagnostic/refresh') > before);
    }));

  it('answers RequestCancelled when the client cancels a pull that waits for typing to settle', () =>
    withSession({ pull: true, settings: { debounceMs: 60_000 } }, async (session) => {
      const uri = await session.open(GCP_SPEC);
      await session.change(uri, CLEAN_SPEC);
      const pending = session.cancellableRequest('textDocument/diagnostic', { textDocument: { uri } });
      pending.cancel();
      await assert.rejects(pending.result, (error: { code?: number }) => error.code === -32800);
      // The server still answers: the outline of the front matter.
      const after = await session.documentSymbols(uri);
      assert.equal(after.length, 1);
    }));
});
