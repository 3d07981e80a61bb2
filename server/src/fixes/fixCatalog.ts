/**
 * The fix kinds the editor knows, each with its edit planner, and the title
 * of a profile's fix. Rules name fixes by id; a fix names its kind and the
 * data it needs, so no surface, key or venue appears here.
 */
import { fillTemplate } from '../core/describe';
import type { Finding } from '../core/types';
import type { FixDefinition, FixKind } from '../profile/profileTypes';
import { addValue, audienceCarveOut } from './addValue';
import type { FixContext, PlanEdits } from './fixTypes';
import { insertWaiver } from './insertWaiver';
import { placementTarget, placeOnGroup } from './placeOnGroup';
import { shortName } from './profileNames';
import { setKey } from './setKey';

export const FIX_KINDS: Record<FixKind, PlanEdits> = {
  'set-key': setKey,
  'add-value': addValue,
  'place-on-group': placeOnGroup,
  'insert-waiver': (context, finding) => insertWaiver(context, finding),
};

/** The fix's title with its placeholders filled in for this finding. */
export function fixTitle(context: FixContext, finding: Finding, fix: FixDefinition): string {
  const target = fix.kind === 'place-on-group' ? placementTarget(context.profile, fix) : undefined;
  const carveOut = fix.kind === 'add-value' ? audienceCarveOut(context, finding) : undefined;
  return fillTemplate(fix.title, {
    rule: finding.rule,
    key: fix.key ?? '',
    value: carveOut?.audience ?? fix.value ?? '',
    venue: target ? shortName(context.profile, target.venue) : '',
    carveOut: carveOut?.rule.title ?? '',
  });
}
