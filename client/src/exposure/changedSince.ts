/**
 * The specs changed since a branch, for the Exposure view's filter, through
 * VS Code's own Git extension: it runs git where the user allowed it, and not
 * at all in Restricted Mode, so Carveout never runs git on an untrusted
 * repository itself.
 */
import * as vscode from 'vscode';

/** The part of the Git extension's API this uses. */
interface GitApi {
  repositories: { rootUri: vscode.Uri; diffWith(ref: string): Promise<{ uri: vscode.Uri }[]> }[];
}

/** Workspace paths (as the findings name them) of the files that differ from `ref`, or why there are none. */
export async function changedSince(ref: string): Promise<string[] | string> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return 'The Git extension is not available, so specs cannot be compared with a branch.';
  if (!vscode.workspace.isTrusted) return 'Git does not run in Restricted Mode; trust the workspace to compare specs with a branch.';
  const git = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  if (git.repositories.length === 0) return 'No Git repository is open in this workspace.';
  const several = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const paths: string[] = [];
  for (const repository of git.repositories) {
    try {
      for (const change of await repository.diffWith(ref)) paths.push(vscode.workspace.asRelativePath(change.uri, several));
    } catch (error) {
      return `Cannot compare with "${ref}": ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return paths;
}
