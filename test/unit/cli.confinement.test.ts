/**
 * What a workspace can make the CLI read: `.carveout.yaml` is looked for up
 * to the repository root only, names only profiles inside the repository
 * (after following symbolic links), and no message quotes a file that did
 * not parse as a profile.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { carveout } from './cliSupport';

const SPEC = '---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\nThe API is served from AWS regions.\n';
const SECRET = 'ghp_s3cr3tT0k3n';

/** A folder holding `repo/` (a repository: it has `.git`) and whatever else `files` lists, relative to the folder. */
function outerFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'carveout-confine-'));
  mkdirSync(join(root, 'repo', '.git'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}


describe('files a workspace config may name', () => {
  it('a profile outside the repository is refused unread, and its content never shown', () => {
    const root = outerFolder({
      '.git-credentials': `https://user:${SECRET}@github.com\n`,
      'repo/.carveout.yaml': 'profile: ../.git-credentials\n',
      'repo/api.pspec.md': SPEC,
    });
    const result = carveout(join(root, 'repo'), ['check', 'api.pspec.md']);
    assert.equal(result.status, 2);
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET));
    assert.match(result.stderr, /\/repo\/\.carveout\.yaml:1:10 error profile Cannot read the profile "\.\.\/\.git-credentials" \(it is outside the repository \S+, and a workspace config may name only files inside it\); using the built-in profile\./);
  });

  it('a symbolic link inside the repository to a file outside it is refused too', { skip: process.platform === 'win32' && 'symbolic links need privileges' }, () => {
    const root = outerFolder({ 'secret.yaml': `token: ${SECRET}\n`, 'repo/.carveout.yaml': 'profile: contracts/acme.yaml\n', 'repo/api.pspec.md': SPEC });
    mkdirSync(join(root, 'repo', 'contracts'));
    symlinkSync(join(root, 'secret.yaml'), join(root, 'repo', 'contracts', 'acme.yaml'));
    const result = carveout(join(root, 'repo'), ['check', 'api.pspec.md']);
    assert.equal(result.status, 2);
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET));
    assert.match(result.stderr, /Cannot read the profile "contracts\/acme\.yaml" \(it is outside the repository/);
  });

  it('a .carveout.yaml above the repository root is not used', () => {
    const root = outerFolder({ '.carveout.yaml': 'regime: 2019-07\n', 'repo/specs/api.pspec.md': SPEC });
    const result = carveout(join(root, 'repo'), ['check', 'specs']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, / error api-exclusivity /);
    assert.doesNotMatch(result.stdout, /exclusive-cloud/);
  });

  it('a profile inside the repository that is not a profile is reported by position and kind, never by its text', () => {
    const root = outerFolder({
      'repo/.carveout.yaml': 'profile: notes.txt\n',
      'repo/notes.txt': `https://user:${SECRET}@github.com\n`,
      'repo/api.pspec.md': SPEC,
    });
    const result = carveout(join(root, 'repo'), ['check', 'api.pspec.md']);
    assert.equal(result.status, 2);
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET));
    assert.match(result.stderr, /notes\.txt:1:1 error profile The file is not a profile: its top level is a string, not a mapping\./m);
  });

  it('schema problems of a mapping that is not a profile name neither its keys nor its values', () => {
    const root = outerFolder({
      'repo/.carveout.yaml': 'profile: settings.yaml\n',
      'repo/settings.yaml': `id: ${SECRET}\n${SECRET}: 1\nrules: [${SECRET}, ${SECRET}]\nregimes: ${SECRET}\n`,
      'repo/api.pspec.md': SPEC,
    });
    const result = carveout(join(root, 'repo'), ['check', 'api.pspec.md']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /settings\.yaml:1:5 error profile This value is not valid: an id is/);
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET));
  });

  it('YAML syntax errors do not quote the text either', () => {
    const root = outerFolder({
      'repo/.carveout.yaml': 'profile: broken.yaml\n',
      'repo/broken.yaml': `id: "\\q${SECRET}"\ntitle: !${SECRET} x\n`,
      'repo/api.pspec.md': SPEC,
    });
    const result = carveout(join(root, 'repo'), ['check', 'api.pspec.md']);
    assert.equal(result.status, 2);
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET));
  });
});
