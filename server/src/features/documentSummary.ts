/**
 * The numbers behind the status bar and the code lens: the regime a spec is
 * judged under and why, its classification, its findings per severity, and
 * the same text judged under every other regime of the profile.
 */
import { analyze } from '../core/analyze';
import type { Analysis } from '../core/types';
import type { Profile, Regime } from '../profile/profileTypes';
import type { DocumentSummary, RegimeInfo, SeverityCounts } from '../shared/protocol';
import type { SpecModel } from '../specModel';
import type { DocumentSettings } from '../workspaceSettings/documentSettings';

export function regimeInfo(regime: Regime): RegimeInfo {
  const info: RegimeInfo = { id: regime.id, title: regime.title, from: regime.from, summary: regime.summary };
  if (regime.until !== undefined) info.until = regime.until;
  return info;
}

export function regimeInfos(profile: Profile): RegimeInfo[] {
  return profile.regimes.map(regimeInfo);
}

export function countFindings(analysis: Analysis): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0, waived: 0 };
  for (const finding of analysis.findings) {
    if (finding.waivedBy) counts.waived++;
    else counts[finding.severity]++;
  }
  return counts;
}

const comparisons = new WeakMap<SpecModel, Map<string, SeverityCounts>>();

/**
 * Longer specs are not compared across regimes: each comparison is a full
 * analysis, and the lens asks again after every edit, so on a very long spec
 * the comparisons would hold up every other request.
 */
export const COMPARISON_MAX_CHARS = 100_000;

export function comparesRegimes(model: SpecModel): boolean {
  return model.text.length <= COMPARISON_MAX_CHARS;
}

/**
 * The findings of the model's text under another regime. It re-runs the
 * analysis with that regime forced, and remembers the result for as long as
 * the model lives, since the lens and the status bar ask for it repeatedly.
 */
export function countsUnder(model: SpecModel, regimeId: string): SeverityCounts {
  if (regimeId === model.analysis.regime.id) return countFindings(model.analysis);
  let cache = comparisons.get(model);
  if (!cache) {
    cache = new Map();
    comparisons.set(model, cache);
  }
  let counts = cache.get(regimeId);
  if (!counts) {
    counts = countFindings(analyze(model.text, model.profile, { ...model.options, regime: regimeId, asOf: undefined }));
    cache.set(regimeId, counts);
  }
  return counts;
}

/** The regime the lens compares with: the latest one, or the one before it when the spec is already judged under the latest. */
export function comparisonRegime(model: SpecModel): Regime | undefined {
  if (!comparesRegimes(model)) return undefined;
  const regimes = model.profile.regimes;
  const index = regimes.findIndex((regime) => regime.id === model.analysis.regime.id);
  const latest = regimes.length - 1;
  if (latest < 0 || index < 0) return undefined;
  if (index !== latest) return regimes[latest];
  return index > 0 ? regimes[index - 1] : undefined;
}

export function summarizeSpec(model: SpecModel, settings: DocumentSettings): DocumentSummary {
  const { analysis, profile } = model;
  const current = profile.regimes.find((regime) => regime.id === analysis.regime.id) ?? profile.regimes[0];
  const regime: DocumentSummary['regime'] = { ...regimeInfo(current), reason: analysis.regime.reason };
  if (analysis.regime.date !== undefined) regime.date = analysis.regime.date;
  const summary: DocumentSummary = {
    uri: model.uri,
    regime,
    classificationDeclared: analysis.facts.classificationDeclared,
    counts: countFindings(analysis),
    comparison: comparesRegimes(model)
      ? [...profile.regimes]
          .reverse()
          .filter((other) => other.id !== current.id)
          .map((other) => ({ regime: regimeInfo(other), counts: countsUnder(model, other.id) }))
      : [],
    profile: { id: profile.id, title: profile.title, fellBack: settings.fellBack },
  };
  if (analysis.facts.classification !== undefined) summary.classification = analysis.facts.classification;
  return summary;
}
