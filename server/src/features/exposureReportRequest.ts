/** `carveout/exposureReport`: the Markdown report of every spec in the workspace, for legal review. */
import type { CancellationToken } from 'vscode-languageserver';
import { buildExposureReport } from '../report/exposureReport';
import type { ExposureReportRequest } from '../shared/protocol';
import { analyzeWorkspace, type WorkspaceSources } from './analyzeWorkspace';

export async function buildWorkspaceReport(sources: WorkspaceSources, token?: CancellationToken): Promise<ExposureReportRequest.Result> {
  const workspace = await analyzeWorkspace(sources, token);
  if (!workspace) return { markdown: '', specCount: 0, findingCount: 0 };
  const report = buildExposureReport({ specs: workspace.specs, skipped: workspace.skipped, today: sources.today });
  return { markdown: report.markdown, specCount: workspace.specs.length, findingCount: report.findingCount };
}
