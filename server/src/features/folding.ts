/**
 * Folding ranges of a spec: the front matter, each heading's section (nested
 * sections fold inside it) and HTML comments that span several lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { findBlocks, trimSpan } from '../core/findBlocks';
import type { Span } from '../core/types';
import type { SpecModel } from '../specModel';

/** First and last line of a span, leaving out trailing blank lines. */
function lineRange(model: SpecModel, span: Span): { startLine: number; endLine: number } {
  const trimmed = trimSpan(model.text, span.start, span.end);
  const endOffset = trimmed.end > trimmed.start ? trimmed.end - 1 : trimmed.start;
  return { startLine: model.lines.position(span.start).line, endLine: model.lines.position(endOffset).line };
}

export function provideFoldingRanges(model: SpecModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span, kind?: FoldingRangeKind): void => {
    const { startLine, endLine } = lineRange(model, span);
    if (endLine > startLine) ranges.push(kind === undefined ? { startLine, endLine } : { startLine, endLine, kind });
  };

  const frontMatter = model.analysis.frontMatter;
  if (frontMatter) add(frontMatter.span);
  for (const heading of model.analysis.headings) add(heading.sectionSpan);
  for (const block of findBlocks(model.text, frontMatter?.span.end ?? 0)) {
    if (block.kind === 'comment') add(block.span, FoldingRangeKind.Comment);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
