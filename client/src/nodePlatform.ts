import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { ClientPlatform } from './clientPlatform';
import { CLIENT_ID } from './startClient';

const SERVER_BUNDLE = 'dist/server.js';

/** The desktop: the bundled `dist/server.js` runs in a Node process, over IPC. */
export const nodePlatform: ClientPlatform = {
  async launch(context, clientOptions) {
    const serverModule = context.asAbsolutePath(SERVER_BUNDLE);
    if (!existsSync(serverModule)) {
      throw new Error(`The server bundle ${serverModule} is missing. Run \`npm run build\` and reload the window.`);
    }
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    return { client: new LanguageClient(CLIENT_ID, 'Carveout', serverOptions, clientOptions), release: () => undefined };
  },
  homeFolder: vscode.Uri.file(homedir()),
};
