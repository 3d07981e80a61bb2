/** Reads a spec file as text, for the CLI and the exposure report alike. */
import { readFileSync } from 'node:fs';
import { binaryContentReason } from '../core/binaryContent';

/** Reads a spec as UTF-8; binary content is refused (it throws) rather than misread. */
export function readSpec(file: string): string {
  const text = readFileSync(file, 'utf8');
  const binary = binaryContentReason(text);
  if (binary) throw new Error(binary);
  // Editors hide a byte-order mark, so columns are counted without it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
