/**
 * The `classify-non-api` fix: declare `classification: non-api`. It is offered
 * only where the classification decides the finding: a statement whose own
 * words name an API stays an API statement under any label, so relabelling
 * the product would keep the finding and add a mismatch for every API mention.
 */
import { API_SURFACES } from '../core/documentFacts';
import type { Finding } from '../core/types';
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { insertKeyLine } from './insertKey';
import { setValue } from './setValue';

export const NON_API = 'non-api';

function namesApi(finding: Finding): boolean {
  return finding.evidence.some((item) => item.facet === 'surface' && (API_SURFACES as readonly string[]).includes(item.value));
}

export function classifyNonApi(context: FixContext, finding: Finding): PlannedEdit[] {
  const { text, analysis } = context;
  if (namesApi(finding)) return [];
  const entry = findEntry(analysis, 'classification');
  if (!entry) return insertKeyLine(text, analysis, `classification: ${NON_API}`);
  if (entry.values.length === 1 && entry.values[0] === NON_API) return [];
  return setValue(text, entry, NON_API);
}
