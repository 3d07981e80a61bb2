/** The extension's desktop entry point (`main`, bundled to dist/client.js): the server runs in Node. */
import type * as vscode from 'vscode';
import { activateCarveout, deactivateCarveout, type CarveoutApi } from './activateCarveout';
import { nodePlatform } from './nodePlatform';

export function activate(context: vscode.ExtensionContext): CarveoutApi {
  return activateCarveout(context, nodePlatform);
}

export const deactivate = deactivateCarveout;
