/** Expands the CLI's path arguments into the list of spec files to check. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SPEC_PATTERN = /\.pspec(?:\.md)?$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Collected {
  files: string[];
  missing: string[];
}

function walk(directory: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, into);
    } else if (entry.isFile() && SPEC_PATTERN.test(entry.name)) {
      into.push(path);
    }
  }
}

/** Directories are searched for `*.pspec.md` and `*.pspec`; files named outright are always checked. */
export function collectFiles(paths: readonly string[]): Collected {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (isDirectory) walk(path, files);
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}
