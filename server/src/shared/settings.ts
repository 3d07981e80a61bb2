/**
 * The `carveout.*` settings, shared by the client and the server. The server
 * asks for them per document (`workspace/configuration` with a scope URI) and
 * never keeps them as globals, so multi-root workspaces get their own values.
 *
 * Adding a setting: (1) add it to `CarveoutSettings` and `DEFAULT_SETTINGS`,
 * (2) declare it in package.json `contributes.configuration`, (3) read it where
 * the server uses it, (4) cover it in the protocol tests.
 */
export type RunMode = 'onType' | 'onSave';

export interface CarveoutSettings {
  /** Contract profile file; relative paths resolve against the workspace folder. Empty: `.carveout.yaml`'s or the built-in one. */
  profile: string;
  /** Regime id to judge under; empty: pick by as-of date, launch date or today. */
  regime: string;
  /** Judge under the regime in force on this date, `YYYY-MM-DD`; empty: none. */
  asOfDate: string;
  run: RunMode;
  debounceMs: number;
  /** Specs larger than this many characters are not analysed; one diagnostic says so. */
  maxFileSize: number;
  /** The name a new waiver is approved by; empty: the user's git `user.name`, else a placeholder. */
  reviewer: string;
  /** Who reads the hovers: `author` sees the fixes first, `reviewer` the clauses and carve-outs. */
  audience: 'author' | 'reviewer';
}

export const DEFAULT_SETTINGS: CarveoutSettings = {
  profile: '',
  regime: '',
  asOfDate: '',
  run: 'onType',
  debounceMs: 250,
  maxFileSize: 2_000_000,
  reviewer: '',
  audience: 'author',
};

/** Fills gaps and repairs wrong types in settings as the client sent them. */
export function normalizeSettings(raw: unknown): CarveoutSettings {
  const value = (raw ?? {}) as Partial<Record<keyof CarveoutSettings, unknown>>;
  const text = (key: 'profile' | 'regime' | 'asOfDate' | 'reviewer'): string => (typeof value[key] === 'string' ? (value[key] as string).trim() : DEFAULT_SETTINGS[key]);
  const count = (key: 'debounceMs' | 'maxFileSize'): number =>
    typeof value[key] === 'number' && Number.isFinite(value[key]) && (value[key] as number) >= 0 ? (value[key] as number) : DEFAULT_SETTINGS[key];
  return {
    profile: text('profile'),
    regime: text('regime'),
    asOfDate: text('asOfDate'),
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: count('debounceMs'),
    maxFileSize: count('maxFileSize'),
    reviewer: text('reviewer'),
    audience: value.audience === 'reviewer' ? 'reviewer' : 'author',
  };
}
