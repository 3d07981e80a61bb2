/** Plain-English names for facet values, used in finding messages. */
import type { SurfaceId } from '../profile/profileTypes';

const SURFACE_NAMES: Record<SurfaceId, string> = {
  api: 'API',
  'stateless-api': 'stateless API',
  'stateful-runtime': 'stateful runtime',
  'non-api': 'non-API product',
  device: 'device',
  'open-weights': 'open-weight release',
  'compute-capacity': 'compute capacity',
};

export function describeSurfaces(surfaces: readonly SurfaceId[]): string {
  if (surfaces.length === 0) return 'the product';
  // "API" adds nothing next to a more specific API surface.
  const specific = surfaces.includes('stateless-api') || surfaces.includes('stateful-runtime');
  const names = surfaces.filter((surface) => !(specific && surface === 'api')).map((surface) => SURFACE_NAMES[surface]);
  return `the ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
}
