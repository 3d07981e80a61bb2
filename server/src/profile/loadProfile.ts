/**
 * Loads a contract profile from YAML text: syntax, then the JSON Schema, then
 * the checks the schema cannot express. Each stage runs only when the one
 * before it passed, so that one mistake is not reported three times over.
 */
import { BUILTIN_PROFILE_DATA } from './builtinProfileData';
import { checkProfile } from './profileChecks';
import { toProfile } from './profileFile';
import type { ProfileFile } from './profileFile';
import { firstProblems } from './problems';
import type { ProfileProblem } from './problems';
import type { Profile } from './profileTypes';
import { validateAgainstSchema } from './schemaValidation';
import { parseYamlSource, problemAtOffsets, problemsAt } from './yamlSource';
import { LineMap } from '../core/lineMap';

export interface ProfileParse {
  /** Set exactly when `problems` is empty. */
  profile?: Profile;
  problems: ProfileProblem[];
}

/** More problems than this are cut, with a note saying how many. */
export const MAX_PROBLEMS = 100;

/** The name problems of the built-in profile are reported under. */
export const BUILTIN_PROFILE_FILE = 'builtin.profile.yaml';

/** Parses and validates a profile file. Never throws. */
export function parseProfile(text: string, file: string): ProfileParse {
  try {
    const parsed = parseYamlSource(text, file);
    const source = parsed.source;
    if (!source) return { problems: parsed.problems };
    if (source.data === null || source.data === undefined) {
      const message = 'The profile is empty; it must be a mapping with id, title, disclaimer, regimes, clauses, rules, frontMatter and vocabulary.';
      return { problems: [problemAtOffsets(file, source.lines, 0, 0, message)] };
    }
    const schemaIssues = validateAgainstSchema('profile', source.data);
    if (schemaIssues.length > 0) return { problems: firstProblems(problemsAt(source, schemaIssues), MAX_PROBLEMS) };
    const data = source.data as ProfileFile;
    const issues = checkProfile(data);
    if (issues.length > 0) return { problems: firstProblems(problemsAt(source, issues), MAX_PROBLEMS) };
    return { profile: toProfile(data), problems: [] };
  } catch (error) {
    // Reaching this is a bug in the loader; the file still gets a problem, not a crash.
    const message = `The profile could not be loaded: ${error instanceof Error ? error.message : String(error)}.`;
    return { problems: [problemAtOffsets(file, new LineMap(''), 0, 0, message)] };
  }
}

let builtin: Profile | undefined;

/**
 * The built-in profile, loaded once from the data embedded at build time. It
 * is frozen because every caller shares it. The embedded data skips the YAML
 * parse and the JSON Schema, the slow part of a server start; the unit tests
 * prove that the YAML passes both and equals the data. A problem here is a bug,
 * so it throws rather than hand back a profile that silently checks less.
 */
export function loadBuiltinProfile(): Profile {
  if (!builtin) {
    const data = BUILTIN_PROFILE_DATA as ProfileFile;
    const issues = checkProfile(data);
    if (issues.length > 0) throw new Error(`The built-in profile is invalid: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    builtin = deepFreeze(toProfile(data));
  }
  return builtin;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
