/**
 * Names and values from specs in the CLI's output: SARIF locations are real
 * URI references, and text output escapes control characters, so that a
 * spec's file name or front matter cannot forge or hide lines of a CI log.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { carveout, workspace } from './cliSupport';
import type { Log } from 'sarif';

const API_ON_AWS = '---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\nThe API is served from AWS regions.\n';



describe('names and values in the output', () => {
  it('SARIF artifact locations percent-encode #, ?, % and spaces', () => {
    const root = workspace({ 'a#b?c%d e.pspec.md': API_ON_AWS });
    const log = JSON.parse(carveout(root, ['check', '.', '--format', 'sarif']).stdout) as Log;
    const location = log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
    assert.deepEqual(location, { uri: 'a%23b%3Fc%25d%20e.pspec.md', uriBaseId: '%SRCROOT%' });
    assert.equal(new URL(location.uri!, log.runs[0].originalUriBaseIds!['%SRCROOT%'].uri).pathname, `${new URL(`file://${root}/`).pathname}a%23b%3Fc%25d%20e.pspec.md`);
  });

  it('SARIF gives a spec outside the working folder as an absolute file URI', () => {
    const root = workspace({ 'api.pspec.md': API_ON_AWS });
    const cwd = workspace({});
    const log = JSON.parse(carveout(cwd, ['check', join(root, 'api.pspec.md'), '--format', 'sarif']).stdout) as Log;
    assert.deepEqual(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation, { uri: new URL(`file://${root}/api.pspec.md`).href });
  });

  it('text output escapes control characters from file names and front-matter values', { skip: process.platform === 'win32' && 'file names with control characters' }, () => {
    const spec = API_ON_AWS.replace('served-on: [aws]', 'served-on: ["aws\\e[2K\\rnimbus"]');
    const root = workspace({ 'x\u001b[31m\rspoof.pspec.md': spec, 'bad\rname.pspec': '\u0000' });
    const result = carveout(root, ['check', '.']);
    assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assert.match(result.stdout, /^x\\x1B\[31m\\rspoof\.pspec\.md:3:13 error invalid-front-matter Unknown value `aws\\x1B\[2K\\rnimbus` for `served-on`/m);
    assert.match(result.stderr, /^bad\\rname\.pspec: error input cannot check it/m);
  });
});
