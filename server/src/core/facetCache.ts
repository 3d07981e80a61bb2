/**
 * Remembers one document's last analysis, so that the next one re-reads only
 * what an edit touched. The text before the first changed character and
 * after the last one is the same as last time. The statements before the
 * last blank line ahead of the edit are taken as they are (`resume`); past
 * the edit, scanning stops at the first blank line the last analysis also
 * stood at, and the rest is taken moved by the edit's length (`joinable`,
 * `join`). Any other statement that lies wholly in an unchanged part, of the
 * same kind and in the same kind of section, keeps its facets (`reuse`).
 * Matching goes by position, which costs no hashing of statement text. A
 * reused statement's findings are reused too, but only for the same document
 * context (regime, document facts, front matter), so an edited front matter
 * still re-evaluates every statement. The parsed front matter is remembered
 * while its text is unchanged.
 */
import type { CompiledVocabulary } from './compileVocabulary';
import { parseFrontMatter, type FrontMatterParse } from './parseFrontMatter';
import type { Body } from './findStatements';
import type { Evidence, Finding, Span, Statement, StatementFacets } from './types';

function moveSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function moveEvidence(items: readonly Evidence[], by: number): Evidence[] {
  return items.map((item) => ({ facet: item.facet, value: item.value, span: moveSpan(item.span, by) }));
}

function moveFindings(findings: readonly Finding[], by: number): Finding[] {
  return findings.map((finding) => ({
    ...finding,
    span: moveSpan(finding.span, by),
    evidence: moveEvidence(finding.evidence, by),
    // Front-matter facts stand at the top of the document and do not move with the statement.
    facts: finding.facts.slice(),
  }));
}

function move(facets: StatementFacets, by: number): StatementFacets {
  // Facets without spans (most statements) are the same wherever the statement stands.
  if (by === 0 || (facets.evidence.length === 0 && facets.ties.length === 0)) return facets;
  return {
    ...facets,
    surfaces: facets.surfaces.slice(),
    ties: facets.ties.map((tie) => ({ ...tie, surfaces: tie.surfaces.slice(), evidence: moveEvidence(tie.evidence, by) })),
    partners: facets.partners.slice(),
    customers: facets.customers.slice(),
    laterOn: facets.laterOn.slice(),
    evidence: moveEvidence(facets.evidence, by),
    ...(facets.homeUnplaced && { homeUnplaced: moveEvidence(facets.homeUnplaced, by) }),
  };
}

/**
 * How many of `length` items pass `test`, when every item up to some point
 * passes and none after: a binary search. It finds the unchanged ends of a
 * long text with the engine's own string comparison far faster than reading
 * it a character at a time, and positions in the ascending lists of offsets.
 */
function countLeading(length: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many of `items`, in document order, start before `offset`. */
function countBefore(items: readonly { span: { start: number } }[], offset: number): number {
  return countLeading(items.length, (index) => items[index].span.start < offset);
}

/** Whether a table row's header cells are the old row's, moved by `by`; true for other statements. */
function sameHeaders(statement: Statement, old: Statement, by: number): boolean {
  const cells = statement.cells ?? [];
  const before = old.cells ?? [];
  if (cells.length !== before.length) return false;
  return cells.every(({ header }, column) => {
    const was = before[column].header;
    return header === undefined ? was === undefined : was !== undefined && was.start === header.start - by && was.end === header.end - by;
  });
}

/** How a statement's section reads it; facets are reused only within the same reading. */
export type SectionReading = 'plain' | 'hosting';

interface Remembered {
  text: string;
  bodyStart: number;
  body: Body;
  /** How each of `body.statements` was read; undefined for one that claims nothing. */
  readings: readonly (SectionReading | undefined)[];
  /** Findings by statement index, for `context`. */
  findings: readonly (readonly Finding[] | undefined)[];
  context: string;
}

export class FacetCache {
  private vocabulary: CompiledVocabulary | undefined;
  private last: Remembered | undefined;
  private frontMatterRead: { source: string; parse: FrontMatterParse } | undefined;
  // The pass in progress: where the text is unchanged, and what each new statement was matched to.
  private text = '';
  private unchangedBefore = 0;
  private unchangedFrom = 0;
  private shift = 0;
  private cursor = 0;
  private readings: (SectionReading | undefined)[] = [];
  /** For each statement of this pass, the index of the same statement last time, or -1, and how far it moved. */
  private matched: number[] = [];
  private moved: number[] = [];
  private findingsNow: (readonly Finding[] | undefined)[] = [];
  hits = 0;
  misses = 0;

  /**
   * The front matter of `text`, parsed again only when the text no longer
   * starts with the exact source of the last parse, closing fence and line
   * break included: nothing after that source changes the parse.
   */
  frontMatter(text: string): FrontMatterParse {
    const read = this.frontMatterRead;
    if (read && text.substring(0, read.source.length) === read.source) return read.parse;
    const parse = parseFrontMatter(text);
    const end = parse.frontMatter?.span.end ?? 0;
    this.frontMatterRead = end > 0 && text.charCodeAt(end - 1) === 10 ? { source: text.slice(0, end), parse } : undefined;
    return parse;
  }

  /** Starts an analysis pass of `text`. A different vocabulary (profile) invalidates everything. */
  begin(vocabulary: CompiledVocabulary, text: string): void {
    if (vocabulary !== this.vocabulary) this.last = undefined;
    this.vocabulary = vocabulary;
    this.text = text;
    this.cursor = 0;
    this.readings = [];
    this.matched = [];
    this.moved = [];
    this.findingsNow = [];
    this.hits = 0;
    this.misses = 0;
    const before = this.last?.text ?? '';
    const limit = Math.min(before.length, text.length);
    // The longest unchanged start, then the longest unchanged end that does not overlap it.
    const prefix = countLeading(limit, (index) => text.substring(0, index + 1) === before.substring(0, index + 1));
    const suffix = countLeading(limit - prefix, (index) => text.substring(text.length - index - 1) === before.substring(before.length - index - 1));
    this.unchangedBefore = prefix;
    this.unchangedFrom = text.length - suffix;
    this.shift = text.length - before.length;
  }

  /**
   * Facets for the next statement of the pass, in document order, when the
   * same statement was read last time under the same `reading`; undefined
   * when it must be read. Pass no reading for a statement that claims
   * nothing. A table row is reused only with the same header cells, as it is
   * read with them.
   */
  reuse(statement: Statement, reading: SectionReading | undefined): StatementFacets | undefined {
    this.readings.push(reading);
    const by = this.shiftOf(statement);
    const index = by === undefined || reading === undefined ? -1 : this.find(statement, reading, by);
    this.matched.push(index);
    this.moved.push(by ?? 0);
    if (reading === undefined) return undefined;
    if (index < 0) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return move(this.last!.body.statements[index].facets, by!);
  }

  /** The findings of the statement at `index` in this pass, if it was reused and the document context is the same. */
  findings(index: number, context: string): Finding[] | undefined {
    const last = this.last;
    const before = this.matched[index] ?? -1;
    if (!last || before < 0 || last.context !== context) return undefined;
    const stored = last.findings[before];
    if (!stored) return undefined;
    const by = this.moved[index];
    const kept = by === 0 ? stored : moveFindings(stored, by);
    this.findingsNow[index] = kept;
    // Fresh objects each time, since waivers and severity overrides set fields on them.
    return kept.map((finding) => ({ ...finding }));
  }

  setFindings(index: number, findings: readonly Finding[]): void {
    this.findingsNow[index] = findings.map((finding) => ({ ...finding }));
  }

  /**
   * Where this pass can resume scanning: the last quiet point of the last
   * pass (see `findBlocks`) before the first changed character, with how
   * many of its statements and headings lie before it. Those statements are
   * taken as they are.
   */
  resume(bodyStart: number): { at: number; body: Body; statements: number; headings: number } | undefined {
    const last = this.last;
    if (!last || last.bodyStart !== bodyStart || this.cursor !== 0 || this.matched.length !== 0) return undefined;
    const quiet = last.body.quiet;
    const at = quiet[countLeading(quiet.length, (index) => quiet[index] <= this.unchangedBefore) - 1] ?? -1;
    if (at < bodyStart) return undefined;
    const statements = countBefore(last.body.statements, at);
    for (let index = 0; index < statements; index++) {
      const reading = last.readings[index];
      this.readings.push(reading);
      this.matched.push(index);
      this.moved.push(0);
      if (reading !== undefined) this.hits++;
    }
    this.cursor = statements;
    return { at, body: last.body, statements, headings: countBefore(last.body.headings, at) };
  }

  /**
   * Whether scanning may stop at the quiet point `offset`, which lies after
   * the edit: the last pass stood at the same point of the same text, so
   * with the same open sections it read the same statements from there on.
   * Gives the last pass's body, the point there, and how many of its
   * headings came before it.
   */
  joinable(offset: number): { body: Body; before: number; headings: number } | undefined {
    const last = this.last;
    if (!last || offset < this.unchangedFrom) return undefined;
    const before = offset - this.shift;
    const quiet = last.body.quiet;
    if (quiet[countLeading(quiet.length, (index) => quiet[index] < before)] !== before) return undefined;
    return { body: last.body, before, headings: countBefore(last.body.headings, before) };
  }

  /** The last pass's statements from the quiet point `offset` on (see `joinable`), moved by the edit, as this pass's. */
  join(offset: number): Statement[] {
    const last = this.last!;
    const by = this.shift;
    const statements: Statement[] = [];
    const before = last.body.statements;
    for (let index = countBefore(before, offset - by); index < before.length; index++) {
      const old = before[index];
      const statement: Statement = { kind: old.kind, span: moveSpan(old.span, by), section: old.section, facets: move(old.facets, by) };
      if (old.cells) statement.cells = old.cells.map(({ header, cell }) => ({ header: header && moveSpan(header, by), cell: moveSpan(cell, by) }));
      statements.push(statement);
      this.readings.push(last.readings[index]);
      this.matched.push(index);
      this.moved.push(by);
      if (last.readings[index] !== undefined) this.hits++;
    }
    return statements;
  }

  /** Ends the pass: its statements and findings are what the next pass reuses. */
  commit(bodyStart: number, body: Body, context: string): void {
    this.last = { text: this.text, bodyStart, body, readings: this.readings, findings: this.findingsNow, context };
  }

  /** How far a statement moved if it lies wholly before or after the edit: nothing, or the edit's length; undefined when the edit touches it. */
  private shiftOf(statement: Statement): number | undefined {
    if (statement.span.end <= this.unchangedBefore) return 0;
    const headers = statement.cells?.every((pair) => !pair.header || pair.header.start >= this.unchangedFrom) ?? true;
    if (statement.span.start >= this.unchangedFrom && headers) return this.shift;
    return undefined;
  }

  private find(statement: Statement, reading: SectionReading, by: number): number {
    const last = this.last;
    if (!last) return -1;
    const start = statement.span.start - by;
    const end = statement.span.end - by;
    const statements = last.body.statements;
    // Statements come in document order in both passes, so one cursor walks the old ones.
    while (this.cursor < statements.length && statements[this.cursor].span.start < start) this.cursor++;
    const candidate = statements[this.cursor];
    if (!candidate || candidate.span.start !== start || candidate.span.end !== end) return -1;
    if (candidate.kind !== statement.kind || last.readings[this.cursor] !== reading) return -1;
    if (!sameHeaders(statement, candidate, by)) return -1;
    return this.cursor;
  }
}
