import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/** The client id; vscode-languageclient reads the `carveout.trace.server` setting by it. */
export const CLIENT_ID = 'carveout';

/** A client for a newly started server, and how to stop what the platform started for it. */
export interface LaunchedClient {
  client: BaseLanguageClient;
  /** Ends what the platform started beside the client (a web worker); the client is disposed first. */
  release(): void;
}

/**
 * What differs between the desktop and the browser: how the server runs (a
 * Node process, or a web worker) and where files go when no folder is open.
 * `extension.ts` and `browserExtension.ts` each pass one to `activateCarveout`.
 */
export interface ClientPlatform {
  launch(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): Promise<LaunchedClient>;
  /** The user's home folder, for a new file when no workspace folder is open; the browser has none. */
  homeFolder: vscode.Uri | undefined;
}
