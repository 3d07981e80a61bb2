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

/**
 * The first `max` problems in position order. Past the first few, problems
 * are mostly echoes of an earlier one (a YAML error cascades), and a huge
 * list would only bury the one that matters; the last entry says how many
 * were left out.
 */
export function firstProblems(problems: ProfileProblem[], max: number): ProfileProblem[] {
  const seen = new Set<string>();
  const unique = sortProblems(problems).filter((p) => {
    const id = `${p.file}:${p.line}:${p.column}:${p.endLine}:${p.endColumn}:${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (unique.length <= max) return unique;
  const shown = unique.slice(0, max);
  const last = shown[shown.length - 1];
  const more = unique.length - max;
  shown.push({ ...last, message: `${more} more problem${more === 1 ? ' is' : 's are'} not shown; fix the ones above first.` });
  return shown;
}
