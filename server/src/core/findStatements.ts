/**
 * Turns the Markdown body into statements with their facets: each sentence
 * of a paragraph, each list item and each table row (read with its header).
 * Headings give the section path; HTML comments are kept aside for waivers.
 */
import { matchPhrases, type CompiledVocabulary } from './compileVocabulary';
import { detectFacets } from './detectFacets';
import { findBlocks } from './findBlocks';
import { splitSentences } from './splitSentences';
import { tokenize, type Token } from './tokenize';
import type { Heading, Span, Statement } from './types';

export interface Body {
  statements: Statement[];
  headings: Heading[];
  comments: Span[];
}

function isHostingHeading(vocabulary: CompiledVocabulary, text: string, title: Span): boolean {
  const matches = matchPhrases(vocabulary, tokenize(text, title));
  return matches.some((match) => match.terms.some((term) => term.category === 'hostingContext' || term.category === 'hosting'));
}

export function findStatements(text: string, bodyStart: number, vocabulary: CompiledVocabulary): Body {
  const statements: Statement[] = [];
  const headings: Heading[] = [];
  const comments: Span[] = [];
  /** Open headings, outermost first, with whether each is about hosting. */
  const stack: { heading: Heading; hosting: boolean }[] = [];

  const context = (tableRow: boolean): { hostingSection: boolean; tableRow: boolean } => ({
    hostingSection: stack.some((entry) => entry.hosting),
    tableRow,
  });
  const section = (): string[] => stack.map((entry) => entry.heading.title);

  for (const block of findBlocks(text, bodyStart)) {
    switch (block.kind) {
      case 'heading': {
        while (stack.length > 0 && stack[stack.length - 1].heading.level >= block.level) {
          stack.pop()!.heading.sectionSpan.end = block.span.start;
        }
        const heading: Heading = {
          level: block.level,
          title: text.slice(block.title.start, block.title.end),
          span: block.span,
          sectionSpan: { start: block.span.start, end: text.length },
        };
        headings.push(heading);
        stack.push({ heading, hosting: isHostingHeading(vocabulary, text, block.title) });
        break;
      }
      case 'comment':
        comments.push(block.span);
        break;
      case 'paragraph':
        for (const sentence of splitSentences(text, block.span)) {
          statements.push({ kind: 'sentence', span: sentence, section: section(), facets: detectFacets(vocabulary, tokenize(text, sentence), context(false)) });
        }
        break;
      case 'list-item':
        statements.push({ kind: 'list-item', span: block.span, section: section(), facets: detectFacets(vocabulary, tokenize(text, block.span), context(false)) });
        break;
      case 'table-row': {
        const tokens: Token[] = [];
        const cells = block.cells.map((cell, column) => ({ header: block.header[column], cell }));
        for (const [column, pair] of cells.entries()) {
          if (pair.header) tokenize(text, pair.header, tokens, column, true);
          tokenize(text, pair.cell, tokens, column, false);
        }
        statements.push({ kind: 'table-row', span: block.span, cells, section: section(), facets: detectFacets(vocabulary, tokens, context(true)) });
        break;
      }
    }
  }
  return { statements, headings, comments };
}
