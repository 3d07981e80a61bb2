/** `file:line:col severity rule message`, one finding a line, as compilers and editors expect. */
import { oneBased, openFindings, type CheckedFile } from './checkedFile';
import { escapeControls } from './escapeControls';

export function formatText(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const finding of openFindings(file)) {
      const range = oneBased(file.lines, finding.span);
      const clauses = finding.clauses.length > 0 ? ` [${finding.clauses.join(', ')}]` : '';
      lines.push(escapeControls(`${file.path}:${range.startLine}:${range.startColumn} ${finding.severity} ${finding.rule} ${finding.message}${clauses}`));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
