import * as vscode from 'vscode';
import { Commands } from '../../server/src/shared/protocol';
import type { ClientHost } from './clientHost';
import { describeError } from './describeError';
import { statusText, tooltipMarkdown } from './describeSummary';
import { requestDocumentSummary } from './requests';
import { activeSpec } from './specDocuments';

/** Diagnostics arrive in bursts while the user types; one summary per burst is enough. */
const REFRESH_DELAY_MS = 150;
/** A spec opened a moment ago may not be analysed yet; ask again a few times. */
const RETRY_DELAY_MS = 1000;
const MAX_RETRIES = 3;

/** What the status bar shows; the end-to-end tests read it through the extension API. */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
}

/**
 * The status-bar item for the active product spec: its conflicts and its
 * regime, from the server's `carveout/documentSummary`. Hidden for other
 * editors.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('carveout.status', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private pending: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  private retries = { uri: '', count: 0 };

  constructor(private readonly host: ClientHost) {
    this.item.name = 'Carveout';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      // Changing a document's language reopens it under the new language id.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) {
          this.refresh();
        }
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = activeSpec()?.uri.toString();
        if (uri !== undefined && event.uris.some((changed) => changed.toString() === uri)) {
          this.scheduleRefresh();
        }
      }),
      // A new regime setting may leave the diagnostics as they were, but not the regime shown.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('carveout')) {
          this.scheduleRefresh();
        }
      }),
      host.onDidChange(() => this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    );
    this.refresh();
  }

  snapshot(): StatusSnapshot {
    const tooltip = this.item.tooltip;
    return { visible: this.visible, text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cancelPending();
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private scheduleRefresh(delayMs = REFRESH_DELAY_MS): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, delayMs);
  }

  /** Asks again later when the server had no summary yet, a few times per spec. */
  private retryLater(uri: string): void {
    this.retries = this.retries.uri === uri ? { uri, count: this.retries.count + 1 } : { uri, count: 1 };
    if (this.retries.count <= MAX_RETRIES) {
      this.scheduleRefresh(RETRY_DELAY_MS);
    }
  }

  private refresh(): void {
    this.cancelPending();
    const document = activeSpec();
    if (!document) {
      this.setVisible(false);
      return;
    }
    const client = this.host.client;
    if (this.host.isStarting) {
      this.show('$(sync~spin) Carveout', 'Starting the Carveout server…', undefined);
      return;
    }
    if (!client?.isRunning()) {
      this.show('$(warning) Carveout', 'The Carveout server is not running. Click to restart it.', Commands.restartServer);
      return;
    }
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    requestDocumentSummary(client, document.uri, source.token).then(
      (summary) => {
        if (source.token.isCancellationRequested) {
          return;
        }
        if (summary) {
          this.retries = { uri: '', count: 0 };
          this.show(statusText(summary, vscode.workspace.isTrusted), tooltipMarkdown(summary, vscode.workspace.isTrusted), { title: 'Compare Regimes', command: Commands.showRegimeComparison, arguments: [document.uri] });
        } else {
          this.show('$(law) Carveout', 'Carveout has no summary for this spec yet.', undefined);
          this.retryLater(document.uri.toString());
        }
      },
      (error: unknown) => {
        if (!source.token.isCancellationRequested) {
          this.show('$(warning) Carveout', `The summary of this spec failed: ${describeError(error)}`, undefined);
        }
      },
    );
  }

  private show(text: string, tooltip: string, command: string | vscode.Command | undefined): void {
    this.item.text = text;
    const markdown = new vscode.MarkdownString(tooltip, true);
    this.item.tooltip = markdown;
    this.item.command = command;
    this.setVisible(true);
  }

  private setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) {
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  private cancelPending(): void {
    this.pending?.cancel();
    this.pending?.dispose();
    this.pending = undefined;
  }
}
