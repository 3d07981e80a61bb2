/** Finding messages from the profile's templates, and how a list of surfaces reads in them. */
import type { Messages, SurfaceId } from '../profile/profileTypes';
import type { CompiledContract } from './compileContract';

/** Fills `{name}` placeholders; one the values do not know is left as written, so a typo shows. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** Titles joined as a list: "A", "A and B", "A, B and C". */
export function joinTitles(titles: readonly string[], and: string): string {
  return titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} ${and} ${titles[titles.length - 1]}`;
}

export function describeSurfaces(surfaces: readonly SurfaceId[], contract: CompiledContract, messages: Messages): string {
  if (surfaces.length === 0) return messages.noSurface ?? 'the product';
  // A broad surface adds nothing next to one that narrows it ("API" next to "stateless API").
  const narrowed = new Set(surfaces.flatMap((surface) => contract.surfaces.get(surface)?.within ?? []));
  const titles = surfaces.filter((surface) => !narrowed.has(surface)).map((surface) => contract.surfaces.get(surface)?.title ?? surface);
  return fillTemplate(messages.surfaces ?? 'the {list}', { list: joinTitles(titles, messages.and ?? 'and') });
}
