/**
 * Types of the quick-fix planner. Fixes are planned as plain offset edits on
 * the spec text, so the planner stays free of LSP and can be tested by
 * applying the edits to a string.
 */
import type { FixId, Profile } from '../profile/profileTypes';
import type { Analysis, Finding, Span } from '../core/types';

/** Replace `span` (UTF-16 offsets) with `newText`; an empty span is an insertion. */
export interface PlannedEdit {
  span: Span;
  newText: string;
}

/** What every fix reads: the analysed text and the profile it was analysed with. */
export interface FixContext {
  text: string;
  profile: Profile;
  analysis: Analysis;
  /**
   * Start offsets of the statements whose findings one rule-wide fix plans
   * together; each of them is fixed too, so none keeps a cloud in use.
   */
  fixedTogether?: ReadonlySet<number>;
}

/** One fix for one finding. `preferred` marks the fix most likely to be wanted. */
export interface FixPlan {
  id: FixId;
  title: string;
  edits: PlannedEdit[];
  preferred: boolean;
}

/** Plans the edits of one fix; an empty list means the fix does not apply or would change nothing. */
export type PlanEdits = (context: FixContext, finding: Finding) => PlannedEdit[];
