/** The `classify-non-api` fix: declare `classification: non-api`. */
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { insertKeyLine } from './insertKey';
import { setValue } from './setValue';

export const NON_API = 'non-api';

export function classifyNonApi(context: FixContext): PlannedEdit[] {
  const { text, analysis } = context;
  const entry = findEntry(analysis, 'classification');
  if (!entry) return insertKeyLine(text, analysis, `classification: ${NON_API}`);
  if (entry.values.length === 1 && entry.values[0] === NON_API) return [];
  return setValue(text, entry, NON_API);
}
