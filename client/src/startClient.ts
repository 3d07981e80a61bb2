import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../../server/src/shared/protocol';
import type { ClientPlatform } from './clientPlatform';
import { createCrashHandler } from './crashHandler';
import { SPEC_SELECTOR, WORKSPACE_SCHEMES } from './specDocuments';

/** Workspace files and profiles, which the server validates and reads. */
const CARVEOUT_YAML_PATTERNS = ['**/.carveout.yaml', '**/*.carveout.yaml'];

/** A started client, with the file watchers that live as long as it does. */
export interface StartedClient {
  client: BaseLanguageClient;
  dispose(): Promise<void>;
}

/**
 * Starts the Carveout language server the platform's way (a Node process on
 * the desktop, a web worker in the browser) and a client for it. Rejects
 * with a readable message when the server fails to start; the caller
 * reports it.
 */
export async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, platform: ClientPlatform): Promise<StartedClient> {
  const watchers = CARVEOUT_YAML_PATTERNS.map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...SPEC_SELECTOR,
      ...CARVEOUT_YAML_PATTERNS.flatMap((pattern) => WORKSPACE_SCHEMES.map((scheme) => ({ scheme, pattern }))),
    ],
    synchronize: { configurationSection: 'carveout', fileEvents: watchers },
    initializationOptions: initializationOptions(),
    outputChannel: output,
    errorHandler: createCrashHandler(output),
  };
  const disposeWatchers = (): void => watchers.forEach((watcher) => watcher.dispose());
  let launched;
  try {
    launched = await platform.launch(context, clientOptions);
  } catch (error) {
    disposeWatchers();
    throw error;
  }
  const { client, release } = launched;
  const dispose = async (): Promise<void> => {
    try {
      await client.dispose();
    } finally {
      release();
      disposeWatchers();
    }
  };
  try {
    await client.start();
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
  return { client, dispose };
}

/** The settings that decide the server's capabilities; a change to them restarts the server. */
export const RESTARTING_SETTINGS = ['carveout.workspaceDiagnostics'];

function initializationOptions(): InitializationOptions {
  return {
    workspaceDiagnostics: vscode.workspace.getConfiguration('carveout').get<boolean>('workspaceDiagnostics', false),
    // In Restricted Mode the server does not read the profile a workspace's .carveout.yaml names;
    // VS Code itself ignores the workspace's carveout.profile (package.json, restrictedConfigurations).
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}
