import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, type ClientPlatform } from './clientPlatform';
import { serveWorkspaceFiles } from './workspaceFileService';

const SERVER_BUNDLE = ['dist', 'browserServer.js'];

/** The browser's Worker and object URLs, as far as this file uses them: the project compiles without the DOM libraries. */
type ServerWorker = Extract<ConstructorParameters<typeof LanguageClient>[2], { terminate(): void }> & { terminate(): void };
declare const Worker: new (url: string, options: { name: string }) => ServerWorker;

/**
 * The browser (vscode.dev, github.dev): the server runs in a web worker. The
 * worker is started from a `blob:` URL of the bundle read with `workspace.fs`,
 * since VS Code refuses workers from the URL of an extension served by a
 * remote (`vscode-remote:`), and a blob works wherever the extension is
 * served from. The server reads the workspace through this client.
 */
export const browserPlatform: ClientPlatform = {
  async launch(context, clientOptions) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SERVER_BUNDLE));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
    const worker = new Worker(url, { name: 'Carveout language server' });
    const client = new LanguageClient(CLIENT_ID, 'Carveout', worker, clientOptions);
    const services = serveWorkspaceFiles(client);
    return {
      client,
      release() {
        services.forEach((service) => service.dispose());
        worker.terminate();
        URL.revokeObjectURL(url);
      },
    };
  },
  homeFolder: undefined,
};
