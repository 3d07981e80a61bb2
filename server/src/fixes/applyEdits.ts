/**
 * Applies planned edits to a text, the way an editor applies a workspace
 * edit: all offsets refer to the original text, and insertions at the same
 * offset keep their order.
 */
import type { PlannedEdit } from './fixTypes';

export function sortEdits(edits: readonly PlannedEdit[]): PlannedEdit[] {
  // Array.prototype.sort is stable, so same-offset insertions keep their order.
  return edits.slice().sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Whether two edits touch the same characters, or one inserts inside the other's replaced range. */
export function editsConflict(a: PlannedEdit, b: PlannedEdit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return false;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

export function sameEdit(a: PlannedEdit, b: PlannedEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

export function applyEdits(text: string, edits: readonly PlannedEdit[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of sortEdits(edits)) {
    if (edit.span.start < cursor) throw new Error(`Overlapping edits at offset ${edit.span.start}.`);
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}
