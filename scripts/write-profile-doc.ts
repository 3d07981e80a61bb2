// Writes the reference part of docs/profiles.md from profile.schema.json (npm run docs:profiles).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REFERENCE_MARKER, renderProfileReference } from '../server/src/report/profileReference';

const file = resolve(__dirname, '../docs/profiles.md');
const text = readFileSync(file, 'utf8');
const at = text.indexOf(REFERENCE_MARKER);
writeFileSync(file, (at < 0 ? `${text.trimEnd()}\n\n` : text.slice(0, at)) + renderProfileReference());
