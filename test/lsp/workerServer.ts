/**
 * The browser server bundle (dist/browserServer.js) in a Web Worker of
 * headless Chromium, for `LspSession`'s `worker` transport: the session
 * speaks JSON-RPC to it over postMessage, as `vscode-languageclient/browser`
 * does, and answers its `carveout/fs/*` requests from the disk in place of the
 * client's `workspace.fs`, confined to the workspace folders as the client is.
 * Chromium and playwright-core come from the e2e toolchain
 * (test/e2e/install-toolchain.sh).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AbstractMessageReader, AbstractMessageWriter, Disposable, type DataCallback, type Message, type MessageConnection } from 'vscode-languageserver/node';
import { collectFiles } from '../../server/src/cli/collectFiles';
import { FileStatRequest, FindSpecsRequest, ReadFileRequest } from '../../server/src/shared/protocol';

export const BROWSER_SERVER_PATH = join(__dirname, '..', '..', 'dist', 'browserServer.js');
/** A page of our own origin, served by the test, so that the worker starts from a `blob:` URL as in VS Code. */
const PAGE_URL = 'http://carveout.test/';

interface Page {
  route(url: string, handler: (route: { fulfill(response: { contentType: string; body: string }): Promise<void> }) => Promise<void>): Promise<void>;
  goto(url: string): Promise<unknown>;
  exposeFunction(name: string, callback: (message: Message) => void): Promise<void>;
  evaluate<A>(body: (argument: A) => unknown, argument: A): Promise<unknown>;
}
interface Browser {
  page: Page;
  lines: string[];
  close(): Promise<void>;
}
const e2eRequire = createRequire(join(__dirname, '..', 'e2e', 'lib', 'browser.js'));
const { launchBrowser } = e2eRequire('./browser.js') as { launchBrowser(options: { profileDir: string; consoleLog: string }): Promise<Browser> };

/** Messages from the worker, handed to the connection once it listens. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return Disposable.create(() => (this.callback = undefined));
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }

  async write(message: Message): Promise<void> {
    await this.page.evaluate((sent) => (globalThis as unknown as { serverWorker: { postMessage(m: unknown): void } }).serverWorker.postMessage(sent), message);
  }

  end(): void {}
}

export interface WorkerServer {
  reader: PageReader;
  writer: PageWriter;
  /** The page's console, where the worker's uncaught errors go. */
  consoleLines: string[];
  close(): Promise<void>;
}

/** Starts the browser server bundle in a worker of a fresh headless Chromium. */
export async function startWorkerServer(scratch: string, bundle = BROWSER_SERVER_PATH): Promise<WorkerServer> {
  const browser = await launchBrowser({ profileDir: join(scratch, 'chromium'), consoleLog: join(scratch, 'console.log') });
  try {
    const page = browser.page;
    await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Carveout worker</title>' }));
    await page.goto(PAGE_URL);
    const reader = new PageReader();
    await page.exposeFunction('carveoutFromServer', (message) => reader.deliver(message));
    await page.evaluate((source: string) => {
      interface PageWorker {
        onmessage: ((event: { data: unknown }) => void) | null;
        onerror: ((event: { message: string }) => void) | null;
      }
      const scope = globalThis as unknown as Record<string, unknown> & {
        carveoutFromServer(message: unknown): void;
        Worker: new (url: string, options: { name: string }) => PageWorker;
      };
      const url = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
      const worker = new scope.Worker(url, { name: 'Carveout language server' });
      worker.onmessage = (event) => scope.carveoutFromServer(event.data);
      worker.onerror = (event) => console.error(`worker error: ${event.message}`);
      scope.serverWorker = worker;
    }, readFileSync(bundle, 'utf8'));
    return { reader, writer: new PageWriter(page), consoleLines: browser.lines, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The path of a `file:` URI inside one of `folders`, with links resolved; undefined otherwise, as the client refuses it. */
function insideFolders(uri: string, folders: readonly string[]): string | undefined {
  let path: string;
  try {
    path = realpathSync(fileURLToPath(uri));
  } catch {
    return undefined;
  }
  const inside = folders.some((folder) => {
    const rest = relative(realpathSync(folder), path);
    return !rest.startsWith('..') && !isAbsolute(rest);
  });
  return inside ? path : undefined;
}

/** Answers the server's file requests from the disk, as the client's `workspace.fs` would. */
export function serveFiles(connection: MessageConnection, folders: readonly string[]): void {
  connection.onRequest(FileStatRequest.method, ({ uri }: FileStatRequest.Params): FileStatRequest.Result => {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return null;
    }
    if (insideFolders(pathToFileURL(join(path, '..')).href, folders) === undefined) return null;
    try {
      const stats = statSync(path);
      return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size, mtime: stats.mtimeMs };
    } catch {
      return null;
    }
  });
  connection.onRequest<ReadFileRequest.Result, never>(ReadFileRequest.method, ({ uri, maxBytes }: ReadFileRequest.Params): ReadFileRequest.Result => {
    const path = insideFolders(uri, folders);
    if (path === undefined) return { error: 'it is outside the workspace folders', outsideWorkspace: true };
    const stats = statSync(path);
    if (!stats.isFile()) return { error: 'it is not a regular file' };
    if (stats.size > maxBytes) return { error: `it has ${stats.size} bytes; files over ${maxBytes} bytes are not read` };
    return { text: readFileSync(path, 'utf8') };
  });
  connection.onRequest(FindSpecsRequest.method, ({ folderUri }: FindSpecsRequest.Params): FindSpecsRequest.Result => {
    const folder = insideFolders(folderUri, folders);
    return { uris: folder === undefined ? [] : collectFiles([folder]).files.map((file) => pathToFileURL(file).href) };
  });
}
