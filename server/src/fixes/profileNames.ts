/**
 * Reads names in the profile's vocabulary: the venue or audience a
 * front-matter value names, and the short name of the venue that replaces
 * other venues in the text.
 */
import type { Cloud, Profile } from '../profile/profileTypes';

/** The cloud a front-matter value names: its id, its name or one of its aliases, in any case. */
export function resolveCloud(profile: Profile, value: string): Cloud | undefined {
  const wanted = value.trim().toLowerCase();
  return profile.vocabulary.clouds.find(
    (cloud) => cloud.id === wanted || cloud.name.toLowerCase() === wanted || cloud.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
}

/**
 * How specs usually write a venue: its first alias ("Azure") that is a plain
 * name, not a pattern with a wildcard ("EU region*"), else its name.
 */
export function shortName(profile: Profile, id: string): string {
  const cloud = profile.vocabulary.clouds.find((candidate) => candidate.id === id);
  return cloud?.aliases.find((alias) => !alias.includes('*')) ?? cloud?.name ?? id;
}

/** The customer segment a front-matter value names: its id or one of its phrases, in any case. */
export function resolveCustomer(profile: Profile, value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  for (const [id, phrases] of Object.entries(profile.vocabulary.customers)) {
    if (id === wanted || phrases.some((phrase) => phrase.toLowerCase() === wanted)) return id;
  }
  return undefined;
}
