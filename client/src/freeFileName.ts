import * as vscode from 'vscode';

/**
 * The first of `name(1)`, `name(2)`, … in `folder` that neither a file nor an
 * open (possibly untitled) document has, so that nothing is overwritten.
 */
export async function freeFileName(folder: vscode.Uri, name: (n: number) => string): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, name(n));
    if (!open.has(candidate.path) && !(await fileExists(candidate))) return candidate;
  }
}

export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
