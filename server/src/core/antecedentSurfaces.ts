/**
 * A statement that opens with a pronoun ("It runs on GKE in us-east4") and
 * places the product without naming a surface speaks of what the statement
 * right before it named ("The Remix API lets developers post clips."), not
 * of the whole document. This reads that antecedent.
 */
import type { SurfaceId } from '../profile/profileTypes';
import type { Evidence, Statement } from './types';

/** A pronoun opening a sentence or a list item (after its bullet, number or checkbox). */
const OPENS_WITH_PRONOUN = /^(?:(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:it|its|this|these|they|both)\b/i;

/** The longest opening read for the pronoun; a statement's first words are enough. */
const OPENING = 24;

export interface Antecedent {
  surfaces: SurfaceId[];
  evidence: Evidence[];
}

/**
 * The surfaces of the statement before `index`, when the statement at
 * `index` opens with a pronoun, places something with a tie that names no
 * surface, and stands in the same section as that statement.
 */
export function antecedentSurfaces(text: string, statements: readonly Statement[], index: number): Antecedent | undefined {
  const statement = statements[index];
  const previous = statements[index - 1];
  if (!previous || statement.kind === 'table-row' || previous.kind === 'table-row' || previous.section !== statement.section) return undefined;
  if (previous.facets.surfaces.length === 0 || !statement.facets.ties.some((tie) => tie.surfaces.length === 0)) return undefined;
  if (!OPENS_WITH_PRONOUN.test(text.slice(statement.span.start, statement.span.start + OPENING))) return undefined;
  return { surfaces: previous.facets.surfaces.slice(), evidence: previous.facets.evidence.filter((item) => item.facet === 'surface') };
}
