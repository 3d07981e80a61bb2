/**
 * The `serve-on-home` fix: every other cloud the finding's evidence ties the
 * product to becomes the home cloud in the text, and `served-on` lists the
 * home cloud instead of the others. Cloud mentions the finding does not rest
 * on ("sign in with AWS IAM") are left alone.
 */
import type { FrontMatterEntry, Span } from '../core/types';
import type { Profile } from '../profile/profileTypes';
import type { FixContext, PlannedEdit } from './fixTypes';
import type { Finding } from '../core/types';
import { findEntry } from './frontMatterEntry';
import { appendItem, removeItems, replaceItem } from './listEdits';
import { homeShortName, resolveCloud } from './profileNames';
import { setValue } from './setValue';

/** Evidence spans naming a known cloud other than the home one, each once. */
function offHomeMentions(profile: Profile, finding: Finding): Span[] {
  const home = profile.vocabulary.homeCloud;
  const known = new Set(profile.vocabulary.clouds.map((cloud) => cloud.id));
  const spans: Span[] = [];
  for (const item of finding.evidence) {
    if (item.facet !== 'cloud' || item.value === home || !known.has(item.value)) continue;
    if (!spans.some((span) => span.start === item.span.start && span.end === item.span.end)) spans.push(item.span);
  }
  return spans;
}

function servedOnEdits(text: string, profile: Profile, entry: FrontMatterEntry): PlannedEdit[] {
  const home = profile.vocabulary.homeCloud;
  const ids = entry.values.map((value) => resolveCloud(profile, value)?.id);
  const offHome = ids.flatMap((id, index) => (id !== undefined && id !== home ? [index] : []));
  const hasHome = ids.includes(home);
  if (offHome.length === 0) return hasHome ? [] : appendItem(text, entry, home);
  // The first off-home item becomes the home cloud unless it is listed already; the rest go.
  if (hasHome) return removeItems(text, entry, offHome);
  return [...replaceItem(text, entry, offHome[0], home), ...removeItems(text, entry, offHome.slice(1))];
}

function shipsFirstOnEdits(text: string, profile: Profile, entry: FrontMatterEntry): PlannedEdit[] {
  const cloud = entry.values.length === 1 ? resolveCloud(profile, entry.values[0]) : undefined;
  if (!cloud || cloud.id === profile.vocabulary.homeCloud) return [];
  return setValue(text, entry, profile.vocabulary.homeCloud);
}

export function serveOnHome(context: FixContext, finding: Finding): PlannedEdit[] {
  const { text, profile, analysis } = context;
  const name = homeShortName(profile);
  const edits: PlannedEdit[] = offHomeMentions(profile, finding).map((span) => ({ span, newText: name }));
  const servedOn = findEntry(analysis, 'served-on');
  if (servedOn) edits.push(...servedOnEdits(text, profile, servedOn));
  // A product served only on the home cloud cannot ship first elsewhere, so a declared other first cloud follows.
  const shipsFirstOn = findEntry(analysis, 'ships-first-on');
  if (shipsFirstOn && edits.length > 0) edits.push(...shipsFirstOnEdits(text, profile, shipsFirstOn));
  return edits;
}
