import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBlocks } from '../../server/src/core/findBlocks';
import { LineMap } from '../../server/src/core/lineMap';
import { parseFrontMatter } from '../../server/src/core/parseFrontMatter';
import { splitSentences } from '../../server/src/core/splitSentences';
import { run } from './testSupport';

function statementTexts(text: string): string[] {
  return run(text).statements.map((statement) => `${statement.kind}: ${text.slice(statement.span.start, statement.span.end)}`);
}

test('each sentence, list item, table row and front-matter field is a statement', () => {
  const text = [
    '---',
    'product: Frontier',
    'served-on: [aws]',
    '---',
    '# Overview',
    'The API is billed per token. It runs on Azure! Does it scale?',
    'It wraps onto a second line.',
    '',
    '- First item, e.g. an endpoint.',
    '  continued here',
    '* Second item',
    '1. Numbered item',
    '',
    '| Surface | Cloud |',
    '|---|---|',
    '| Stateless API | AWS |',
  ].join('\n');
  assert.deepEqual(statementTexts(text), [
    'front-matter: product: Frontier',
    'front-matter: served-on: [aws]',
    'sentence: The API is billed per token.',
    'sentence: It runs on Azure!',
    'sentence: Does it scale?',
    'sentence: It wraps onto a second line.',
    'list-item: First item, e.g. an endpoint.\n  continued here',
    'list-item: Second item',
    'list-item: Numbered item',
    'table-row: | Stateless API | AWS |',
  ]);
});

test('code blocks and ordinary HTML comments are not statements', () => {
  const text = ['Intro sentence.', '```bash', 'aws bedrock invoke-model', '```', '<!-- hosted on AWS -->', '~~~', 'Also code.', '~~~', 'Outro.'].join('\n');
  assert.deepEqual(statementTexts(text), ['sentence: Intro sentence.', 'sentence: Outro.']);
});

test('headings give the section path of the statements under them', () => {
  const analysis = run('# Plan\n## Hosting\nServed from AWS.\n# Launch\nIn June.\n');
  assert.deepEqual(
    analysis.statements.map((statement) => statement.section),
    [['Plan', 'Hosting'], ['Launch']],
  );
  assert.deepEqual(
    analysis.headings.map((heading) => [heading.level, heading.title]),
    [[1, 'Plan'], [2, 'Hosting'], [1, 'Launch']],
  );
});

test('setext headings and thematic breaks are recognised', () => {
  const blocks = findBlocks('Title\n=====\n\n***\nBody text.\n', 0);
  assert.deepEqual(
    blocks.map((block) => block.kind),
    ['heading', 'paragraph'],
  );
});

test('sentences do not split after abbreviations or inside numbers', () => {
  const text = 'We use e.g. Bedrock vs. Vertex at 3.5 cents. Next one starts here.';
  assert.deepEqual(
    splitSentences(text, { start: 0, end: text.length }).map((span) => text.slice(span.start, span.end)),
    ['We use e.g. Bedrock vs. Vertex at 3.5 cents.', 'Next one starts here.'],
  );
});

test('a title is an abbreviation only when capitalised; a unit ends its sentence', () => {
  const text = 'Ms. Ito owns it. Latency passes 400 ms. The second pool takes over.';
  assert.deepEqual(
    splitSentences(text, { start: 0, end: text.length }).map((span) => text.slice(span.start, span.end)),
    ['Ms. Ito owns it.', 'Latency passes 400 ms.', 'The second pool takes over.'],
  );
});

test('front matter keeps the exact ranges of keys, values and list items', () => {
  const text = '---\nclassification: api   # note\nserved-on: [aws, gcp]\ncustomers:\n  - enterprise\n---\nBody.\n';
  const { frontMatter, bodyStart, problems } = parseFrontMatter(text);
  assert.deepEqual(problems, []);
  assert.equal(text.slice(bodyStart), 'Body.\n');
  const slices = frontMatter!.entries.map((entry) => [
    text.slice(entry.keySpan.start, entry.keySpan.end),
    text.slice(entry.valueSpan.start, entry.valueSpan.end),
    entry.itemSpans.map((span) => text.slice(span.start, span.end)),
  ]);
  assert.deepEqual(slices, [
    ['classification', 'api', ['api']],
    ['served-on', '[aws, gcp]', ['aws', 'gcp']],
    ['customers', '- enterprise', ['enterprise']],
  ]);
});

test('a front matter without a closing fence is reported at the opening fence', () => {
  const text = '---\nproduct: X\nThe API runs on AWS.\n';
  const analysis = run(text);
  const finding = analysis.findings.find((item) => item.rule === 'invalid-front-matter');
  assert.ok(finding);
  assert.deepEqual([finding.span.start, finding.span.end], [0, 3]);
});

test('line map counts UTF-16 code units and every line-break style', () => {
  const text = 'a😀b\r\nc\rd\ne';
  const lines = new LineMap(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.position(text.indexOf('b')), { line: 0, character: 3 });
  assert.deepEqual(lines.position(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(lines.position(text.indexOf('d')), { line: 2, character: 0 });
  assert.deepEqual(lines.position(text.indexOf('e')), { line: 3, character: 0 });
  assert.equal(lines.offset({ line: 1, character: 0 }), text.indexOf('c'));
  assert.equal(lines.lineEnd(0), text.indexOf('\r'));
});
