/** Reads a spec file as text for the CLI. */
import { readFileSync } from 'node:fs';
import { specText } from '../documentStore/specText';

/** Reads a spec as UTF-8; binary content is refused (it throws) rather than misread. */
export function readSpec(file: string): string {
  return specText(readFileSync(file, 'utf8'));
}
