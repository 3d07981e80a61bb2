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

/** The regime in force on a date, if any. */
export function regimeInForce(profile: Profile, date: string): Regime | undefined {
  return profile.regimes.find((regime) => regime.from <= date && (regime.until === undefined || date <= regime.until));
}

/** The regime in force on a date; outside every regime, the latest one before it, else the first. */
export function regimeOn(profile: Profile, date: string): Regime {
  const found = regimeInForce(profile, date);
  if (found) return found;
  const latest = profile.regimes.filter((regime) => regime.from <= date).pop();
  return latest ?? profile.regimes[0];
}

/** A regime chosen by date; `uncovered` when none is in force on it. */
function byDate(profile: Profile, date: string, reason: RegimeChoice['reason']): RegimeChoice {
  const choice: RegimeChoice = { id: regimeOn(profile, date).id, reason, date };
  if (!regimeInForce(profile, date)) choice.uncovered = true;
  return choice;
}

export function selectRegime(profile: Profile, launch: string | undefined, options: AnalyzeOptions): RegimeChoice {
  if (options.regime && profile.regimes.some((regime) => regime.id === options.regime)) {
    return { id: options.regime, reason: 'regime' };
  }
  if (options.asOf) return byDate(profile, options.asOf, 'as-of');
  if (launch) return byDate(profile, launch, 'launch');
  return byDate(profile, options.today ?? today(), 'today');
}
