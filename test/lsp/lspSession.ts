/**
 * A minimal LSP client for protocol tests: it spawns the bundled server
 * (`node dist/server.js --stdio`, or over IPC as the extension does; run
 * `node esbuild.mjs` first), speaks
 * JSON-RPC to it, answers `workspace/configuration` with the settings a test
 * sets, and collects pushed diagnostics or pulls them. Every wait has a
 * deadline; nothing sleeps for a fixed time.
 *
 *   const session = await LspSession.start({ settings: { debounceMs: 0 } });
 *   const uri = await session.open(text, { name: 'a.pspec.md' });
 *   const diagnostics = await session.waitForDiagnostics(uri);
 *   await session.dispose();
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type CodeLens,
  type Command,
  type CompletionItem,
  type CompletionList,
  type ConfigurationParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type FileEvent,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RegistrationParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { CarveoutSettings } from '../../server/src/shared/settings';
import { serveFiles, startWorkerServer, type WorkerServer } from './workerServer';

export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'server.js');
export const DEFAULT_TIMEOUT_MS = 10_000;

export type TestSettings = Partial<CarveoutSettings>;

export interface SessionOptions {
  /** Advertise pull diagnostics (`textDocument/diagnostic`); the server pushes them otherwise. */
  pull?: boolean;
  /** Workspace folder paths; by default the session's own temporary directory. */
  folders?: string[];
  /** The `carveout` settings answered for every scope, until `setSettings`. */
  settings?: TestSettings;
  /** Per-scope settings, for multi-root tests; wins over `settings` when it returns a value. */
  settingsFor?: (scopeUri: string | undefined) => TestSettings | undefined;
  /** Client capabilities merged over the defaults, one level deep per section. */
  capabilities?: ClientCapabilities;
  /** `initializationOptions` of the `initialize` request, as the VS Code client sends them. */
  initializationOptions?: unknown;
  /**
   * How to reach the server: `stdio` (the default, as other editors do) or
   * `ipc` (as the VS Code client does). Output logging differs, not the protocol.
   * `worker` runs the browser bundle in a Web Worker of headless Chromium, as
   * vscode.dev does, and answers its file requests from the disk.
   */
  transport?: 'stdio' | 'ipc' | 'worker';
  /** Deadline for every wait and request, unless the call gives its own. */
  timeoutMs?: number;
  serverPath?: string;
  /** Node options for the server process; by default those the VS Code client starts it with. */
  execArgv?: readonly string[];
  /**
   * The server's home folder, which holds the user's global git config. By
   * default the session's own empty directory, so the machine's git identity
   * never leaks into a test.
   */
  home?: string;
}

export interface OpenOptions {
  /** File name inside the session directory; ignored when `uri` is given. */
  name?: string;
  uri?: string;
  languageId?: string;
  version?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  /**
   * Push mode: only publishes for this document version or later count. It
   * defaults to the version the session last sent, so a stale publish never
   * satisfies a wait.
   */
  version?: number;
}

export interface ServerRequest {
  method: string;
  params: unknown;
}

type Waiter = () => boolean;

function defaultCapabilities(pull: boolean): ClientCapabilities {
  const capabilities: ClientCapabilities = {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      codeLens: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true, willSave: false },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
        resolveSupport: { properties: ['edit'] },
        dataSupport: true,
        isPreferredSupport: true,
      },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
      codeLens: {},
      inlayHint: {},
    },
    window: { workDoneProgress: false },
  };
  if (pull) {
    capabilities.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    capabilities.workspace!.diagnostics = { refreshSupport: true };
  }
  return capabilities;
}

function mergeCapabilities(base: ClientCapabilities, extra: ClientCapabilities | undefined): ClientCapabilities {
  if (!extra) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = current && typeof current === 'object' && value && typeof value === 'object' ? { ...current, ...value } : value;
  }
  return merged as ClientCapabilities;
}

/** A temporary directory with the given files (paths relative to it, `/` separated). */
export function makeWorkspace(files: Record<string, string | Uint8Array>, prefix = 'carveout-ws-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class LspSession {
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  /** Requests the server sent to the client, in order (configuration, registrations, refreshes). */
  readonly serverRequests: ServerRequest[] = [];
  /**
   * Every `textDocument/publishDiagnostics`, in order, by document and
   * version; only the last one per document keeps its diagnostics, as an
   * editor does, so a long session does not hold every superseded list.
   */
  readonly published: { uri: string; version?: number }[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly registrations: Registration[] = [];
  initializeResult!: InitializeResult;
  /** The session's temporary directory; the default workspace folder. */
  readonly directory: string;
  readonly pull: boolean;

  private settings: TestSettings;
  private readonly settingsFor?: SessionOptions['settingsFor'];
  private readonly timeoutMs: number;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private exited = false;
  private exitCode: number | null = null;
  private connection!: MessageConnection;
  private child: ChildProcess | undefined;
  private worker: WorkerServer | undefined;

  /** The server process id, for measuring its memory; undefined for a server in a worker. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private constructor(options: SessionOptions) {
    this.pull = options.pull === true;
    this.settings = { ...(options.settings ?? {}) };
    this.settingsFor = options.settingsFor;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.directory = mkdtempSync(join(tmpdir(), 'carveout-lsp-'));
  }

  /** Spawns the server and completes `initialize`/`initialized`. */
  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const session = new LspSession(options);
    await session.launch(options);
    return session;
  }

  private connect(options: SessionOptions): MessageConnection | Promise<MessageConnection> {
    if (options.transport === 'worker') return this.connectWorker();
    const server = options.serverPath ?? SERVER_PATH;
    const ipc = options.transport === 'ipc';
    const execArgv = [...(options.execArgv ?? [])];
    const home = options.home ?? this.directory;
    const env = { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
    const child = ipc
      ? fork(server, ['--node-ipc'], { silent: true, execArgv, env })
      : spawn(process.execPath, [...execArgv, server, '--stdio'], { stdio: 'pipe', env });
    this.child = child;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => this.stderr.push(chunk));
    child.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
      this.wake();
    });
    return ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  }

  private async connectWorker(): Promise<MessageConnection> {
    const worker = await startWorkerServer(join(this.directory, '.browser'));
    this.worker = worker;
    // The page's console holds the worker's uncaught errors; they are the server's stderr.
    Object.defineProperty(this, 'stderr', { get: () => worker.consoleLines });
    return createMessageConnection(worker.reader, worker.writer);
  }

  private async launch(options: SessionOptions): Promise<void> {
    const connection = await this.connect(options);
    this.connection = connection;
    const folders = options.folders ?? [this.directory];
    if (this.worker) serveFiles(connection, folders);
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.record('workspace/configuration', params);
      return params.items.map((item) => {
        const settings = this.settingsOf(item.scopeUri);
        if (item.section === 'carveout') return settings;
        return item.section === undefined ? { carveout: settings } : null;
      });
    });
    connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      this.record('client/registerCapability', params);
      return null;
    });
    connection.onRequest((method: string, params: unknown) => {
      // Refreshes, unregistrations and progress need no answer beyond null.
      this.record(method, params);
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push({ uri: params.uri, version: params.version });
      this.latest.set(params.uri, params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    connection.listen();

    this.initializeResult = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: fileUri(folders[0] ?? this.directory),
      capabilities: mergeCapabilities(defaultCapabilities(this.pull), options.capabilities),
      workspaceFolders: folders.map((folder) => ({ uri: fileUri(folder), name: basename(folder) })),
      initializationOptions: options.initializationOptions,
    });
    await this.notify('initialized', {});
  }

  private settingsOf(scopeUri: string | undefined): TestSettings {
    return this.settingsFor?.(scopeUri) ?? this.settings;
  }

  private record(method: string, params: unknown): void {
    this.serverRequests.push({ method, params });
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) if (waiter()) this.waiters.delete(waiter);
  }

  /**
   * Resolves with the first truthy value `check` returns, checking now and
   * after every message from the server (and every `pollMs`, if given), or
   * rejects at the deadline with `what` in the message.
   */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = this.timeoutMs, pollMs?: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let poll: ReturnType<typeof setInterval> | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        if (poll !== undefined) clearInterval(poll);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = () => {
        let value: T | undefined | false;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error);
          return true;
        }
        if (value) {
          finish();
          resolve(value);
          return true;
        }
        if (this.exited) {
          finish();
          reject(new Error(`The server exited (code ${this.exitCode}) while waiting for ${what}. stderr: ${this.stderr.join('')}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      }, timeoutMs);
      if (waiter()) return;
      this.waiters.add(waiter);
      if (pollMs !== undefined) poll = setInterval(() => this.wake(), pollMs);
    });
  }

  // ---- documents -------------------------------------------------------

  /** The URI of a file in the session directory. */
  uri(name: string): string {
    return fileUri(join(this.directory, ...name.split('/')));
  }

  /** Writes a file into the session directory and returns its URI. */
  writeFile(name: string, content: string | Uint8Array): string {
    const file = join(this.directory, ...name.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return fileUri(file);
  }

  /** Sends `didOpen` and returns the document's URI. */
  async open(text: string, options: OpenOptions = {}): Promise<string> {
    const uri = options.uri ?? this.uri(options.name ?? 'spec.pspec.md');
    const version = options.version ?? 1;
    this.versions.set(uri, version);
    const languageId = options.languageId ?? (uri.endsWith('.yaml') ? 'yaml' : 'markdown');
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  /** Sends `didChange` with the full text, or with incremental changes; returns the new version. */
  async change(uri: string, change: string | TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.notify('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** Replaces the settings and, unless `notify` is false, sends `workspace/didChangeConfiguration`. */
  async setSettings(settings: TestSettings, notify = true): Promise<void> {
    this.settings = { ...settings };
    if (notify) await this.notify('workspace/didChangeConfiguration', { settings: { carveout: this.settings } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  // ---- messages --------------------------------------------------------

  request<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for the answer to ${method}.`)), timeoutMs);
      this.connection.sendRequest<R>(method, params).then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** Sends a request that the test can cancel with `$/cancelRequest`. */
  cancellableRequest<R>(method: string, params: unknown): { result: Promise<R>; cancel(): void } {
    const source = new CancellationTokenSource();
    const result = this.connection.sendRequest<R>(method, params, source.token);
    return { result, cancel: () => source.cancel() };
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Waits for a request from the server with this method, sent after `after` earlier ones. */
  waitForServerRequest(method: string, after = 0, timeoutMs?: number): Promise<ServerRequest> {
    return this.waitFor(`a ${method} request from the server`, () => this.serverRequests.slice(after).find((request) => request.method === method), timeoutMs);
  }

  countServerRequests(method: string): number {
    return this.serverRequests.filter((request) => request.method === method).length;
  }

  // ---- diagnostics -----------------------------------------------------

  /** The last diagnostics the server pushed for a document. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  /** Sends `textDocument/diagnostic` once. */
  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  /**
   * Waits until the document's diagnostics satisfy `predicate` (default: any
   * diagnostics at all, even none). Push mode waits for a publish of the
   * current version; pull mode pulls until the answer satisfies it.
   */
  async waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, options: WaitOptions = {}): Promise<Diagnostic[]> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    if (!this.pull) {
      const version = options.version ?? this.versions.get(uri) ?? 0;
      const published = await this.waitFor(
        `diagnostics for ${uri} at version ${version} or later`,
        () => {
          const last = this.lastPublished(uri);
          return last && (last.version ?? 0) >= version && predicate(last.diagnostics) ? last : undefined;
        },
        timeoutMs,
      );
      return published.diagnostics;
    }
    const deadline = Date.now() + timeoutMs;
    let last: Diagnostic[] | undefined;
    for (;;) {
      const report = await this.pullDiagnostics(uri);
      if (report.kind === 'full') {
        last = report.items;
        if (predicate(report.items)) return report.items;
      }
      if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for pulled diagnostics of ${uri}; last: ${JSON.stringify(last)}`);
      // Pulls again on the server's refresh request, or after a short poll interval, whichever comes first.
      const refreshes = this.countServerRequests('workspace/diagnostic/refresh');
      const until = Math.min(deadline, Date.now() + 50);
      await this.waitFor('a diagnostic refresh', () => this.countServerRequests('workspace/diagnostic/refresh') > refreshes || Date.now() >= until, timeoutMs, 10);
    }
  }

  // ---- features --------------------------------------------------------

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(CodeAction | Command)[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context });
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.request('codeAction/resolve', action);
  }

  async completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
    const context = triggerCharacter === undefined ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter };
    const result = await this.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position, context });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[]> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } });
  }

  codeLenses(uri: string): Promise<CodeLens[]> {
    return this.request('textDocument/codeLens', { textDocument: { uri } });
  }

  // ---- lifecycle -------------------------------------------------------

  /** Whether the server process is still running. */
  get alive(): boolean {
    return !this.exited;
  }

  /** Shuts the server down politely, kills it if it lingers, and removes the session directory. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 2_000);
        await this.notify('exit', null);
        await this.waitFor('the server to exit', () => this.exited, 2_000);
      } catch {
        // A server that does not exit on request is killed below.
      }
    }
    if (!this.exited) this.child?.kill('SIGKILL');
    this.connection.dispose();
    await this.worker?.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Runs `body` with a fresh session and always disposes it. */
export async function withSession<T>(options: SessionOptions, body: (session: LspSession) => Promise<T>): Promise<T> {
  const session = await LspSession.start(options);
  try {
    return await body(session);
  } finally {
    await session.dispose();
  }
}
