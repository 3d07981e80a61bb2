/** The extension's browser entry point (`browser`, bundled to dist/browserClient.js): the server runs in a web worker. */
import type * as vscode from 'vscode';
import { activateCarveout, deactivateCarveout, type CarveoutApi } from './activateCarveout';
import { browserPlatform } from './browserPlatform';

export function activate(context: vscode.ExtensionContext): CarveoutApi {
  return activateCarveout(context, browserPlatform);
}

export const deactivate = deactivateCarveout;
