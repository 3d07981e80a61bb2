/**
 * Code actions for Carveout diagnostics: one quick fix per applicable fix of
 * the finding behind each diagnostic, a quick fix that applies the same kind
 * of fix to every finding of that rule in the file, and the
 * `source.fixAll.carveout` action that applies every finding's preferred fix.
 * The edits come from the pure planner in `fixes/`; this module only finds
 * the findings and maps offsets to LSP ranges.
 */
import type { CodeAction, CodeActionParams, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import type { FixContext, PlannedEdit } from '../fixes/fixTypes';
import { planFixAll, type FixAllPlan } from '../fixes/planFixAll';
import { planFixes } from '../fixes/planFixes';
import type { SpecModel } from '../specModel';

export const FIX_ALL_KIND = 'source.fixAll.carveout';
const QUICK_FIX_KIND = 'quickfix';
const SOURCE = 'carveout';

/**
 * Whether an action of `kind` was asked for: LSP kinds are dot-separated and
 * a filter covers its sub-kinds. Without `only` the client is filling the
 * light bulb, which shows quick fixes and has no place for source actions.
 */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only) return kind === QUICK_FIX_KIND;
  return only.some((filter) => filter === '' || kind === filter || kind.startsWith(`${filter}.`));
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

/** The diagnostics, among those the client sent, whose findings `findings` resolves. */
function resolvedDiagnostics(model: SpecModel, diagnostics: readonly Diagnostic[], findings: readonly Finding[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => {
    const finding = findingFor(model, diagnostic);
    return finding !== undefined && findings.includes(finding);
  });
}

function contextOf(model: SpecModel): FixContext {
  return { text: model.text, profile: model.profile, analysis: model.analysis };
}

/**
 * Fix-all plans per analysed version and rule (`*` for every rule). The light
 * bulb asks again each time the cursor moves, and on a long spec a plan
 * covers hundreds of findings, so it is computed once per version.
 */
const fixAllPlans = new WeakMap<SpecModel, Map<string, FixAllPlan>>();

function fixAllPlan(model: SpecModel, rule?: string): FixAllPlan {
  let plans = fixAllPlans.get(model);
  if (!plans) {
    plans = new Map();
    fixAllPlans.set(model, plans);
  }
  const key = rule ?? '*';
  let plan = plans.get(key);
  if (!plan) {
    plan = planFixAll(contextOf(model), rule === undefined ? undefined : (candidate) => candidate.rule === rule);
    plans.set(key, plan);
  }
  return plan;
}

/** "Serve on Azure: all 3 api-exclusivity findings", when the finding's preferred fix applies to more of its rule's findings. */
function fixAllOfRule(model: SpecModel, finding: Finding, title: string, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const plan = fixAllPlan(model, finding.rule);
  if (plan.findings.length < 2 || !plan.findings.includes(finding)) return undefined;
  return {
    title: `${title}: all ${plan.findings.length} ${finding.rule} findings in this file`,
    kind: QUICK_FIX_KIND,
    diagnostics: resolvedDiagnostics(model, diagnostics, plan.findings),
    edit: workspaceEdit(model, plan.edits),
  };
}

function quickFixes(model: SpecModel, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const context = contextOf(model);
  const actions: CodeAction[] = [];
  const rulesDone = new Set<string>();
  for (const diagnostic of diagnostics) {
    const finding = findingFor(model, diagnostic);
    if (!finding) continue;
    const plans = planFixes(context, finding);
    for (const plan of plans) {
      const action: CodeAction = { title: plan.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], edit: workspaceEdit(model, plan.edits) };
      if (plan.preferred) action.isPreferred = true;
      actions.push(action);
    }
    const preferred = plans.find((plan) => plan.preferred);
    if (!preferred || rulesDone.has(finding.rule)) continue;
    rulesDone.add(finding.rule);
    const ofRule = fixAllOfRule(model, finding, preferred.title, diagnostics);
    if (ofRule) actions.push(ofRule);
  }
  return actions;
}

function fixAll(model: SpecModel, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const plan = fixAllPlan(model);
  if (plan.edits.length === 0) return undefined;
  return {
    title: 'Fix all Carveout findings with their preferred fix',
    kind: FIX_ALL_KIND,
    diagnostics: resolvedDiagnostics(model, diagnostics, plan.findings),
    edit: workspaceEdit(model, plan.edits),
  };
}

export function provideCodeActions(model: SpecModel, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const diagnostics = params.context.diagnostics ?? [];
  const actions: CodeAction[] = [];
  if (kindRequested(QUICK_FIX_KIND, only)) actions.push(...quickFixes(model, diagnostics));
  if (kindRequested(FIX_ALL_KIND, only)) {
    const action = fixAll(model, diagnostics);
    if (action) actions.push(action);
  }
  return actions;
}
