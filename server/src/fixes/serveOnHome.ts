/**
 * The `serve-on-home` fix: every other cloud the finding's evidence ties the
 * product to becomes the home cloud in the text, and `served-on` gains the
 * home cloud. A cloud leaves `served-on` only when no other statement still
 * places the product there, so the fix never creates a mismatch elsewhere
 * and never drops a cloud the finding does not concern. Cloud mentions the
 * finding does not rest on ("sign in with AWS IAM") are left alone.
 */
import type { Finding, FrontMatterEntry, Span } from '../core/types';
import type { Profile } from '../profile/profileTypes';
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { appendItem, removeItems, replaceItem } from './listEdits';
import { homeShortName, resolveCloud } from './profileNames';
import { setValue } from './setValue';

interface Mention {
  cloud: string;
  span: Span;
}

/** Evidence naming a known cloud other than the home one, each span once, in text order. */
function offHomeMentions(profile: Profile, finding: Finding): Mention[] {
  const home = profile.vocabulary.homeCloud;
  const known = new Set(profile.vocabulary.clouds.map((cloud) => cloud.id));
  const mentions: Mention[] = [];
  for (const item of finding.evidence) {
    if (item.facet !== 'cloud' || item.value === home || !known.has(item.value)) continue;
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

/** Whether a statement other than the finding's own, and not fixed with it, still ties the product to `cloud`. */
function tiedElsewhere(context: FixContext, finding: Finding, cloud: string): boolean {
  return context.analysis.statements.some(
    (statement) =>
      statement.kind !== 'front-matter' &&
      statement.span.start !== finding.span.start &&
      !context.fixedTogether?.has(statement.span.start) &&
      statement.facets.ties.some((tie) => tie.cloud === cloud),
  );
}

function servedOnEdits(context: FixContext, finding: Finding, entry: FrontMatterEntry, concerned: ReadonlySet<string>): PlannedEdit[] {
  const { text, profile } = context;
  const home = profile.vocabulary.homeCloud;
  const ids = entry.values.map((value) => resolveCloud(profile, value)?.id);
  const leaving = ids.flatMap((id, index) => (id !== undefined && concerned.has(id) && !tiedElsewhere(context, finding, id) ? [index] : []));
  const hasHome = ids.includes(home);
  if (hasHome) return removeItems(text, entry, leaving);
  if (leaving.length === 0) return appendItem(text, entry, home);
  // The first cloud that leaves makes room for the home cloud, which keeps the list's length and style.
  return [...replaceItem(text, entry, leaving[0], home), ...removeItems(text, entry, leaving.slice(1))];
}

function shipsFirstOnEdits(text: string, profile: Profile, entry: FrontMatterEntry, concerned: ReadonlySet<string>): PlannedEdit[] {
  const cloud = entry.values.length === 1 ? resolveCloud(profile, entry.values[0]) : undefined;
  if (!cloud || !concerned.has(cloud.id)) return [];
  return setValue(text, entry, profile.vocabulary.homeCloud);
}

/** For a finding on the `served-on` line itself: the other clouds it lists. */
function listedOffHome(profile: Profile, entry: FrontMatterEntry | undefined, finding: Finding): string[] {
  if (!entry || finding.span.start !== entry.keySpan.start) return [];
  const home = profile.vocabulary.homeCloud;
  return entry.values.flatMap((value) => {
    const id = resolveCloud(profile, value)?.id;
    return id !== undefined && id !== home ? [id] : [];
  });
}

export function serveOnHome(context: FixContext, finding: Finding): PlannedEdit[] {
  const { text, profile, analysis } = context;
  const servedOn = findEntry(analysis, 'served-on');
  const mentions = offHomeMentions(profile, finding);
  const concerned = new Set([...mentions.map((mention) => mention.cloud), ...listedOffHome(profile, servedOn, finding)]);
  if (concerned.size === 0) return [];
  const frontMatterEnd = analysis.frontMatter?.span.end ?? 0;
  // Evidence inside the front matter is a `served-on` item, which the list edits below handle.
  const edits = textEdits(text, mentions.filter((mention) => mention.span.start >= frontMatterEnd), homeShortName(profile));
  if (servedOn) edits.push(...servedOnEdits(context, finding, servedOn, concerned));
  const shipsFirstOn = findEntry(analysis, 'ships-first-on');
  if (shipsFirstOn) edits.push(...shipsFirstOnEdits(text, profile, shipsFirstOn, concerned));
  return edits;
}
