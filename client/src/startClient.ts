import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/shared/protocol';
import { createCrashHandler } from './crashHandler';
import { SPEC_SELECTOR } from './specDocuments';

/** The client id; vscode-languageclient reads the `carveout.trace.server` setting by it. */
const CLIENT_ID = 'carveout';
const SERVER_BUNDLE = 'dist/server.js';
/** Workspace files and profiles, which the server validates and reads. */
const CARVEOUT_YAML_PATTERNS = ['**/.carveout.yaml', '**/*.carveout.yaml'];

/** A started client, with the file watchers that live as long as it does. */
export interface StartedClient {
  client: LanguageClient;
  dispose(): Promise<void>;
}

/**
 * Starts the Carveout language server (the bundled `dist/server.js`, over
 * IPC) and a client for it. Rejects with a readable message when the server
 * bundle is missing or the server fails to start; the caller reports it.
 */
export async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<StartedClient> {
  const serverModule = context.asAbsolutePath(SERVER_BUNDLE);
  if (!existsSync(serverModule)) {
    throw new Error(`The server bundle ${serverModule} is missing. Run \`npm run build\` and reload the window.`);
  }
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = CARVEOUT_YAML_PATTERNS.map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...SPEC_SELECTOR,
      ...CARVEOUT_YAML_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
    ],
    synchronize: { configurationSection: 'carveout', fileEvents: watchers },
    initializationOptions: initializationOptions(),
    outputChannel: output,
    errorHandler: createCrashHandler(output),
  };
  const client = new LanguageClient(CLIENT_ID, 'Carveout', serverOptions, clientOptions);
  const dispose = async (): Promise<void> => {
    try {
      await client.dispose();
    } finally {
      watchers.forEach((watcher) => watcher.dispose());
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
