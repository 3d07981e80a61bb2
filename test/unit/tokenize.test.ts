import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../server/src/core/tokenize';

/** Words as read, with `|` for a clause boundary. */
function words(text: string, start = 0, end = text.length): string[] {
  const tokens = tokenize(text, { start, end });
  return Array.from({ length: tokens.length }, (_, index) => (tokens.boundaries[index] ? '|' : tokens.words[index]));
}

test('words are lower-cased, possessives dropped, curly apostrophes straightened', () => {
  assert.deepEqual(words('AWS’s Bedrock and Azure\'s regions don’t'), ['aws', 'bedrock', 'and', 'azure', 'regions', "don't"]);
});

test('a contraction takes letters only after its apostrophe', () => {
  assert.deepEqual(words("don't9 x"), ["don't", '9', 'x']);
});

test('letters and digits of any script make words; emoji and symbols do not', () => {
  assert.deepEqual(words('Ünïcode ٣ 𝐀𝐖𝐒 😀 a_b'), ['ünïcode', '٣', '𝐀𝐖𝐒', 'a', 'b']);
});

test('code, comments, link targets, tags and URLs are skipped', () => {
  assert.deepEqual(words('Run `aws deploy` <!-- on AWS --> [docs](https://aws.example) <b>bold</b> see https://azure.example/x now'), [
    'run',
    'docs',
    'bold',
    'see',
    'now',
  ]);
});

test('an unclosed backtick or comment is not skipped', () => {
  assert.deepEqual(words('the `aws cli'), ['the', 'aws', 'cli']);
  assert.deepEqual(words('<!-- on AWS'), ['on', 'aws']);
});

test('punctuation, spaced dashes and clause words end a clause; hyphens and mid-word stops do not', () => {
  assert.deepEqual(words('API, not SDK; non-API — but v1.2 runs - here. Done'), ['api', '|', 'not', 'sdk', '|', 'non', 'api', '|', '|', 'v1', '2', 'runs', '|', 'here', '|', 'done']);
});

test('only the span is read: a stop at its end is a boundary, and text after it is ignored', () => {
  const text = 'Runs on AWS.Then Azure';
  assert.deepEqual(words(text, 0, 'Runs on AWS.'.length), ['runs', 'on', 'aws', '|']);
  assert.deepEqual(words('in `code` here', 0, 'in `co'.length), ['in', 'co']);
});

test('token offsets are UTF-16 offsets into the whole text', () => {
  const text = '😀 on AWS';
  const tokens = tokenize(text, { start: 0, end: text.length });
  assert.deepEqual([tokens.starts[1], tokens.ends[1]], [6, 9]);
});
