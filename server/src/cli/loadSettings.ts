/**
 * Finds the settings that apply to each spec: the nearest `.carveout.yaml`
 * and the profile it names, or the profile given by `--profile`. Results are
 * cached per config file, since a repository of specs shares a few configs.
 * A config is looked for up to the root of the repository that holds the
 * spec (else the current folder, else the spec's own folder), and may name
 * only files inside that root.
 */
import * as path from 'node:path';
import { dirname, resolve } from 'node:path';
import { loadBuiltinProfile, parseProfile } from '../profile/loadProfile';
import { applyWorkspaceConfig, loadWorkspace } from '../profile/loadWorkspaceConfig';
import type { ProfileProblem } from '../profile/problems';
import type { Profile, WorkspaceConfig } from '../profile/profileTypes';
import { readSourceFile } from '../node/readSourceFile';
import { findRepositoryRoot, findWorkspaceConfig, readWithin } from '../node/workspaceRoot';
import { isWithin, type WorkspaceRoot } from '../profile/workspaceRoot';

export interface Settings {
  profile: Profile;
  config: WorkspaceConfig;
  configFile?: string;
}

export class SettingsLoader {
  private readonly byConfig = new Map<string, Settings>();
  private readonly explicit?: Profile;
  /** Problems in profiles and configs, each reported once. */
  readonly problems: ProfileProblem[] = [];
  /** What the `--profile` check warns about (a gap between regimes); it does not stop the run. */
  readonly warnings: ProfileProblem[] = [];

  constructor(profileFile?: string) {
    if (profileFile !== undefined) {
      let text: string | undefined;
      try {
        text = readSourceFile(profileFile);
      } catch (error) {
        this.problems.push({ file: profileFile, message: `Cannot read the profile: ${(error as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1 });
      }
      if (text !== undefined) {
        const parsed = parseProfile(text, profileFile, { read: readSourceFile, paths: path });
        this.problems.push(...parsed.problems);
        this.warnings.push(...(parsed.warnings ?? []));
        this.explicit = parsed.profile;
      }
    }
  }

  /** Whether `--profile` was given and could not be used. */
  get explicitProfileFailed(): boolean {
    return this.problems.length > 0 && this.explicit === undefined;
  }

  forFile(file: string): Settings {
    return this.forDirectory(dirname(resolve(file)));
  }

  forDirectory(directory: string): Settings {
    const root = rootOf(directory);
    const configFile = findWorkspaceConfig(directory, root.path);
    const key = configFile ?? '';
    const cached = this.byConfig.get(key);
    if (cached) return cached;
    let settings: Settings;
    if (configFile === undefined) {
      settings = { profile: this.explicit ?? loadBuiltinProfile(), config: {} };
    } else {
      let workspace;
      try {
        const read = readWithin(root, readSourceFile);
        workspace = loadWorkspace(read(configFile), configFile, read, path);
      } catch (error) {
        this.problems.push({ file: configFile, message: `Cannot read the config: ${(error as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1 });
      }
      if (workspace) this.problems.push(...workspace.problems);
      const config = workspace?.config ?? {};
      const profile = this.explicit ? applyWorkspaceConfig(this.explicit, config) : (workspace?.profile ?? loadBuiltinProfile());
      settings = { profile, config, configFile };
    }
    this.byConfig.set(key, settings);
    return settings;
  }

  /** The profile SARIF rule metadata describes: `--profile`'s, else the working directory's. */
  runProfile(): Profile {
    return this.explicit ?? this.forDirectory(process.cwd()).profile;
  }
}

function rootOf(directory: string): WorkspaceRoot {
  const repository = findRepositoryRoot(directory);
  if (repository !== undefined) return { path: repository, name: 'the repository' };
  const cwd = process.cwd();
  return isWithin(path, cwd, directory) ? { path: cwd, name: 'the current folder' } : { path: directory, name: "the spec's folder" };
}
