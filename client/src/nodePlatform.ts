import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { AbstractMessageReader, AbstractMessageWriter, LanguageClient, type DataCallback, type Message, type MessageTransports } from 'vscode-languageclient';
import { CLIENT_ID, type ClientPlatform } from './clientPlatform';

const SERVER_BUNDLE = 'dist/server.js';

/** Messages from the server process, over Node IPC. */
class ProcessReader extends AbstractMessageReader {
  constructor(private readonly child: ChildProcess) {
    super();
    child.on('error', (error) => this.fireError(error));
    child.on('close', () => this.fireClose());
  }

  listen(callback: DataCallback): { dispose(): void } {
    const onMessage = (message: unknown): void => callback(message as Message);
    this.child.on('message', onMessage);
    return { dispose: () => this.child.off('message', onMessage) };
  }
}

/** Messages to the server process, over Node IPC. */
class ProcessWriter extends AbstractMessageWriter {
  private errors = 0;

  constructor(private readonly child: ChildProcess) {
    super();
  }

  write(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      const sent = this.child.send(message, (error) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
      if (!sent) reject(new Error('The Carveout server process is not connected.'));
    });
  }

  end(): void {}
}

/**
 * The desktop: the bundled `dist/server.js` runs in a Node process, over IPC,
 * as `vscode-languageclient/node` would start it. The client is the common
 * one that the browser bundle also ships: the desktop entry takes it from
 * there, so the VSIX carries the language client once (see esbuild.mjs).
 */
export const nodePlatform: ClientPlatform = {
  async launch(context, clientOptions) {
    const serverModule = context.asAbsolutePath(SERVER_BUNDLE);
    if (!existsSync(serverModule)) {
      throw new Error(`The server bundle ${serverModule} is missing. Run \`npm run build\` and reload the window.`);
    }
    // An extension host started for debugging gets a server that a debugger can attach to.
    const debug = process.execArgv.some((arg) => arg.startsWith('--inspect'));
    let child: ChildProcess | undefined;
    const output = clientOptions.outputChannel;
    // Called on every start and restart of the client; a process from an earlier start is ended first.
    const serverOptions = async (): Promise<MessageTransports> => {
      child?.kill();
      const started = fork(serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
        execArgv: debug ? ['--nolazy', '--inspect=6009'] : [],
        silent: true,
      });
      child = started;
      started.stdout?.on('data', (chunk: Buffer) => output?.append(chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => output?.append(chunk.toString()));
      return { reader: new ProcessReader(started), writer: new ProcessWriter(started) };
    };
    return { client: new LanguageClient(CLIENT_ID, 'Carveout', serverOptions, clientOptions), release: () => child?.kill() };
  },
  homeFolder: vscode.Uri.file(homedir()),
};
