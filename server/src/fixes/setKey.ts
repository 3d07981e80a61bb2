/**
 * The `set-key` fix: declare one front-matter value (`classification:
 * non-api`, `co-developed-with: []`). On the key that fills `surface` it is
 * offered only where the classification decides the finding: a statement
 * whose own words name a surface the value is contradicted by (an API, for
 * `non-api`) keeps its reading under any label, so relabelling the product
 * would keep the finding and add a mismatch for every mention.
 */
import { classNamed, compileContract } from '../core/compileContract';
import type { Finding } from '../core/types';
import type { FixDefinition } from '../profile/profileTypes';
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { insertKeyLine } from './insertKey';
import { setValue } from './setValue';

/** The written value that declares an empty list. */
const EMPTY_LIST = '[]';

/** Surfaces that contradict the value the fix writes, when it writes a class of the key that fills `surface`. */
export function contradictingSurfaces(context: FixContext, fix: FixDefinition): readonly string[] {
  const contract = compileContract(context.profile);
  if (contract.keyOf.surface?.key !== fix.key) return [];
  return classNamed(contract, fix.value)?.contradictedBy ?? [];
}

export function setKey(context: FixContext, finding: Finding, fix: FixDefinition): PlannedEdit[] {
  const { text, analysis } = context;
  if (fix.key === undefined || fix.value === undefined) return [];
  const against = contradictingSurfaces(context, fix);
  if (finding.evidence.some((item) => item.facet === 'surface' && against.includes(item.value))) return [];
  const entry = findEntry(analysis, fix.key);
  if (!entry) return insertKeyLine(text, analysis, `${fix.key}: ${fix.value}`);
  // An empty list, `~` or a bare key already declares an empty list.
  const already = fix.value === EMPTY_LIST ? entry.values.length === 0 : entry.values.length === 1 && entry.values[0] === fix.value;
  if (already) return [];
  return setValue(text, entry, fix.value);
}
