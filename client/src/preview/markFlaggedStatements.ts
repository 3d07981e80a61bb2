/**
 * Marks flagged statements in the built-in Markdown preview of a spec, so a
 * lawyer reading the rendered spec sees what Carveout flags: each paragraph,
 * list item or table row that holds a finding gets a class by severity and a
 * tooltip with the rule and the clauses. It reads the findings the editor
 * already has (the diagnostics), so the preview shows exactly what Problems
 * shows. Plain markdown-it and data, so it is tested without VS Code.
 *
 * The marks are made while rendering: the preview names the document it
 * renders in the render's environment, not in the parse's.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export interface FlaggedLine {
  /** Zero-based line where the finding's statement starts. */
  line: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  rule: string;
  message: string;
  clauses: readonly string[];
}

/** The blocks a statement can be: a paragraph, a list item or a table row. */
const MARKED = ['paragraph_open', 'list_item_open', 'tr_open'] as const;
const RANK = { hint: 0, information: 1, warning: 2, error: 3 } as const;

function mark(tokens: readonly Token[], index: number, findings: readonly FlaggedLine[]): void {
  const token = tokens[index];
  if (!token.map || findings.length === 0) return;
  // A list item's paragraph is hidden in a tight list, so the item carries the mark, for its own first line only.
  if (token.type === 'paragraph_open' && tokens[index - 1]?.type === 'list_item_open') return;
  const [from, to] = token.map;
  const own = findings.filter((finding) => finding.line >= from && finding.line < to && (token.type !== 'list_item_open' || finding.line === from));
  if (own.length === 0) return;
  const worst = own.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
  token.attrJoin('class', `carveout-flagged carveout-${worst.severity}`);
  token.attrSet('title', own.map((finding) => `${finding.rule}: ${finding.message}${finding.clauses.length > 0 ? ` [${finding.clauses.join(', ')}]` : ''}`).join('\n'));
}

/**
 * Adds the marks. `findingsOf` gets the render's environment and gives the
 * findings of the document being rendered, or undefined for a document that
 * is not a spec, which is left as it is.
 */
export function markFlaggedStatements(md: MarkdownIt, findingsOf: (env: unknown) => readonly FlaggedLine[] | undefined): MarkdownIt {
  // One look-up per render, however many blocks it has.
  const perRender = new WeakMap<object, readonly FlaggedLine[]>();
  const findings = (env: unknown): readonly FlaggedLine[] => {
    if (typeof env !== 'object' || env === null) return findingsOf(env) ?? [];
    let known = perRender.get(env);
    if (!known) {
      known = findingsOf(env) ?? [];
      perRender.set(env, known);
    }
    return known;
  };
  for (const type of MARKED) {
    // Other plugins may render these blocks too; theirs runs after the mark.
    const previous = md.renderer.rules[type];
    md.renderer.rules[type] = (tokens, index, options, env, self) => {
      mark(tokens, index, findings(env));
      return previous ? previous(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
    };
  }
  return md;
}
