/** Marks in the Markdown preview: the block of each flagged statement gets a class by severity and a tooltip. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { markFlaggedStatements, type FlaggedLine } from '../../client/src/preview/markFlaggedStatements';

const SPEC = ['# Hosting', '', 'The API is served from AWS.', 'It also answers from Azure.', '', '- The app runs on Google Cloud.', '- Nothing else.', '', '| Surface | Cloud |', '| --- | --- |', '| API | AWS |', '| App | Azure |', ''].join('\n');

function render(findings: readonly FlaggedLine[] | undefined): string {
  return markFlaggedStatements(new MarkdownIt(), () => findings).render(SPEC, {});
}

const flag = (line: number, severity: FlaggedLine['severity'], rule = 'api-exclusivity'): FlaggedLine => ({ line, severity, rule, message: `${rule} on ${line + 1}`, clauses: ['C-1'] });

describe('markFlaggedStatements', () => {
  it('marks the paragraph, the list item and the table row of each finding, with the worst severity and every finding in the tooltip', () => {
    const html = render([flag(3, 'warning', 'declaration-mismatch'), flag(2, 'error'), flag(5, 'information', 'non-api-carve-out'), flag(10, 'error')]);
    assert.match(html, /<p class="carveout-flagged carveout-error" title="declaration-mismatch: declaration-mismatch on 4 \[C-1\]\napi-exclusivity: api-exclusivity on 3 \[C-1\]">The API is served from AWS\./);
    assert.match(html, /<li class="carveout-flagged carveout-information" title="non-api-carve-out: non-api-carve-out on 6 \[C-1\]">The app runs on Google Cloud\.<\/li>/);
    assert.match(html, /<tr class="carveout-flagged carveout-error" title="api-exclusivity: api-exclusivity on 11 \[C-1\]">\n<td>API<\/td>/);
    assert.equal((html.match(/carveout-flagged/g) ?? []).length, 3, 'nothing else is marked');
  });

  it('leaves a document that is not a spec, or has no finding, as markdown-it renders it', () => {
    const plain = new MarkdownIt().render(SPEC);
    assert.equal(render(undefined), plain);
    assert.equal(render([]), plain);
  });
});
