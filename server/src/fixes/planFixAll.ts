/**
 * Plans "fix all" for a spec: the preferred fix of every open finding, merged
 * into one edit list. Fixes that plan the same edit (two findings moving the
 * same `served-on` list to Azure) share it; a fix with an edit that overlaps
 * another fix's edit is left out whole, so no fix is ever half applied and
 * no two fixes rewrite the same front-matter value differently.
 *
 * A spec can hold a hundred thousand findings, so shared edits are found by
 * key and overlaps by binary search among the kept edits, sorted by start.
 */
import { firstStartingAt } from '../core/firstStartingAt';
import type { Finding } from '../core/types';
import { editsConflict, sortEdits } from './applyEdits';
import type { FixContext, PlannedEdit } from './fixTypes';
import { planPreferredFix } from './planFixes';

export interface FixAllPlan {
  edits: PlannedEdit[];
  /** The findings whose preferred fix is in `edits`. */
  findings: Finding[];
}

function keyOf(edit: PlannedEdit): string {
  return `${edit.span.start}:${edit.span.end}:${edit.newText}`;
}

/** Kept edits sorted by start, with the question "does this edit overlap one of them?". */
class KeptEdits {
  readonly list: PlannedEdit[] = [];
  private readonly keys = new Set<string>();

  has(edit: PlannedEdit): boolean {
    return this.keys.has(keyOf(edit));
  }

  conflicts(edit: PlannedEdit): boolean {
    // Kept edits do not overlap each other, so only the neighbours around the edit's start can overlap it.
    const index = firstStartingAt(this.list, edit.span.start);
    for (let i = Math.max(0, index - 1); i < this.list.length && this.list[i].span.start <= edit.span.end; i++) {
      if (editsConflict(this.list[i], edit)) return true;
    }
    return false;
  }

  add(edit: PlannedEdit): void {
    this.keys.add(keyOf(edit));
    this.list.splice(firstStartingAt(this.list, edit.span.start + 1), 0, edit);
  }
}

export function planFixAll(base: FixContext, include: (finding: Finding) => boolean = () => true): FixAllPlan {
  const kept = new KeptEdits();
  const findings: Finding[] = [];
  const included = base.analysis.findings.filter((finding) => !finding.waivedBy && include(finding));
  const context: FixContext = { ...base, fixedTogether: new Set(included.map((finding) => finding.span.start)) };
  for (const finding of included) {
    const preferred = planPreferredFix(context, finding);
    if (!preferred) continue;
    const fresh = preferred.edits.filter((edit) => !kept.has(edit));
    if (fresh.some((edit) => kept.conflicts(edit))) continue;
    for (const edit of fresh) kept.add(edit);
    findings.push(finding);
  }
  return { edits: sortEdits(kept.list), findings };
}
