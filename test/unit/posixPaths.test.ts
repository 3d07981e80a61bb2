/**
 * The browser runtime's path functions against Node's `path.posix`, which they
 * stand in for where there is no Node: the same answers on absolute and
 * relative paths, `.` and `..` segments, repeated and trailing slashes.
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { posixPaths } from '../../server/src/runtime/posixPaths';

const PATHS = [
  '/',
  '/a',
  '/a/b/c.pspec.md',
  '/a/b/',
  '/a//b///c',
  '/a/./b/../c',
  '/a/b/../../..',
  '/owner/repo/specs/.carveout.yaml',
  '/with space/ünïcode/😀.md',
];
const RELATIVE = ['a', 'a/b', '../x.yaml', './contracts/acme.yaml', '../../up/../down', ''];

describe('posixPaths', () => {
  it('dirname, basename and isAbsolute agree with path.posix', () => {
    for (const path of [...PATHS, ...RELATIVE.filter(Boolean)]) {
      assert.equal(posixPaths.dirname(path), posix.dirname(path), `dirname ${path}`);
      assert.equal(posixPaths.basename(path), posix.basename(path), `basename ${path}`);
      assert.equal(posixPaths.isAbsolute(path), posix.isAbsolute(path), `isAbsolute ${path}`);
    }
  });

  it('join, resolve and relative agree with path.posix for absolute bases', () => {
    for (const base of PATHS) {
      for (const rest of [...RELATIVE, ...PATHS]) {
        assert.equal(posixPaths.join(base, rest), posix.join(base, rest), `join ${base} ${rest}`);
        assert.equal(posixPaths.resolve(base, rest), posix.resolve(base, rest), `resolve ${base} ${rest}`);
      }
      for (const other of PATHS) assert.equal(posixPaths.relative(base, other), posix.relative(base, other), `relative ${base} ${other}`);
    }
  });
});
