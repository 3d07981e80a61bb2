/**
 * The `place-on-group` fix ("Serve on Azure"): every venue outside the
 * group that the finding's evidence ties the product to becomes the group's
 * first venue in the text, and the key that fills `venue` (`served-on`)
 * gains it. A venue leaves that key only when no other statement still
 * places the product there, so the fix never creates a mismatch elsewhere
 * and never drops a venue the finding does not concern. Venue mentions the
 * finding does not rest on ("sign in with AWS IAM") are left alone.
 */
import { compileContract } from '../core/compileContract';
import type { Finding, FrontMatterEntry, Span } from '../core/types';
import type { FixDefinition, Profile } from '../profile/profileTypes';
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { appendItem, removeItems, replaceItem } from './listEdits';
import { resolveCloud, shortName } from './profileNames';
import { setValue } from './setValue';

/** The group a fix places on, and the venue it writes. */
interface Target {
  group: ReadonlySet<string>;
  venue: string;
}

/** Targets by fix, per profile: a rule-wide fix plans one for each of many findings. */
const targets = new WeakMap<Profile, Map<string, Target | undefined>>();

/** The fix's group and its first venue, when the profile defines both. */
export function placementTarget(profile: Profile, fix: FixDefinition): Target | undefined {
  let known = targets.get(profile);
  if (!known) targets.set(profile, (known = new Map()));
  if (known.has(fix.id)) return known.get(fix.id);
  const group = profile.groups.find((candidate) => candidate.id === fix.group);
  const venue = group?.venues[0];
  const target = group && venue !== undefined ? { group: new Set(group.venues), venue } : undefined;
  known.set(fix.id, target);
  return target;
}

interface Mention {
  cloud: string;
  span: Span;
}

/** Evidence naming a known venue outside the group, each span once, in text order. */
function outsideMentions(profile: Profile, finding: Finding, target: Target): Mention[] {
  const known = new Set(profile.vocabulary.clouds.map((cloud) => cloud.id));
  const mentions: Mention[] = [];
  for (const item of finding.evidence) {
    if (item.facet !== 'cloud' || target.group.has(item.value) || !known.has(item.value)) continue;
    if (!mentions.some((kept) => kept.span.start === item.span.start && kept.span.end === item.span.end)) mentions.push({ cloud: item.value, span: item.span });
  }
  return mentions.sort((a, b) => a.span.start - b.span.start);
}

/**
 * What lies between two cloud names that the fix folds into one: a list
 * ("AWS and Google Cloud") or a place inside a cloud ("AWS in us-east-1",
 * "AWS (us-east-1)"). Replacing both would read "Azure and Azure".
 */
const JOINER = /^(?:\s*(?:,|\/|&|\band\b|\bor\b|\bin\b|\bon\b)\s*|\s*\(\s*)$/i;

/** Text edits: the first name of each run of joined names becomes the home cloud, the rest go with their joiners. */
function textEdits(text: string, mentions: readonly Mention[], name: string): PlannedEdit[] {
  const edits: PlannedEdit[] = [];
  let previous: Span | undefined;
  for (const { span } of mentions) {
    const between = previous ? text.slice(previous.end, span.start) : '';
    if (previous && JOINER.test(between)) {
      // An opened parenthesis goes with its closing one, when that follows at once.
      const end = between.trim() === '(' && text[span.end] === ')' ? span.end + 1 : span.end;
      edits.push({ span: { start: previous.end, end }, newText: '' });
      previous = { start: previous.start, end };
      continue;
    }
    edits.push({ span, newText: name });
    previous = span;
  }
  return edits;
}

/** Per cloud, how many body statements not fixed together tie the product to it, and which clouds each statement ties to. */
interface TieIndex {
  open: Map<string, number>;
  cloudsAt: Map<number, ReadonlySet<string>>;
}

/**
 * One index per analysis, or per rule-wide plan, which fixes many findings
 * at once: asking every statement for every finding would be quadratic.
 */
const tieIndexes = new WeakMap<object, TieIndex>();

function tieIndex(context: FixContext): TieIndex {
  const owner = context.fixedTogether ?? context.analysis;
  let index = tieIndexes.get(owner);
  if (index) return index;
  index = { open: new Map(), cloudsAt: new Map() };
  for (const statement of context.analysis.statements) {
    if (statement.kind === 'front-matter' || statement.facets.ties.length === 0) continue;
    const clouds = new Set(statement.facets.ties.map((tie) => tie.cloud));
    index.cloudsAt.set(statement.span.start, clouds);
    if (context.fixedTogether?.has(statement.span.start)) continue;
    for (const cloud of clouds) index.open.set(cloud, (index.open.get(cloud) ?? 0) + 1);
  }
  tieIndexes.set(owner, index);
  return index;
}

/** Whether a statement other than the finding's own, and not fixed with it, still ties the product to `cloud`. */
function tiedElsewhere(context: FixContext, finding: Finding, cloud: string): boolean {
  const index = tieIndex(context);
  const own = finding.span.start;
  const ownCounted = index.cloudsAt.get(own)?.has(cloud) === true && !context.fixedTogether?.has(own);
  return (index.open.get(cloud) ?? 0) - (ownCounted ? 1 : 0) > 0;
}

function servedOnEdits(context: FixContext, finding: Finding, entry: FrontMatterEntry, concerned: ReadonlySet<string>, target: Target): PlannedEdit[] {
  const { text, profile } = context;
  const home = target.venue;
  const ids = entry.values.map((value) => resolveCloud(profile, value)?.id);
  const leaving = ids.flatMap((id, index) => (id !== undefined && concerned.has(id) && !tiedElsewhere(context, finding, id) ? [index] : []));
  const hasHome = ids.some((id) => id !== undefined && target.group.has(id));
  if (hasHome) return removeItems(text, entry, leaving);
  if (leaving.length === 0) return appendItem(text, entry, home);
  // The first cloud that leaves makes room for the home cloud, which keeps the list's length and style.
  return [...replaceItem(text, entry, leaving[0], home), ...removeItems(text, entry, leaving.slice(1))];
}

function shipsFirstOnEdits(text: string, profile: Profile, entry: FrontMatterEntry, concerned: ReadonlySet<string>, target: Target): PlannedEdit[] {
  const cloud = entry.values.length === 1 ? resolveCloud(profile, entry.values[0]) : undefined;
  if (!cloud || !concerned.has(cloud.id)) return [];
  return setValue(text, entry, target.venue);
}

/** For a finding on the venue key's line itself: the venues outside the group it lists. */
function listedOutside(profile: Profile, entry: FrontMatterEntry | undefined, finding: Finding, target: Target): string[] {
  if (!entry || finding.span.start !== entry.keySpan.start) return [];
  return entry.values.flatMap((value) => {
    const id = resolveCloud(profile, value)?.id;
    return id !== undefined && !target.group.has(id) ? [id] : [];
  });
}

export function placeOnGroup(context: FixContext, finding: Finding, fix: FixDefinition): PlannedEdit[] {
  const { text, profile, analysis } = context;
  const target = placementTarget(profile, fix);
  if (!target) return [];
  const keys = compileContract(profile).keyOf;
  const servedOn = keys.venue ? findEntry(analysis, keys.venue.key) : undefined;
  const mentions = outsideMentions(profile, finding, target);
  const concerned = new Set([...mentions.map((mention) => mention.cloud), ...listedOutside(profile, servedOn, finding, target)]);
  if (concerned.size === 0) return [];
  const frontMatterEnd = analysis.frontMatter?.span.end ?? 0;
  // Evidence inside the front matter is an item of the venue key, which the list edits below handle.
  const edits = textEdits(text, mentions.filter((mention) => mention.span.start >= frontMatterEnd), shortName(profile, target.venue));
  if (servedOn) edits.push(...servedOnEdits(context, finding, servedOn, concerned, target));
  const shipsFirstOn = keys.order ? findEntry(analysis, keys.order.key) : undefined;
  if (shipsFirstOn) edits.push(...shipsFirstOnEdits(text, profile, shipsFirstOn, concerned, target));
  return edits;
}
