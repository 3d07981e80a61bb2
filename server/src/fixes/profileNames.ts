/**
 * Reads names in the profile's vocabulary: the cloud or customer segment a
 * front-matter value names, and the short name of the home cloud that
 * replaces other clouds in the text.
 */
import type { Cloud, Profile } from '../profile/profileTypes';

/** The cloud a front-matter value names: its id, its name or one of its aliases, in any case. */
export function resolveCloud(profile: Profile, value: string): Cloud | undefined {
  const wanted = value.trim().toLowerCase();
  return profile.vocabulary.clouds.find(
    (cloud) => cloud.id === wanted || cloud.name.toLowerCase() === wanted || cloud.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
}

export function homeCloud(profile: Profile): Cloud | undefined {
  return profile.vocabulary.clouds.find((cloud) => cloud.id === profile.vocabulary.homeCloud);
}

/** How specs usually write the home cloud: its first alias ("Azure"), else its name. */
export function homeShortName(profile: Profile): string {
  const cloud = homeCloud(profile);
  return cloud?.aliases[0] ?? cloud?.name ?? profile.vocabulary.homeCloud;
}

/** The customer segment a front-matter value names: its id or one of its phrases, in any case. */
export function resolveCustomer(profile: Profile, value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  for (const [id, phrases] of Object.entries(profile.vocabulary.customers)) {
    if (id === wanted || phrases.some((phrase) => phrase.toLowerCase() === wanted)) return id;
  }
  return undefined;
}
