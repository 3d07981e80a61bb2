/** The README documents what the code offers: every rule id and every setting. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { renderRulesDoc } from '../../server/src/report/rulesDoc';

const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
const MANIFEST = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));

test('the README rule table lists every rule of the built-in profile with its severity', () => {
  for (const rule of loadBuiltinProfile().rules) {
    const row = README.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
    assert.ok(row, `README has no row for ${rule.id}`);
    assert.ok(row.includes(`| ${rule.severity}`), `README row for ${rule.id} does not say ${rule.severity}`);
  }
});

test('the README lists every setting the extension contributes', () => {
  const properties = Object.keys(MANIFEST.contributes.configuration.properties ?? MANIFEST.contributes.configuration[0].properties);
  assert.ok(properties.length > 0);
  for (const key of properties) assert.ok(README.includes(`\`${key}\``), `README does not document ${key}`);
});

test('docs/rules.md is the rules reference made from the built-in profile (npm run docs:rules)', () => {
  const committed = readFileSync(resolve(__dirname, '../../docs/rules.md'), 'utf8');
  assert.equal(committed, renderRulesDoc(loadBuiltinProfile()), 'docs/rules.md is stale: run npm run docs:rules');
});
