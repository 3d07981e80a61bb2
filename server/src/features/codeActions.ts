/**
 * Code actions for Carveout diagnostics: one quick fix per applicable fix of
 * the finding behind each diagnostic, and a quick fix that applies the same
 * kind of fix to every finding of that rule in the file.
 *
 * Carveout offers no `source.fixAll` action: its fixes are decisions about
 * the product (where it is served, how it is classified), so none may run on
 * save or as part of an editor-wide "fix all". Every edit is one the user
 * picks from the light bulb.
 *
 * The edits come from the pure planner in `fixes/`; this module only finds
 * the findings and maps offsets to LSP ranges. The rule-wide fix plans every
 * finding of its rule, so where the client can resolve code actions its edit
 * is planned only when the user picks it.
 */
import type { CodeAction, CodeActionParams, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import type { FixContext, PlannedEdit } from '../fixes/fixTypes';
import { planFixAll } from '../fixes/planFixAll';
import { planFixes } from '../fixes/planFixes';
import type { SpecModel } from '../specModel';

const QUICK_FIX_KIND = 'quickfix';
const SOURCE = 'carveout';

/** What a deferred rule-wide fix carries to `codeAction/resolve`. */
export interface RuleFixData {
  uri: string;
  version: number;
  rule: string;
}

export interface CodeActionOptions {
  /** Whether the client resolves a code action's edit lazily. */
  resolveEdits: boolean;
}

/**
 * Whether quick fixes were asked for: LSP kinds are dot-separated and a
 * filter covers its sub-kinds. Without `only` the client is filling the
 * light bulb.
 */
export function quickFixesRequested(only: readonly string[] | undefined): boolean {
  if (!only) return true;
  return only.some((filter) => filter === '' || filter === QUICK_FIX_KIND);
}

function spanRange(model: SpecModel, start: number, end: number): Range {
  return { start: model.lines.position(start), end: model.lines.position(end) };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The open finding a diagnostic was made from: same rule and same range. */
export function findingFor(model: SpecModel, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) return undefined;
  if (typeof diagnostic.code !== 'string') return undefined;
  return model.analysis.findings.find(
    (finding) => !finding.waivedBy && finding.rule === diagnostic.code && sameRange(spanRange(model, finding.span.start, finding.span.end), diagnostic.range),
  );
}

/** A workspace edit pinned to the analysed version, so a client never applies it to newer text. */
function workspaceEdit(model: SpecModel, edits: readonly PlannedEdit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((edit) => ({ range: spanRange(model, edit.span.start, edit.span.end), newText: edit.newText }));
  return { documentChanges: [{ textDocument: { uri: model.uri, version: model.version }, edits: textEdits }] };
}

function contextOf(model: SpecModel): FixContext {
  return { text: model.text, profile: model.profile, analysis: model.analysis };
}

function openFindingsOf(model: SpecModel, rule: string): number {
  let count = 0;
  for (const finding of model.analysis.findings) if (!finding.waivedBy && finding.rule === rule) count++;
  return count;
}

/** "Serve on Azure: every api-exclusivity finding in this file", when the rule has more than one open finding. */
function fixAllOfRule(model: SpecModel, finding: Finding, title: string, diagnostic: Diagnostic, options: CodeActionOptions): CodeAction | undefined {
  if (openFindingsOf(model, finding.rule) < 2) return undefined;
  const action: CodeAction = { title: `${title}: every ${finding.rule} finding in this file`, kind: QUICK_FIX_KIND, diagnostics: [diagnostic] };
  if (options.resolveEdits) {
    const data: RuleFixData = { uri: model.uri, version: model.version, rule: finding.rule };
    action.data = data;
  } else {
    action.edit = workspaceEdit(model, planFixAll(contextOf(model), (candidate) => candidate.rule === finding.rule).edits);
  }
  return action;
}

/** The same fix reached from two diagnostics (two rules on one statement) is listed once, linked to both. */
function addOnce(actions: CodeAction[], keys: Map<string, CodeAction>, key: string, action: CodeAction): void {
  const known = keys.get(key);
  if (known) {
    known.diagnostics = [...(known.diagnostics ?? []), ...(action.diagnostics ?? [])];
    known.isPreferred = known.isPreferred || action.isPreferred;
    return;
  }
  keys.set(key, action);
  actions.push(action);
}

function quickFixes(model: SpecModel, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const context = contextOf(model);
  const actions: CodeAction[] = [];
  const keys = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    const finding = findingFor(model, diagnostic);
    if (!finding) continue;
    const plans = planFixes(context, finding);
    for (const plan of plans) {
      const action: CodeAction = { title: plan.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], edit: workspaceEdit(model, plan.edits) };
      if (plan.preferred) action.isPreferred = true;
      addOnce(actions, keys, `${plan.title}\u0000${JSON.stringify(plan.edits)}`, action);
    }
    const preferred = plans.find((plan) => plan.preferred);
    if (!preferred) continue;
    const ofRule = fixAllOfRule(model, finding, preferred.title, diagnostic, options);
    if (ofRule) addOnce(actions, keys, `${ofRule.title}\u0000rule`, ofRule);
  }
  return actions;
}

export function provideCodeActions(model: SpecModel, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  if (!quickFixesRequested(params.context.only)) return [];
  return quickFixes(model, params.context.diagnostics ?? [], options);
}

function isRuleFixData(data: unknown): data is RuleFixData {
  const candidate = data as Partial<RuleFixData> | null;
  return typeof candidate?.uri === 'string' && typeof candidate.version === 'number' && typeof candidate.rule === 'string';
}

/**
 * Plans the edit of a rule-wide fix the user picked. A document that changed
 * since the light bulb was filled gets no edit, rather than one planned for
 * other text.
 */
export async function resolveCodeAction(action: CodeAction, modelOf: (uri: string) => Promise<SpecModel | undefined>): Promise<CodeAction> {
  if (!isRuleFixData(action.data) || action.edit) return action;
  const model = await modelOf(action.data.uri);
  if (!model || model.version !== action.data.version) return action;
  const { rule } = action.data;
  return { ...action, edit: workspaceEdit(model, planFixAll(contextOf(model), (candidate) => candidate.rule === rule).edits) };
}
