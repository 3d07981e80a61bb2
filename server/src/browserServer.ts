/**
 * The language server's browser entry point, bundled to dist/browserServer.js
 * for a web worker: the client starts it in vscode.dev and github.dev and
 * speaks to it with postMessage. It reads the workspace through the client.
 *
 * The Node entry (`server.ts`, dist/server.js) loads this bundle too and
 * takes `startServer` from it, so that the VSIX carries the server once; in
 * Node the bundle only exports, since there is no worker to serve.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserRuntime } from './runtime/browserRuntime';
import { describeError } from './runSafe';
import { startServer } from './startServer';

export { startServer };
/**
 * For the Node entry's connection: the common parts of the language-server
 * library, so that there is one copy of JSON-RPC, whose connection tells
 * error answers by their class.
 */
export * as jsonrpc from 'vscode-jsonrpc';
export * as languageServer from 'vscode-languageserver';

/** The worker's global scope, as far as this file uses it: the project compiles without the DOM and worker libraries. */
interface WorkerEvent {
  error?: unknown;
  message?: string;
  reason?: unknown;
}
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
declare const importScripts: unknown;

function serveWorker(): void {
  const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
  // A bug must cost one answer, not the server: log it and keep serving.
  self.addEventListener('error', (event: WorkerEvent) => connection.console.error(`Carveout: uncaught exception: ${describeError(event.error ?? event.message)}`));
  self.addEventListener('unhandledrejection', (event: WorkerEvent) => connection.console.error(`Carveout: unhandled rejection: ${describeError(event.reason)}`));
  // The rules reference is not reachable from a worker by a stable URI, so diagnostic codes carry no link here.
  startServer(connection, browserRuntime(connection));
}

// Only a worker has importScripts; Node, loading this bundle for startServer, has not.
if (typeof importScripts === 'function') serveWorker();
