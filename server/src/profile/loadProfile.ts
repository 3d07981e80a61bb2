/**
 * Loads a contract profile from YAML text: syntax, then the JSON Schema, then
 * the checks the schema cannot express. Each stage runs only when the one
 * before it passed, so that one mistake is not reported three times over.
 */
import { BUILTIN_PROFILE_DATA } from './builtinProfileData';
import { checkProfile, regimeGaps } from './profileChecks';
import { mergeProfile, toProfile } from './profileFile';
import type { PartialProfileFile, ProfileFile } from './profileFile';
import { firstProblems } from './problems';
import type { ProfileProblem } from './problems';
import type { Profile } from './profileTypes';
import { validateAgainstSchema } from './schemaValidation';
import { parseYamlSource, problemAtOffsets, problemsAt } from './yamlSource';
import { LineMap } from '../core/lineMap';
import { yaml } from '../core/yaml';
import type { PathOps } from '../runtime/serverRuntime';

export interface ProfileParse {
  /** Set exactly when `problems` is empty. */
  profile?: Profile;
  problems: ProfileProblem[];
  /** Things a valid profile may mean but probably does not (a gap between regimes). */
  warnings?: ProfileProblem[];
}

/** More problems than this are cut, with a note saying how many. */
export const MAX_PROBLEMS = 100;

/** The name problems of the built-in profile are reported under. */
export const BUILTIN_PROFILE_FILE = 'builtin.profile.yaml';

/** Reads a profile file a profile extends; throws when it cannot. The caller decides where files may come from. */
export type ReadProfileFile = (file: string) => string;

/** How a profile reaches the files it extends: the reader, and the path arithmetic of the host (the disk's, or URI paths in a browser). */
export interface ProfileFiles {
  read: ReadProfileFile;
  paths: PathOps;
}

/** The id of the built-in profile, which other profiles may extend by it. */
const BUILTIN_PROFILE_ID = 'microsoft-openai';

/** How many profiles deep `extends` may chain. */
const MAX_EXTENDS_DEPTH = 8;

/**
 * Parses and validates a profile file. A profile that extends a file reads
 * it through `readFile`; without one, it may extend only a built-in profile.
 * Never throws.
 */
export function parseProfile(text: string, file: string, files?: ProfileFiles): ProfileParse {
  return parseWithin(text, file, files, [file]);
}

function parseWithin(text: string, file: string, files: ProfileFiles | undefined, chain: string[]): ProfileParse {
  try {
    const parsed = parseYamlSource(text, file);
    const source = parsed.source;
    if (!source) return { problems: parsed.problems };
    if (source.data === null || source.data === undefined) {
      const message = 'The profile is empty; it must be a mapping with id, title, disclaimer, regimes, rules, frontMatter, surfaces and vocabulary, or extend another profile.';
      return { problems: [problemAtOffsets(file, source.lines, 0, 0, message)] };
    }
    const schemaIssues = validateAgainstSchema('profile', source.data);
    if (schemaIssues.length > 0) return { problems: firstProblems(problemsAt(source, schemaIssues), MAX_PROBLEMS) };
    const own = source.data as PartialProfileFile;
    let data = own as ProfileFile;
    if (own.extends !== undefined) {
      const base = baseProfile(own.extends, file, files, chain);
      if (typeof base === 'string') return { problems: problemsAt(source, [{ path: ['extends'], message: base }]) };
      data = mergeProfile(base, own);
    }
    const issues = checkProfile(data);
    if (issues.length > 0) return { problems: firstProblems(problemsAt(source, issues), MAX_PROBLEMS) };
    const gaps = regimeGaps(data).map((gap) => ({ path: ['regimes', gap.index, 'from'], message: gap.message }));
    return { profile: toProfile(data), problems: [], warnings: gaps.length > 0 ? problemsAt(source, gaps) : [] };
  } catch (error) {
    // Reaching this is a bug in the loader; the file still gets a problem, not a crash.
    const message = `The profile could not be loaded: ${error instanceof Error ? error.message : String(error)}.`;
    return { problems: [problemAtOffsets(file, new LineMap(''), 0, 0, message)] };
  }
}

/** The merged data of the profile `name` extends, or why it cannot be had. */
function baseProfile(name: string, file: string, files: ProfileFiles | undefined, chain: string[]): ProfileFile | string {
  if (name === BUILTIN_PROFILE_ID) return builtinData();
  if (!files) return `Unknown built-in profile "${name}"; the built-in profile is "${BUILTIN_PROFILE_ID}", and profile files can be extended only from a workspace.`;
  const path = extendedPath(name, file, files.paths);
  if (chain.includes(path)) return `The profile "${name}" extends this profile in turn; profiles cannot extend each other in a circle.`;
  if (chain.length >= MAX_EXTENDS_DEPTH) return `Profiles extend each other more than ${MAX_EXTENDS_DEPTH} deep.`;
  let text: string;
  try {
    text = files.read(path);
  } catch (error) {
    return `Cannot read the profile "${name}" this one extends (${error instanceof Error ? error.message : String(error)}).`;
  }
  const parsed = parseWithin(text, path, files, [...chain, path]);
  if (!parsed.profile) {
    const first = parsed.problems[0];
    return `The profile "${name}" this one extends has ${parsed.problems.length === 1 ? '1 problem' : `${parsed.problems.length} problems`}, the first at line ${first.line}: ${first.message}`;
  }
  return parsed.profile as unknown as ProfileFile;
}

/** Where the profile file `name` that `file` extends is. */
function extendedPath(name: string, file: string, paths: PathOps): string {
  return paths.resolve(paths.dirname(file), name);
}

/**
 * The file a profile's text extends, if it extends a file rather than the
 * built-in profile; undefined for text that is not a profile. Lets a host
 * that reads files asynchronously read the chain before the synchronous parse.
 */
export function extendedProfileFile(text: string, file: string, paths: PathOps): string | undefined {
  let data: unknown;
  try {
    data = yaml().parse(text);
  } catch {
    return undefined;
  }
  const name = data !== null && typeof data === 'object' ? (data as { extends?: unknown }).extends : undefined;
  return typeof name === 'string' && name !== BUILTIN_PROFILE_ID ? extendedPath(name, file, paths) : undefined;
}

function builtinData(): ProfileFile {
  return BUILTIN_PROFILE_DATA as ProfileFile;
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
    const data = builtinData();
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
