/**
 * The `carveout.*` settings as the client holds them, asked for per document
 * (`workspace/configuration` with the document as scope) and cached until
 * the client says they changed. They are never kept as server globals, so
 * each folder of a multi-root workspace gets its own values.
 */
import { normalizeSettings, type CarveoutSettings } from '../shared/settings';
import type { ErrorLog } from '../runSafe';
import { describeError } from '../runSafe';

/** Asks the client for the raw `carveout` section that applies to a URI. */
export type FetchSettings = (scopeUri: string) => Promise<unknown>;

export class ClientSettings {
  private readonly cache = new Map<string, Promise<CarveoutSettings>>();

  constructor(
    private readonly fetch: FetchSettings,
    private readonly log: ErrorLog,
  ) {}

  get(uri: string): Promise<CarveoutSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      // A client that fails to answer must not leave the document unchecked; the defaults apply.
      settings = this.fetch(uri).then(normalizeSettings, (error: unknown) => {
        this.log.error(`Carveout: cannot read the settings for ${uri}: ${describeError(error)}`);
        return normalizeSettings(undefined);
      });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
