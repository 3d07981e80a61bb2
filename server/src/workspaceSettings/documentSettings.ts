/**
 * Everything that decides how one document is analysed: the client's
 * `carveout.*` settings for it, the profile and workspace config that apply,
 * and the analysis options they make. Settings that cannot be used are
 * ignored visibly: each becomes a notice shown on the spec's first line.
 */
import type { AnalyzeOptions } from '../core/types';
import type { ProfileProblem } from '../profile/problems';
import type { Profile } from '../profile/profileTypes';
import type { CarveoutSettings } from '../shared/settings';
import { isIgnored } from '../profile/isIgnored';
import type { ServerRuntime } from '../runtime/serverRuntime';
import type { ClientSettings } from './clientSettings';
import type { ProfileResolver } from './profileResolver';
import type { WorkspaceFolders } from './workspaceFolders';
import { isCalendarDate } from '../core/isCalendarDate';

/** A problem with the settings or profile, shown as a warning on the spec's first line. */
export interface SettingsNotice {
  code: 'profile-error' | 'settings-error';
  message: string;
  /** Where the problem is, when it is in a file. */
  problem?: ProfileProblem;
  /** The URI of that file. */
  problemUri?: string;
}

export interface DocumentSettings {
  client: CarveoutSettings;
  profile: Profile;
  options: AnalyzeOptions;
  notices: SettingsNotice[];
  /** True when the built-in profile stands in for a profile that could not be used. */
  fellBack: boolean;
  /** True when an `ignore` glob of `.carveout.yaml` excludes the document, as the CLI would. */
  ignored: boolean;
  configFile?: string;
  profileFile?: string;
}


export class DocumentSettingsResolver {
  constructor(
    private readonly client: ClientSettings,
    private readonly profiles: ProfileResolver,
    private readonly folders: WorkspaceFolders,
    private readonly runtime: ServerRuntime,
  ) {}

  async get(uri: string): Promise<DocumentSettings> {
    const client = await this.client.get(uri);
    return this.combine(uri, client);
  }

  /** The settings of a document as `client` says, without asking the client. */
  combine(uri: string, client: CarveoutSettings): Promise<DocumentSettings> {
    const documentPath = this.runtime.uriToPath(uri);
    // Untitled documents take the first folder's config, as a new file there would.
    const folder = this.folders.folderOf(documentPath) ?? (documentPath === undefined ? this.folders.list()[0] : undefined);
    return this.build(client, documentPath, folder?.path);
  }

  /** The settings that apply at the root of a workspace folder, for requests about no document in particular. */
  forFolder(folderUri: string, client: CarveoutSettings): Promise<DocumentSettings> {
    return this.build(client, undefined, this.runtime.uriToPath(folderUri));
  }

  private async build(client: CarveoutSettings, documentPath: string | undefined, folderPath: string | undefined): Promise<DocumentSettings> {
    const choice = await this.profiles.resolve({ documentPath, folderPath, settingProfile: client.profile });
    const profile = choice.profile;
    const notices: SettingsNotice[] = [];
    const fallback = choice.fallback;
    if (fallback) {
      const problem = fallback.problem;
      notices.push({ code: 'profile-error', message: fallback.message, problem, problemUri: problem && this.runtime.pathToUri(problem.file) });
    }

    let regime = client.regime;
    if (regime !== '' && !profile.regimes.some((known) => known.id === regime)) {
      const known = profile.regimes.map((r) => r.id).join(', ');
      notices.push({ code: 'settings-error', message: `The carveout.regime setting "${regime}" is not a regime of the profile "${profile.title}" (${known}), so it is ignored.` });
      regime = '';
    }
    let asOf = client.asOfDate;
    if (asOf !== '' && !isCalendarDate(asOf)) {
      notices.push({ code: 'settings-error', message: `The carveout.asOfDate setting "${asOf}" is not a YYYY-MM-DD date, so it is ignored.` });
      asOf = '';
    }

    // As on the command line, a regime or date given by the user replaces both of the config's.
    const config = choice.config;
    const userChose = regime !== '' || asOf !== '';
    const options: AnalyzeOptions = {};
    const chosenRegime = regime || (userChose ? undefined : config.regime);
    const chosenAsOf = asOf || (userChose ? undefined : config.asOf);
    if (chosenRegime) options.regime = chosenRegime;
    if (chosenAsOf) options.asOf = chosenAsOf;
    if (config.severity) options.severity = config.severity;

    return {
      client,
      profile,
      options,
      notices,
      fellBack: choice.fallback?.builtin === true,
      ignored: documentPath !== undefined && isIgnored(documentPath, config, choice.configFile, this.runtime.paths),
      configFile: choice.configFile,
      profileFile: choice.profileFile,
    };
  }
}
