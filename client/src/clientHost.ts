import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/shared/protocol';
import { describeError } from './describeError';
import { startClient, type StartedClient } from './startClient';

/**
 * Owns the language client across restarts. A client whose start failed
 * cannot be started again, so a restart always replaces the client.
 */
export class ClientHost implements vscode.Disposable {
  private started: StartedClient | undefined;
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
  ) {}

  get client(): LanguageClient | undefined {
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
  async runningClient(): Promise<LanguageClient | undefined> {
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
    this.stateListener?.dispose();
    const started = this.started;
    this.started = undefined;
    this.changed.dispose();
    await started?.dispose();
  }

  private async replaceClient(): Promise<void> {
    this.stateListener?.dispose();
    this.stateListener = undefined;
    const previous = this.started;
    this.started = undefined;
    this.changed.fire();
    await previous?.dispose().catch((error: unknown) => this.output.warn(`Stopping the previous Carveout server failed: ${describeError(error)}`));
    try {
      const started = await startClient(this.context, this.output);
      if (this.disposed) {
        // The extension was deactivated while the server started.
        await started.dispose();
        return;
      }
      this.started = started;
      this.stateListener = this.started.client.onDidChangeState(() => this.changed.fire());
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
