/**
 * Validates an open `.carveout.yaml` or contract profile as the user edits
 * it, with the loader's own problems at their exact positions. The editor's
 * text is checked, not the file on disk; a profile that `.carveout.yaml`
 * names is read from disk, as the specs will read it.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { parseProfile } from '../profile/loadProfile';
import { loadWorkspace, parseWorkspaceConfig } from '../profile/loadWorkspaceConfig';
import type { ProfileProblem } from '../profile/problems';
import type { ServerRuntime } from '../runtime/serverRuntime';
import { readAhead, type ReadSource } from '../workspaceSettings/workspaceReads';
import { DIAGNOSTIC_SOURCE, problemRange } from './diagnostics';

export const PROFILE_ERROR_CODE = 'profile-error';

export type ProfileFileKind = 'workspace-config' | 'profile';

export function problemDiagnostic(problem: ProfileProblem): Diagnostic {
  return { range: problemRange(problem), severity: DiagnosticSeverity.Error, code: PROFILE_ERROR_CODE, source: DIAGNOSTIC_SOURCE, message: problem.message };
}

export async function profileFileDiagnostics(text: string, file: string, kind: ProfileFileKind, runtime: ServerRuntime, read: ReadSource): Promise<Diagnostic[]> {
  const paths = runtime.paths;
  let problems: ProfileProblem[];
  if (kind === 'workspace-config') {
    const config = parseWorkspaceConfig(text, file).config ?? {};
    problems = loadWorkspace(text, file, await readAhead(runtime, config, file, read), paths).problems;
  } else {
    problems = parseProfile(text, file).problems;
  }
  // Problems inside a profile the config names belong to that file; the config gets the loader's note about them.
  const own = paths.resolve(file);
  return problems.filter((problem) => paths.resolve(problem.file) === own).map(problemDiagnostic);
}
