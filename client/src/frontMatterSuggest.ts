import * as vscode from 'vscode';
import { isSpec } from './specDocuments';

const FENCE = /^\uFEFF?---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Whether `line` is inside the front matter: the first line is a fence and no
 * closing fence comes before `line`. `lineText` reads a zero-based line.
 */
export function inFrontMatter(lineText: (line: number) => string, line: number): boolean {
  if (line < 1 || !FENCE.test(lineText(0))) return false;
  for (let previous = 1; previous < line; previous++) {
    if (CLOSING.test(lineText(previous))) return false;
  }
  return true;
}

/**
 * Opens the key completion when a letter is typed on an empty line of a
 * spec's front matter. Markdown turns quick suggestions off by default, and a
 * spec stays Markdown, so without this the list would open only on
 * Ctrl+Space.
 */
export function suggestFrontMatterKeys(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const editor = vscode.window.activeTextEditor;
    const [change] = event.contentChanges;
    if (event.reason !== undefined || event.contentChanges.length !== 1 || editor?.document !== event.document || !isSpec(event.document)) return;
    if (change.rangeLength !== 0 || !/^[A-Za-z]$/.test(change.text)) return;
    const line = change.range.start.line;
    const document = event.document;
    if (document.lineAt(line).text !== change.text || !inFrontMatter((n) => document.lineAt(n).text, line)) return;
    void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
}
