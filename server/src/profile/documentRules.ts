/**
 * Rules of kind `document` are checks the analyzer implements itself. They
 * run under every profile, even one that leaves them out, since a spec whose
 * front matter or waivers cannot be read, or whose date no regime covers,
 * must never pass silently. A profile that lists one sets its wording,
 * severity and regimes; a profile that names another document rule would
 * have a rule that never fires.
 */
import type { RuleFile } from './profileFile';

const every = ['all'];

/** Each document rule with the wording and severity it has when a profile leaves it out. */
export const DOCUMENT_RULES: readonly RuleFile[] = [
  {
    id: 'declaration-mismatch',
    kind: 'document',
    title: 'Statement contradicts the front matter',
    regimes: every,
    severity: 'warning',
    description: 'The statement describes the product differently from its front matter, so the declared facts cannot be relied on for this statement.',
  },
  {
    id: 'classification-undetermined',
    kind: 'document',
    title: 'Classification undetermined',
    regimes: every,
    severity: 'warning',
    description: 'The text describes surfaces of more than one class and the front matter declares none, so the applicable terms cannot be determined.',
  },
  {
    id: 'invalid-front-matter',
    kind: 'document',
    title: 'Invalid front matter',
    regimes: every,
    severity: 'error',
    description: 'The front matter cannot be read, or a value is not one the profile knows, so the facts it declares are not used.',
  },
  {
    id: 'waiver-expired',
    kind: 'document',
    title: 'Waiver expired',
    regimes: every,
    severity: 'warning',
    description: "The waiver's expiry date has passed, so the finding it silenced is open again.",
  },
  {
    id: 'waiver-incomplete',
    kind: 'document',
    title: 'Waiver incomplete',
    regimes: every,
    severity: 'warning',
    description: 'The waiver lacks an approver, an approval date, an expiry or a reference, so it does not record a sign-off and silences nothing.',
  },
  {
    id: 'waiver-unused',
    kind: 'document',
    title: 'Waiver unused',
    regimes: every,
    severity: 'hint',
    description: 'The waiver silences no finding on the statement that follows it, and can be removed.',
  },
  {
    id: 'disguised-text',
    kind: 'document',
    title: 'Name written with hidden or look-alike characters',
    regimes: every,
    severity: 'warning',
    description: 'A name the analysis reads is written with invisible characters or look-alike letters, so the text does not say plainly what it is checked as.',
  },
  {
    id: 'no-regime',
    kind: 'document',
    title: 'No regime in force',
    regimes: every,
    severity: 'warning',
    description: "The spec is judged on a date before the contract's first regime or in a gap between two regimes, so no contract rule can be applied to it.",
  },
];

export const DOCUMENT_RULE_IDS: readonly string[] = DOCUMENT_RULES.map((rule) => rule.id);

export function isDocumentRuleId(id: string): boolean {
  return DOCUMENT_RULE_IDS.includes(id);
}
