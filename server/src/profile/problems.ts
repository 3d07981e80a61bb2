/**
 * Problems found in a profile or workspace file, positioned for an editor.
 * Lines and columns are 1-based and count UTF-16 code units, which is what
 * JavaScript strings, LSP and SARIF regions all use.
 */

export interface ProfileProblem {
  file: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A path into the parsed data: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/**
 * A problem found on the data, before it is positioned. `part: 'key'` puts it
 * on the map key at the end of `path` (an unknown or misspelt property)
 * rather than on its value.
 */
export interface DataIssue {
  path: DataPath;
  message: string;
  part?: 'key' | 'value';
}

/** Orders problems as an editor lists them: by file, then position. */
export function sortProblems(problems: ProfileProblem[]): ProfileProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn,
  );
}
