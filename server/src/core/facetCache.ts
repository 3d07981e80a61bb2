/**
 * Remembers the facets of each statement between analyses of one document,
 * so that a keystroke re-reads only the statements it touched. Facets depend
 * on the statement's text and its section's hosting context, both in the
 * key; they are stored relative to the statement's start and moved to where
 * the statement stands now. A statement's findings are remembered too, but
 * only for the same document context (regime, document facts, front matter),
 * so an edited front matter still re-evaluates every statement.
 */
import type { CompiledVocabulary } from './compileVocabulary';
import type { Evidence, Finding, StatementFacets } from './types';

function moveEvidence(items: readonly Evidence[], by: number): Evidence[] {
  return items.map((item) => ({ facet: item.facet, value: item.value, span: { start: item.span.start + by, end: item.span.end + by } }));
}

function moveFindings(findings: readonly Finding[], by: number): Finding[] {
  return findings.map((finding) => ({
    ...finding,
    span: { start: finding.span.start + by, end: finding.span.end + by },
    clauses: finding.clauses.slice(),
    carveOuts: finding.carveOuts.slice(),
    evidence: moveEvidence(finding.evidence, by),
    // Front-matter facts stand at the top of the document and do not move with the statement.
    facts: finding.facts.slice(),
  }));
}

function move(facets: StatementFacets, by: number): StatementFacets {
  // Facets without spans (most statements) are the same wherever the statement stands.
  if (facets.evidence.length === 0 && facets.ties.length === 0) return facets;
  return {
    ...facets,
    surfaces: facets.surfaces.slice(),
    ties: facets.ties.map((tie) => ({ cloud: tie.cloud, surfaces: tie.surfaces.slice(), evidence: moveEvidence(tie.evidence, by) })),
    partners: facets.partners.slice(),
    customers: facets.customers.slice(),
    laterOn: facets.laterOn.slice(),
    evidence: moveEvidence(facets.evidence, by),
  };
}

interface Stored<T> {
  /** Offset of the statement when the value was stored; its spans are absolute for that offset. */
  base: number;
  value: T;
}

export class FacetCache {
  private vocabulary: CompiledVocabulary | undefined;
  /** Entries of the analysis before this one; those not used again are dropped. */
  private previous = new Map<string, Stored<StatementFacets>>();
  private current = new Map<string, Stored<StatementFacets>>();
  private previousFindings = new Map<string, Stored<Finding[]> & { context: string }>();
  private currentFindings = new Map<string, Stored<Finding[]> & { context: string }>();
  hits = 0;
  misses = 0;

  /** Starts an analysis pass. A different vocabulary (profile) invalidates everything. */
  begin(vocabulary: CompiledVocabulary): void {
    if (vocabulary !== this.vocabulary) {
      this.vocabulary = vocabulary;
      this.previous = new Map();
      this.previousFindings = new Map();
    } else {
      this.previous = this.current;
      this.previousFindings = this.currentFindings;
    }
    this.current = new Map();
    this.currentFindings = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /**
   * The remembered facets for `key`, for a statement starting at `offset`.
   * Facets are never changed after detection, so a statement that did not
   * move (everything before an edit) shares them instead of copying.
   */
  get(key: string, offset: number): StatementFacets | undefined {
    let stored = this.current.get(key) ?? this.previous.get(key);
    if (!stored) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (stored.base !== offset) stored = { base: offset, value: move(stored.value, offset - stored.base) };
    this.current.set(key, stored);
    return stored.value;
  }

  set(key: string, facets: StatementFacets, offset: number): void {
    this.current.set(key, { base: offset, value: facets });
  }

  /**
   * The findings remembered for a statement `key` under the same document
   * `context`, at `offset`. Each call returns fresh finding objects, since
   * waivers and severity overrides set fields on them; their spans and
   * evidence, which nothing changes, are shared while the statement stays put.
   */
  findings(key: string, context: string, offset: number): Finding[] | undefined {
    let stored = this.currentFindings.get(key) ?? this.previousFindings.get(key);
    if (!stored || stored.context !== context) return undefined;
    if (stored.base !== offset && stored.value.length > 0) stored = { context, base: offset, value: moveFindings(stored.value, offset - stored.base) };
    this.currentFindings.set(key, stored);
    return stored.value.map((finding) => ({ ...finding }));
  }

  setFindings(key: string, context: string, findings: readonly Finding[], offset: number): void {
    this.currentFindings.set(key, { context, base: offset, value: findings.map((finding) => ({ ...finding })) });
  }
}
