/** The "did you mean" of profile and config problems: near misspellings, and a name cut short at a word break. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, listOrNone } from '../../server/src/profile/didYouMean';

test('a misspelt name gets the nearest known one', () => {
  assert.equal(didYouMean('servd-on', ['served-on', 'customers']), ' Did you mean "served-on"?');
  assert.equal(didYouMean('zzz', ['served-on', 'customers']), '');
});

test('a name cut short at a word break gets the one known name it begins', () => {
  assert.equal(didYouMean('exclusive', ['theatrical-window', 'exclusive-window', 'open-window']), ' Did you mean "exclusive-window"?');
  // Two names it could begin suggest neither.
  assert.equal(didYouMean('window', ['window-early', 'window-late']), '');
});

test('an empty list reads "none"', () => {
  assert.equal(listOrNone([]), 'none');
  assert.equal(listOrNone(['a', 'b']), 'a, b');
});
