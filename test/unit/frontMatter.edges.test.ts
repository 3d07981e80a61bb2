/**
 * Front-matter fences and error ranges under every line-break style, and
 * the edge cases where an opening fence is all the text there is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMap } from '../../server/src/core/lineMap';
import { parseFrontMatter } from '../../server/src/core/parseFrontMatter';
import { describe as findingsOf, run } from './testSupport';

const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
] as const;

/** Each problem as 0-based line:character ranges, checked to stay inside the front matter and within the line it starts on. */
function problemRanges(text: string): string[] {
  const lines = new LineMap(text);
  const parsed = parseFrontMatter(text);
  return parsed.problems.map((problem) => {
    assert.ok(problem.span.start < parsed.frontMatter!.contentSpan.end, `"${problem.message}" is put on the closing fence`);
    const start = lines.position(problem.span.start);
    const end = lines.position(problem.span.end);
    assert.equal(end.line, start.line, `the range of "${problem.message}" leaves its line`);
    assert.ok(problem.span.end <= lines.lineEnd(start.line), `the range of "${problem.message}" ends past the end of its line`);
    return `${start.line}:${start.character}-${end.line}:${end.character} ${problem.message}`;
  });
}

describe('front matter under every line-break style', () => {
  for (const [name, eol] of EOLS) {
    it(`finds the closing fence with ${name} line endings`, () => {
      const text = ['---', 'classification: api', 'served-on: [aws]', 'launch: 2025-11-03', '---', 'The API is served from AWS regions.', ''].join(eol);
      const parsed = parseFrontMatter(text);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.frontMatter?.entries.map((entry) => [entry.key, entry.values]), [
        ['classification', ['api']],
        ['served-on', ['aws']],
        ['launch', ['2025-11-03']],
      ]);
      assert.deepEqual(findingsOf(text, run(text).findings), ['api-exclusivity@6:1-6:36']);
    });

    it(`ends the range of a list or block value on its last line with ${name} line endings`, () => {
      const text = ['---', 'served-on:', '  - aws', 'served-on:', '  - gcp', 'launch:', '  - 2025-11-03', 'notes: |', '  kept', '---', 'Body.', ''].join(eol);
      const entries = parseFrontMatter(text).frontMatter!.entries;
      assert.deepEqual(entries.map((entry) => text.slice(entry.valueSpan.start, entry.valueSpan.end)), ['- aws', '- gcp', '- 2025-11-03', `|${eol}  kept`]);
      const lines = new LineMap(text);
      for (const finding of run(text).findings) {
        const end = lines.position(finding.span.end);
        assert.ok(finding.span.end <= lines.lineEnd(end.line) && end.character > 0, `${finding.message} ends past the end of its line`);
      }
    });

    it(`keeps a duplicate-key range on its line with ${name} line endings`, () => {
      for (const body of [['product: a', 'product: b'], ['? ', '? ']]) {
        const text = ['---', ...body, '---', 'Body.', ''].join(eol);
        assert.deepEqual(problemRanges(text), problemRanges(['---', ...body, '---', 'Body.', ''].join('\n')));
        assert.equal(problemRanges(text).length, 1);
      }
    });
  }
});

describe('an opening fence with nothing after it', () => {
  it('is a front matter without a closing fence, with or without a line break', () => {
    const expected = [{ message: 'Front matter starts with `---` but has no closing `---` line.', span: { start: 0, end: 3 } }];
    assert.deepEqual(parseFrontMatter('---').problems, expected);
    assert.deepEqual(parseFrontMatter('---\n').problems, expected);
    assert.deepEqual(parseFrontMatter('--- ').problems, expected);
  });
});
