/**
 * `textDocument/diagnostic` for clients that pull. Typing is debounced here:
 * the handler waits until the document has been quiet for `debounceMs`, and
 * the client cancels the request when another edit comes first. With
 * `run: onSave` the diagnostics are those of the text as last saved.
 */
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { DocumentSnapshot, VersionedText } from '../documentStore/specModels';
import { delay } from '../runSafe';
import type { CarveoutSettings } from '../shared/settings';

export interface PullDiagnosticsDeps {
  document(uri: string): VersionedText | undefined;
  settingsOf(uri: string): Promise<CarveoutSettings>;
  /** `cached: false` for a snapshot that is not the document's current version. */
  diagnose(document: VersionedText, cached: boolean): Promise<Diagnostic[]>;
  /** Changes whenever settings or profiles change, so that an old result id is never reused. */
  generation(): number;
  quietFor(uri: string, debounceMs: number): number;
  savedSnapshot(uri: string): DocumentSnapshot | undefined;
}

function asVersionedText(snapshot: DocumentSnapshot): VersionedText {
  return { uri: snapshot.uri, version: snapshot.version, getText: () => snapshot.text };
}

export async function pullDiagnostics(deps: PullDiagnosticsDeps, params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
  const uri = params.textDocument.uri;
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const settings = await deps.settingsOf(uri);
  let document = deps.document(uri);
  if (!document) return empty;

  if (settings.run === 'onSave') {
    const saved = deps.savedSnapshot(uri);
    if (saved && saved.version !== document.version) document = asVersionedText(saved);
  } else {
    await delay(deps.quietFor(uri, settings.debounceMs), token);
    if (token.isCancellationRequested) return empty;
    document = deps.document(uri);
    if (!document) return empty;
  }

  const resultId = `${document.version}:${deps.generation()}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  const current = deps.document(uri);
  const items = await deps.diagnose(document, current?.version === document.version);
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
}
