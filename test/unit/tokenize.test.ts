import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileVocabulary, matchPhrases } from '../../server/src/core/compileVocabulary';
import { tokenize, Tokens, UNKNOWN_WORD } from '../../server/src/core/tokenize';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

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
  assert.deepEqual(words('Ünïcode ٣ 𝐀𝐖𝐒 😀 a_b'), ['ünïcode', '٣', 'aws', 'a', 'b'], 'mathematical letters are read as the letters they imitate');
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

test('with a vocabulary, words no phrase holds are not read as strings, and phrases match as before', () => {
  const vocabulary = compileVocabulary(loadBuiltinProfile());
  const text = 'Our Keyboard shortcuts’ docs: the stateless API’s endpoints are HOSTED on AWS’s Bedrock, but not GPUs.';
  const span = { start: 0, end: text.length };
  const filtered = tokenize(text, span, new Tokens(vocabulary.known));
  const plain = tokenize(text, span);
  const shown = (tokens: Tokens): string[] => Array.from({ length: tokens.length }, (_, index) => tokens.words[index]);
  // "shortcuts" and "docs" are in no phrase; "endpoints" and "GPUs" match prefix phrases (endpoint*, gpu*).
  assert.ok(shown(filtered).includes(UNKNOWN_WORD));
  assert.equal(shown(filtered)[shown(plain).indexOf('shortcuts')], UNKNOWN_WORD);
  assert.equal(shown(filtered)[shown(plain).indexOf('endpoints')], 'endpoints');
  assert.equal(shown(filtered)[shown(plain).indexOf('aws')], 'aws');
  const matches = (tokens: Tokens): string[] => matchPhrases(vocabulary, tokens).map((match) => text.slice(match.start, match.end));
  assert.deepEqual(matches(filtered), matches(plain));
  for (const phrase of ['endpoints', 'AWS’s', 'GPUs']) assert.ok(matches(plain).includes(phrase), `${phrase} in ${matches(plain).join(', ')}`);
});
