/**
 * Reads the labelled statement corpus (`test/corpus/*.yaml`), checks that
 * every case is well formed, and turns a case into the document the analyzer
 * reads plus the range whose findings are scored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const CORPUS_DIR = __dirname;

/** Rule ids a case may expect. */
export const CORPUS_RULES = [
  'exclusive-cloud',
  'rofr-capacity',
  'api-exclusivity',
  'stateful-runtime',
  'first-party-azure',
  'non-api-carve-out',
  'natsec-carve-out',
  'open-weights-criteria',
  'azure-first',
  'declaration-mismatch',
  'classification-undetermined',
  'waiver-expired',
  'waiver-incomplete',
  'waiver-unused',
] as const;

export const CORPUS_REGIMES = ['2019-07', '2025-01', '2025-10', '2026-02', '2026-04'] as const;

export interface CorpusCase {
  id: string;
  /** File the case comes from, for messages. */
  file: string;
  /** Regime passed to the analyzer; absent means the spec's `launch`, else today. */
  regime?: string;
  /** Front-matter YAML without the `---` fences. */
  front?: string;
  text: string;
  /** Rules that must fire, unwaived, in the scored range. */
  expect: string[];
  /** Rules that must fire in the scored range and be silenced by a waiver. */
  waived: string[];
  /** Rules not scored in this case, because the semantics leave them open. */
  ignore: string[];
  /**
   * `statement` (default): the last line of `text`, i.e. the statement or the
   * last table row. `text`: all of `text`, for waiver comments and blocks.
   */
  scope: 'statement' | 'text';
  note?: string;
}

export interface Range {
  start: number;
  end: number;
}

const CASE_KEYS = new Set(['id', 'regime', 'front', 'text', 'expect', 'waived', 'ignore', 'scope', 'note']);

export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
}

/** Loads every case of every corpus file; throws with the file and case on a malformed one. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const seen = new Map<string, string>();
  for (const file of corpusFiles(dir)) {
    const name = file.slice(dir.length + 1);
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) throw new Error(`${name}: expected a list of cases`);
    data.forEach((raw, index) => {
      const c = readCase(raw, `${name}[${index}]`, name);
      const earlier = seen.get(c.id);
      if (earlier) throw new Error(`${name}: duplicate id ${c.id} (also in ${earlier})`);
      seen.set(c.id, name);
      cases.push(c);
    });
  }
  return cases;
}

function readCase(raw: unknown, where: string, file: string): CorpusCase {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${where}: a case must be a mapping`);
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!CASE_KEYS.has(key)) throw new Error(`${where}: unknown key ${key}`);
  }
  const id = r.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new Error(`${where}: id must be a lower-case slug`);
  }
  const at = `${file} ${id}`;
  if (typeof r.text !== 'string' || r.text.trim() === '') throw new Error(`${at}: text is required`);
  if (r.front !== undefined && typeof r.front !== 'string') throw new Error(`${at}: front must be a string`);
  if (r.regime !== undefined && !(CORPUS_REGIMES as readonly string[]).includes(String(r.regime))) {
    throw new Error(`${at}: unknown regime ${String(r.regime)}`);
  }
  if (r.scope !== undefined && r.scope !== 'statement' && r.scope !== 'text') {
    throw new Error(`${at}: scope must be statement or text`);
  }
  if (r.note !== undefined && typeof r.note !== 'string') throw new Error(`${at}: note must be a string`);
  const c: CorpusCase = {
    id,
    file,
    text: r.text.replace(/\n+$/, ''),
    expect: readRules(r.expect, `${at}: expect`, true),
    waived: readRules(r.waived, `${at}: waived`, false),
    ignore: readRules(r.ignore, `${at}: ignore`, false),
    scope: r.scope === 'text' ? 'text' : 'statement',
  };
  if (r.regime !== undefined) c.regime = String(r.regime);
  if (r.front !== undefined) c.front = r.front.replace(/\n+$/, '');
  if (typeof r.note === 'string') c.note = r.note;
  const ignoredButLabelled = [...c.expect, ...c.waived].filter((rule) => c.ignore.includes(rule));
  if (ignoredButLabelled.length > 0) {
    throw new Error(`${at}: ${ignoredButLabelled.join(', ')} both labelled and ignored`);
  }
  return c;
}

function readRules(value: unknown, where: string, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new Error(`${where} must be a list of rule ids`);
  for (const rule of value) {
    if (!(CORPUS_RULES as readonly string[]).includes(rule as string)) {
      throw new Error(`${where}: unknown rule id ${String(rule)}`);
    }
  }
  if (new Set(value).size !== value.length) throw new Error(`${where}: repeated rule id`);
  return value as string[];
}

/** The spec text for a case and the range whose findings are scored (UTF-16 offsets). */
export function buildCaseDocument(c: Pick<CorpusCase, 'front' | 'text' | 'scope'>): {
  document: string;
  scored: Range;
} {
  const head = c.front === undefined ? '' : `---\n${c.front}\n---\n`;
  const document = `${head}${c.text}\n`;
  const bodyStart = head.length;
  const start = c.scope === 'text' ? bodyStart : bodyStart + c.text.lastIndexOf('\n') + 1;
  return { document, scored: { start, end: bodyStart + c.text.length } };
}

export interface ScoredFinding {
  rule: string;
  span: Range;
  waivedBy?: unknown;
}

/** Whether a finding's span touches the range; an empty span counts when it lies inside. */
export function intersects(span: Range, range: Range): boolean {
  if (span.start === span.end) return span.start >= range.start && span.start <= range.end;
  return span.start < range.end && span.end > range.start;
}

/**
 * Labels of the findings in the scored range: the rule id, or `waived:<rule>`
 * for a silenced finding. Rules the case ignores are dropped either way.
 */
export function labelFindings(findings: readonly ScoredFinding[], scored: Range, ignore: readonly string[] = []): string[] {
  const labels = new Set<string>();
  for (const f of findings) {
    if (ignore.includes(f.rule) || !intersects(f.span, scored)) continue;
    labels.add(f.waivedBy ? `waived:${f.rule}` : f.rule);
  }
  return [...labels].sort();
}

/** Expected labels of a case, in the form `labelFindings` gives. */
export function expectedLabels(c: Pick<CorpusCase, 'expect' | 'waived'>): string[] {
  return [...c.expect, ...c.waived.map((rule) => `waived:${rule}`)].sort();
}
