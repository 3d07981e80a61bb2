/**
 * The analysis cache: one SpecModel per document version, computed the first
 * time any feature asks and shared by all of them, so a keystroke costs one
 * analysis however many features answer. Settings or profile changes start a
 * new generation, which makes every cached model stale.
 */
import { analyze } from '../core/analyze';
import { binaryContentReason } from '../core/binaryContent';
import { FacetCache } from '../core/facetCache';
import { LineMap } from '../core/lineMap';
import type { SpecModel } from '../specModel';
import type { DocumentSettings } from '../workspaceSettings/documentSettings';

/** The text of one document version, captured before any await so that later edits cannot change it. */
export interface DocumentSnapshot {
  uri: string;
  version: number;
  text: string;
}

export interface AnalysedSpec {
  kind: 'analysed';
  model: SpecModel;
  settings: DocumentSettings;
}

/** A spec too large to analyse, or binary; it gets one diagnostic saying so. */
export interface UncheckedSpec {
  kind: 'not-checked';
  uri: string;
  version: number;
  reason: string;
  /** The reason in a few words, for the code lens. */
  summary: string;
  /** End of the first line, capped, for the diagnostic's range. */
  firstLineEnd: number;
  settings: DocumentSettings;
}

/** A spec an `ignore` glob of `.carveout.yaml` excludes; like the CLI, the server reports nothing on it. */
export interface IgnoredSpec {
  kind: 'ignored';
  uri: string;
  version: number;
  settings: DocumentSettings;
}

export type SpecState = AnalysedSpec | UncheckedSpec | IgnoredSpec;

/** Something with a URI, a version and text: an LSP TextDocument, or a file read from disk. */
export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export function snapshotOf(document: VersionedText): DocumentSnapshot {
  return { uri: document.uri, version: document.version, text: document.getText() };
}

function firstLineEnd(text: string, cap: number): number {
  const limit = Math.min(text.length, cap);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return limit;
}

/** Analyses one snapshot with its settings; pure apart from the clock the core reads for waivers. */
export function analyseSnapshot(snapshot: DocumentSnapshot, settings: DocumentSettings, cache?: FacetCache): SpecState {
  const { uri, version, text } = snapshot;
  if (settings.ignored) return { kind: 'ignored', uri, version, settings };
  const max = settings.client.maxFileSize;
  if (text.length > max) {
    const reason =
      `Carveout did not check this spec: it has ${text.length.toLocaleString('en-US')} characters, ` +
      `more than the carveout.maxFileSize setting allows (${max.toLocaleString('en-US')}).`;
    return { kind: 'not-checked', uri, version, reason, summary: 'larger than carveout.maxFileSize', firstLineEnd: firstLineEnd(text, 1000), settings };
  }
  const binary = binaryContentReason(text);
  if (binary) {
    const reason = `Carveout did not check this spec: ${binary}.`;
    return { kind: 'not-checked', uri, version, reason, summary: 'not a text spec', firstLineEnd: firstLineEnd(text, 1000), settings };
  }
  const analysis = analyze(text, settings.profile, settings.options, cache);
  const model: SpecModel = { uri, version, text, lines: new LineMap(text), profile: settings.profile, options: settings.options, analysis };
  return { kind: 'analysed', model, settings };
}

interface Entry {
  version: number;
  generation: number;
  state: Promise<SpecState>;
}

export class SpecModels {
  private readonly entries = new Map<string, Entry>();
  /** Per open document, the facets of its statements, so a keystroke re-reads only what it touched. */
  private readonly facetCaches = new Map<string, FacetCache>();
  private currentGeneration = 0;

  constructor(private readonly settingsOf: (uri: string) => Promise<DocumentSettings>) {}

  /** Changes with every settings or profile change; diagnostics result ids include it. */
  get generation(): number {
    return this.currentGeneration;
  }

  get(document: VersionedText): Promise<SpecState> {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.currentGeneration) return cached.state;
    const snapshot = snapshotOf(document);
    const generation = this.currentGeneration;
    let cache = this.facetCaches.get(snapshot.uri);
    if (!cache) {
      cache = new FacetCache();
      this.facetCaches.set(snapshot.uri, cache);
    }
    const facetCache = cache;
    const state = this.settingsOf(snapshot.uri).then((settings) => analyseSnapshot(snapshot, settings, facetCache));
    const entry: Entry = { version: snapshot.version, generation, state };
    this.entries.set(snapshot.uri, entry);
    // A failed analysis must not stay cached, or the document would fail for good.
    state.catch(() => {
      if (this.entries.get(snapshot.uri) === entry) this.entries.delete(snapshot.uri);
    });
    return state;
  }

  /** The model of a document, or undefined when it was too large to analyse. */
  async model(document: VersionedText): Promise<SpecModel | undefined> {
    const state = await this.get(document);
    return state.kind === 'analysed' ? state.model : undefined;
  }

  invalidate(): void {
    this.currentGeneration++;
    this.entries.clear();
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.facetCaches.delete(uri);
  }
}
