/**
 * Turns the Markdown body into statements with their facets: each sentence
 * of a paragraph, each list item and each table row (read with its header).
 * Headings give the section path; HTML comments are kept aside for waivers.
 */
import { CATEGORY_BIT, isFramed, MatchPool, matchPhrases, type Category, type CompiledVocabulary, type PhraseMatch } from './compileVocabulary';
import { detectFacets, NO_FACETS } from './detectFacets';
import type { FacetCache } from './facetCache';
import { findBlocks, type Block } from './findBlocks';
import { dateClaims } from './dateClaims';
import { splitSentences } from './splitSentences';
import { tokenize, Tokens } from './tokenize';
import type { Heading, Span, Statement } from './types';

export interface Body {
  statements: Statement[];
  headings: Heading[];
  comments: Span[];
  /** Where a later scan may resume (see `findBlocks`); kept for incremental analysis. */
  quiet: number[];
  /** Whether each heading is about hosting or retracts its section, in heading order. */
  headingReadings: HeadingReading[];
}

/** What a heading says about the statements of its section. */
export interface HeadingReading {
  hosting: boolean;
  retracting: boolean;
}

/**
 * What makes a heading retract its section: its own words ("Non-goals"), or
 * a heading that negates or turns down what follows ("Discussed, not
 * adopted", "Rejected options").
 */
const RETRACTING: readonly Category[] = ['retractingContext', 'rejection', 'negation'];

function headingHas(vocabulary: CompiledVocabulary, tokens: Tokens, categories: readonly Category[], pool: MatchPool): boolean {
  const matches = matchPhrases(vocabulary, tokens, pool);
  // A verb that places only a venue after its frame ("What customers get") says nothing of a section.
  const says = (term: PhraseMatch['terms'][number]): boolean => categories.includes(term.category) && !(term.category === 'hosting' && isFramed(vocabulary, term.value));
  // An editor's note in brackets ("Listing: DRAFT (do not submit)") is about the document, not its content.
  return matches.some((match) => !inBrackets(tokens.text, tokens.starts[0] ?? match.start, match.start) && match.terms.some(says));
}

/** Whether an opening bracket before `at`, from `from` on, is still open there. */
function inBrackets(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let index = from; index < at; index++) {
    const c = text.charCodeAt(index);
    if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && depth > 0) depth--;
  }
  return depth > 0;
}

/** Whether a heading introduces a venue itself ("About Sakura Internet"): its section is that company's own description, no claim of ours. */
function aboutVenue(vocabulary: CompiledVocabulary, tokens: Tokens, pool: MatchPool): boolean {
  // "About" is in no phrase, so the tokens keep only its place: read it from the text.
  if (tokens.length < 2 || tokens.text.slice(tokens.starts[0], tokens.ends[0]).toLowerCase() !== 'about') return false;
  const matches = matchPhrases(vocabulary, tokens, pool);
  return matches.length === 1 && matches[0].first === 1 && matches[0].last === tokens.length && (matches[0].mask & CATEGORY_BIT.cloud) !== 0;
}

/** A question asks; it claims nothing ("Does any API traffic run on AWS?"). */
function isQuestion(text: string, span: Span): boolean {
  let end = span.end;
  while (end > span.start && /[\s*_)"'\u201d]/.test(text[end - 1])) end--;
  return text[end - 1] === '?';
}



/** A table row that asks a question in one cell and answers "No" in a later one ("| Is data stored on Google Cloud? | No. |") claims nothing. */
function answeredNo(text: string, cells: readonly { cell: Span }[]): boolean {
  const asked = cells.findIndex(({ cell }) => isQuestion(text, cell));
  if (asked < 0) return false;
  return cells.slice(asked + 1).some(({ cell }) => /^[*_]*no\b(?![-'])/i.test(text.slice(cell.start, Math.min(cell.end, cell.start + 8))));
}

/** A list item is one statement, but a question inside it ("**Does it run on AWS?** No.") claims nothing. */
function listItemTokens(text: string, span: Span, into: Tokens): Tokens {
  for (const sentence of splitSentences(text, span)) if (!isQuestion(text, sentence)) tokenize(text, sentence, into);
  return into;
}

/** A table row is read as "header cell, row cell" pairs, column by column. */
function tableRowTokens(text: string, cells: readonly { header?: Span; cell: Span }[], into: Tokens): Tokens {
  cells.forEach((pair, column) => {
    // A header that asks ("| Stateful? |") says its words of a row only where the row answers yes.
    if (pair.header && (!isQuestion(text, pair.header) || answersYes(text, pair.cell))) tokenize(text, pair.header, into, column, true);
    tokenize(text, pair.cell, into, column, false);
  });
  return into;
}

/** Whether a cell answers yes ("Y", "Yes", "✓", "true"). */
function answersYes(text: string, cell: Span): boolean {
  return /^[*_]*(?:y|yes|true|\u2713|\u2714|\u2705)\b/iu.test(text.slice(cell.start, Math.min(cell.end, cell.start + 8)));
}

/** The tokens of a statement, read as its kind is read. */
function statementTokens(text: string, statement: Statement, into: Tokens): Tokens {
  if (statement.kind === 'sentence') return tokenize(text, statement.span, into);
  if (statement.kind === 'list-item') return listItemTokens(text, statement.span, into);
  return tableRowTokens(text, statement.cells ?? [], into);
}

/** Whether the statement stands in a block quote: its line opens with `>`. */
function isQuoted(text: string, span: Span): boolean {
  let start = span.start;
  while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
  while (start < span.start && (text[start] === ' ' || text[start] === '\t')) start++;
  return text.charCodeAt(start) === 62;
}

/**
 * The facets of a statement read again with some of its words read as
 * others (a name the document gives a venue, read as the venue; `rewrite`
 * returns the tokens where such names start), or undefined when its section
 * or form makes it no claim. The sections open at the statement are those
 * whose span holds it.
 */
export function readStatementAgain(
  text: string,
  statement: Statement,
  body: Body,
  vocabulary: CompiledVocabulary,
  rewrite: (tokens: Tokens) => ReadonlySet<number>,
): Statement | undefined {
  let hostingSection = false;
  for (let index = 0; index < body.headings.length; index++) {
    const { span, sectionSpan } = body.headings[index];
    if (span.start > statement.span.start || sectionSpan.end <= statement.span.start) continue;
    if (body.headingReadings[index].retracting) return undefined;
    if (body.headingReadings[index].hosting) hostingSection = true;
  }
  const tableRow = statement.kind === 'table-row';
  if (!tableRow && (isQuestion(text, statement.span) || isQuoted(text, statement.span))) return undefined;
  const tokens = statementTokens(text, statement, new Tokens(vocabulary.known));
  const sites = rewrite(tokens);
  const again: Statement = { ...statement, facets: detectFacets(vocabulary, tokens, { hostingSection, tableRow, sites }) };
  if (again.facets.ties.length > 0) dateClaims(text, again, vocabulary.home);
  return again;
}

/**
 * The headings open at a point, outermost first, with what they say about
 * their sections, as one comparable string. Given a list of headings in
 * order, the open ones are those no later heading of the same or a higher
 * level has closed.
 */
function openSections(headings: readonly { heading: Heading; reading: HeadingReading }[]): string {
  const open: { heading: Heading; reading: HeadingReading }[] = [];
  for (const entry of headings) {
    while (open.length > 0 && open[open.length - 1].heading.level >= entry.heading.level) open.pop();
    open.push(entry);
  }
  return open.map(({ heading, reading }) => `${heading.level} ${reading.hosting} ${reading.retracting} ${heading.title}`).join('\n');
}

export function findStatements(text: string, bodyStart: number, vocabulary: CompiledVocabulary, cache?: FacetCache): Body {
  const statements: Statement[] = [];
  const headings: Heading[] = [];
  const headingReadings: HeadingReading[] = [];
  const comments: Span[] = [];
  const quiet: number[] = [];
  /** Open headings, outermost first, with what each says about its section. */
  const stack: { heading: Heading; reading: HeadingReading }[] = [];
  // One token buffer and one pool of phrase matches serve every statement in turn.
  const buffer = new Tokens(vocabulary.known);
  const pool = new MatchPool();
  const tokensOf = (statement: Statement): Tokens => statementTokens(text, statement, buffer.clear());

  // Section facts change only at a heading, so they are computed there, not per statement.
  let hostingSection = false;
  let retractingSection = false;
  const context = (tableRow: boolean): { hostingSection: boolean; tableRow: boolean } => ({ hostingSection, tableRow });
  // Statements of one section share its path array; it changes only at a heading.
  let sectionPath: string[] = [];
  const openHeading = (heading: Heading, reading: HeadingReading): void => {
    while (stack.length > 0 && stack[stack.length - 1].heading.level >= heading.level) {
      stack.pop()!.heading.sectionSpan.end = heading.span.start;
    }
    headings.push(heading);
    headingReadings.push(reading);
    sectionPath = [...stack.map((entry) => entry.heading.title), heading.title];
    stack.push({ heading, reading });
    hostingSection = stack.some((entry) => entry.reading.hosting);
    retractingSection = stack.some((entry) => entry.reading.retracting);
  };

  /**
   * Pushes the statement with its facets, unless its section or its form
   * makes it no claim. Facets are taken from the cache when the statement
   * (and, for a table row, its header) is unchanged since the last analysis.
   */
  const add = (statement: Statement, quoted = false): void => {
    statements.push(statement);
    const { kind, span } = statement;
    const claimless =
      quoted || (retractingSection && !isTaken(statement)) || (kind === 'table-row' ? answeredNo(text, statement.cells!) : isQuestion(text, span));
    const reading = claimless ? undefined : hostingSection ? 'hosting' : 'plain';
    const known = cache?.reuse(statement, reading);
    if (known) statement.facets = known;
    else if (!claimless) {
      statement.facets = detectFacets(vocabulary, tokensOf(statement), context(kind === 'table-row'), pool);
      if (statement.facets.ties.length > 0) dateClaims(text, statement, vocabulary.home);
    }
  };

  /** Whether a statement under a retracting heading marks the option taken ("| B | CoreWeave … | Accepted |"). */
  const isTaken = (statement: Statement): boolean => {
    const marks = matchPhrases(vocabulary, tokensOf(statement), pool);
    return marks.some((mark) => (mark.mask & CATEGORY_BIT.acceptance) !== 0) && !marks.some((mark) => (mark.mask & CATEGORY_BIT.rejection) !== 0);
  };

  // Text unchanged since the last analysis up to a quiet point holds the same statements: take them and scan from there.
  let start = bodyStart;
  const resume = cache?.resume(bodyStart);
  if (resume) {
    start = resume.at;
    statements.push(...resume.body.statements.slice(0, resume.statements));
    for (let index = 0; index < resume.headings; index++) {
      const heading = resume.body.headings[index];
      // Section ends are set as later headings close them, so each analysis has its own heading objects.
      openHeading({ ...heading, sectionSpan: { start: heading.sectionSpan.start, end: text.length } }, resume.body.headingReadings[index]);
    }
    comments.push(...resume.body.comments.filter((comment) => comment.start < start));
    quiet.push(...resume.body.quiet.filter((offset) => offset <= start));
  }

  const read = (block: Block): void => {
    switch (block.kind) {
      case 'heading': {
        const title = tokenize(text, block.title, buffer.clear());
        openHeading(
          { level: block.level, title: text.slice(block.title.start, block.title.end), span: block.span, sectionSpan: { start: block.span.start, end: text.length } },
          { hosting: headingHas(vocabulary, title, ['hostingContext', 'hosting'], pool), retracting: headingHas(vocabulary, title, RETRACTING, pool) || aboutVenue(vocabulary, title, pool) },
        );
        break;
      }
      case 'comment':
        comments.push(block.span);
        break;
      case 'paragraph': {
        // A block quote quotes someone (a clause, a customer); its words are not the spec's claims.
        const quoted = text.charCodeAt(block.span.start) === 62;
        for (const sentence of splitSentences(text, block.span)) add({ kind: 'sentence', span: sentence, section: sectionPath, facets: NO_FACETS }, quoted);
        break;
      }
      case 'list-item':
        add({ kind: 'list-item', span: block.span, section: sectionPath, facets: NO_FACETS });
        break;
      case 'table-row': {
        const cells = block.cells.map((cell, column) => ({ header: block.header[column], cell }));
        add({ kind: 'table-row', span: block.span, cells, section: sectionPath, facets: NO_FACETS });
        break;
      }
    }
  };

  // After the edit, the scan stops at the first quiet point where the last analysis stood too.
  let stoppedAt = -1;
  const stopAt = (offset: number): boolean => {
    if (stoppedAt >= 0 || !cache?.joinable(offset)) return false;
    stoppedAt = offset;
    return true;
  };
  findBlocks(text, start, quiet, cache && stopAt).forEach(read);
  if (stoppedAt >= 0) {
    const last = cache!.joinable(stoppedAt)!;
    const { body, before } = last;
    if (openSections(stack) === openSections(body.headings.slice(0, last.headings).map((heading, index) => ({ heading, reading: body.headingReadings[index] })))) {
      // The same sections are open at the same text as last time: the rest reads as it did, moved by the edit.
      const by = stoppedAt - before;
      for (let index = last.headings; index < body.headings.length; index++) {
        const { level, title, span } = body.headings[index];
        const moved = { start: span.start + by, end: span.end + by };
        openHeading({ level, title, span: moved, sectionSpan: { start: moved.start, end: text.length } }, body.headingReadings[index]);
      }
      statements.push(...cache!.join(stoppedAt));
      for (const comment of body.comments) if (comment.start >= before) comments.push({ start: comment.start + by, end: comment.end + by });
      for (const offset of body.quiet) if (offset > before) quiet.push(offset + by);
    } else {
      findBlocks(text, stoppedAt, quiet).forEach(read);
    }
  }
  return { statements, headings, comments, quiet, headingReadings };
}
