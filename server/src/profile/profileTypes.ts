/**
 * The shape of a contract profile once it is loaded and validated. A profile is
 * data only: the YAML file on disk is checked against `profile.schema.json`
 * and then read into these types.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A confidence level id the profile defines (`primary`, `reported`, ...). */
export type Confidence = string;

/** A surface id the profile defines: the kind of thing a statement describes (an API, an app, a console port). */
export type SurfaceId = string;

/** A category of product the profile's rules tell apart; its phrases are in `vocabulary.surfaces`. */
export interface Surface {
  id: SurfaceId;
  /** How messages name it ("stateless API"). */
  title: string;
  /** A broader surface this one narrows; a message naming both names only this one. */
  within?: SurfaceId;
}

/** A named set of venues ("EU regions", "console stores"). */
export interface VenueGroup {
  id: string;
  title: string;
  venues: string[];
}

/** A level of confidence in a clause's wording, with what it means for the reader. */
export interface ConfidenceLevel {
  id: Confidence;
  /** Completes "Confidence: primary (…)" in hovers. */
  meaning: string;
}

export interface Regime {
  id: string;
  title: string;
  /** First day in force, `YYYY-MM-DD`. */
  from: string;
  /** Last day in force, `YYYY-MM-DD`; absent for the regime in force today. */
  until?: string;
  summary: string;
}

export interface ClauseSource {
  title: string;
  publisher: string;
  date: string;
  url?: string;
}

export interface Clause {
  id: string;
  /** The regime that brought the clause in; its window is the regime's unless `from` or `until` say otherwise. */
  regime?: string;
  /** First day the clause is in force, `YYYY-MM-DD`; defaults to its regime's start. */
  from?: string;
  /** Last day the clause is in force; absent while it still is. */
  until?: string;
  title: string;
  /** Short attributed quote; absent when no exact wording was published. */
  quote?: string;
  source: ClauseSource;
  confidence: Confidence;
}

/** A venue (a cloud, a region, a store) and the names by which specs refer to it. */
export interface Cloud {
  id: string;
  name: string;
  aliases: string[];
  /** Services, products and sites whose cloud is fixed ("Lambda", "Cloud Run"); read like aliases. */
  services?: string[];
  /**
   * Storage services ("S3", "Cloud Storage"): read like aliases, but tied
   * only by a verb that puts something there ("staged in S3"), since data
   * merely in one ("audio in S3") is often the customer's.
   */
  storage?: string[];
  /** Region name patterns with brace alternatives (`{us,eu}-{east,west}-{1..9}`), expanded to literal names. */
  regions?: string[];
}

/**
 * A surface named by a verb and its object a few words apart, in either
 * order ("publish the full weights", "weights will be published").
 */
export interface SurfaceFrame {
  surface: SurfaceId;
  /** Lemma phrases, matched in every inflection like a verb class's verbs. */
  verbs: string[];
  objects: string[];
  /** The most words between the verb and its object. */
  reach: number;
}

/**
 * Someone else's view, named by who holds it and a verb of opinion a few
 * words after it ("analysts at one sell-side bank expect"): the statement
 * claims nothing about the product.
 */
export interface AttributionFrame {
  holders: string[];
  /** Lemma phrases, matched in every inflection. */
  verbs: string[];
  /** The most words between the holder and the verb. */
  reach: number;
}

/** Phrase lists a verb class may give its verbs to. */
export type VerbCategory = 'hosting' | 'nonHosting' | 'collaboration' | 'negation' | 'negationAfter' | 'launchFollows' | 'rejection';

/**
 * Verbs named by their lemma that share a meaning (hosting, acquiring
 * capacity, moving traffic); every inflection of each verb is matched.
 */
export interface VerbClass {
  /** The action a claim made with these verbs takes (`host`, `acquire`, `move`). */
  id: string;
  /** The phrase list the verbs belong to. */
  gives: VerbCategory;
  /** Lemma phrases: the verb first ("rent", "fail over", "commit to"). */
  verbs: string[];
  /**
   * Prepositions that say where (`on`, `in`): each one-word verb is also
   * matched followed by each of them, as one phrase, so that a longer phrase
   * of another list ("hosted on" as a hosting context) cannot hide the verb.
   */
  frames?: string[];
  /** Prepositions after which a cloud is where something leaves, not where it goes ("from" for moving traffic). */
  sources?: string[];
  /** Whether the venue may be the verb's subject ("Bedrock hosts the model"); a venue that leases or fails over is not ours. */
  venueLeads?: boolean;
  /**
   * Whether the verb places only a venue named right after one of its frames
   * ("get the API from Oracle Cloud"): such a verb is too common to place
   * anything alone, and as a heading word it says nothing of its section.
   */
  framed?: boolean;
  /** What a claim with one of these verbs is about when its statement names no surface (capacity, for acquiring). */
  implies?: SurfaceId;
}

/**
 * Phrase lists that drive facet detection. Every entry is a literal phrase,
 * matched case-insensitively on word boundaries; a trailing `*` matches any
 * word ending. Phrases are never compiled as user regular expressions, so a
 * profile cannot make the analyzer backtrack without bound.
 */
export interface Vocabulary {
  /** The venues. */
  clouds: Cloud[];
  surfaces: Record<SurfaceId, string[]>;
  /** Surfaces named by a verb and its object rather than by one phrase. */
  surfaceFrames?: SurfaceFrame[];
  /** Verbs and phrases that tie a product to the cloud that follows them. */
  hosting: string[];
  /** Verb classes, matched in every inflection; a class that gives `hosting` names an action of a claim. */
  verbClasses?: VerbClass[];
  /** Irregular forms of verbs, by lemma ("run": ["ran"]); regular forms are made by the analyzer. */
  irregularVerbs?: Record<string, string[]>;
  /** Prepositions that tie a surface to an adjacent cloud ("on AWS"). */
  placement: string[];
  /** Words that negate the rest of the clause they stand in. */
  negation: string[];
  /** Phrases that retract what came before them in the clause ("is out of scope"). */
  negationAfter: string[];
  /** Phrases that contain a word of another list but mean nothing here ("no later than", "of peak capacity"). */
  neutral: string[];
  /** Phrases after which a cloud or surface is contrasted away ("instead of"). */
  contrast: string[];
  /**
   * Phrases that make the rest of their clause about someone else's systems
   * ("customers whose apps run on AWS", "their own cloud").
   */
  thirdParty: string[];
  /** Words that make the rest of their clause history ("previously", "used to"), not a claim about the product. */
  past?: string[];
  /** Phrases that make the whole statement an option someone turned down ("rejected", "ruled out"). */
  rejection?: string[];
  /** Phrases that mark the option taken ("accepted", "selected"): such a statement claims even in a retracting section. */
  acceptance?: string[];
  /** Phrases that make the whole statement someone else's view ("analysts expect", "reportedly"). */
  attribution?: string[];
  /** Holders and verbs of someone else's view, a few words apart. */
  attributionFrames?: AttributionFrame[];
  /**
   * Words for a named site or piece of capacity ("pool", "lease*"): a table
   * row that names one on a venue lets later statements use the name.
   */
  siteNouns?: string[];
  /** Phrases that give a site a name ("we call", "hereinafter"). */
  naming?: string[];
  /**
   * Phrases after a venue that say it is ours to run ("a Lambda function we
   * maintain"): they tie the venue, even after a phrase that would make it
   * someone else's or not hosting ("thumbnails come from").
   */
  ownership?: string[];
  /** Phrases that make a cloud mention something other than hosting. */
  nonHosting: string[];
  /** Phrases that say a third party built the product with us. */
  collaboration: string[];
  /** Phrases that name a product built by us alone. */
  firstParty: string[];
  /** Audiences (customer segments) and the phrases that name them. */
  customers: Record<string, string[]>;
  /** Phrases after which the named cloud ships first ("ships first on"). */
  launchOrder: string[];
  /** Phrases before a cloud that say it comes later ("followed by Azure"). */
  launchLater: string[];
  /** Phrases after a cloud that say it comes later ("Azure follows"). */
  launchFollows: string[];
  /** Phrases after a cloud that say it comes first ("Google Cloud goes first"). */
  launchLeads?: string[];
  /**
   * Words that make a table column or a section about hosting ("cloud",
   * "hosting"), so that a bare cloud name or "on AWS" there is a hosting claim.
   */
  hostingContext: string[];
  /**
   * Words of a section heading under which nothing is a claim ("Non-goals",
   * "Out of scope", "Alternatives considered").
   */
  retractingContext: string[];
}

/** A list of ids a leaf condition accepts, or `{ in }` / `{ notIn }`. */
export type IdTest = string[] | { in: string[] } | { notIn: string[] };

/**
 * A condition over one claim of a statement, read with the document's front
 * matter. A condition object holds when every field given holds; `all`,
 * `any` and `not` combine conditions.
 */
export interface RuleCondition {
  all?: RuleCondition[];
  any?: RuleCondition[];
  not?: RuleCondition;
  /** The claim's venue is one of these venues or in one of these groups (`notIn`: it has a venue outside them). */
  venue?: IdTest;
  /** At least one of these surfaces (`notIn`: none of them). */
  surface?: IdTest;
  /** At least one of these audiences; `{ only }`: some audience, and every one of them listed. */
  audience?: IdTest | { only: string[] };
  /** `first-party`, `co-developed`, or the named partners of which one must be among the claim's. */
  partner?: 'first-party' | 'co-developed' | string[];
  /** Whether the home group's venue ships first (`home-first`) or not (`home-later`). */
  order?: 'home-first' | 'home-later';
  /** The claim's date (its own, else the launch date, else the judging date) lies in this window. */
  date?: { from?: string; until?: string };
  /** Values of declared front-matter keys: the key holds at least one of the listed values. */
  keys?: Record<string, string[]>;
}

/** What a fix does, parameterised by profile data. */
export type FixKind = 'set-key' | 'add-value' | 'place-on-group' | 'insert-waiver';

export interface FixDefinition {
  id: string;
  kind: FixKind;
  /** The title shown in the light bulb; `{key}`, `{value}`, `{venue}`, `{rule}`, `{carveOut}` are filled in. */
  title: string;
  /** The front-matter key a `set-key` or `add-value` fix edits. */
  key?: string;
  /** The value a `set-key` fix writes (`[]` for an empty list). An `add-value` fix adds the first audience its finding's carve-out names. */
  value?: string;
  /** The group whose first venue a `place-on-group` fix places the product on. */
  group?: string;
  /** Whether the editor may mark the fix preferred; facts only the user can confirm never are. */
  preferred?: boolean;
}

export type FixId = string;

/**
 * `contract` rules are evaluated from their `when` condition. `document` rules
 * (consistency, front matter, waivers) are checks built into the analyzer; the
 * profile still owns their severity, wording and regimes.
 */
export type RuleKind = 'contract' | 'document';

export interface Rule {
  id: string;
  kind: RuleKind;
  title: string;
  /** Regime ids the rule belongs to; `all` is expanded at load time. */
  regimes: string[];
  severity: Severity;
  /** One sentence on what the rule fires on; used in messages and hovers. */
  description: string;
  /** Message template of a finding; `{rule}`, `{surfaces}`, `{venue}`, `{regime}`, `{date}` are filled in. */
  message?: string;
  when?: RuleCondition;
  /** Rules whose match in the same regime excuses this one (carve-outs, narrower rules). */
  unless: string[];
  /** Carve-out rules a reviewer may rely on instead; listed in hovers. */
  carveOuts: string[];
  clauses: string[];
  fixes: FixId[];
}

/** The claim slot a front-matter key fills for statements that leave it out. */
export type Slot = 'name' | 'surface' | 'venue' | 'audience' | 'partner' | 'order' | 'date';

/** One value of a key that fills `surface`: the surfaces it stands for. */
export interface SurfaceClass {
  value: string;
  /** How messages name the class; defaults to the value. */
  title?: string;
  /** What declaring the value means, for hovers. */
  description?: string;
  /** The surfaces of this class; absent for a mixed class, which stands for whatever the text shows. */
  surfaces?: SurfaceId[];
  /** The surfaces a statement that names none is read as, under this value. */
  otherwise?: SurfaceId[];
  /** Surfaces whose mention contradicts this value (a non-API product whose text describes an API). */
  contradictedBy?: SurfaceId[];
}

export interface FrontMatterKey {
  key: string;
  description: string;
  kind: 'string' | 'date' | 'enum' | 'list';
  /** Allowed values for `enum` and `list` keys; absent means any value. */
  values?: string[];
  /** Take the allowed values from the venues, audiences or surfaces instead of listing them. */
  valuesFrom?: 'venues' | 'audiences' | 'surfaces';
  /** Every spec must declare the key. */
  required?: boolean;
  /** The claim slot the key fills. */
  fills?: Slot;
  /** For a key that fills `surface`: its values and the surfaces each stands for. */
  classes?: SurfaceClass[];
}

/** What a workspace `.carveout.yaml` may set. */
export interface WorkspaceConfig {
  /** Profile file, relative to the `.carveout.yaml` that names it. */
  profile?: string;
  regime?: string;
  asOf?: string;
  /** Per-rule severity; `off` silences the rule. */
  severity?: Record<string, Severity | 'off'>;
  /** Extra aliases for known clouds, or new clouds, keyed by cloud id. */
  cloudAliases?: Record<string, string[]>;
  /** Glob patterns, relative to the config file, of specs not to check. */
  ignore?: string[];
}

/**
 * Message templates. Placeholders in braces are filled in; an unknown one is
 * left as written, so a typo shows in the message rather than vanishing.
 */
export interface Messages {
  /** A finding on a claim with a venue: `{rule}`, `{surfaces}`, `{venue}`, `{regime}`, `{date}`. */
  placed?: string;
  /** A finding on a claim without a venue. */
  unplaced?: string;
  /** How `{surfaces}` reads with surfaces (`{list}`) and without. */
  surfaces?: string;
  noSurface?: string;
  /** The word before the last item of a list ("and"). */
  and?: string;
  /** The finding of a spec dated outside every regime: `{rule}`, `{date}`. */
  noRegime?: string;
  /** Reasons of `declaration-mismatch`: a surface against the declared class (`{surfaces}`, `{key}`, `{value}`), */
  mismatchSurface?: string;
  /** a venue the venue key does not list (`{venues}`, `{key}`), */
  mismatchVenue?: string;
  /** a partner where the partner key declares none, or the reverse (`{key}`). */
  mismatchCoDeveloped?: string;
  mismatchFirstParty?: string;
  /** The word hovers use for a venue ("cloud", "store") and for the words that place the product on one ("hosting"). */
  venueWord?: string;
  tieWord?: string;
  /** `classification-undetermined`: `{classes}`, `{key}`, and `{home}` (the home group's title) when the profile has one. */
  undetermined?: string;
  undeterminedOffHome?: string;
}

export interface Profile {
  id: string;
  title: string;
  disclaimer: string;
  /** The profile this one extends, as written: a built-in id or a file. */
  extends?: string;
  surfaces: Surface[];
  groups: VenueGroup[];
  /** The group whose venues are home: order conditions and the `homeSurfaces` reading refer to it. */
  home?: string;
  confidence: ConfidenceLevel[];
  fixes: FixDefinition[];
  messages: Messages;
  /** How long a waiver the quick fix records lasts; absent: `DEFAULT_WAIVER_DAYS`. */
  waiverDays?: number;
  regimes: Regime[];
  clauses: Clause[];
  vocabulary: Vocabulary;
  rules: Rule[];
  frontMatter: FrontMatterKey[];
}
