/**
 * The outline of a spec: the front matter as one namespace with its keys,
 * then the headings, each nested under the nearest heading of a lower level.
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
  const symbols: DocumentSymbol[] = [];
  const frontMatter = frontMatterSymbol(model);
  if (frontMatter) symbols.push(frontMatter);
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const heading of model.analysis.headings) {
    const symbol: DocumentSymbol = {
      name: heading.title.trim() === '' ? '(untitled heading)' : heading.title,
      kind: SymbolKind.String,
      // Blank lines before the next heading belong to no section.
      range: spanRange(model.lines, trimSpan(model.text, heading.span.start, Math.max(heading.sectionSpan.end, heading.span.end))),
      selectionRange: spanRange(model.lines, heading.span),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children?.push(symbol);
    else symbols.push(symbol);
    stack.push({ level: heading.level, symbol });
  }
  return symbols;
}
