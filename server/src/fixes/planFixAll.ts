/**
 * Plans "fix all" for a spec: the preferred fix of every open finding, merged
 * into one edit list. Fixes that plan the same edit (two findings moving the
 * same `served-on` list to Azure) share it; a fix with an edit that overlaps
 * another fix's edit is left out whole, so no fix is ever half applied and
 * no two fixes rewrite the same front-matter value differently.
 */
import type { Finding } from '../core/types';
import { editsConflict, sameEdit, sortEdits } from './applyEdits';
import type { FixContext, PlannedEdit } from './fixTypes';
import { planFixes } from './planFixes';

export interface FixAllPlan {
  edits: PlannedEdit[];
  /** The findings whose preferred fix is in `edits`. */
  findings: Finding[];
}

export function planFixAll(base: FixContext, include: (finding: Finding) => boolean = () => true): FixAllPlan {
  const edits: PlannedEdit[] = [];
  const findings: Finding[] = [];
  const included = base.analysis.findings.filter((finding) => !finding.waivedBy && include(finding));
  const context: FixContext = { ...base, fixedTogether: new Set(included.map((finding) => finding.span.start)) };
  for (const finding of included) {
    const preferred = planFixes(context, finding).find((plan) => plan.preferred);
    if (!preferred) continue;
    const fresh = preferred.edits.filter((edit) => !edits.some((kept) => sameEdit(kept, edit)));
    if (fresh.some((edit) => edits.some((kept) => editsConflict(kept, edit)))) continue;
    edits.push(...fresh);
    findings.push(finding);
  }
  return { edits: sortEdits(edits), findings };
}
