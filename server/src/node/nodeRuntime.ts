/**
 * The server runtime on the desktop: the disk through `node:fs`, the
 * platform's paths and `file:` URIs, and the reviewer's name from git. Only
 * the Node server entry uses it.
 */
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectFiles } from '../cli/collectFiles';
import type { FileInfo, ServerRuntime } from '../runtime/serverRuntime';
import { gitUserName } from './gitUserName';
import { readSourceFile } from './readSourceFile';

function stat(file: string): FileInfo | undefined {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return undefined;
  }
  return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size, mtime: stats.mtimeMs };
}

export const nodeRuntime: ServerRuntime = {
  paths: path,
  uriToPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  pathToUri: (file) => pathToFileURL(file).href,
  files: {
    stat: async (file) => stat(file),
    readFile: async (file, maxBytes) => readSourceFile(file, maxBytes),
    realPath: async (file) => realpathSync(file),
    findSpecs: async (folder) => {
      const { files, unreadable } = collectFiles([folder]);
      return { files, unreadable };
    },
  },
  reviewerName: gitUserName,
};
