/**
 * Types of the quick-fix planner. Fixes are planned as plain offset edits on
 * the spec text, so the planner stays free of LSP and can be tested by
 * applying the edits to a string.
 */
import type { FixDefinition, FixId, Profile } from '../profile/profileTypes';
import type { Analysis, Finding, Span } from '../core/types';

/** Replace `span` (UTF-16 offsets) with `newText`; an empty span is an insertion. */
export interface PlannedEdit {
  span: Span;
  newText: string;
  /** The same text as an LSP snippet with tab stops, for clients that take snippet edits. */
  snippet?: string;
}

/** What a new waiver is filled in with: the reviewer when known, today, and the default expiry. */
export interface WaiverDraft {
  approver?: string;
  approvedOn: string;
  expires: string;
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
  /** Fills a new waiver; without it every field is a placeholder. */
  waiverDraft?: WaiverDraft;
}

/** One fix for one finding. `preferred` marks the fix most likely to be wanted. */
export interface FixPlan {
  id: FixId;
  title: string;
  edits: PlannedEdit[];
  preferred: boolean;
}

/** Plans the edits of one fix; an empty list means the fix does not apply or would change nothing. */
export type PlanEdits = (context: FixContext, finding: Finding, fix: FixDefinition) => PlannedEdit[];
