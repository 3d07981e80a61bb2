/**
 * Code actions over real LSP: the quick fixes offered for a diagnostic, their
 * edits applied to the text exactly as a client would apply them, the
 * diagnostics the server publishes for the fixed text, and rule-wide fixes
 * resolved on demand. No action runs on save.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Command, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { LineMap } from '../../server/src/core/lineMap';
import { CLEAN_SPEC, RUNTIME_FLAGGED_LINE, RUNTIME_SPEC } from './fixtures';
import { withSession, type LspSession } from './lspSession';

const WAIVER = '<!-- carveout-waive api-exclusivity: approved by <approver> on <YYYY-MM-DD>, expires <YYYY-MM-DD>, ref <ticket> -->';

/** The text edits a workspace edit makes to one document, from `documentChanges` or `changes`. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : [])) as TextEdit[];
  }
  return edit.changes?.[uri] ?? [];
}

/** Applies text edits the way a client does: every range refers to the original text. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineMap(text);
  const located = edits
    .map((edit, order) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    assert.ok(edit.start >= cursor, 'edits must not overlap');
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

function actionsOnly(result: (CodeAction | Command)[] | null): CodeAction[] {
  return (result ?? []).filter((item): item is CodeAction => typeof (item as CodeAction).title === 'string' && (item as Command).command === undefined);
}

async function flagged(session: LspSession, uri: string): Promise<Diagnostic> {
  const diagnostics = await session.waitForDiagnostics(uri, (found) => found.some((diagnostic) => diagnostic.code === 'api-exclusivity'));
  return diagnostics.find((diagnostic) => diagnostic.code === 'api-exclusivity')!;
}

async function quickFixes(session: LspSession, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return actionsOnly(await session.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }));
}

/** Resolves the edit if the server defers it, then applies it to `text`. */
async function applied(session: LspSession, uri: string, text: string, action: CodeAction): Promise<string> {
  const resolved = action.edit ? action : await session.resolveCodeAction(action);
  assert.ok(resolved.edit, `the action "${action.title}" has an edit`);
  return applyTextEdits(text, editsFor(resolved.edit, uri));
}

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}`);
}

describe('code actions', () => {
  it('offers the quick fixes of the diagnostic in profile order, linked to it, with serving on Azure preferred', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      const diagnostic = await flagged(session, uri);
      assert.equal(diagnostic.range.start.line, RUNTIME_FLAGGED_LINE);
      const actions = await quickFixes(session, uri, diagnostic);
      assert.deepEqual(
        actions.map((action) => [action.title, action.kind, action.isPreferred === true]),
        [
          ['Reclassify as non-API (classification: non-api)', 'quickfix', false],
          ['Serve on Azure', 'quickfix', true],
          ['Record a waiver for api-exclusivity', 'quickfix', false],
        ],
      );
      for (const action of actions) assert.deepEqual(action.diagnostics?.map((linked) => linked.code), ['api-exclusivity']);
    }));

  it('serves on Azure: the edit gives the clean spec and the diagnostics clear', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      const actions = await quickFixes(session, uri, await flagged(session, uri));
      const action = actions.find((candidate) => candidate.title === 'Serve on Azure')!;
      const change = action.edit?.documentChanges?.[0];
      if (change && 'textDocument' in change) assert.equal(change.textDocument.version, session.version(uri));
      const fixed = await applied(session, uri, RUNTIME_SPEC, action);
      assert.equal(fixed, CLEAN_SPEC);
      await session.change(uri, fixed);
      assert.deepEqual(await session.waitForDiagnostics(uri), []);
    }));

  it('reclassifies as non-API, and the text that still describes an API is then a declaration mismatch', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      const actions = await quickFixes(session, uri, await flagged(session, uri));
      const fixed = await applied(session, uri, RUNTIME_SPEC, actions.find((candidate) => candidate.title.startsWith('Reclassify'))!);
      assert.equal(fixed, RUNTIME_SPEC.replace('classification: api\n', 'classification: non-api\n'));
      await session.change(uri, fixed);
      const diagnostics = await session.waitForDiagnostics(uri);
      assert.deepEqual(codes(diagnostics), ['declaration-mismatch@9', 'non-api-carve-out@10']);
      const message = diagnostics[0].message;
      assert.match(typeof message === 'string' ? message : message.value, /describes an API but the front matter declares `classification: non-api`/);
    }));

  it('records a waiver with placeholders, which is reported incomplete while the finding stays open', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      const actions = await quickFixes(session, uri, await flagged(session, uri));
      const fixed = await applied(session, uri, RUNTIME_SPEC, actions.find((candidate) => candidate.title === 'Record a waiver for api-exclusivity')!);
      assert.equal(fixed, RUNTIME_SPEC.replace('The runtime is served', `${WAIVER}\nThe runtime is served`));
      await session.change(uri, fixed);
      assert.deepEqual(codes(await session.waitForDiagnostics(uri)), ['waiver-incomplete@10', 'api-exclusivity@11']);
    }));

  it('keeps CRLF line endings in the edits', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const text = RUNTIME_SPEC.replace(/\n/g, '\r\n');
      const uri = await session.open(text);
      const actions = await quickFixes(session, uri, await flagged(session, uri));
      const waiver = await applied(session, uri, text, actions.find((candidate) => candidate.title.startsWith('Record a waiver'))!);
      assert.equal(waiver, text.replace('The runtime is served', `${WAIVER}\r\nThe runtime is served`));
      const served = await applied(session, uri, text, actions.find((candidate) => candidate.title === 'Serve on Azure')!);
      assert.equal(served, CLEAN_SPEC.replace(/\n/g, '\r\n'));
    }));

  it('offers no quick fix for a diagnostic that is not Carveout’s or does not match a finding', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(RUNTIME_SPEC);
      const diagnostic = await flagged(session, uri);
      assert.deepEqual(await quickFixes(session, uri, { ...diagnostic, source: 'markdownlint' }), []);
      assert.deepEqual(await quickFixes(session, uri, { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }), []);
    }));
});

describe('rule-wide fixes, and no fix on save', () => {
  const TWO_STATEMENTS = `${RUNTIME_SPEC}The stateless API also runs on AWS.\n`;

  it('answers no `source.fixAll` or `source` request, so saving with codeActionsOnSave changes nothing', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(TWO_STATEMENTS);
      const diagnostics = await session.waitForDiagnostics(uri, (found) => found.length === 2);
      const all = { start: { line: 0, character: 0 }, end: { line: 13, character: 0 } };
      for (const only of [['source.fixAll'], ['source'], ['source.fixAll.carveout']]) {
        assert.deepEqual(await session.codeActions(uri, all, { diagnostics, only }), [], only.join());
      }
    }));

  it('offers the preferred fix for every finding of the rule, and plans its edit only when resolved', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(TWO_STATEMENTS);
      const diagnostics = await session.waitForDiagnostics(uri, (found) => found.length === 2);
      const actions = await quickFixes(session, uri, diagnostics[0]);
      const ofRule = actions.find((action) => action.title === 'Serve on Azure: every api-exclusivity finding in this file');
      assert.ok(ofRule, actions.map((action) => action.title).join('; '));
      assert.equal(ofRule.edit, undefined, 'the light bulb carries no rule-wide edit');
      assert.equal(await applied(session, uri, TWO_STATEMENTS, ofRule), `${CLEAN_SPEC}The stateless API also runs on Azure.\n`);
    }));

  it('resolves a rule-wide fix for a document that changed since to no edit', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open(TWO_STATEMENTS);
      const diagnostics = await session.waitForDiagnostics(uri, (found) => found.length === 2);
      const ofRule = (await quickFixes(session, uri, diagnostics[0])).find((action) => action.title.endsWith('every api-exclusivity finding in this file'));
      assert.ok(ofRule);
      await session.change(uri, `${TWO_STATEMENTS}\n`);
      await session.waitForDiagnostics(uri, (found) => found.length === 2);
      assert.equal((await session.resolveCodeAction(ofRule)).edit, undefined);
    }));

  it('lists a fix reached from two diagnostics on one statement once, linked to both', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      const text = '---\nlaunch: 2025-04-01\n---\nThe mobile app and the developer API are served from Oracle Cloud.\n';
      const uri = await session.open(text);
      const diagnostics = await session.waitForDiagnostics(uri, (found) => found.length >= 2);
      assert.deepEqual(codes(diagnostics).sort(), ['api-exclusivity@3', 'classification-undetermined@3']);
      const actions = actionsOnly(await session.codeActions(uri, diagnostics[0].range, { diagnostics, only: ['quickfix'] }));
      const titles = actions.map((action) => action.title);
      assert.deepEqual(titles.filter((title) => title.startsWith('Reclassify')), ['Reclassify as non-API (classification: non-api)']);
      assert.deepEqual(titles, [...new Set(titles)], 'no title twice');
    }));
});
