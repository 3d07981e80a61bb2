import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { Commands, PingRequest } from '../../server/src/shared/protocol';
import { describeError } from './describeError';
import { RestartBudget } from './restartBudget';
import { ServerWatchdog } from './serverWatchdog';
import type { ClientPlatform } from './clientPlatform';
import { startClient, type StartedClient } from './startClient';

/** Between pings of a healthy server. */
const PING_INTERVAL_MS = 10_000;
/** A 2 MB spec full of findings is analysed and published in well under this. */
const PING_BUDGET_MS = 30_000;

/**
 * Owns the language client across restarts. A client whose start failed
 * cannot be started again, so a restart always replaces the client. A
 * watchdog restarts a server that stops answering, a few times at most.
 */
export class ClientHost implements vscode.Disposable {
  private started: StartedClient | undefined;
  private watchdog: ServerWatchdog | undefined;
  private readonly stuckRestarts = new RestartBudget(3, 10 * 60_000);
  private starting: Promise<void> = Promise.resolve();
  private stateListener: vscode.Disposable | undefined;
  private startsInFlight = 0;
  private disposed = false;
  private readonly changed = new vscode.EventEmitter<void>();

  /** Fires when the client is replaced or its state changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly platform: ClientPlatform,
  ) {}

  get client(): BaseLanguageClient | undefined {
    return this.started?.client;
  }

  /** True while a client is being started, including the restarts the client makes after a crash. */
  get isStarting(): boolean {
    return this.startsInFlight > 0 || this.client?.state === State.Starting;
  }

  /** Settles when the latest start attempt has; rejects when it failed. */
  get ready(): Promise<void> {
    return this.starting;
  }

  /** Starts a fresh client, replacing the current one. Failures are reported to the user, and `ready` rejects. */
  start(): Promise<void> {
    this.startsInFlight += 1;
    // Starts run one after another, so two quick restarts cannot leave two servers running.
    this.starting = this.starting.catch(() => undefined).then(() => this.replaceClient());
    // The failure is already shown to the user; a rejection nobody awaits must not be reported again.
    this.starting.catch(() => undefined);
    return this.starting;
  }

  /** The running client, or undefined after telling the user that the server is not running. */
  async runningClient(): Promise<BaseLanguageClient | undefined> {
    await this.starting.catch(() => undefined);
    const client = this.client;
    if (client?.isRunning()) {
      return client;
    }
    const restart = 'Restart Server';
    void vscode.window.showWarningMessage('The Carveout server is not running.', restart).then((choice) => {
      if (choice === restart) {
        void vscode.commands.executeCommand(Commands.restartServer);
      }
    });
    return undefined;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.watchdog?.stop();
    this.stateListener?.dispose();
    const started = this.started;
    this.started = undefined;
    this.changed.dispose();
    await started?.dispose();
  }

  /** A server that stopped answering: restart it and say so, or give up after a few tries. */
  private onStuck(waitedMs: number): void {
    const what = `The Carveout server did not answer for ${waitedMs / 1000} s`;
    if (!this.stuckRestarts.allowRestart(Date.now())) {
      const message = `${what} again; it is stopped. A spec may be too large or unusual for it: see the log, then run "Carveout: Restart Server".`;
      this.output.error(message);
      void vscode.window.showErrorMessage(message);
      void this.started?.dispose();
      return;
    }
    this.output.warn(`${what}; restarting it.`);
    void vscode.window.showWarningMessage(`${what}, so it was restarted.`);
    void this.start().catch(() => undefined);
  }

  private async replaceClient(): Promise<void> {
    this.watchdog?.stop();
    this.watchdog = undefined;
    this.stateListener?.dispose();
    this.stateListener = undefined;
    const previous = this.started;
    this.started = undefined;
    this.changed.fire();
    await previous?.dispose().catch((error: unknown) => this.output.warn(`Stopping the previous Carveout server failed: ${describeError(error)}`));
    try {
      const started = await startClient(this.context, this.output, this.platform);
      if (this.disposed) {
        // The extension was deactivated while the server started.
        await started.dispose();
        return;
      }
      this.started = started;
      this.stateListener = this.started.client.onDidChangeState(() => this.changed.fire());
      const client = started.client;
      this.watchdog = new ServerWatchdog({
        ping: () => (client.isRunning() ? client.sendRequest(PingRequest.method) : Promise.resolve()),
        onStuck: (waitedMs) => this.onStuck(waitedMs),
        intervalMs: PING_INTERVAL_MS,
        budgetMs: PING_BUDGET_MS,
      });
      this.output.info('The Carveout server is running.');
    } catch (error) {
      const message = `Carveout could not start its language server: ${describeError(error)}`;
      this.output.error(message);
      const showLog = 'Show Log';
      void vscode.window.showErrorMessage(message, showLog).then((choice) => {
        if (choice === showLog) {
          this.output.show();
        }
      });
      throw error;
    } finally {
      this.startsInFlight -= 1;
      this.changed.fire();
    }
  }
}
