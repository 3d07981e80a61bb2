/**
 * Turns the Markdown body into statements with their facets: each sentence
 * of a paragraph, each list item and each table row (read with its header).
 * Headings give the section path; HTML comments are kept aside for waivers.
 */
import { matchPhrases, type Category, type CompiledVocabulary } from './compileVocabulary';
import { detectFacets, emptyFacets } from './detectFacets';
import { findBlocks } from './findBlocks';
import { splitSentences } from './splitSentences';
import { tokenize, type Token } from './tokenize';
import type { Heading, Span, Statement, StatementFacets } from './types';

export interface Body {
  statements: Statement[];
  headings: Heading[];
  comments: Span[];
}

function headingHas(vocabulary: CompiledVocabulary, text: string, title: Span, categories: readonly Category[]): boolean {
  const matches = matchPhrases(vocabulary, tokenize(text, title));
  return matches.some((match) => match.terms.some((term) => categories.includes(term.category)));
}

/** A question asks; it claims nothing ("Does any API traffic run on AWS?"). */
function isQuestion(text: string, span: Span): boolean {
  let end = span.end;
  while (end > span.start && /[\s*_)"'\u201d]/.test(text[end - 1])) end--;
  return text[end - 1] === '?';
}



export function findStatements(text: string, bodyStart: number, vocabulary: CompiledVocabulary): Body {
  const statements: Statement[] = [];
  const headings: Heading[] = [];
  const comments: Span[] = [];
  /** Open headings, outermost first, with whether each is about hosting or retracts its content. */
  const stack: { heading: Heading; hosting: boolean; retracting: boolean }[] = [];
  /** Facets of a statement, unless its section or its form makes it no claim. */
  const facetsOf = (tokens: Token[], span: Span, tableRow: boolean): StatementFacets =>
    retractingSection || (!tableRow && isQuestion(text, span)) ? emptyFacets() : detectFacets(vocabulary, tokens, context(tableRow));

  // Section facts change only at a heading, so they are computed there, not per statement.
  let hostingSection = false;
  let retractingSection = false;
  const context = (tableRow: boolean): { hostingSection: boolean; tableRow: boolean } => ({ hostingSection, tableRow });
  // Statements of one section share its path array; it changes only at a heading.
  let sectionPath: string[] = [];
  const section = (): string[] => sectionPath;

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
        sectionPath = [...stack.map((entry) => entry.heading.title), heading.title];
        stack.push({
          heading,
          hosting: headingHas(vocabulary, text, block.title, ['hostingContext', 'hosting']),
          retracting: headingHas(vocabulary, text, block.title, ['retractingContext']),
        });
        hostingSection = stack.some((entry) => entry.hosting);
        retractingSection = stack.some((entry) => entry.retracting);
        break;
      }
      case 'comment':
        comments.push(block.span);
        break;
      case 'paragraph':
        for (const sentence of splitSentences(text, block.span)) {
          statements.push({ kind: 'sentence', span: sentence, section: section(), facets: facetsOf(tokenize(text, sentence), sentence, false) });
        }
        break;
      case 'list-item':
        statements.push({ kind: 'list-item', span: block.span, section: section(), facets: facetsOf(tokenize(text, block.span), block.span, false) });
        break;
      case 'table-row': {
        const tokens: Token[] = [];
        const cells = block.cells.map((cell, column) => ({ header: block.header[column], cell }));
        for (const [column, pair] of cells.entries()) {
          if (pair.header) tokenize(text, pair.header, tokens, column, true);
          tokenize(text, pair.cell, tokens, column, false);
        }
        statements.push({ kind: 'table-row', span: block.span, cells, section: section(), facets: facetsOf(tokens, block.span, true) });
        break;
      }
    }
  }
  return { statements, headings, comments };
}
