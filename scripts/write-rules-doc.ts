// Writes docs/rules.md from the built-in profile (npm run docs:rules).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBuiltinProfile } from '../server/src/profile/loadProfile';
import { renderRulesDoc } from '../server/src/report/rulesDoc';

writeFileSync(resolve(__dirname, '../docs/rules.md'), renderRulesDoc(loadBuiltinProfile()));
