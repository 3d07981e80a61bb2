/**
 * When a clause is in force. A clause of a regime is in force from the
 * regime's start, and a finding under a later regime still cites it; a
 * clause with its own window (`from`, `until`) is in force across regimes,
 * from its start until its end, whatever regimes come between.
 */
import type { Clause, Profile } from '../profile/profileTypes';

/** The first day a clause is in force: its own `from`, else its regime's start. */
export function clauseStart(profile: Profile, clause: Clause): string {
  return clause.from ?? profile.regimes.find((regime) => regime.id === clause.regime)?.from ?? '';
}

/**
 * Whether a finding judged under `regimeId` may cite the clause: it had come
 * in by the end of that regime, and its own window had not closed before the
 * regime began. Clauses that came in later did not exist yet under the terms
 * being applied.
 */
export function citableUnder(profile: Profile, clause: Clause, regimeId: string): boolean {
  const regime = profile.regimes.find((candidate) => candidate.id === regimeId);
  if (!regime) return true;
  if (clauseStart(profile, clause) > (regime.until ?? '9999-12-31')) return false;
  return clause.until === undefined || clause.until >= regime.from;
}

/** Whether the clause belongs to the regime itself rather than to an earlier one. */
export function ofRegime(profile: Profile, clause: Clause, regimeId: string): boolean {
  if (clause.regime !== undefined && clause.from === undefined) return clause.regime === regimeId;
  const regime = profile.regimes.find((candidate) => candidate.id === regimeId);
  if (!regime) return false;
  const start = clauseStart(profile, clause);
  return start >= regime.from && start <= (regime.until ?? '9999-12-31');
}
