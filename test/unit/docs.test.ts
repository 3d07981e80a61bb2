/** The README documents what the code offers (every rule id and every setting), and its links work in the VSIX. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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

test('every image and relative link of the README is a file the VSIX ships, so the extension page shows it', () => {
  const vsce = resolve(__dirname, '../../node_modules/@vscode/vsce/vsce');
  const shipped = new Set(execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' }).split('\n'));
  const targets = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((target) => !/^(?:[a-z]+:|#)/.test(target));
  assert.ok(targets.length > 0);
  for (const target of targets) assert.ok(shipped.has(target.split('#')[0]), `the README links to ${target}, which the VSIX leaves out`);
});
