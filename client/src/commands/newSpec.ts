import * as vscode from 'vscode';
import { freeFileName } from '../freeFileName';

/** The snippet in `snippets/spec.code-snippets` that holds the template, so that the command and the snippet cannot drift apart. */
const SNIPPET = { langId: 'markdown', name: 'Carveout spec' };

/**
 * `carveout.newSpec`: opens an untitled spec with the commented front-matter
 * template. The document is named `new-spec.pspec.md` in the first workspace
 * folder (or the home folder, on the desktop), so it is a spec (and checked) before it is saved, and Save proposes
 * that name.
 */
export async function newSpec(homeFolder: vscode.Uri | undefined): Promise<void> {
  // In a browser with no folder open there is no folder to name the file in; Save asks where it goes.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? homeFolder ?? vscode.Uri.from({ scheme: 'untitled', path: '/' });
  const name = await freeFileName(folder, (n) => (n === 1 ? 'new-spec.pspec.md' : `new-spec-${n}.pspec.md`));
  const uri = name.with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('editor.action.insertSnippet', SNIPPET);
}
