import * as vscode from 'vscode';

/**
 * A spec is a Markdown document named `*.pspec.md` or `*.pspec`. It keeps the
 * `markdown` language, so the preview and other Markdown tools work on it, and
 * Carveout tells it from other Markdown by its name. Untitled specs count when
 * they carry such a name, as the New Spec command gives them.
 */
export const SPEC_PATTERN = '**/*.{pspec.md,pspec}';

/**
 * Where a workspace's files are: the disk, and in the browser a repository
 * opened on github.dev or vscode.dev (`vscode-vfs`) or a remote folder
 * (`vscode-remote`).
 */
export const WORKSPACE_SCHEMES = ['file', 'vscode-vfs', 'vscode-remote'];

/** Other schemes (git, diff views) are left out so that one spec is not judged twice. */
export const SPEC_SELECTOR: { scheme: string; language: string; pattern: string }[] = [...WORKSPACE_SCHEMES, 'untitled'].map((scheme) => ({
  scheme,
  language: 'markdown',
  pattern: SPEC_PATTERN,
}));

export function isSpec(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && vscode.languages.match(SPEC_SELECTOR, document) > 0;
}

/** The active editor's document when it is a spec. */
export function activeSpec(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return isSpec(document) ? document : undefined;
}
