import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import { Commands } from '../../server/src/shared/protocol';
import { RestartBudget } from './restartBudget';

const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a crashed server up to five times in three minutes, then stops and
 * tells the user, with a way to restart by hand and to read the log.
 */
export function createCrashHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const budget = new RestartBudget(MAX_RESTARTS, WINDOW_MS);
  return {
    error(error, _message, count) {
      output.error(`Connection to the Carveout server failed: ${error.message}`);
      // A few transient write errors are survivable; a stream of them is not.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      if (budget.allowRestart(Date.now())) {
        output.warn('The Carveout server stopped unexpectedly and is being restarted.');
        return { action: CloseAction.Restart, handled: true };
      }
      const message = `The Carveout server crashed ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted.`;
      output.error(message);
      void offerRestart(message, output);
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

async function offerRestart(message: string, output: vscode.LogOutputChannel): Promise<void> {
  const restart = 'Restart Server';
  const showLog = 'Show Log';
  const choice = await vscode.window.showErrorMessage(message, restart, showLog);
  if (choice === restart) {
    await vscode.commands.executeCommand(Commands.restartServer);
  } else if (choice === showLog) {
    output.show();
  }
}
