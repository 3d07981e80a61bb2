/**
 * Finds the contract profile and workspace config that apply to a document:
 * the `carveout.profile` setting, or the nearest `.carveout.yaml` and the
 * profile it names. When either cannot be used, the built-in profile stands
 * in and the result says why, so that the fallback is visible on every spec.
 * Results are cached per config file and setting, since a workspace of specs
 * shares a few of them; file changes clear the cache. A `.carveout.yaml` is
 * looked for up to the workspace folder only, and may name only files in it.
 * In an untrusted workspace (Restricted Mode) the profile a `.carveout.yaml`
 * names is not read: the built-in profile applies with the config's other
 * settings, and every spec says why.
 */
import { loadBuiltinProfile, parseProfile } from '../profile/loadProfile';
import { applyWorkspaceConfig, loadWorkspace, parseWorkspaceConfig, profileFileOf, type ReadFile } from '../profile/loadWorkspaceConfig';
import type { ProfileProblem } from '../profile/problems';
import type { Profile, WorkspaceConfig } from '../profile/profileTypes';
import type { WorkspaceRoot } from '../profile/workspaceRoot';
import type { PathOps, ServerRuntime } from '../runtime/serverRuntime';
import { findWorkspaceConfig, readAhead, readProfilesAhead, readSource, readWithin, type ReadSource } from './workspaceReads';

/** Why the profile or config the user named is not used as written. */
export interface ProfileFallback {
  message: string;
  /** True when the built-in profile stands in; false when only a broken config's settings are dropped. */
  builtin: boolean;
  /** The first problem, for a link from the spec's diagnostic to the broken file. */
  problem?: ProfileProblem;
}

export interface ProfileChoice {
  profile: Profile;
  config: WorkspaceConfig;
  configFile?: string;
  /** Absolute path of the profile in use; absent for the built-in profile. */
  profileFile?: string;
  fallback?: ProfileFallback;
}

export interface ProfileRequest {
  /** The document's path; absent for untitled documents. */
  documentPath?: string;
  /** The workspace folder holding the document. */
  folderPath?: string;
  /** The `carveout.profile` setting as written. */
  settingProfile: string;
}

/** What went wrong with a source, worded so that the consequence can be appended. */
interface Failure {
  what: string;
  problem?: ProfileProblem;
}

interface ConfigLoad {
  config: WorkspaceConfig;
  profile: Profile;
  profileFile?: string;
  /** The config file itself cannot be used: its settings are dropped. */
  configFailure?: Failure;
  /** The config is fine but the profile it names cannot be used. */
  profileFailure?: Failure;
}

/** The folder a document's workspace files must stay in: its workspace folder, else its own folder. */
export function workspaceRoot(paths: PathOps, folderPath: string | undefined, documentPath: string): WorkspaceRoot;
export function workspaceRoot(paths: PathOps, folderPath: string | undefined, documentPath: string | undefined): WorkspaceRoot | undefined;
export function workspaceRoot(paths: PathOps, folderPath: string | undefined, documentPath: string | undefined): WorkspaceRoot | undefined {
  if (folderPath !== undefined) return { path: folderPath, name: 'the workspace folder' };
  return documentPath === undefined ? undefined : { path: paths.dirname(documentPath), name: "the spec's folder" };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function firstProblemText(problems: readonly ProfileProblem[]): string {
  const first = problems[0];
  return first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '';
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ProfileResolver {
  private readonly cache = new Map<string, Promise<ProfileChoice>>();
  /** Where each search for a config ended; every step may be a round trip to the client. */
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly named = new Set<string>();
  private trusted = true;
  /** Counts `clear` calls, so that a resolution begun before files changed is not cached after. */
  private cleared = 0;
  private readonly paths: PathOps;
  private readonly readFile: ReadSource;

  constructor(private readonly runtime: ServerRuntime) {
    this.paths = runtime.paths;
    this.readFile = readSource(runtime);
  }

  /** Whether the workspace is trusted; an untrusted workspace's `.carveout.yaml` cannot choose the profile. */
  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.cache.clear();
  }

  /** Whether a setting or a config names this file as a profile; such files are validated as profiles when open. */
  isNamedProfile(path: string): boolean {
    return this.named.has(this.paths.resolve(path));
  }

  /** A reader that counts every profile it reads (one named, and those it extends) as named, so each is watched and validated. */
  private tracking(read: ReadFile): ReadFile {
    return (file) => {
      this.named.add(this.paths.resolve(file));
      return read(file);
    };
  }

  /** Profile files named so far, for file watching. */
  namedProfiles(): string[] {
    return [...this.named];
  }

  clear(): void {
    this.cache.clear();
    this.found.clear();
    this.cleared += 1;
  }

  async resolve(request: ProfileRequest): Promise<ProfileChoice> {
    const cleared = this.cleared;
    const root = workspaceRoot(this.paths, request.folderPath, request.documentPath);
    // The search starts in the document's folder, or at the root for requests about no document in particular.
    const configFile = root && (await this.findConfig(request.documentPath !== undefined ? this.paths.dirname(request.documentPath) : root.path, root.path));
    const found = configFile === undefined || root === undefined ? undefined : { configFile, root };
    const key = [configFile ?? '', request.settingProfile, request.folderPath ?? '', request.documentPath === undefined ? '' : this.paths.dirname(request.documentPath)].join('\0');
    let choice = this.cache.get(key);
    if (!choice) {
      choice = this.load(found, request);
      if (cleared === this.cleared) this.cache.set(key, choice);
    }
    return choice;
  }

  private findConfig(startDir: string, stopDir: string): Promise<string | undefined> {
    const key = `${startDir}\0${stopDir}`;
    let found = this.found.get(key);
    if (!found) {
      found = findWorkspaceConfig(this.runtime, startDir, stopDir);
      this.found.set(key, found);
    }
    return found;
  }

  private async load(found: { configFile: string; root: WorkspaceRoot } | undefined, request: ProfileRequest): Promise<ProfileChoice> {
    const builtin = loadBuiltinProfile();
    const usingBuiltin = `so this spec is checked with the built-in profile "${builtin.title}"`;
    const configFile = found?.configFile;
    const loaded: ConfigLoad = found === undefined ? { config: {}, profile: builtin } : await this.loadConfig(found.configFile, found.root, request.folderPath);
    const config = loaded.config;
    const base = { config, configFile };

    if (request.settingProfile === '') {
      const failure = loaded.configFailure ?? loaded.profileFailure;
      if (!failure) return { ...base, profile: loaded.profile, profileFile: loaded.profileFile };
      const tail = loaded.configFailure ? `${usingBuiltin} and without that file's settings` : usingBuiltin;
      return { ...base, profile: loaded.profile, fallback: { message: `${failure.what}, ${tail}.`, builtin: true, problem: failure.problem } };
    }

    // The setting overrides the config's profile, so only a broken config itself still matters.
    const settingFailure = await this.loadSetting(request);
    if ('failure' in settingFailure) {
      const tail = loaded.configFailure ? `${usingBuiltin}; ${loaded.configFailure.what}, so that file's settings are not used either` : usingBuiltin;
      return {
        ...base,
        profile: applyWorkspaceConfig(builtin, config),
        fallback: { message: `${settingFailure.failure.what}, ${tail}.`, builtin: true, problem: settingFailure.failure.problem ?? loaded.configFailure?.problem },
      };
    }
    const choice: ProfileChoice = { ...base, profile: applyWorkspaceConfig(settingFailure.profile, config), profileFile: settingFailure.file };
    if (loaded.configFailure) {
      choice.fallback = { message: `${loaded.configFailure.what}, so this spec is checked without that file's settings.`, builtin: false, problem: loaded.configFailure.problem };
    }
    return choice;
  }

  private async loadSetting(request: ProfileRequest): Promise<{ profile: Profile; file: string } | { failure: Failure }> {
    const setting = request.settingProfile;
    const paths = this.paths;
    const file = paths.isAbsolute(setting)
      ? paths.resolve(setting)
      : request.folderPath !== undefined
        ? paths.resolve(request.folderPath, setting)
        : request.documentPath !== undefined
          ? paths.resolve(paths.dirname(request.documentPath), setting)
          : undefined;
    if (file === undefined) {
      return { failure: { what: `The carveout.profile setting "${setting}" is a relative path and this document is in no workspace folder` } };
    }
    const read = this.tracking(await readProfilesAhead(this.runtime, { file }, this.readFile));
    let text: string;
    try {
      text = read(file);
    } catch (error) {
      return { failure: { what: `Cannot read the profile "${setting}" set in carveout.profile (${reasonOf(error)})` } };
    }
    const parsed = parseProfile(text, file, { read, paths });
    if (!parsed.profile) {
      const problems = parsed.problems;
      return {
        failure: { what: `The profile "${setting}" set in carveout.profile has ${count(problems.length, 'problem')}${firstProblemText(problems)}`, problem: problems[0] },
      };
    }
    return { profile: parsed.profile, file };
  }

  private async loadConfig(configFile: string, root: WorkspaceRoot, folderPath: string | undefined): Promise<ConfigLoad> {
    const builtin = loadBuiltinProfile();
    const shown = this.display(configFile, folderPath);
    const read = readWithin(this.runtime, root, this.readFile);
    let text: string;
    try {
      text = await read(configFile);
    } catch (error) {
      return { config: {}, profile: builtin, configFailure: { what: `Cannot read ${shown} (${reasonOf(error)})` } };
    }
    const parsed = parseWorkspaceConfig(text, configFile);
    const own = parsed.problems;
    if (own.length > 0 || !parsed.config) {
      return { config: {}, profile: builtin, configFailure: { what: `${shown} has ${count(own.length, 'problem')}${firstProblemText(own)}`, problem: own[0] } };
    }
    if (!this.trusted && parsed.config.profile !== undefined) {
      const { profile: untrusted, ...rest } = parsed.config;
      return {
        config: rest,
        profile: applyWorkspaceConfig(builtin, rest),
        profileFailure: { what: `Restricted Mode: the profile "${untrusted}" named in ${shown} is not used until you trust this workspace` },
      };
    }
    const workspace = loadWorkspace(text, configFile, this.tracking(await readAhead(this.runtime, parsed.config, configFile, read)), this.paths);
    const named = workspace.config.profile;
    const namedFile = profileFileOf(workspace.config, configFile, this.paths);
    if (namedFile !== undefined) this.named.add(namedFile);
    if (named === undefined || workspace.profileFile !== undefined) {
      return { config: workspace.config, profile: workspace.profile, profileFile: workspace.profileFile };
    }
    // The loader puts the named profile's own problems in that file, and one note in the config.
    const inProfile = workspace.problems.filter((problem) => this.paths.resolve(problem.file) !== this.paths.resolve(configFile));
    const detail =
      inProfile.length > 0 ? `has ${count(inProfile.length, 'problem')}${firstProblemText(inProfile)}` : `cannot be used${firstProblemText(workspace.problems)}`;
    return {
      config: workspace.config,
      profile: workspace.profile,
      profileFailure: { what: `The profile "${named}" named in ${shown} ${detail}`, problem: inProfile[0] ?? workspace.problems[0] },
    };
  }

  private display(file: string, folderPath: string | undefined): string {
    if (folderPath === undefined) return file;
    const path = this.paths.relative(folderPath, file);
    return path.startsWith('..') || this.paths.isAbsolute(path) ? file : path.split('\\').join('/');
  }
}
