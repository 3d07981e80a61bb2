/**
 * `workspace/diagnostic`, when the `carveout.workspaceDiagnostics` setting
 * turns it on: the diagnostics of every spec in the workspace folders that is
 * not open, so that Problems lists the whole workspace. Open specs are left
 * to document pulls, which see the editor's text. The client asks again
 * every few seconds; a file whose size, time and settings generation are
 * unchanged is answered `unchanged` without being read.
 */
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { VersionedText } from '../documentStore/specModels';
import { readSpecFile, tooLargeToRead } from '../documentStore/specText';
import type { ServerRuntime } from '../runtime/serverRuntime';
import { notCheckedDiagnostic } from './diagnostics';
import type { Folder } from '../workspaceSettings/workspaceFolders';

export interface WorkspaceDiagnosticsDeps {
  runtime: ServerRuntime;
  folders(): readonly Folder[];
  isOpen(uri: string): boolean;
  /** Diagnostics of a spec's text, analysed afresh (files on disk are not cached). */
  diagnose(document: VersionedText): Promise<Diagnostic[]>;
  /** Changes whenever settings or profiles change, so that an old result id is never reused. */
  generation(): number;
  /** The `carveout.maxFileSize` setting for a spec. */
  maxFileSize(uri: string): Promise<number>;
}

export async function workspaceDiagnostics(deps: WorkspaceDiagnosticsDeps, params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
  const previous = new Map(params.previousResultIds.map((entry) => [entry.uri, entry.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  const seen = new Set<string>();
  const { files, pathToUri } = deps.runtime;
  for (const folder of deps.folders()) {
    for (const file of (await files.findSpecs(folder.path)).files) {
      if (token.isCancellationRequested) return { items };
      const uri = pathToUri(file);
      if (seen.has(uri) || deps.isOpen(uri)) continue;
      seen.add(uri);
      let resultId: string;
      let text: string;
      try {
        const stat = await files.stat(file);
        if (!stat) continue;
        resultId = `${stat.mtime}:${stat.size}:${deps.generation()}`;
        if (previous.get(uri) === resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
          continue;
        }
        const max = await deps.maxFileSize(uri);
        if (tooLargeToRead(stat.size, max)) {
          const reason = `Carveout did not check this spec: it has ${stat.size.toLocaleString('en-US')} bytes, more than the carveout.maxFileSize setting allows (${max.toLocaleString('en-US')} characters).`;
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: [notCheckedDiagnostic(reason, 0)] });
          continue;
        }
        text = await readSpecFile(files, file, max);
      } catch {
        // A file that vanished or cannot be read as text has nothing to list.
        continue;
      }
      const diagnostics = await deps.diagnose({ uri, version: 0, getText: () => text });
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnostics });
    }
  }
  return { items };
}
