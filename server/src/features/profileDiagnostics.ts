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
import { readAhead, readProfilesAhead, type ReadSource } from '../workspaceSettings/workspaceReads';
import { DIAGNOSTIC_SOURCE, problemRange } from './diagnostics';

export const PROFILE_ERROR_CODE = 'profile-error';

export type ProfileFileKind = 'workspace-config' | 'profile';

export function problemDiagnostic(problem: ProfileProblem): Diagnostic {
  return { range: problemRange(problem), severity: DiagnosticSeverity.Error, code: PROFILE_ERROR_CODE, source: DIAGNOSTIC_SOURCE, message: problem.message };
}

export async function profileFileDiagnostics(text: string, file: string, kind: ProfileFileKind, runtime: ServerRuntime, read: ReadSource): Promise<Diagnostic[]> {
  const paths = runtime.paths;
  let parsed: { problems: ProfileProblem[]; warnings?: ProfileProblem[] };
  if (kind === 'workspace-config') {
    const config = parseWorkspaceConfig(text, file).config ?? {};
    parsed = { problems: loadWorkspace(text, file, await readAhead(runtime, config, file, read), paths).problems };
  } else {
    parsed = parseProfile(text, file, { read: await readProfilesAhead(runtime, { file, text }, read), paths });
  }
  // Problems inside a profile the config names, or one this profile extends, belong to that file; this file gets the loader's note about them.
  const own = paths.resolve(file);
  const mine = (problem: ProfileProblem): boolean => paths.resolve(problem.file) === own;
  const warnings = (parsed.warnings ?? []).filter(mine).map((problem) => ({ ...problemDiagnostic(problem), severity: DiagnosticSeverity.Warning }));
  return [...parsed.problems.filter(mine).map(problemDiagnostic), ...warnings];
}
