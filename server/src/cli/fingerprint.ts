/**
 * A finding's fingerprint for comparing runs: its rule and the words of its
 * statement, not its line, so that a finding stays "unchanged" when lines are
 * added above it and becomes "new" when its statement is reworded. Written
 * into SARIF as `partialFingerprints`, which code-scanning tools also use.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../core/types';

export const FINGERPRINT_KEY = 'carveoutStatement/v1';

export function fingerprint(text: string, finding: Finding): string {
  const words = text.slice(finding.span.start, finding.span.end).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${finding.rule}\0${words}`).digest('hex').slice(0, 32);
}
