/**
 * Remembers the facets of each statement between analyses of one document,
 * so that a keystroke re-reads only the statements it touched. Facets depend
 * on the statement's text and its section's hosting context, both in the
 * key; they are stored relative to the statement's start and moved to where
 * the statement stands now. Document facts and rules are always re-evaluated,
 * so an edited front matter still updates every finding.
 */
import type { CompiledVocabulary } from './compileVocabulary';
import type { Evidence, StatementFacets } from './types';

function moveEvidence(items: readonly Evidence[], by: number): Evidence[] {
  return items.map((item) => ({ facet: item.facet, value: item.value, span: { start: item.span.start + by, end: item.span.end + by } }));
}

function move(facets: StatementFacets, by: number): StatementFacets {
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

export class FacetCache {
  private vocabulary: CompiledVocabulary | undefined;
  /** Entries of the analysis before this one; those not used again are dropped. */
  private previous = new Map<string, StatementFacets>();
  private current = new Map<string, StatementFacets>();
  hits = 0;
  misses = 0;

  /** Starts an analysis pass. A different vocabulary (profile) invalidates everything. */
  begin(vocabulary: CompiledVocabulary): void {
    if (vocabulary !== this.vocabulary) {
      this.vocabulary = vocabulary;
      this.previous = new Map();
    } else {
      this.previous = this.current;
    }
    this.current = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /** The remembered facets for `key`, moved to a statement starting at `offset`. */
  get(key: string, offset: number): StatementFacets | undefined {
    const stored = this.current.get(key) ?? this.previous.get(key);
    if (!stored) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.current.set(key, stored);
    return move(stored, offset);
  }

  set(key: string, facets: StatementFacets, offset: number): void {
    this.current.set(key, move(facets, -offset));
  }
}
