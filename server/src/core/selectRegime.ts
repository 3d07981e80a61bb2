/**
 * Picks the contract regime a spec is judged under. An explicit regime wins,
 * then an as-of date, then the spec's launch date, then today: a setting or a
 * CLI flag is a deliberate "what if", so it overrides what the file says.
 */
import type { Profile, Regime } from '../profile/profileTypes';
import type { AnalyzeOptions, RegimeChoice } from './types';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The regime in force on a date; before the first regime, the first one. */
export function regimeOn(profile: Profile, date: string): Regime {
  const regimes = profile.regimes;
  const found = regimes.find((regime) => regime.from <= date && (regime.until === undefined || date <= regime.until));
  if (found) return found;
  const latest = regimes.filter((regime) => regime.from <= date).pop();
  return latest ?? regimes[0];
}

export function selectRegime(profile: Profile, launch: string | undefined, options: AnalyzeOptions): RegimeChoice {
  if (options.regime && profile.regimes.some((regime) => regime.id === options.regime)) {
    return { id: options.regime, reason: 'regime' };
  }
  if (options.asOf) return { id: regimeOn(profile, options.asOf).id, reason: 'as-of', date: options.asOf };
  if (launch) return { id: regimeOn(profile, launch).id, reason: 'launch', date: launch };
  const date = options.today ?? today();
  return { id: regimeOn(profile, date).id, reason: 'today', date };
}
