/**
 * The workspace file `.carveout.yaml`: finding it, reading it, loading the
 * profile it names and merging its vocabulary into that profile. The editor
 * and the CLI both go through `loadWorkspace`, so they give the same answers.
 */
import { didYouMean } from './didYouMean';
import { checkIgnoreGlobs } from './isIgnored';
import { loadBuiltinProfile, parseProfile } from './loadProfile';
import { LineMap } from '../core/lineMap';
import { sortProblems } from './problems';
import type { DataIssue, ProfileProblem } from './problems';
import type { Cloud, Profile, WorkspaceConfig } from './profileTypes';
import { validateAgainstSchema } from './schemaValidation';
import { parseYamlSource, problemAtOffsets, problemsAt, rangeOf } from './yamlSource';
import type { YamlSource } from './yamlSource';
import type { PathOps } from '../runtime/serverRuntime';

export const WORKSPACE_CONFIG_NAME = '.carveout.yaml';

/** Reads a file as UTF-8 text; may throw, the callers here catch it. */
export type ReadFile = (file: string) => string;

export interface WorkspaceConfigParse {
  /** Set exactly when `problems` is empty. */
  config?: WorkspaceConfig;
  problems: ProfileProblem[];
}

/** Where a problem in the config file goes when the config names it. */
export interface ProblemSpot {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ResolvedProfile {
  /** The profile to use: the one the config names, or the built-in one. */
  profile: Profile;
  /** Absolute path of the profile file; absent for the built-in profile. */
  profileFile?: string;
  /** Problems of the named profile; non-empty means the built-in one is used. */
  problems: ProfileProblem[];
}

export interface Workspace extends ResolvedProfile {
  /** The config as read; `{}` when the config file itself has problems. */
  config: WorkspaceConfig;
}

/**
 * Where a `.carveout.yaml` may be for a spec in `startDir`, nearest first: in
 * `startDir` and each directory above it, up to `stopDir` (a workspace root)
 * or the filesystem root. The caller takes the first that exists, on disk or
 * through the client.
 */
export function configCandidates(startDir: string, stopDir: string | undefined, paths: PathOps): string[] {
  const stop = stopDir === undefined ? undefined : paths.resolve(stopDir);
  const candidates: string[] = [];
  for (let dir = paths.resolve(startDir); ; ) {
    candidates.push(paths.join(dir, WORKSPACE_CONFIG_NAME));
    const parent = paths.dirname(dir);
    if (dir === stop || parent === dir) return candidates;
    dir = parent;
  }
}

/** The file a config's `profile` names: relative to the config's folder. */
export function profileFileOf(config: WorkspaceConfig, configFile: string, paths: PathOps): string | undefined {
  return config.profile === undefined ? undefined : paths.resolve(paths.dirname(configFile), config.profile);
}

interface ConfigSource {
  config?: WorkspaceConfig;
  source?: YamlSource;
  problems: ProfileProblem[];
}

function readConfig(text: string, file: string): ConfigSource {
  const parsed = parseYamlSource(text, file);
  const source = parsed.source;
  if (!source) return { problems: parsed.problems };
  // An empty file, or one with only comments, is a valid config that sets nothing.
  const data = source.data ?? {};
  const schemaIssues = validateAgainstSchema('workspace', data);
  const issues = schemaIssues.length > 0 ? schemaIssues : checkIgnoreGlobs(data as WorkspaceConfig);
  if (issues.length > 0) return { source, problems: sortProblems(problemsAt(source, issues)) };
  return { config: data as WorkspaceConfig, source, problems: [] };
}

/** Parses and validates a `.carveout.yaml`. Never throws. */
export function parseWorkspaceConfig(text: string, file: string): WorkspaceConfigParse {
  try {
    const { config, problems } = readConfig(text, file);
    return config ? { config, problems } : { problems };
  } catch (error) {
    return { problems: [internalProblem(file, error)] };
  }
}

/**
 * The profile `config` names, read relative to `configFile`. Without one, or
 * when it cannot be read or has problems, the built-in profile is used and the
 * problems say why: the named profile's own, plus one in the config file at
 * `at` (where the config names the profile). Never throws.
 */
export function resolveProfile(
  config: WorkspaceConfig,
  configFile: string,
  readFile: ReadFile,
  paths: PathOps,
  at?: ProblemSpot,
): ResolvedProfile {
  const profileFile = profileFileOf(config, configFile, paths);
  if (config.profile === undefined || profileFile === undefined) return { profile: loadBuiltinProfile(), problems: [] };
  const spot = at ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const fallBack = (message: string, more: ProfileProblem[] = []): ResolvedProfile => ({
    profile: loadBuiltinProfile(),
    problems: [...more, { file: configFile, message, ...spot }],
  });
  let text: string;
  try {
    text = readFile(profileFile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fallBack(`Cannot read the profile "${config.profile}" (${reason}); using the built-in profile.`);
  }
  const { profile, problems } = parseProfile(text, profileFile, { read: readFile, paths });
  if (!profile) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    return fallBack(`The profile "${config.profile}" has ${count}; using the built-in profile.`, problems);
  }
  return { profile, profileFile, problems: [] };
}

/**
 * `profile` with the config's cloud aliases added; an id the profile does not
 * know becomes a new cloud named by its id. The input is not changed.
 */
export function applyWorkspaceConfig(profile: Profile, config: WorkspaceConfig): Profile {
  const extra = config.cloudAliases;
  if (!extra || Object.keys(extra).length === 0) return profile;
  const clouds: Cloud[] = profile.vocabulary.clouds.map((cloud) => ({ ...cloud, aliases: [...cloud.aliases] }));
  for (const [id, aliases] of Object.entries(extra)) {
    let cloud = clouds.find((c) => c.id === id);
    if (!cloud) {
      cloud = { id, name: id, aliases: [] };
      clouds.push(cloud);
    }
    const known = new Set(cloud.aliases.map((a) => a.toLowerCase()));
    for (const alias of aliases) {
      if (known.has(alias.toLowerCase())) continue;
      known.add(alias.toLowerCase());
      cloud.aliases.push(alias);
    }
  }
  return { ...profile, vocabulary: { ...profile.vocabulary, clouds } };
}

/**
 * Everything a front end needs from a `.carveout.yaml`: the config, and the
 * profile it names with the config's vocabulary merged in. References that
 * only the profile can check (regime ids, rule ids) are checked here, with
 * positions in the config file. Never throws.
 */
export function loadWorkspace(text: string, configFile: string, readFile: ReadFile, paths: PathOps): Workspace {
  try {
    const read = readConfig(text, configFile);
    if (!read.config || !read.source) {
      return { config: {}, profile: loadBuiltinProfile(), problems: read.problems };
    }
    const { config, source } = read;
    const at = config.profile === undefined ? undefined : spotOf(source, ['profile']);
    const resolved = resolveProfile(config, configFile, readFile, paths, at);
    const mismatches = problemsAt(source, checkAgainstProfile(config, resolved.profile));
    const profile = applyWorkspaceConfig(resolved.profile, config);
    return { ...resolved, config, profile, problems: sortProblems([...resolved.problems, ...mismatches]) };
  } catch (error) {
    return { config: {}, profile: loadBuiltinProfile(), problems: [internalProblem(configFile, error)] };
  }
}

function checkAgainstProfile(config: WorkspaceConfig, profile: Profile): DataIssue[] {
  const issues: DataIssue[] = [];
  const regimes = profile.regimes.map((r) => r.id);
  if (config.regime !== undefined && !regimes.includes(config.regime)) {
    issues.push({ path: ['regime'], message: `Unknown regime "${config.regime}"; the profile defines: ${regimes.join(', ')}.` });
  }
  const rules = new Set(profile.rules.map((r) => r.id));
  for (const id of Object.keys(config.severity ?? {})) {
    if (!rules.has(id)) issues.push({ path: ['severity', id], part: 'key', message: `Unknown rule "${id}"; no rule of the profile has this id.${didYouMean(id, rules)}` });
  }
  // An alias that already names another cloud would make its mentions ambiguous.
  for (const [id, aliases] of Object.entries(config.cloudAliases ?? {})) {
    aliases.forEach((alias, index) => {
      const owner = profile.vocabulary.clouds.find((c) => c.id !== id && c.aliases.some((a) => a.toLowerCase() === alias.toLowerCase()));
      if (owner) issues.push({ path: ['cloudAliases', id, index], message: `Alias "${alias}" already names cloud "${owner.id}".` });
    });
  }
  return issues;
}

function spotOf(source: YamlSource, path: string[]): ProblemSpot {
  const [start, end] = rangeOf(source, path);
  const { line, column, endLine, endColumn } = problemAtOffsets('', source.lines, start, end, '');
  return { line, column, endLine, endColumn };
}

function internalProblem(file: string, error: unknown): ProfileProblem {
  const message = `The workspace configuration could not be read: ${error instanceof Error ? error.message : String(error)}.`;
  return problemAtOffsets(file, new LineMap(''), 0, 0, message);
}
