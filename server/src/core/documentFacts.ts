/**
 * Combines what the front matter declares with what the statements say, so
 * that a statement which leaves a fact out ("served from AWS regions") is
 * judged with the document's answer (`classification: api`).
 */
import type { SurfaceId } from '../profile/profileTypes';
import { NO_FACETS } from './detectFacets';
import type { DeclaredFacts } from './readFrontMatter';
import { resolveDate } from './readDates';
import type { Classification, DocumentFacts, Statement } from './types';

export const API_SURFACES: readonly SurfaceId[] = ['api', 'stateless-api', 'stateful-runtime'];
export const NON_API_SURFACES: readonly SurfaceId[] = ['non-api', 'device'];

function inferClassification(surfaces: readonly SurfaceId[]): Classification | undefined {
  const api = surfaces.some((surface) => API_SURFACES.includes(surface));
  const nonApi = surfaces.some((surface) => NON_API_SURFACES.includes(surface));
  if (api && nonApi) return 'hybrid';
  if (api) return 'api';
  if (nonApi) return 'non-api';
  return undefined;
}

export function documentFacts(declared: DeclaredFacts, statements: readonly Statement[], homeCloud: string): DocumentFacts {
  const surfaces: SurfaceId[] = [];
  const tiedClouds: string[] = [];
  const partners: string[] = [];
  let coDeveloped = false;
  let firstOn: string | undefined;
  let homeDate: number | undefined;
  let datedOffHome = false;
  for (const statement of statements) {
    const facets = statement.facets;
    if (facets === NO_FACETS || statement.kind === 'front-matter') continue;
    for (const surface of facets.surfaces) if (!surfaces.includes(surface)) surfaces.push(surface);
    for (const tie of facets.ties) {
      if (!tiedClouds.includes(tie.cloud)) tiedClouds.push(tie.cloud);
      if (tie.when === undefined) continue;
      if (tie.cloud !== homeCloud) datedOffHome = true;
      else homeDate = Math.min(homeDate ?? Infinity, resolveDate(tie.when, declared.launch));
    }
    for (const partner of facets.partners) if (!partners.includes(partner)) partners.push(partner);
    if (facets.collaboration === 'co-developed') coDeveloped = true;
    firstOn ??= facets.firstOn;
  }
  const inferred = inferClassification(surfaces);
  const collaborationDeclared = declared.coDevelopedWith !== undefined;
  return {
    product: declared.product,
    classification: declared.classification ?? (inferred === 'hybrid' ? undefined : inferred),
    classificationDeclared: declared.classification !== undefined,
    surfaces,
    servedOn: declared.servedOn ?? tiedClouds,
    servedOnDeclared: declared.servedOn !== undefined,
    collaboration: collaborationDeclared ? (declared.coDevelopedWith!.length > 0 ? 'co-developed' : 'first-party') : coDeveloped ? 'co-developed' : 'first-party',
    collaborationDeclared,
    partners: declared.coDevelopedWith ?? partners,
    // An audience one statement names is that statement's own; only the front matter speaks for every statement.
    customers: declared.customers ?? [],
    customersDeclared: declared.customers !== undefined,
    firstOn: declared.firstOn ?? firstOn,
    launch: declared.launch,
    homeDate,
    datedOffHome,
  };
}

/** Whether the document's own text shows both API and non-API surfaces. */
export function hasMixedSurfaces(facts: DocumentFacts): boolean {
  return inferClassification(facts.surfaces) === 'hybrid';
}

/** Whether the home cloud hosts the product at all, by declaration or by any statement. */
export function homeServes(facts: DocumentFacts, statements: readonly Statement[], homeCloud: string): boolean {
  if (facts.servedOn.includes(homeCloud)) return true;
  return statements.some((statement) => statement.facets.ties.some((tie) => tie.cloud === homeCloud));
}
