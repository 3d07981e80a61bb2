/**
 * The findings the Markdown preview marks, for the document it renders: the
 * Carveout diagnostics the editor holds for a spec, with the clauses each
 * carries. The preview gives the document as `env.currentDocument`.
 */
import * as vscode from 'vscode';
import type { FindingData } from '../../../server/src/shared/protocol';
import { SPEC_SELECTOR } from '../specDocuments';
import type { FlaggedLine } from './markFlaggedStatements';

const SEVERITY: Record<vscode.DiagnosticSeverity, FlaggedLine['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

export function previewFindings(env: unknown): FlaggedLine[] | undefined {
  // The Markdown extension's Uri may come from its own copy of the API, so it is not tested with instanceof.
  const uri = (env as { currentDocument?: { toString(): string } } | undefined)?.currentDocument;
  if (!uri) return undefined;
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  if (!document || vscode.languages.match(SPEC_SELECTOR, document) === 0) return undefined;
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source === 'carveout')
    .map((diagnostic) => ({
      line: diagnostic.range.start.line,
      severity: SEVERITY[diagnostic.severity],
      rule: codeOf(diagnostic),
      message: diagnostic.message,
      clauses: ((diagnostic as { data?: FindingData }).data?.clauses ?? []).slice(),
    }));
}
