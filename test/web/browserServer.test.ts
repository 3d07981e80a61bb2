/**
 * The browser server bundle (dist/browserServer.js) in a Web Worker of
 * headless Chromium, driven over postMessage as vscode.dev's client drives
 * it. It must answer as the Node server does (diagnostics, hover, quick
 * fixes, the exposure report), read profiles and `.carveout.yaml` through
 * the client, keep a config's files inside the workspace, and say plainly
 * what it cannot read in a browser.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { DocumentSummaryRequest, ExposureReportRequest } from '../../server/src/shared/protocol';
import { fileUri, makeWorkspace, withSession, type LspSession } from '../lsp/lspSession';

const REPO = join(__dirname, '..', '..');
const SAMPLE = 'api-on-bedrock.pspec.md';
const SAMPLE_TEXT = readFileSync(join(REPO, 'samples', SAMPLE), 'utf8');
const BUILTIN_YAML = readFileSync(join(REPO, 'server', 'src', 'profile', 'builtin.profile.yaml'), 'utf8');
const TIMEOUT_MS = 30_000;

const workspaces: string[] = [];
function workspace(files: Record<string, string>): string {
  const root = makeWorkspace(files, 'carveout-web-');
  workspaces.push(root);
  return root;
}
after(() => {
  for (const root of workspaces) rmSync(root, { recursive: true, force: true });
});

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/**
 * What a user sees of a spec: its diagnostics, the hover and the quick fixes
 * of its first finding and the first fix's edit, the outline, the code lens,
 * and the completion at the start of a front-matter line.
 */
async function userView(session: LspSession, root: string): Promise<unknown> {
  const uri = await session.open(SAMPLE_TEXT, { uri: fileUri(join(root, SAMPLE)) });
  const diagnostics = await session.waitForDiagnostics(uri, (list) => list.length > 0, { timeoutMs: TIMEOUT_MS });
  const finding = diagnostics.find((diagnostic) => diagnostic.severity === 1) ?? diagnostics[0]!;
  const hover = await session.hover(uri, finding.range.start);
  const actions = ((await session.codeActions(uri, finding.range, { diagnostics: [finding] })) ?? []) as CodeAction[];
  const fix = actions.find((action) => action.kind === 'quickfix');
  assert.ok(fix, 'the finding has a quick fix');
  const resolved = fix.edit ? fix : await session.resolveCodeAction(fix);
  const symbols = await session.documentSymbols(uri);
  const lenses = await session.codeLenses(uri);
  const completion = await session.completion(uri, { line: 1, character: 0 });
  // The Node server links rule codes to the shipped docs/rules.md; a worker has no file URI for it.
  const shown = diagnostics.map(({ codeDescription: _link, ...rest }: Diagnostic) => rest);
  // The sessions' folders differ; what the user sees inside them must not.
  return JSON.parse(JSON.stringify({ diagnostics: shown, hover, actions: actions.map((action) => action.title), edit: resolved.edit, symbols, lenses, completion }).split(fileUri(root)).join('<root>'));
}

describe('the browser server in a Web Worker', () => {
  it('gives the diagnostics, hover, quick fix, outline, code lens and completion the Node server gives', { timeout: 120_000 }, async () => {
    const root = workspace({ [SAMPLE]: SAMPLE_TEXT });
    const views: Record<string, unknown> = {};
    for (const transport of ['stdio', 'worker'] as const) {
      views[transport] = await withSession({ transport, folders: [root], settings: { debounceMs: 0 }, timeoutMs: TIMEOUT_MS }, (session) => userView(session, root));
    }
    const worker = views.worker as { diagnostics: unknown[]; symbols: unknown[]; lenses: unknown[]; completion: unknown[] };
    for (const part of ['diagnostics', 'symbols', 'lenses', 'completion'] as const) assert.ok(worker[part].length > 0, `the worker gives ${part}`);
    assert.deepEqual(views.worker, views.stdio);
  });

  it('reads the profile that .carveout.yaml names through the client, and builds the exposure report from the specs it lists', { timeout: 120_000 }, async () => {
    const title = 'Acme cloud terms, read through the client';
    const root = workspace({
      '.carveout.yaml': 'profile: contracts/acme.carveout.yaml\n',
      'contracts/acme.carveout.yaml': BUILTIN_YAML.replace(/^title: .*$/m, `title: ${title}`),
      [SAMPLE]: SAMPLE_TEXT,
      'more/second.pspec.md': SAMPLE_TEXT.replace('Responses API for Bedrock', 'Second API'),
      // Byte order and the desktop's walk order (localeCompare per folder) differ on this name.
      'Upper.pspec.md': SAMPLE_TEXT.replace('Responses API for Bedrock', 'Upper API'),
    });
    const reports: Record<string, string> = {};
    for (const transport of ['stdio', 'worker'] as const) {
      await withSession({ transport, folders: [root], settings: { debounceMs: 0 }, timeoutMs: TIMEOUT_MS }, async (session) => {
        const uri = await session.open(SAMPLE_TEXT, { uri: fileUri(join(root, SAMPLE)) });
        await session.waitForDiagnostics(uri, (list) => list.length > 0, { timeoutMs: TIMEOUT_MS });
        const summary = await session.request<DocumentSummaryRequest.Result>(DocumentSummaryRequest.method, { uri });
        assert.equal(summary?.profile.title, title, `${transport}: the named profile is in use`);
        assert.equal(summary?.profile.fellBack, false);
        const report = await session.request<ExposureReportRequest.Result>(ExposureReportRequest.method, { today: '2026-11-29' });
        assert.equal(report.specCount, 3, `${transport}: every spec is in the report`);
        reports[transport] = report.markdown;
      });
    }
    assert.equal(reports.worker, reports.stdio);
  });

  it('reads a profile that extends another file through the client, as the Node server does', { timeout: 120_000 }, async () => {
    const root = workspace({
      '.carveout.yaml': 'profile: contracts/child.carveout.yaml\n',
      'contracts/child.carveout.yaml': 'id: child\ntitle: Child terms\nextends: ./base.carveout.yaml\nwaiverDays: 9\n',
      'contracts/base.carveout.yaml': 'id: base\ntitle: Base terms\nextends: microsoft-openai\nwaiverDays: 30\n',
      [SAMPLE]: SAMPLE_TEXT,
    });
    const seen: Record<string, unknown> = {};
    for (const transport of ['stdio', 'worker'] as const) {
      await withSession({ transport, folders: [root], settings: { debounceMs: 0 }, timeoutMs: TIMEOUT_MS }, async (session) => {
        const uri = await session.open(SAMPLE_TEXT, { uri: fileUri(join(root, SAMPLE)) });
        const diagnostics = await session.waitForDiagnostics(uri, (list) => list.length > 0, { timeoutMs: TIMEOUT_MS });
        const summary = await session.request<DocumentSummaryRequest.Result>(DocumentSummaryRequest.method, { uri });
        seen[transport] = { profile: summary?.profile, rules: diagnostics.map((diagnostic) => diagnostic.code).sort() };
      });
    }
    assert.deepEqual((seen.worker as { profile: unknown }).profile, { id: 'child', title: 'Child terms', fellBack: false });
    assert.deepEqual(seen.worker, seen.stdio);
  });

  it('validates an open .carveout.yaml and the profile it names as the Node server does', { timeout: 120_000 }, async () => {
    const root = workspace({
      '.carveout.yaml': 'profile: acme.carveout.yaml\nregime: 1999-01\n',
      'acme.carveout.yaml': BUILTIN_YAML.replace(/^title: .*$/m, 'titel: misspelt'),
    });
    const views: Record<string, unknown> = {};
    for (const transport of ['stdio', 'worker'] as const) {
      views[transport] = await withSession({ transport, folders: [root], settings: { debounceMs: 0 }, timeoutMs: TIMEOUT_MS }, async (session) => {
        const open = async (name: string) => {
          const uri = await session.open(readFileSync(join(root, name), 'utf8'), { uri: fileUri(join(root, name)) });
          return session.waitForDiagnostics(uri, (list) => list.length > 0, { timeoutMs: TIMEOUT_MS });
        };
        return JSON.parse(JSON.stringify({ config: await open('.carveout.yaml'), profile: await open('acme.carveout.yaml') }).split(fileUri(root)).join('<root>'));
      });
    }
    assert.deepEqual(views.worker, views.stdio);
  });

  it('keeps what .carveout.yaml names inside the workspace folder', { timeout: 120_000 }, async () => {
    const outside = workspace({ 'elsewhere.carveout.yaml': BUILTIN_YAML });
    const root = workspace({ '.carveout.yaml': `profile: ${join(outside, 'elsewhere.carveout.yaml')}\n`, [SAMPLE]: SAMPLE_TEXT });
    await withSession({ transport: 'worker', folders: [root], settings: { debounceMs: 0 }, timeoutMs: TIMEOUT_MS }, async (session) => {
      const uri = await session.open(SAMPLE_TEXT, { uri: fileUri(join(root, SAMPLE)) });
      const diagnostics = await session.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'profile-error'), { timeoutMs: TIMEOUT_MS });
      const notice = messageOf(diagnostics.find((d) => d.code === 'profile-error')!);
      assert.match(notice, /outside the workspace folder/);
      assert.doesNotMatch(notice, /regimes:/, 'nothing of the file is quoted');
    });
  });

  it('says that a profile outside the workspace folders cannot be read in the browser', { timeout: 120_000 }, async () => {
    const outside = workspace({ 'user.carveout.yaml': BUILTIN_YAML });
    const root = workspace({ [SAMPLE]: SAMPLE_TEXT });
    const settings = { debounceMs: 0, profile: join(outside, 'user.carveout.yaml') };
    await withSession({ transport: 'worker', folders: [root], settings, timeoutMs: TIMEOUT_MS }, async (session) => {
      const uri = await session.open(SAMPLE_TEXT, { uri: fileUri(join(root, SAMPLE)) });
      const diagnostics = await session.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'profile-error'), { timeoutMs: TIMEOUT_MS });
      const notice = messageOf(diagnostics.find((d) => d.code === 'profile-error')!);
      assert.match(notice, /carveout\.profile/);
      assert.match(notice, /in the browser, Carveout reads only files inside the workspace folders/);
    });
  });
});
