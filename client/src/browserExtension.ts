/**
 * The extension's browser entry point (`browser`, bundled to
 * dist/browserClient.js): the server runs in a web worker. The desktop entry
 * (`extension.ts`, dist/client.js) loads this bundle too and takes what it
 * re-exports below, so that the VSIX carries the client's code and the
 * language client once, not once per host.
 */
import type * as vscode from 'vscode';
import { activateCarveout, deactivateCarveout, type CarveoutApi } from './activateCarveout';
import { browserPlatform } from './browserPlatform';

export function activate(context: vscode.ExtensionContext): CarveoutApi {
  return activateCarveout(context, browserPlatform);
}

export const deactivate = deactivateCarveout;

export { activateCarveout, deactivateCarveout };
export { AbstractMessageReader, AbstractMessageWriter, LanguageClient } from 'vscode-languageclient';
