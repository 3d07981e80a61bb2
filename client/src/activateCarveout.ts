import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands } from '../../server/src/shared/protocol';
import { ClientHost } from './clientHost';
import type { ClientPlatform } from './clientPlatform';
import { exportExposureReport } from './commands/exportExposureReport';
import { newSpec } from './commands/newSpec';
import { restartServer } from './commands/restartServer';
import { selectRegime } from './commands/selectRegime';
import { showRegimeComparison } from './commands/showRegimeComparison';
import { describeError } from './describeError';
import { suggestFrontMatterKeys } from './frontMatterSuggest';
import { RESTARTING_SETTINGS } from './startClient';
import type MarkdownIt from 'markdown-it';
import { ExposureView } from './exposure/exposureView';
import { markFlaggedStatements } from './preview/markFlaggedStatements';
import { previewFindings } from './preview/previewFindings';
import { StatusBar, type StatusSnapshot } from './statusBar';

/** What `activate` returns; the end-to-end tests use it to wait for the server and inspect the client. */
export interface CarveoutApi {
  /** The current language client; a restart replaces it. */
  readonly client: BaseLanguageClient | undefined;
  /** Settles when the latest server start has; rejects when that start failed. */
  readonly ready: Promise<void>;
  /** The status-bar item as the user sees it. */
  status(): StatusSnapshot;
  /** The Exposure view's tree as indented labels, after a refresh. */
  exposure(): Promise<string[]>;
  /** Called by the built-in Markdown preview (`markdown.markdownItPlugins`): marks the flagged statements of a spec. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

let host: ClientHost | undefined;

/** Activation on either platform; the entry points differ only in the platform they pass. */
export function activateCarveout(context: vscode.ExtensionContext, platform: ClientPlatform): CarveoutApi {
  const output = vscode.window.createOutputChannel('Carveout', { log: true });
  context.subscriptions.push(output);
  const clientHost = new ClientHost(context, output, platform);
  host = clientHost;
  let statusBar: StatusBar | undefined;
  let exposure: ExposureView | undefined;
  try {
    statusBar = new StatusBar(clientHost);
    exposure = new ExposureView(clientHost);
    context.subscriptions.push(
      statusBar,
      exposure,
      vscode.commands.registerCommand(Commands.restartServer, () => restartServer(clientHost)),
      vscode.commands.registerCommand(Commands.exportExposureReport, () => exportExposureReport(clientHost, platform.homeFolder)),
      vscode.commands.registerCommand(Commands.selectRegime, () => selectRegime(clientHost)),
      vscode.commands.registerCommand(Commands.showRegimeComparison, (target?: unknown) => showRegimeComparison(clientHost, target)),
      vscode.commands.registerCommand(Commands.newSpec, () => newSpec(platform.homeFolder)),
      suggestFrontMatterKeys(),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Deferred, so that the running client first sends the change it is handling to the old server.
        if (RESTARTING_SETTINGS.some((setting) => event.affectsConfiguration(setting))) setTimeout(() => void restartServer(clientHost), 0);
      }),
      // The server learns of trust when it starts, so trusting the workspace restarts it with the workspace's profile.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void restartServer(clientHost)),
    );
  } catch (error) {
    // Activation must never fail silently: say so, and keep what did register.
    const message = `Carveout failed to activate: ${describeError(error)}`;
    output.error(message);
    void vscode.window.showErrorMessage(message);
  }
  // Start failures are reported by the host; the commands stay usable to retry.
  void clientHost.start().catch(() => undefined);
  return {
    get client() {
      return clientHost.client;
    },
    get ready() {
      return clientHost.ready;
    },
    status: () => statusBar?.snapshot() ?? { visible: false, text: '', tooltip: '' },
    exposure: () => exposure?.snapshot() ?? Promise.resolve([]),
    extendMarkdownIt: (md) => markFlaggedStatements(md, previewFindings),
  };
}

export async function deactivateCarveout(): Promise<void> {
  const stopping = host;
  host = undefined;
  await stopping?.dispose();
}
