/**
 * The server runtime in a web worker (vscode.dev, github.dev): no disk and
 * no processes. Files are read by the client over the `carveout/fs/*`
 * requests, which confine them to the workspace folders. A document's path
 * is the path of its URI, so the profile and config logic works unchanged;
 * paths map back to URIs on the scheme and authority of the URI they came
 * from (`vscode-vfs://github…`, `vscode-remote://…`).
 */
import type { Connection } from 'vscode-languageserver';
import { FileStatRequest, FindSpecsRequest, ReadFileRequest } from '../shared/protocol';
import { posixPaths } from './posixPaths';
import type { ServerRuntime } from './serverRuntime';

/** Said when the client refuses a file outside the workspace folders, since the desktop would have read it. */
const OUTSIDE_WORKSPACE = 'in the browser, Carveout reads only files inside the workspace folders';

interface Origin {
  /** `scheme://authority` of the URI. */
  prefix: string;
  path: string;
}

/** Splits a hierarchical URI into its `scheme://authority` and decoded path; undefined for other URIs. */
function splitUri(uri: string): Origin | undefined {
  const match = /^([a-zA-Z][\w+.-]*:\/\/[^/?#]*)(\/[^?#]*)?$/.exec(uri);
  if (!match) return undefined;
  try {
    return { prefix: match[1]!, path: decodeURIComponent(match[2] ?? '/') };
  } catch {
    return undefined;
  }
}

/**
 * The order in which the desktop walks a folder (each folder's entries by
 * `localeCompare`, depth first), so that the exposure report lists specs in
 * the same order in both hosts.
 */
function byWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = left[i]!.localeCompare(right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function browserRuntime(connection: Connection): ServerRuntime {
  /** The origins seen; a path maps back to the one whose path is the longest that holds it. */
  const origins: Origin[] = [];
  const remember = (origin: Origin): void => {
    const known = origins.some((seen) => seen.prefix === origin.prefix && seen.path === origin.path);
    if (!known) origins.push(origin);
  };
  const pathToUri = (path: string): string => {
    let best: Origin | undefined;
    for (const origin of origins) {
      const inside = path === origin.path || path.startsWith(origin.path.endsWith('/') ? origin.path : `${origin.path}/`);
      if (inside && (!best || origin.path.length > best.path.length)) best = origin;
    }
    return `${(best ?? origins[0])?.prefix ?? 'file://'}${encodePath(path)}`;
  };
  return {
    paths: posixPaths,
    uriToPath(uri) {
      const origin = splitUri(uri);
      if (!origin) return undefined;
      remember({ prefix: origin.prefix, path: posixPaths.dirname(origin.path) });
      return origin.path;
    },
    pathToUri,
    files: {
      stat: async (path) => (await connection.sendRequest<FileStatRequest.Result>(FileStatRequest.method, { uri: pathToUri(path) })) ?? undefined,
      async readFile(path, maxBytes) {
        const result = await connection.sendRequest<ReadFileRequest.Result>(ReadFileRequest.method, { uri: pathToUri(path), maxBytes });
        if ('error' in result) throw new Error(result.outsideWorkspace ? `${result.error}; ${OUTSIDE_WORKSPACE}` : result.error);
        return result.text;
      },
      // The client refuses symbolic links, so a path is where its file is.
      realPath: async (path) => path,
      async findSpecs(folder) {
        const { uris } = await connection.sendRequest<FindSpecsRequest.Result>(FindSpecsRequest.method, { folderUri: pathToUri(folder) });
        const files = uris.map((uri) => splitUri(uri)?.path).filter((path): path is string => path !== undefined);
        return { files: files.sort(byWalkOrder), unreadable: [] };
      },
    },
    // No git in a browser; the waiver's approver is left for the reviewer to fill in.
    reviewerName: async () => undefined,
  };
}
