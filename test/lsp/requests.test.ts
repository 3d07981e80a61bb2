/**
 * Carveout's own requests over real LSP: `carveout/documentSummary`,
 * `carveout/regimes`, `carveout/exposureReport` and `carveout/ping`.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import type { DocumentSummary, ExposureReportRequest, RegimeInfo, SeverityCounts, WorkspaceFindingsRequest } from '../../server/src/shared/protocol';
import { CLEAN_SPEC, GCP_SPEC, RUNTIME_SPEC, WAIVER_SPEC } from './fixtures';
import { fileUri, makeWorkspace, withSession } from './lspSession';

const profile = loadBuiltinProfile();
const regimes: RegimeInfo[] = profile.regimes.map((regime) => ({ ...regime }));

function countsUnder(text: string, regime: string): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0, waived: 0 };
  for (const finding of analyze(text, profile, { regime }).findings) {
    if (finding.waivedBy) counts.waived++;
    else counts[finding.severity]++;
  }
  return counts;
}

const workspaces: string[] = [];
after(() => {
  for (const root of workspaces) rmSync(root, { recursive: true, force: true });
});

describe('carveout/documentSummary', () => {
  it('gives the regime and why, the classification, the counts, and every other regime latest first', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      const summary = await session.request<DocumentSummary | null>('carveout/documentSummary', { uri });
      const regime = regimes.find((r) => r.id === '2026-02');
      assert.deepEqual(summary, {
        uri,
        regime: { ...regime, reason: 'launch', date: '2026-03-15' },
        classificationDeclared: true,
        classification: 'api',
        counts: { error: 1, warning: 0, information: 0, hint: 0, waived: 0 },
        comparison: ['2026-04', '2025-10', '2025-01', '2019-07'].map((id) => ({ regime: regimes.find((r) => r.id === id), counts: countsUnder(RUNTIME_SPEC, id) })),
        profile: { id: 'microsoft-openai', title: 'Microsoft–OpenAI cloud terms (public record)', fellBack: false },
      });
    }));

  it('answers null for a document that is not open', () =>
    withSession({}, async (session) => {
      assert.equal(await session.request('carveout/documentSummary', { uri: session.uri('absent.pspec.md') }), null);
    }));

  it('reports the fallback to the built-in profile', async () => {
    const root = makeWorkspace({ '.carveout.yaml': 'regime: [\n' });
    workspaces.push(root);
    await withSession({ folders: [root] }, async (session) => {
      const uri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
      const summary = await session.request<DocumentSummary>('carveout/documentSummary', { uri });
      assert.deepEqual(summary.profile, { id: 'microsoft-openai', title: 'Microsoft–OpenAI cloud terms (public record)', fellBack: true });
    });
  });
});

describe('carveout/regimes', () => {
  it('lists the regimes of the profile for a document and for the workspace', () =>
    withSession({}, async (session) => {
      const uri = await session.open(GCP_SPEC);
      assert.deepEqual(await session.request('carveout/regimes', { uri }), regimes);
      assert.deepEqual(await session.request('carveout/regimes', {}), regimes);
    }));
});

describe('carveout/exposureReport', () => {
  it('walks the workspace, uses the text of open documents, skips node_modules, and counts findings', async () => {
    const root = makeWorkspace({
      'a/runtime.pspec.md': RUNTIME_SPEC,
      'b/gcp.pspec': GCP_SPEC,
      'waivers.pspec.md': WAIVER_SPEC,
      'node_modules/dep/readme.pspec.md': RUNTIME_SPEC,
      'notes.md': RUNTIME_SPEC,
    });
    workspaces.push(root);
    await withSession({ folders: [root] }, async (session) => {
      // The open, unsaved text serves from Azure; the file on disk does not.
      await session.open(CLEAN_SPEC, { uri: fileUri(join(root, 'b', 'gcp.pspec')) });
      const report = await session.request<ExposureReportRequest.Result>('carveout/exposureReport', { today: '2026-05-01' });
      assert.equal(report.specCount, 3);
      assert.equal(report.findingCount, 5);
      const lines = report.markdown.split('\n');
      assert.equal(lines[0], '# Carveout exposure report');
      assert.ok(lines.includes('- Date: 2026-05-01'));
      assert.ok(lines.includes('| `a/runtime.pspec.md` | 2026-02 (launch 2026-03-15) | api | 1 | 0 | 0 | 0 | 0 |'));
      assert.ok(lines.includes('| `b/gcp.pspec` | 2026-02 (launch 2026-03-15) | api | 0 | 0 | 0 | 0 | 0 |'));
      assert.ok(lines.includes('| `waivers.pspec.md` | 2026-02 (launch 2026-03-15) | api | 1 | 1 | 0 | 1 | 1 |'));
      assert.ok(!report.markdown.includes('node_modules'));
    });
  });

  it('walks a workspace folder the client adds later', async () => {
    const first = makeWorkspace({ 'a.pspec.md': GCP_SPEC });
    const second = makeWorkspace({ 'b.pspec.md': GCP_SPEC });
    workspaces.push(first, second);
    await withSession({ folders: [first] }, async (session) => {
      const before = await session.request<ExposureReportRequest.Result>('carveout/exposureReport', { today: '2026-05-01' });
      assert.equal(before.specCount, 1);
      await session.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(second), name: 'second' }], removed: [] } });
      const after = await session.request<ExposureReportRequest.Result>('carveout/exposureReport', { today: '2026-05-01' });
      assert.equal(after.specCount, 2);
      assert.ok(after.markdown.includes('| `second/b.pspec.md` |'));
      // The report is written into the first folder, so a spec of another folder is linked from there.
      assert.ok(after.markdown.includes(`- [\`second/b.pspec.md:6\`](../${basename(second)}/b.pspec.md#L6) `), after.markdown);
    });
  });

  it('answers an empty report when there is no workspace folder', () =>
    withSession({ folders: [] }, async (session) => {
      const report = await session.request<ExposureReportRequest.Result>('carveout/exposureReport', { today: '2026-05-01' });
      assert.equal(report.specCount, 0);
      assert.equal(report.findingCount, 0);
    }));
});

describe('carveout/ping', () => {
  it('is answered at once, with the server idle or with a spec open', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      assert.equal(await session.request<null>('carveout/ping', undefined), null);
      await session.open(RUNTIME_SPEC);
      assert.equal(await session.request<null>('carveout/ping', undefined), null);
    }));
});

describe('carveout/workspaceFindings', () => {
  it('lists the findings of every spec in the workspace, unopened ones too, with regime, clauses and waivers', () => {
    const root = makeWorkspace({
      'specs/runtime.pspec.md': RUNTIME_SPEC,
      'specs/waivers.pspec.md': WAIVER_SPEC,
      'drafts/clean.pspec.md': CLEAN_SPEC,
    });
    workspaces.push(root);
    return withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const result = await session.request<WorkspaceFindingsRequest.Result>('carveout/workspaceFindings', {});
      assert.equal(result.specCount, 3);
      const brief = result.findings.map((finding) => [finding.path, finding.range.start.line, finding.rule, finding.severity, finding.regime, finding.waiver?.status ?? null]);
      assert.deepEqual(brief, [
        ['specs/runtime.pspec.md', 10, 'api-exclusivity', 'error', '2026-02', null],
        ['specs/waivers.pspec.md', 6, 'api-exclusivity', 'error', '2026-02', 'active'],
        ['specs/waivers.pspec.md', 7, 'waiver-expired', 'warning', '2026-02', null],
        ['specs/waivers.pspec.md', 8, 'api-exclusivity', 'error', '2026-02', 'expired'],
        ['specs/waivers.pspec.md', 9, 'waiver-unused', 'hint', '2026-02', null],
      ]);
      assert.deepEqual(result.findings[1].waiver, { approver: 'Dana Lee', approvedOn: '2026-03-02', expires: '2099-09-30', reference: 'LEGAL-1412', status: 'active' });
      assert.ok(result.findings[0].clauses.includes('MSFT-OAI-2026-02-STATELESS'));
      assert.equal(result.clauses['MSFT-OAI-2026-02-STATELESS'], 'Stateless API calls to OpenAI models, including from third-party collaborations such as Amazon, are hosted on Azure');
      assert.equal(result.regimes['2026-02'], 'Stateless APIs stay on Azure');
      assert.equal(result.findings[0].uri, fileUri(join(root, 'specs/runtime.pspec.md')));
    });
  });

  it('sends again only the findings of specs that changed since the listing the client holds', () => {
    const root = makeWorkspace({ 'a.pspec.md': RUNTIME_SPEC, 'b.pspec.md': GCP_SPEC });
    workspaces.push(root);
    return withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const list = (known: Record<string, string>) => session.request<WorkspaceFindingsRequest.Result>('carveout/workspaceFindings', { known });
      const first = await list({});
      assert.deepEqual(first.unchanged, []);
      assert.deepEqual([...new Set(first.findings.map((finding) => finding.path))], ['a.pspec.md', 'b.pspec.md']);
      const again = await list(first.resultIds);
      assert.deepEqual(again.findings, []);
      assert.deepEqual(again.unchanged.sort(), Object.keys(first.resultIds).sort());
      const uri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'b.pspec.md')) });
      await session.change(uri, GCP_SPEC.replace('Google Cloud', 'Oracle Cloud'));
      const edited = await list(again.resultIds);
      assert.deepEqual(edited.unchanged, [fileUri(join(root, 'a.pspec.md'))]);
      assert.deepEqual(edited.findings.map((finding) => [finding.path, finding.message.includes('Oracle')]), [['b.pspec.md', true]]);
      assert.notEqual(edited.resultIds[uri], again.resultIds[uri]);
    });
  });

  it('follows an edit of an open spec', () => {
    const root = makeWorkspace({ 'a.pspec.md': RUNTIME_SPEC, 'b.pspec.md': CLEAN_SPEC });
    workspaces.push(root);
    return withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const rules = async () => (await session.request<WorkspaceFindingsRequest.Result>('carveout/workspaceFindings', {})).findings.map((finding) => `${finding.path}:${finding.rule}`);
      assert.deepEqual(await rules(), ['a.pspec.md:api-exclusivity']);
      const uri = await session.open(CLEAN_SPEC, { uri: fileUri(join(root, 'b.pspec.md')) });
      await session.change(uri, `${CLEAN_SPEC}The batch API also runs on Google Cloud.\n`);
      assert.deepEqual(await rules(), ['a.pspec.md:api-exclusivity', 'b.pspec.md:api-exclusivity', 'b.pspec.md:declaration-mismatch']);
    });
  });
});
