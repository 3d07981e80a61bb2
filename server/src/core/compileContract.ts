/**
 * The contract parts of a profile in the form the analysis reads them: the
 * front-matter key that fills each claim slot, the classes of the key that
 * fills `surface`, venue groups as sets and surface titles. Compiled once per
 * profile, like the vocabulary.
 */
import type { FrontMatterKey, Profile, Slot, Surface, SurfaceClass, SurfaceId } from '../profile/profileTypes';

export interface CompiledContract {
  /** The declared key that fills each slot, the first one when several do. */
  keyOf: Partial<Record<Slot, FrontMatterKey>>;
  /** The classes of the key that fills `surface`; empty without one. */
  classes: readonly SurfaceClass[];
  /** Classes with surfaces of their own, which the text's surfaces can be sorted into. */
  pureClasses: readonly SurfaceClass[];
  /** The venues of each group and of each venue id, by id. */
  venuesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** The venues of the home group. */
  home: ReadonlySet<string>;
  /** Title of the home group, for messages. */
  homeTitle?: string;
  surfaces: ReadonlyMap<SurfaceId, Surface>;
  /** How each list of surfaces reads in messages, by the list joined; filled as messages are made. */
  surfaceWords: Map<string, string>;
}

const cache = new WeakMap<Profile, CompiledContract>();

export function compileContract(profile: Profile): CompiledContract {
  const cached = cache.get(profile);
  if (cached) return cached;
  const keyOf: CompiledContract['keyOf'] = {};
  for (const key of profile.frontMatter) if (key.fills && !keyOf[key.fills]) keyOf[key.fills] = key;
  const classes = keyOf.surface?.classes ?? [];
  const venuesOf = new Map<string, ReadonlySet<string>>();
  for (const venue of profile.vocabulary.clouds) venuesOf.set(venue.id, new Set([venue.id]));
  for (const group of profile.groups) venuesOf.set(group.id, new Set(group.venues));
  const homeGroup = profile.groups.find((group) => group.id === profile.home);
  const compiled: CompiledContract = {
    keyOf,
    classes,
    pureClasses: classes.filter((entry) => entry.surfaces !== undefined),
    venuesOf,
    home: new Set(homeGroup?.venues ?? []),
    homeTitle: homeGroup?.title,
    surfaces: new Map(profile.surfaces.map((surface) => [surface.id, surface])),
    surfaceWords: new Map(),
  };
  cache.set(profile, compiled);
  return compiled;
}

/** The values a key allows, or undefined for any value. */
export function allowedValues(key: FrontMatterKey, profile: Profile): string[] | undefined {
  if (key.classes) return key.classes.map((entry) => entry.value);
  if (key.valuesFrom === 'venues') return profile.vocabulary.clouds.map((cloud) => cloud.id);
  if (key.valuesFrom === 'audiences') return Object.keys(profile.vocabulary.customers);
  if (key.valuesFrom === 'surfaces') return profile.surfaces.map((surface) => surface.id);
  return key.values;
}

/** The classes the surfaces fall into, each once, in profile order. */
export function classesOf(contract: CompiledContract, surfaces: readonly SurfaceId[]): SurfaceClass[] {
  return contract.pureClasses.filter((entry) => surfaces.some((surface) => entry.surfaces!.includes(surface)));
}

/** The class the text's surfaces show when they show exactly one. */
export function inferClass(contract: CompiledContract, surfaces: readonly SurfaceId[]): string | undefined {
  const found = classesOf(contract, surfaces);
  return found.length === 1 ? found[0].value : undefined;
}

/** Whether the surfaces fall into more than one class; asked of every statement, so it allocates nothing. */
export function mixesClasses(contract: CompiledContract, surfaces: readonly SurfaceId[]): boolean {
  if (surfaces.length < 2) return false;
  let found = 0;
  for (const entry of contract.pureClasses) {
    if (surfaces.some((surface) => entry.surfaces!.includes(surface)) && ++found > 1) return true;
  }
  return false;
}

export function classNamed(contract: CompiledContract, value: string | undefined): SurfaceClass | undefined {
  return value === undefined ? undefined : contract.classes.find((entry) => entry.value === value);
}
