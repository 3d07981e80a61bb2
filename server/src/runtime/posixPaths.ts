/**
 * `PathOps` for '/'-separated paths, as the paths of URIs are. The browser
 * runtime uses it, since a web worker has no `node:path`; it follows
 * `path.posix` for the operations the server needs.
 */
import type { PathOps } from './serverRuntime';

function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else {
      parts.push(part);
    }
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export const posixPaths: PathOps = {
  sep: '/',
  dirname(path) {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const slash = trimmed.lastIndexOf('/');
    if (slash < 0) return '.';
    return slash === 0 ? '/' : trimmed.slice(0, slash);
  },
  basename(path) {
    const trimmed = path.replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
  },
  join(...paths) {
    const joined = paths.filter((path) => path !== '').join('/');
    const normalized = normalize(joined);
    // As path.posix.join, a trailing slash stays.
    return joined.endsWith('/') && !normalized.endsWith('/') ? `${normalized}/` : normalized;
  },
  resolve(...paths) {
    let resolved = '';
    for (let i = paths.length - 1; i >= 0 && !resolved.startsWith('/'); i--) {
      const path = paths[i]!;
      if (path !== '') resolved = resolved === '' ? path : `${path}/${resolved}`;
    }
    // Workers have no working directory: a path that is still relative is taken from the root.
    return normalize(resolved.startsWith('/') ? resolved : `/${resolved}`);
  },
  relative(from, to) {
    const fromParts = posixPaths.resolve(from).split('/').filter(Boolean);
    const toParts = posixPaths.resolve(to).split('/').filter(Boolean);
    let common = 0;
    while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
    return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
  },
  isAbsolute(path) {
    return path.startsWith('/');
  },
};
