import type { DocumentSummary, RegimeInfo, SeverityCounts } from '../../server/src/shared/protocol';

/**
 * Words for a document summary: the status-bar text and tooltip, and the
 * lines of the regime comparison. Plain strings, so no VS Code is needed to
 * check them.
 */

/** Errors and warnings: the findings that need a change or a sign-off. */
export function conflictCount(counts: SeverityCounts): number {
  return counts.error + counts.warning;
}

/** What the status bar adds in Restricted Mode, where the workspace cannot choose the profile. */
export const RESTRICTED_NOTE =
  "**Restricted Mode:** this workspace is not trusted, so its `carveout.profile` setting and the profile its `.carveout.yaml` names are not used; the built-in profile and your user settings apply. Trust the workspace to use them.";

export function statusText(summary: DocumentSummary, trusted = true): string {
  const conflicts = conflictCount(summary.counts);
  const conflictWords = conflicts === 0 ? 'no conflicts' : `${conflicts} ${plural(conflicts, 'conflict', 'conflicts')}`;
  return `$(law) Carveout: ${conflictWords} · regime ${summary.regime.id}${trusted ? '' : ' · $(shield) restricted'}`;
}

/** "1 error, 2 warnings, 1 waived", or "no findings". */
export function describeCounts(counts: SeverityCounts): string {
  const parts = [
    [counts.error, 'error', 'errors'],
    [counts.warning, 'warning', 'warnings'],
    [counts.information, 'information', 'information'],
    [counts.hint, 'hint', 'hints'],
    [counts.waived, 'waived', 'waived'],
  ] as const;
  const words = parts.filter(([count]) => count > 0).map(([count, one, many]) => `${count} ${plural(count, one, many)}`);
  return words.length > 0 ? words.join(', ') : 'no findings';
}

/** Why the document is judged under its regime, as the end of a sentence. */
export function describeRegimeReason(regime: DocumentSummary['regime']): string {
  switch (regime.reason) {
    case 'launch':
      return regime.date ? `picked by the launch date ${regime.date}` : 'picked by the launch date';
    case 'regime':
      return 'chosen explicitly (the carveout.regime setting or .carveout.yaml)';
    case 'as-of':
      return regime.date ? `in force on the as-of date ${regime.date}` : 'in force on the as-of date';
    case 'today':
      return regime.date ? `in force today (${regime.date})` : 'in force today';
  }
}

/** The status-bar tooltip, as Markdown. */
export function tooltipMarkdown(summary: DocumentSummary, trusted = true): string {
  const { counts, regime, profile } = summary;
  const lines = [
    `**Carveout** · regime **${escapeMarkdown(regime.id)}**: ${escapeMarkdown(regime.title)}`,
    '',
    `Regime ${escapeMarkdown(describeRegimeReason(regime))}.`,
    '',
    '| Severity | Findings |',
    '|:--|--:|',
    `| Errors | ${counts.error} |`,
    `| Warnings | ${counts.warning} |`,
    `| Information | ${counts.information} |`,
    `| Hints | ${counts.hint} |`,
    `| Waived | ${counts.waived} |`,
    '',
  ];
  if (summary.classification) {
    const how = summary.classificationDeclared ? 'declared' : 'inferred';
    lines.push(`Classification: ${escapeMarkdown(summary.classification)} (${how}).`, '');
  }
  lines.push(`Profile: ${escapeMarkdown(profile.title)}.`, '');
  if (profile.fellBack) {
    lines.push('$(warning) The configured profile has errors; the built-in profile is used instead.', '');
  }
  if (!trusted) lines.push(RESTRICTED_NOTE, '');
  lines.push('Click to compare the regimes.');
  return lines.join('\n');
}

/** One row of the regime comparison. */
export interface RegimeResult {
  regime: RegimeInfo;
  counts: SeverityCounts;
  current: boolean;
}

/** The document's own regime and every other one, latest first. */
export function compareRegimes(summary: DocumentSummary): RegimeResult[] {
  const rows: RegimeResult[] = [
    { regime: summary.regime, counts: summary.counts, current: true },
    ...summary.comparison.filter((row) => row.regime.id !== summary.regime.id).map((row) => ({ ...row, current: false })),
  ];
  return rows.sort((a, b) => b.regime.from.localeCompare(a.regime.from));
}

/** "2019-07-22 – 2025-01-20", or "from 2026-04-27" for an open-ended regime. */
export function describePeriod(regime: RegimeInfo): string {
  return regime.until ? `${regime.from} – ${regime.until}` : `from ${regime.from}`;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** Profile text is user data; it must not turn into links or emphasis. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (char) => `\\${char}`);
}
