/**
 * The shape of a contract profile once it is loaded and validated. A profile is
 * data only: the YAML file on disk is checked against `profile.schema.json`
 * and then read into these types.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Confidence = 'primary' | 'reported' | 'press';

/** A surface is the kind of thing a statement describes (an API, an app, ...). */
export type SurfaceId =
  | 'api'
  | 'stateless-api'
  | 'stateful-runtime'
  | 'non-api'
  | 'device'
  | 'open-weights'
  | 'compute-capacity';

export const SURFACE_IDS: readonly SurfaceId[] = [
  'api',
  'stateless-api',
  'stateful-runtime',
  'non-api',
  'device',
  'open-weights',
  'compute-capacity',
];

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
  regime: string;
  title: string;
  /** Short attributed quote; absent when no exact wording was published. */
  quote?: string;
  source: ClauseSource;
  confidence: Confidence;
}

/** A cloud and the names by which specs refer to it. */
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
  homeCloud: string;
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
  /** Customer segments and the phrases that name them. */
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

/** A condition over the effective facets of one statement. All given fields must hold. */
export interface RuleCondition {
  /** At least one of these surfaces. */
  surface?: SurfaceId[];
  /** The statement ties the product to a cloud other than the home cloud. */
  offHome?: boolean;
  collaboration?: 'first-party' | 'co-developed';
  /** At least one of these customer segments. */
  customer?: string[];
  /** False: the product does not ship first on the home cloud. */
  homeFirst?: boolean;
}

export type FixId =
  | 'classify-non-api'
  | 'declare-first-party'
  | 'serve-on-home'
  | 'add-natsec-customer'
  | 'insert-waiver';

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
  when?: RuleCondition;
  /** Rules whose match in the same regime excuses this one (carve-outs, narrower rules). */
  unless: string[];
  /** Carve-out rules a reviewer may rely on instead; listed in hovers. */
  carveOuts: string[];
  clauses: string[];
  fixes: FixId[];
}

export interface FrontMatterKey {
  key: string;
  description: string;
  kind: 'string' | 'date' | 'enum' | 'list';
  /** Allowed values for `enum` and `list` keys; absent means any value. */
  values?: string[];
  /** Take the allowed values from the vocabulary instead of listing them. */
  valuesFrom?: 'clouds' | 'customers';
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

export interface Profile {
  id: string;
  title: string;
  disclaimer: string;
  /** How long a waiver the quick fix records lasts; absent: `DEFAULT_WAIVER_DAYS`. */
  waiverDays?: number;
  regimes: Regime[];
  clauses: Clause[];
  vocabulary: Vocabulary;
  rules: Rule[];
  frontMatter: FrontMatterKey[];
}
