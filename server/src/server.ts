/**
 * The language server's Node entry point, bundled to dist/server.js. The
 * connection takes its transport from the command line: `--node-ipc` when
 * the extension starts it, `--stdio` for other editors and the protocol tests.
 * It reads the workspace from the disk (`nodeRuntime`).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeRuntime } from './node/nodeRuntime';
import { describeError } from './runSafe';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, not the server: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`Carveout: uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Carveout: unhandled rejection: ${describeError(reason)}`));

// The bundle is dist/server.js; the rules reference ships beside dist/ in docs/.
startServer(connection, nodeRuntime, { rulesDocUri: pathToFileURL(join(__dirname, '..', 'docs', 'rules.md')).href });
