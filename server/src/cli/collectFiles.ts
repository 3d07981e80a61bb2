/**
 * Expands the CLI's path arguments into the list of spec files to check.
 * Symbolic links are followed, to files and to folders; each folder and each
 * file is taken once by its real path, so that a link back up the tree ends
 * the walk instead of looping. Whatever cannot be read is reported, never
 * skipped in silence, since a check that missed specs must not pass.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export const SPEC_PATTERN = /\.pspec(?:\.md)?$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Unreadable {
  path: string;
  reason: string;
}

export interface Collected {
  files: string[];
  missing: string[];
  /** Folders, and specs reached through links, that could not be read. */
  unreadable: Unreadable[];
}

class Collection implements Collected {
  readonly files: string[] = [];
  readonly missing: string[] = [];
  readonly unreadable: Unreadable[] = [];
  private readonly seen = new Set<string>();

  /** Adds a spec, or walks a folder, unless its real path was taken already. */
  take(path: string, isDirectory: boolean): void {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      this.unreadable.push({ path, reason: reasonOf(error) });
      return;
    }
    if (this.seen.has(real)) return;
    this.seen.add(real);
    if (isDirectory) this.walk(path);
    else this.files.push(path);
  }

  private walk(directory: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.unreadable.push({ path: directory, reason: reasonOf(error) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const kind = entry.isSymbolicLink() ? this.linkTarget(path, entry.name) : entry;
      if (kind?.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) this.take(path, true);
      } else if (kind?.isFile() && SPEC_PATTERN.test(entry.name)) {
        this.take(path, false);
      }
    }
  }

  /** What a link points to; a dangling link named like a spec is unreadable, any other is no concern. */
  private linkTarget(path: string, name: string): { isDirectory(): boolean; isFile(): boolean } | undefined {
    try {
      return statSync(path);
    } catch (error) {
      if (SPEC_PATTERN.test(name)) this.unreadable.push({ path, reason: reasonOf(error) });
      return undefined;
    }
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Directories are searched for `*.pspec.md` and `*.pspec`; files named outright are always checked. */
export function collectFiles(paths: readonly string[]): Collected {
  const collection = new Collection();
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      collection.missing.push(path);
      continue;
    }
    collection.take(path, isDirectory);
  }
  return collection;
}
