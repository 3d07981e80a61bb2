/**
 * `carveout check`: the analysis core over files, for CI. It prints findings
 * in text, JSON or SARIF and sets the exit code from the `--fail-on` level.
 */
import * as path from 'node:path';
import { relative, resolve, sep } from 'node:path';
import { LineMap } from '../core/lineMap';
import type { Profile, Severity } from '../profile/profileTypes';
import { analyzeSpecs, type SpecJob } from './analyzeSpecs';
import type { CheckedFile } from './checkedFile';
import { openFindings } from './checkedFile';
import { collectFiles } from './collectFiles';
import { escapeControls } from './escapeControls';
import { formatJson } from './formatJson';
import { artifactLocation, formatSarif, LEVELS } from './formatSarif';
import { compareRun, readBaseline, type Baseline, type Comparison, type RunFinding } from './compareBaseline';
import { fingerprint } from './fingerprint';
import { formatText } from './formatText';
import { isIgnored } from '../profile/isIgnored';
import { SettingsLoader } from './loadSettings';
import { parseArguments, USAGE, type CheckArguments, type FailOn } from './parseArguments';

declare const CARVEOUT_VERSION: string;
const VERSION = typeof CARVEOUT_VERSION === 'string' ? CARVEOUT_VERSION : '0.0.0-dev';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** Whether an open finding reaches the `--fail-on` level; with `newOnly`, only findings the baseline lacks count. */
function fails(files: readonly CheckedFile[], failOn: FailOn, newOnly?: Comparison): boolean {
  if (failOn === 'never') return false;
  const threshold = RANK[failOn];
  return files.some((file) => openFindings(file).some((finding) => RANK[finding.severity] >= threshold && (!newOnly || newOnly.states.get(finding) === 'new')));
}

function compareWith(baseline: Baseline, files: readonly CheckedFile[], root: string): Comparison {
  const findings: RunFinding[] = files.flatMap((file) => {
    const uri = artifactLocation(file.path, root).uri;
    return file.analysis.findings.map((finding) => ({ uri, finding, fingerprint: fingerprint(file.text, finding), level: LEVELS[finding.severity] }));
  });
  return compareRun(baseline, findings);
}

function summary(files: readonly CheckedFile[], comparison: Comparison | undefined): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let waived = 0;
  for (const file of files) {
    for (const finding of file.analysis.findings) {
      if (finding.waivedBy) waived++;
      else counts[finding.severity]++;
    }
  }
  const line = `${files.length} spec(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information, ${counts.hint} hint(s), ${waived} waived.`;
  if (!comparison) return `${line}\n`;
  const states = [...comparison.states.values()];
  const count = (state: string) => states.filter((candidate) => candidate === state).length;
  return `${line}\nAgainst the baseline: ${count('new')} new, ${count('updated')} updated, ${count('unchanged')} unchanged, ${comparison.absent.length} absent.\n`;
}

export async function check(args: CheckArguments, io: Io, workerScript: string): Promise<number> {
  // Lines on standard error name files and quote profiles, so they are escaped as the text output is.
  const report = (line: string): void => io.err(`${escapeControls(line)}\n`);
  const settings = new SettingsLoader(args.profile);
  const reportProblems = (): void => {
    for (const problem of settings.problems) report(`${problem.file}:${problem.line}:${problem.column} error profile ${problem.message}`);
  };
  if (settings.explicitProfileFailed) {
    reportProblems();
    return 2;
  }
  for (const warning of settings.warnings) report(`${warning.file}:${warning.line}:${warning.column} warning profile ${warning.message}`);
  let baseline: Baseline | undefined;
  if (args.baseline !== undefined) {
    try {
      baseline = readBaseline(args.baseline);
    } catch (error) {
      report(`${args.baseline}: error input ${(error as Error).message}`);
      return 2;
    }
  }
  const runProfile = settings.runProfile();
  if (args.regime !== undefined && !runProfile.regimes.some((regime) => regime.id === args.regime)) {
    report(`Unknown regime "${args.regime}". Known regimes: ${runProfile.regimes.map((regime) => regime.id).join(', ')}.`);
    return 2;
  }

  const { files, missing, unreadable } = collectFiles(args.paths);
  let inputErrors = missing.length + unreadable.length;
  for (const path of missing) report(`${path}: error input no such file or directory`);
  for (const { path, reason } of unreadable) report(`${path}: error input cannot read it: ${reason}`);

  const profiles: Profile[] = [];
  const jobs: SpecJob[] = [];
  const profilesOf = new Map<string, Profile>();
  for (const file of files) {
    const { profile, config, configFile } = settings.forFile(file);
    if (isIgnored(resolve(file), config, configFile, path)) continue;
    let index = profiles.indexOf(profile);
    if (index < 0) index = profiles.push(profile) - 1;
    profilesOf.set(file, profile);
    jobs.push({
      file,
      profile: index,
      options: {
        regime: args.regime ?? (args.asOf ? undefined : config.regime),
        asOf: args.asOf ?? (args.regime ? undefined : config.asOf),
        severity: config.severity,
      },
    });
  }

  // A broken `.carveout.yaml` or profile it names would have its specs judged by the wrong contract; as with a
  // broken `--profile`, nothing is checked, so that no report (a CI's SARIF file) is about the wrong contract.
  if (settings.problems.length > 0) {
    reportProblems();
    return 2;
  }

  const checked: CheckedFile[] = [];
  for (const result of await analyzeSpecs({ profiles, jobs }, workerScript)) {
    if ('error' in result) {
      inputErrors++;
      report(`${result.file}: error input cannot check it: ${result.error}`);
      continue;
    }
    const path = relative(process.cwd(), resolve(result.file)).split(sep).join('/');
    checked.push({ path, text: result.text, analysis: result.analysis, lines: new LineMap(result.text), profile: profilesOf.get(result.file)! });
  }

  const comparison = baseline && compareWith(baseline, checked, process.cwd());
  if (args.format === 'json') io.out(formatJson(checked));
  else if (args.format === 'sarif') io.out(formatSarif(checked, runProfile, VERSION, process.cwd(), comparison));
  else io.out(formatText(checked));
  if (args.format === 'text') io.err(summary(checked, comparison));

  if (inputErrors > 0) return 2;
  return fails(checked, args.failOn, args.newOnly ? comparison : undefined) ? 1 : 0;
}

export async function main(argv: readonly string[], io: Io, workerScript: string): Promise<number> {
  const parsed = parseArguments(argv);
  switch (parsed.command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(`${VERSION}\n`);
      return 0;
    case 'usage-error':
      io.err(`${escapeControls(parsed.message)}\n\n${USAGE}`);
      return 2;
    case 'check':
      return check(parsed.check, io, workerScript);
  }
}
