/**
 * Asks the client to watch the files that change how specs are checked:
 * every `.carveout.yaml`, every `*.carveout.yaml` profile, and any other
 * profile file a setting or config names. Changes arrive as
 * `workspace/didChangeWatchedFiles`.
 */
import { DidChangeWatchedFilesNotification, type Connection, type FileSystemWatcher } from 'vscode-languageserver';
import type { ServerRuntime } from '../runtime/serverRuntime';
import { describeError, type ErrorLog } from '../runSafe';

export const WATCHED_PATTERNS = ['**/.carveout.yaml', '**/*.carveout.yaml'];

export class ProfileFileWatcher {
  private readonly watched = new Set<string>();
  private started = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: ErrorLog,
    /** Whether the client accepts watcher registrations from the server. */
    private readonly dynamic: boolean,
    /** Whether watchers may be relative patterns (needed for files outside the workspace). */
    private readonly relativePatterns: boolean,
    private readonly runtime: ServerRuntime,
  ) {}

  start(): void {
    if (!this.dynamic || this.started) return;
    this.started = true;
    this.register(WATCHED_PATTERNS.map((globPattern) => ({ globPattern })));
  }

  /** Adds watchers for named profile files that the standard patterns do not cover. */
  watch(files: readonly string[]): void {
    if (!this.started || !this.relativePatterns) return;
    const fresh = files.filter((file) => !this.watched.has(file) && !file.toLowerCase().endsWith('.carveout.yaml'));
    if (fresh.length === 0) return;
    for (const file of fresh) this.watched.add(file);
    const { paths, pathToUri } = this.runtime;
    this.register(fresh.map((file) => ({ globPattern: { baseUri: pathToUri(paths.dirname(file)), pattern: paths.basename(file) } })));
  }

  private register(watchers: FileSystemWatcher[]): void {
    this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .catch((error: unknown) => this.log.error(`Carveout: cannot register file watchers: ${describeError(error)}`));
  }
}
