/**
 * Rules of kind `document` are checks the analyzer implements itself, so a
 * profile may only set the severity and wording of ones it knows. A profile
 * that names another document rule would have a rule that never fires.
 */
export const DOCUMENT_RULE_IDS = [
  'declaration-mismatch',
  'classification-undetermined',
  'invalid-front-matter',
  'waiver-expired',
  'waiver-incomplete',
  'waiver-unused',
  'disguised-text',
] as const;

export type DocumentRuleId = (typeof DOCUMENT_RULE_IDS)[number];

export function isDocumentRuleId(id: string): id is DocumentRuleId {
  return (DOCUMENT_RULE_IDS as readonly string[]).includes(id);
}
