/** Reads `carveout check` arguments; anything it cannot read is a usage error (exit 2). */
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../core/isCalendarDate';

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'never';

export interface CheckArguments {
  paths: string[];
  format: Format;
  failOn: FailOn;
  profile?: string;
  regime?: string;
  asOf?: string;
  /** A SARIF log of an earlier run to compare with. */
  baseline?: string;
  /** `--fail-on` counts only findings the baseline does not have. */
  newOnly: boolean;
}

export type ParsedArguments = { command: 'check'; check: CheckArguments } | { command: 'help' } | { command: 'version' } | { command: 'usage-error'; message: string };

export const USAGE = `Usage: carveout check [paths...] [options]

Checks product specs (*.pspec.md, *.pspec) against a cloud-contract profile.
Directories are searched recursively; with no path, the current directory.

Options:
  --format text|json|sarif    output format (default: text)
  --fail-on error|warning|never
                              exit 1 when open findings reach this severity (default: error)
  --profile FILE              contract profile to use instead of .carveout.yaml's or the built-in one
  --regime ID                 judge under this regime (for example 2025-10)
  --as-of YYYY-MM-DD          judge under the regime in force on this date
  --baseline FILE             compare with the SARIF log of an earlier run: each result
                              gets a baselineState (new, unchanged, updated, absent)
  --new-only                  with --baseline: --fail-on counts only new findings
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 clean at the --fail-on level, 1 findings at or above it,
2 bad usage, a broken profile, an unreadable input or unwritable output.
Carveout gives no legal advice.
`;


function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T | string {
  if (value === undefined) return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : `--${name} must be one of ${allowed.join(', ')}, not "${value}".`;
}

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        profile: { type: 'string' },
        regime: { type: 'string' },
        'as-of': { type: 'string' },
        baseline: { type: 'string' },
        'new-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { command: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command !== 'check') return { command: 'usage-error', message: `Unknown command "${command}". The command is "check".` };
  const format = oneOf(values.format, ['text', 'json', 'sarif'] as const, 'text', 'format');
  const failOn = oneOf(values['fail-on'], ['error', 'warning', 'never'] as const, 'error', 'fail-on');
  for (const checked of [format, failOn]) if (checked.includes(' ')) return { command: 'usage-error', message: checked };
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    return { command: 'usage-error', message: `--as-of must be a date written YYYY-MM-DD, not "${asOf}".` };
  }
  if (values.regime !== undefined && asOf !== undefined) return { command: 'usage-error', message: 'Give --regime or --as-of, not both.' };
  if (values['new-only'] && values.baseline === undefined) return { command: 'usage-error', message: '--new-only needs --baseline, the log of the run to compare with.' };
  return {
    command: 'check',
    check: {
      paths: paths.length > 0 ? paths : ['.'],
      format: format as Format,
      failOn: failOn as FailOn,
      profile: values.profile,
      regime: values.regime,
      asOf,
      baseline: values.baseline,
      newOnly: values['new-only'] === true,
    },
  };
}
