/**
 * The language server's browser entry point, bundled to dist/browserServer.js
 * for a web worker: the client starts it in vscode.dev and github.dev and
 * speaks to it with postMessage. It reads the workspace through the client.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserRuntime } from './runtime/browserRuntime';
import { describeError } from './runSafe';
import { startServer } from './startServer';

/** The worker's global scope, as far as this file uses it: the project compiles without the DOM and worker libraries. */
interface WorkerEvent {
  error?: unknown;
  message?: string;
  reason?: unknown;
}
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

// A bug must cost one answer, not the server: log it and keep serving.
self.addEventListener('error', (event: WorkerEvent) => connection.console.error(`Carveout: uncaught exception: ${describeError(event.error ?? event.message)}`));
self.addEventListener('unhandledrejection', (event: WorkerEvent) => connection.console.error(`Carveout: unhandled rejection: ${describeError(event.reason)}`));

// The rules reference is not reachable from a worker by a stable URI, so diagnostic codes carry no link here.
startServer(connection, browserRuntime(connection));
