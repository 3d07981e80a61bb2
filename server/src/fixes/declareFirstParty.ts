/** The `declare-first-party` fix: declare `co-developed-with: []`. */
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { insertKeyLine } from './insertKey';
import { setValue } from './setValue';

export function declareFirstParty(context: FixContext): PlannedEdit[] {
  const { text, analysis } = context;
  const entry = findEntry(analysis, 'co-developed-with');
  if (!entry) return insertKeyLine(text, analysis, 'co-developed-with: []');
  // An empty list, `~` or a bare key already declares the product first-party.
  if (entry.values.length === 0) return [];
  return setValue(text, entry, '[]');
}
