/**
 * Types shared by the analysis core and its front ends. Every range is a pair
 * of UTF-16 offsets into the analysed text, which is what JavaScript strings,
 * LSP positions and VS Code all count in; `lineMap.ts` turns them into lines
 * and columns.
 */
import type { Severity, SurfaceId } from '../profile/profileTypes';

export interface Span {
  start: number;
  end: number;
}

export type StatementKind = 'sentence' | 'list-item' | 'table-row' | 'front-matter';

export interface Statement {
  kind: StatementKind;
  /** Where the statement stands in the document. */
  span: Span;
  /**
   * For a table row, the header cell read before each of its cells, in column
   * order; the analyzer reads "header cell, row cell" pairs.
   */
  cells?: { header?: Span; cell: Span }[];
  /** Heading titles of the sections the statement is in, outermost first. */
  section: string[];
  /** The front-matter key, for `front-matter` statements. */
  key?: string;
  facets: StatementFacets;
}

export interface Heading {
  level: number;
  title: string;
  span: Span;
  /** From the heading to the end of its section. */
  sectionSpan: Span;
}

/** Words in the document that gave a facet. */
export interface Evidence {
  facet: 'surface' | 'cloud' | 'collaboration' | 'customer' | 'order';
  value: string;
  span: Span;
}

/** A claim that a surface (or the product, when none is named) is hosted on a cloud. */
export interface Tie {
  cloud: string;
  /** Surfaces named with the tie; empty when the statement leaves them to the document. */
  surfaces: SurfaceId[];
  /** The verb class of the words that made the tie (`host`, `acquire`, `move`), when a class verb made it. */
  action?: string;
  /**
   * When the claim takes effect: the statement's date nearest the cloud, as
   * year × 10000 + month × 100 + day (year 0 when not written; `UNSCHEDULED`
   * for "TBD" or "not planned"). See `readDates.ts`.
   */
  when?: number;
  evidence: Evidence[];
}

export interface StatementFacets {
  /** Surfaces the statement names, negated and contrasted ones left out. */
  surfaces: SurfaceId[];
  /**
   * Surfaces named in a clause that also names the home cloud ("developers
   * keep using the Azure endpoint"); they place nothing off it, so they
   * contradict no declaration.
   */
  homeSurfaces?: SurfaceId[];
  /** Surfaces the statement denies ("there is no API surface involved"): what it places is not one of them. */
  deniedSurfaces?: SurfaceId[];
  ties: Tie[];
  collaboration?: 'first-party' | 'co-developed';
  /** Named co-developers ("Amazon"), when the statement names them. */
  partners: string[];
  customers: string[];
  /** Cloud the statement says the product ships on first. */
  firstOn?: string;
  /** Clouds the statement says come later ("followed by Azure"). */
  laterOn: string[];
  /**
   * Home venues the statement names without placing anything there ("an
   * Azure launch … has no date yet"): a date that leaves one unset puts it
   * after the venues the statement dates.
   */
  homeUnplaced?: Evidence[];
  evidence: Evidence[];
}

/** Facts about the whole document: declared in front matter, or inferred from statements. */
export interface DocumentFacts {
  /** The value of the key that fills `surface`, declared or inferred from the text. */
  classification?: string;
  classificationDeclared: boolean;
  surfaces: SurfaceId[];
  servedOn: string[];
  servedOnDeclared: boolean;
  collaboration: 'first-party' | 'co-developed';
  collaborationDeclared: boolean;
  partners: string[];
  customers: string[];
  customersDeclared: boolean;
  firstOn?: string;
  launch?: string;
  product?: string;
  /** The earliest date of a claim on the home cloud, year filled in from the launch date. */
  homeDate?: number;
  /** Whether some claim off the home cloud has a date. */
  datedOffHome: boolean;
  /** Every declared front-matter key's values. */
  keys: Record<string, string[]>;
}

/** A front-matter fact a finding relied on, with where it is written. */
export interface FactUse {
  key: string;
  value: string;
  span?: Span;
}

export interface Waiver {
  rules: string[];
  approver?: string;
  approvedOn?: string;
  expires?: string;
  reference?: string;
  span: Span;
  /** The statement it applies to, if one follows it. */
  target?: Span;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Clause ids cited, in profile order; shared between findings, so never changed. */
  clauses: readonly string[];
  /** Carve-out rule ids that could apply instead; shared between findings, so never changed. */
  carveOuts: readonly string[];
  evidence: Evidence[];
  facts: FactUse[];
  /** Set when a waiver silences the finding; the finding is still reported as waived. */
  waivedBy?: Waiver;
  /** For the statement a finding is on; lets fixes and hovers find it again. */
  statementKind?: StatementKind;
}

export interface RegimeChoice {
  id: string;
  /** Why this regime: the spec's launch date, a setting, a date, or today. */
  reason: 'launch' | 'regime' | 'as-of' | 'today';
  date?: string;
  /** Set when no regime is in force on `date`: `id` is then the nearest regime, and no contract rule applies. */
  uncovered?: true;
}

export interface AnalyzeOptions {
  /** Regime id chosen explicitly (CLI `--regime`, setting). Wins over dates. */
  regime?: string;
  /** Date whose regime applies (CLI `--as-of`, setting), `YYYY-MM-DD`. */
  asOf?: string;
  /** Today's date, `YYYY-MM-DD`; waivers expire against it. Defaults to the clock. */
  today?: string;
  /** Per-rule severity overrides; `off` drops the rule. */
  severity?: Record<string, Severity | 'off'>;
}

/** One front-matter entry with the exact ranges of its key and value. */
export interface FrontMatterEntry {
  key: string;
  /** Scalar values as strings; a list gives one string per item. */
  values: string[];
  keySpan: Span;
  valueSpan: Span;
  /** Each list item's range, in the order of `values`. */
  itemSpans: Span[];
}

export interface FrontMatter {
  /** The whole block including both `---` fences. */
  span: Span;
  /** The YAML text between the fences. */
  contentSpan: Span;
  entries: FrontMatterEntry[];
}

export interface Analysis {
  regime: RegimeChoice;
  frontMatter?: FrontMatter;
  statements: Statement[];
  headings: Heading[];
  facts: DocumentFacts;
  /** All findings, waived ones included (see `Finding.waivedBy`), in document order. */
  findings: Finding[];
  waivers: Waiver[];
}
