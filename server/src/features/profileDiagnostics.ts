/**
 * Validates an open `.carveout.yaml` or contract profile as the user edits
 * it, with the loader's own problems at their exact positions. The editor's
 * text is checked, not the file on disk; a profile that `.carveout.yaml`
 * names is read from disk, as the specs will read it.
 */
import { resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { parseProfile } from '../profile/loadProfile';
import { loadWorkspace, type ReadFile } from '../profile/loadWorkspaceConfig';
import type { ProfileProblem } from '../profile/problems';
import { DIAGNOSTIC_SOURCE, problemRange } from './diagnostics';

export const PROFILE_ERROR_CODE = 'profile-error';

export type ProfileFileKind = 'workspace-config' | 'profile';

export function problemDiagnostic(problem: ProfileProblem): Diagnostic {
  return { range: problemRange(problem), severity: DiagnosticSeverity.Error, code: PROFILE_ERROR_CODE, source: DIAGNOSTIC_SOURCE, message: problem.message };
}

export function profileFileDiagnostics(text: string, file: string, kind: ProfileFileKind, readFile: ReadFile): Diagnostic[] {
  const parsed = kind === 'workspace-config' ? { problems: loadWorkspace(text, file, readFile).problems, warnings: [] } : parseProfile(text, file, readFile);
  // Problems inside a profile the config names belong to that file; the config gets the loader's note about them.
  const own = resolve(file);
  const mine = (problem: ProfileProblem): boolean => resolve(problem.file) === own;
  const warnings = (parsed.warnings ?? []).filter(mine).map((problem) => ({ ...problemDiagnostic(problem), severity: DiagnosticSeverity.Warning }));
  return [...parsed.problems.filter(mine).map(problemDiagnostic), ...warnings];
}
