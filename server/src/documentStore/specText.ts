/** A spec file's text as the analysis takes it, for the CLI and the workspace walk alike. */
import { binaryContentReason } from '../core/binaryContent';
import type { WorkspaceFiles } from '../runtime/serverRuntime';

/** Binary content is refused (it throws) rather than misread; a byte-order mark is dropped. */
export function specText(raw: string): string {
  const binary = binaryContentReason(raw);
  if (binary) throw new Error(binary);
  // Editors hide a byte-order mark, so columns are counted without it.
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

/**
 * Reads a spec of at most `maxCharacters` through the runtime. UTF-8 takes at
 * most three bytes per UTF-16 unit, so a file over three times as many bytes
 * is too long unread; a shorter one is read, and its length in characters
 * tells the rest. A byte-order mark takes a character's place more.
 */
export function readSpecFile(files: WorkspaceFiles, file: string, maxCharacters: number): Promise<string> {
  return files.readFile(file, maxBytesOf(maxCharacters)).then(specText);
}

/** Whether a file of `bytes` is surely longer than `maxCharacters`, so that reading it would only be refused. */
export function tooLargeToRead(bytes: number, maxCharacters: number): boolean {
  return bytes > maxBytesOf(maxCharacters);
}

function maxBytesOf(maxCharacters: number): number {
  return 3 * (maxCharacters + 1);
}
