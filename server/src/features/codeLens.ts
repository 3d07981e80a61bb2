/**
 * One code lens on a spec's first line that sums it up: the regime and why,
 * the classification, the findings per severity, and how the same text fares
 * under another regime. Clicking it opens the full regime comparison.
 */
import type { CodeLens, Range } from 'vscode-languageserver';
import { Commands, type SeverityCounts } from '../shared/protocol';
import type { SpecModel } from '../specModel';
import type { SpecState } from '../documentStore/specModels';
import { comparisonRegime, countFindings, countsUnder } from './documentSummary';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 errors, 1 warning", with the rarer severities only when present. */
export function formatCounts(counts: SeverityCounts): string {
  const parts = [plural(counts.error, 'error', 'errors'), plural(counts.warning, 'warning', 'warnings')];
  if (counts.information > 0) parts.push(`${counts.information} info`);
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint', 'hints'));
  if (counts.waived > 0) parts.push(`${counts.waived} waived`);
  return parts.join(', ');
}

export function regimeLabel(model: SpecModel): string {
  const { id, reason, date, uncovered } = model.analysis.regime;
  if (uncovered) return `no regime in force on ${date}`;
  switch (reason) {
    case 'launch':
      return `regime ${id} (launch ${date})`;
    case 'as-of':
      return `regime ${id} (as of ${date})`;
    case 'today':
      return `regime ${id} (today)`;
    case 'regime':
      return `regime ${id} (chosen in settings)`;
  }
}

export function classificationLabel(model: SpecModel): string {
  const { classification, classificationDeclared } = model.analysis.facts;
  if (!classification) return 'classification undetermined';
  return classificationDeclared ? classification : `${classification} (inferred)`;
}

export function lensTitle(model: SpecModel, fellBack: boolean): string {
  const parts = ['Carveout', regimeLabel(model), classificationLabel(model), formatCounts(countFindings(model.analysis))];
  const other = comparisonRegime(model);
  if (other) parts.push(`under ${other.id} terms: ${formatCounts(countsUnder(model, other.id))}`);
  if (fellBack) parts.push('built-in profile (fallback)');
  return parts.join(' · ');
}

export function provideCodeLenses(state: SpecState): CodeLens[] {
  if (state.kind === 'ignored') {
    return [{ range: TOP, command: { title: 'Carveout · not checked: ignored by .carveout.yaml', command: '' } }];
  }
  if (state.kind === 'not-checked') {
    return [{ range: TOP, command: { title: `Carveout · not checked: ${state.summary}`, command: '' } }];
  }
  const title = lensTitle(state.model, state.settings.fellBack);
  return [{ range: TOP, command: { title, command: Commands.showRegimeComparison, arguments: [state.model.uri] } }];
}
