/** The README documents what the code offers (every rule id and every setting), and its links work in the VSIX. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { REFERENCE_MARKER, renderProfileReference } from '../../server/src/report/profileReference';
import { renderRulesDoc } from '../../server/src/report/rulesDoc';
import profileSchema from '../../server/src/profile/profile.schema.json';

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

test('docs/profiles.md ends with the reference made from profile.schema.json (npm run docs:profiles)', () => {
  const guide = readFileSync(resolve(__dirname, '../../docs/profiles.md'), 'utf8');
  const at = guide.indexOf(REFERENCE_MARKER);
  assert.ok(at > 0, 'docs/profiles.md has no generated reference');
  assert.equal(guide.slice(at), renderProfileReference(), 'docs/profiles.md is stale: run npm run docs:profiles');
});

test('the reference of docs/profiles.md names every key of every mapping of the profile schema', () => {
  const reference = renderProfileReference();
  const mappings = [profileSchema, ...Object.values(profileSchema.definitions)].filter((schema) => 'properties' in schema && !('items' in schema));
  for (const schema of mappings) {
    for (const key of Object.keys((schema as { properties: object }).properties)) assert.ok(reference.includes(`| \`${key}\` |`), `the reference leaves out ${key}`);
  }
});

test('every image and relative link of the README is a file of the repository, as links are rewritten to it when published', () => {
  const targets = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((target) => !/^(?:[a-z]+:|#)/.test(target));
  assert.ok(targets.length > 0);
  for (const target of targets) assert.ok(existsSync(resolve(__dirname, '../..', target.split('#')[0])), `the README links to ${target}, which does not exist`);
});

test('the VSIX ships what the extension opens itself: the rules reference and the walkthrough, and leaves the screenshots out', () => {
  const vsce = resolve(__dirname, '../../node_modules/@vscode/vsce/vsce');
  const shipped = new Set(execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' }).split('\n'));
  const walkthrough = (MANIFEST.contributes.walkthroughs ?? []).flatMap((entry: { steps: { media?: { markdown?: string } }[] }) => entry.steps.map((step) => step.media?.markdown).filter(Boolean));
  for (const file of ['docs/rules.md', 'dist/server.js', 'dist/client.js', ...walkthrough]) assert.ok(shipped.has(file), `the VSIX leaves out ${file}`);
  assert.ok(![...shipped].some((file) => file.startsWith('docs/images/')), 'screenshots are not shipped');
});
