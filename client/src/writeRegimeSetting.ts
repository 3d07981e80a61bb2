import * as vscode from 'vscode';

/**
 * Writes `carveout.regime` to the workspace settings, or to the user
 * settings when no folder is open. An empty id means automatic.
 */
export async function writeRegimeSetting(regimeId: string, scope: vscode.Uri | undefined): Promise<void> {
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const config = vscode.workspace.getConfiguration('carveout', scope);
  const inspected = config.inspect<string>('regime');
  // Automatic is best written as no value at all, unless a user value would then apply.
  const userValueWouldApply = hasWorkspace && Boolean(inspected?.globalValue);
  const value = regimeId === '' && !userValueWouldApply ? undefined : regimeId;
  await config.update('regime', value, target);
  const folderValue = inspected?.workspaceFolderValue;
  if (folderValue !== undefined && folderValue !== regimeId) {
    void vscode.window.showWarningMessage(`A folder setting sets carveout.regime to "${folderValue}" for this folder, and it takes precedence.`);
  }
}
