/**
 * Carveout's part of a spec's outline: the front matter as one namespace with
 * its keys. A spec is a Markdown document, so the Markdown language already
 * outlines its headings; listing them here too would show each twice.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { trimSpan } from '../core/findBlocks';
import type { SpecModel } from '../specModel';
import { spanRange } from './diagnostics';

function frontMatterSymbol(model: SpecModel): DocumentSymbol | undefined {
  const frontMatter = model.analysis.frontMatter;
  if (!frontMatter) return undefined;
  const { lines } = model;
  const children: DocumentSymbol[] = frontMatter.entries.map((entry) => {
    const end = Math.max(entry.keySpan.end, entry.valueSpan.end);
    return {
      name: entry.key.trim() === '' ? '(empty key)' : entry.key,
      detail: entry.values.join(', '),
      kind: SymbolKind.Property,
      range: spanRange(lines, { start: entry.keySpan.start, end }),
      selectionRange: spanRange(lines, entry.keySpan),
    };
  });
  // The closing fence's line break is not part of the symbol, so the range ends on the fence.
  const range = spanRange(lines, trimSpan(model.text, frontMatter.span.start, frontMatter.span.end));
  const opening = lines.position(frontMatter.span.start);
  return {
    name: 'front matter',
    detail: model.analysis.facts.product ?? '',
    kind: SymbolKind.Namespace,
    range,
    selectionRange: { start: opening, end: { line: opening.line, character: opening.character + 3 } },
    children,
  };
}

export function provideDocumentSymbols(model: SpecModel): DocumentSymbol[] {
  const frontMatter = frontMatterSymbol(model);
  return frontMatter ? [frontMatter] : [];
}
