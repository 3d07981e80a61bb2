import * as vscode from 'vscode';
import { describeError } from './describeError';

/** What a regime command wrote; the commands return it, which is how the end-to-end tests see it. */
export interface RegimeWrite {
  /** The regime id written; empty for automatic. */
  regimeId: string;
  /** The value of a folder setting that stays in force over the one written. */
  overriddenBy: string | undefined;
}

/**
 * Writes `carveout.regime` to the workspace settings, or to the user
 * settings when no folder is open. An empty id means automatic. Warns when a
 * folder setting keeps another value in force.
 */
export async function writeRegimeSetting(regimeId: string, scope: vscode.Uri | undefined): Promise<RegimeWrite> {
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const before = vscode.workspace.getConfiguration('carveout', scope).inspect<string>('regime');
  // Automatic is best written as no value at all, unless a user value would then apply.
  const userValueWouldApply = hasWorkspace && Boolean(before?.globalValue);
  const value = regimeId === '' && !userValueWouldApply ? undefined : regimeId;
  await vscode.workspace.getConfiguration('carveout', scope).update('regime', value, target);
  // Read after the write: in a single-folder workspace the folder value is the one just written.
  const folderValue = vscode.workspace.getConfiguration('carveout', scope).inspect<string>('regime')?.workspaceFolderValue;
  if (folderValue === undefined || folderValue === regimeId) return { regimeId, overriddenBy: undefined };
  const shown = folderValue === '' ? 'automatic' : `"${folderValue}"`;
  void vscode.window.showWarningMessage(`A folder setting sets carveout.regime to ${shown} for this folder, and it takes precedence.`);
  return { regimeId, overriddenBy: folderValue };
}

/** Writes the regime picked in a picker; a failure is shown to the user and gives undefined. */
export async function savePickedRegime(regimeId: string, scope: vscode.Uri | undefined): Promise<RegimeWrite | undefined> {
  try {
    return await writeRegimeSetting(regimeId, scope);
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not save the regime setting: ${describeError(error)}`);
    return undefined;
  }
}
