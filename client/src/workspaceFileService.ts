import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FileStatRequest, FindSpecsRequest, ReadFileRequest } from '../../server/src/shared/protocol';
import { describeError } from './describeError';
import { SPEC_PATTERN } from './specDocuments';

/** Folders a spec search never enters, as on the command line. */
const SKIPPED = '**/{node_modules,.git}/**';

/**
 * A URI the server may read: inside a workspace folder, on its scheme and
 * authority, with no `.` or `..` segment that could climb out of it.
 */
function workspaceUri(text: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
  if (uri.path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
}

function kindOf(type: vscode.FileType): 'file' | 'directory' | 'other' {
  // A link counts as neither: it is not followed, so that no file outside the folders is reached through one.
  if (type & vscode.FileType.SymbolicLink) return 'other';
  if (type === vscode.FileType.File) return 'file';
  return type === vscode.FileType.Directory ? 'directory' : 'other';
}

async function stat(text: string): Promise<FileStatRequest.Result> {
  const uri = workspaceUri(text);
  if (!uri) return null;
  try {
    const info = await vscode.workspace.fs.stat(uri);
    return { kind: kindOf(info.type), size: info.size, mtime: info.mtime };
  } catch {
    return null;
  }
}

async function readFile(text: string, maxBytes: number): Promise<ReadFileRequest.Result> {
  const uri = workspaceUri(text);
  if (!uri) return { error: 'it is outside the workspace folders', outsideWorkspace: true };
  try {
    const info = await vscode.workspace.fs.stat(uri);
    if (info.type & vscode.FileType.SymbolicLink) return { error: 'it is a symbolic link, which is not followed' };
    if (info.type !== vscode.FileType.File) return { error: `it is ${info.type === vscode.FileType.Directory ? 'a directory' : 'a special file'}, not a regular file` };
    if (info.size > maxBytes) return { error: `it has ${info.size} bytes; files over ${maxBytes} bytes are not read` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // The file may have grown since the stat.
    if (bytes.length > maxBytes) return { error: `it has more than ${maxBytes} bytes; larger files are not read` };
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch (error) {
    return { error: error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'it does not exist' : describeError(error) };
  }
}

async function findSpecs(folderText: string): Promise<FindSpecsRequest.Result> {
  const folder = workspaceUri(folderText);
  if (!folder) return { uris: [] };
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SPEC_PATTERN), SKIPPED);
  return { uris: found.map((uri) => uri.toString()) };
}

/**
 * Answers the server's `carveout/fs/*` requests with `workspace.fs`, for a
 * server in a web worker, which cannot read files itself. Only files inside
 * the workspace folders are read, and only regular files within the size the
 * server asks for; an error says why a file was not read, never what is in it.
 */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FileStatRequest.method, (params: FileStatRequest.Params) => stat(params.uri)),
    client.onRequest(ReadFileRequest.method, (params: ReadFileRequest.Params) => readFile(params.uri, params.maxBytes)),
    client.onRequest(FindSpecsRequest.method, (params: FindSpecsRequest.Params) => findSpecs(params.folderUri)),
  ];
}
