/**
 * Turns the Markdown body into statements with their facets: each sentence
 * of a paragraph, each list item and each table row (read with its header).
 * Headings give the section path; HTML comments are kept aside for waivers.
 */
import { matchPhrases, type Category, type CompiledVocabulary } from './compileVocabulary';
import { detectFacets, emptyFacets } from './detectFacets';
import type { FacetCache } from './facetCache';
import { findBlocks } from './findBlocks';
import { splitSentences } from './splitSentences';
import { tokenize, Tokens } from './tokenize';
import type { Heading, Span, Statement, StatementFacets } from './types';

export interface Body {
  statements: Statement[];
  /** For each statement, the facet-cache key it was read under; undefined when it was not cached. */
  cacheKeys: (string | undefined)[];
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



/** A list item is one statement, but a question inside it ("**Does it run on AWS?** No.") claims nothing. */
function listItemTokens(text: string, span: Span, into: Tokens): Tokens {
  for (const sentence of splitSentences(text, span)) if (!isQuestion(text, sentence)) tokenize(text, sentence, into);
  return into;
}

export function findStatements(text: string, bodyStart: number, vocabulary: CompiledVocabulary, cache?: FacetCache): Body {
  const statements: Statement[] = [];
  const headings: Heading[] = [];
  const comments: Span[] = [];
  /** Open headings, outermost first, with whether each is about hosting or retracts its content. */
  const stack: { heading: Heading; hosting: boolean; retracting: boolean }[] = [];
  /**
   * Facets of a statement, unless its section or its form makes it no claim.
   * Sentences and list items are looked up in the cache first; table rows
   * also depend on their header, so they are always read afresh.
   */
  // One token buffer serves every statement in turn.
  const buffer = new Tokens();
  const cacheKeys: (string | undefined)[] = [];
  const facetsOf = (span: Span, tableRow: boolean, tokens: () => Tokens): StatementFacets => {
    // Called once per statement, in order, so the key lines up with the statement pushed next.
    cacheKeys.push(undefined);
    if (retractingSection || (!tableRow && isQuestion(text, span))) return emptyFacets();
    if (!cache || tableRow) return detectFacets(vocabulary, tokens(), context(tableRow));
    const key = `${hostingSection ? 'h' : '-'}${text.slice(span.start, span.end)}`;
    cacheKeys[cacheKeys.length - 1] = key;
    const known = cache.get(key, span.start);
    if (known) return known;
    const facets = detectFacets(vocabulary, tokens(), context(false));
    cache.set(key, facets, span.start);
    return facets;
  };

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
          statements.push({ kind: 'sentence', span: sentence, section: section(), facets: facetsOf(sentence, false, () => tokenize(text, sentence, buffer.clear())) });
        }
        break;
      case 'list-item':
        statements.push({ kind: 'list-item', span: block.span, section: section(), facets: facetsOf(block.span, false, () => listItemTokens(text, block.span, buffer.clear())) });
        break;
      case 'table-row': {
        const cells = block.cells.map((cell, column) => ({ header: block.header[column], cell }));
        const tokens = (): Tokens => {
          buffer.clear();
          for (const [column, pair] of cells.entries()) {
            if (pair.header) tokenize(text, pair.header, buffer, column, true);
            tokenize(text, pair.cell, buffer, column, false);
          }
          return buffer;
        };
        statements.push({ kind: 'table-row', span: block.span, cells, section: section(), facets: facetsOf(block.span, true, tokens) });
        break;
      }
    }
  }
  return { statements, cacheKeys, headings, comments };
}
