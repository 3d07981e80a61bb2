/**
 * Every spec in the workspace folders, analysed with the settings that apply
 * to it (the editor's text when the spec is open), for the requests that
 * look at the whole workspace: the exposure report and the Exposure view.
 * Specs it cannot analyse are listed with the reason, never dropped.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { analyze } from '../core/analyze';
import { binaryContentReason } from '../core/binaryContent';
import { LineMap } from '../core/lineMap';
import { readSpecFile } from '../documentStore/specText';
import type { ReportedSpec, SkippedSpec } from '../report/exposureReport';
import type { ServerRuntime } from '../runtime/serverRuntime';
import type { DocumentSettings } from '../workspaceSettings/documentSettings';
import type { Folder } from '../workspaceSettings/workspaceFolders';

export interface WorkspaceSources {
  runtime: ServerRuntime;
  folders: readonly Folder[];
  /** Open documents, whose text wins over the file on disk. */
  openDocuments: readonly { uri: string; version: number; getText(): string }[];
  settingsOf(uri: string): Promise<DocumentSettings>;
  today: string;
  /**
   * Analyses kept from the last walk, so that after one edit only that spec is
   * analysed again. Keyed by file; an entry counts only while its document
   * version, or its file's size and time, and the settings generation match.
   */
  cache?: WorkspaceCache;
  /** Changes whenever settings or profiles change. */
  generation?: number;
}

export type WorkspaceCache = Map<string, { key: string; spec: AnalyzedSpec }>;

export interface AnalyzedSpec extends ReportedSpec {
  uri: string;
  /** Changes whenever the spec is analysed again. */
  resultId: string;
}

/** Result ids of analyses; a number that only grows, so an id is never reused for other findings. */
let analyses = 0;

export interface WorkspaceAnalysis {
  specs: AnalyzedSpec[];
  skipped: SkippedSpec[];
}

/** Undefined when cancelled. */
export async function analyzeWorkspace(sources: WorkspaceSources, token?: CancellationToken): Promise<WorkspaceAnalysis | undefined> {
  const { paths, files, uriToPath, pathToUri } = sources.runtime;
  const open = new Map<string, { uri: string; version: number; getText(): string }>();
  for (const document of sources.openDocuments) {
    const path = uriToPath(document.uri);
    if (path !== undefined) open.set(path, document);
  }
  const specs: AnalyzedSpec[] = [];
  const skipped: SkippedSpec[] = [];
  const seen = new Set<string>();
  const several = sources.folders.length > 1;
  const reportFolder = sources.folders[0]?.path ?? '';
  for (const folder of sources.folders) {
    const shownPath = (file: string): string => (several ? `${folder.name}/` : '') + (paths.relative(folder.path, file).split('\\').join('/') || '.');
    const collected = await files.findSpecs(folder.path);
    for (const { path, reason } of collected.unreadable) skipped.push({ path: shownPath(path), reason: `cannot read it: ${reason}` });
    for (const file of collected.files) {
      if (token?.isCancellationRequested) return undefined;
      if (seen.has(file)) continue;
      seen.add(file);
      const shown = shownPath(file);
      // The client writes the report into the first folder, so links start there.
      const link = paths.relative(reportFolder, file).split('\\').join('/');
      const document = open.get(file);
      const uri = document?.uri ?? pathToUri(file);
      const settings = await sources.settingsOf(uri);
      // As in the CLI, an ignored spec is not part of the workspace's exposure.
      if (settings.ignored) continue;
      const max = settings.client.maxFileSize;
      let text: string;
      let key: string;
      try {
        const stat = document ? undefined : await files.stat(file);
        if (!document && !stat) throw new Error('it no longer exists');
        key = `${document ? `open ${document.version}` : `${stat!.mtime} ${stat!.size}`} ${sources.generation ?? 0} ${sources.today} ${shown} ${link}`;
        const kept = sources.cache?.get(file);
        if (kept?.key === key) {
          specs.push(kept.spec);
          continue;
        }
        text = document ? document.getText() : await readSpecFile(files, file, max);
      } catch (error) {
        skipped.push({ path: shown, reason: `cannot read it: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      const binary = binaryContentReason(text);
      if (binary) {
        skipped.push({ path: shown, reason: binary });
        continue;
      }
      if (text.length > max) {
        skipped.push({ path: shown, reason: `it has ${text.length.toLocaleString('en-US')} characters, more than carveout.maxFileSize (${max.toLocaleString('en-US')})` });
        continue;
      }
      const analysis = analyze(text, settings.profile, { ...settings.options, today: sources.today });
      const spec: AnalyzedSpec = { uri, resultId: String(++analyses), path: shown, link, analysis, profile: settings.profile, lines: new LineMap(text) };
      sources.cache?.set(file, { key, spec });
      specs.push(spec);
    }
  }
  // Specs deleted since the last walk leave the cache.
  for (const file of sources.cache?.keys() ?? []) if (!seen.has(file)) sources.cache!.delete(file);
  return { specs, skipped };
}
