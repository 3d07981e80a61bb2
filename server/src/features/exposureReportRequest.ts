/**
 * `carveout/exposureReport`: finds every spec in the workspace folders,
 * analyses each with the settings that apply to it (the editor's text when
 * the spec is open), and renders the Markdown report for legal review.
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import { collectFiles } from '../cli/collectFiles';
import { readSpec } from '../cli/readSpec';
import { binaryContentReason } from '../core/binaryContent';
import { analyze } from '../core/analyze';
import { LineMap } from '../core/lineMap';
import { buildExposureReport, type ReportedSpec, type SkippedSpec } from '../report/exposureReport';
import type { ExposureReportRequest } from '../shared/protocol';
import { uriToPath } from '../documentStore/documentKind';
import type { DocumentSettings } from '../workspaceSettings/documentSettings';
import type { Folder } from '../workspaceSettings/workspaceFolders';

export interface ReportSources {
  folders: readonly Folder[];
  /** Open documents, whose text wins over the file on disk. */
  openDocuments: readonly { uri: string; getText(): string }[];
  settingsOf(uri: string): Promise<DocumentSettings>;
  today: string;
}

export async function buildWorkspaceReport(sources: ReportSources, token?: CancellationToken): Promise<ExposureReportRequest.Result> {
  const open = new Map<string, { uri: string; getText(): string }>();
  for (const document of sources.openDocuments) {
    const path = uriToPath(document.uri);
    if (path !== undefined) open.set(path, document);
  }
  const specs: ReportedSpec[] = [];
  const skipped: SkippedSpec[] = [];
  const seen = new Set<string>();
  const several = sources.folders.length > 1;
  const reportFolder = sources.folders[0]?.path ?? '';
  for (const folder of sources.folders) {
    const shownPath = (file: string): string => (several ? `${folder.name}/` : '') + (relative(folder.path, file).split('\\').join('/') || '.');
    const collected = collectFiles([folder.path]);
    for (const { path, reason } of collected.unreadable) skipped.push({ path: shownPath(path), reason: `cannot read it: ${reason}` });
    for (const file of collected.files) {
      if (token?.isCancellationRequested) return { markdown: '', specCount: 0, findingCount: 0 };
      if (seen.has(file)) continue;
      seen.add(file);
      const shown = shownPath(file);
      // The client writes the report into the first folder, so links start there.
      const link = relative(reportFolder, file).split('\\').join('/');
      const document = open.get(file);
      const uri = document?.uri ?? pathToFileURL(file).href;
      const settings = await sources.settingsOf(uri);
      // As in the CLI, an ignored spec is not part of the workspace's exposure.
      if (settings.ignored) continue;
      let text: string;
      try {
        text = document ? document.getText() : readSpec(file);
      } catch (error) {
        skipped.push({ path: shown, reason: `cannot read it: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      const binary = binaryContentReason(text);
      if (binary) {
        skipped.push({ path: shown, reason: binary });
        continue;
      }
      const max = settings.client.maxFileSize;
      if (text.length > max) {
        skipped.push({ path: shown, reason: `it has ${text.length.toLocaleString('en-US')} characters, more than carveout.maxFileSize (${max.toLocaleString('en-US')})` });
        continue;
      }
      const analysis = analyze(text, settings.profile, { ...settings.options, today: sources.today });
      specs.push({ path: shown, link, analysis, profile: settings.profile, lines: new LineMap(text) });
    }
  }
  const report = buildExposureReport({ specs, skipped, today: sources.today });
  return { markdown: report.markdown, specCount: specs.length, findingCount: report.findingCount };
}
