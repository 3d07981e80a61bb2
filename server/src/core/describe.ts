/** Finding messages from the profile's templates, and how a list of surfaces reads in them. */
import type { Messages, SurfaceId } from '../profile/profileTypes';
import type { CompiledContract } from './compileContract';

/** A template split once into its text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    // Profiles edited over a long session bring new templates; the old ones need not stay.
    if (compiled.size >= 1000) compiled.clear();
    parts = template.split(/\{([a-zA-Z]+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders; one the values do not know is left as written, so a typo shows. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index];
    out += (Object.hasOwn(values, name) ? values[name] : `{${name}}`) + parts[index + 1];
  }
  return out;
}

/** Titles joined as a list: "A", "A and B", "A, B and C". */
export function joinTitles(titles: readonly string[], and: string): string {
  return titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} ${and} ${titles[titles.length - 1]}`;
}

export function describeSurfaces(surfaces: readonly SurfaceId[], contract: CompiledContract, messages: Messages): string {
  if (surfaces.length === 0) return messages.noSurface ?? 'the product';
  // A spec with many findings names the same few lists of surfaces over and over.
  const key = surfaces.length === 1 ? surfaces[0] : surfaces.join(' ');
  let words = contract.surfaceWords.get(key);
  if (words === undefined) {
    // A broad surface adds nothing next to one that narrows it ("API" next to "stateless API").
    const narrowed = new Set(surfaces.flatMap((surface) => contract.surfaces.get(surface)?.within ?? []));
    const titles = surfaces.filter((surface) => !narrowed.has(surface)).map((surface) => contract.surfaces.get(surface)?.title ?? surface);
    words = fillTemplate(messages.surfaces ?? 'the {list}', { list: joinTitles(titles, messages.and ?? 'and') });
    if (contract.surfaceWords.size < 1000) contract.surfaceWords.set(key, words);
  }
  return words;
}
