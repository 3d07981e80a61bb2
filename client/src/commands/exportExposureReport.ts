import * as vscode from 'vscode';
import type { ExposureReportRequest } from '../../../server/src/shared/protocol';
import type { ClientHost } from '../clientHost';
import { describeError } from '../describeError';
import { fileExists, freeFileName } from '../freeFileName';
import { requestExposureReport } from '../requests';

const REPORT_NAME = 'carveout-exposure-report.md';
const REPLACE = 'Replace';
const NEW_FILE = 'Write a New File';

/**
 * `carveout.exportExposureReport`: asks the server for the workspace's
 * exposure report, writes it to `carveout-exposure-report.md` in the first
 * workspace folder (or where the user says, when no folder is open) and opens
 * it. An existing report may hold a reviewer's notes, so it is replaced only
 * when the user says so.
 */
export async function exportExposureReport(host: ClientHost, homeFolder: vscode.Uri | undefined): Promise<void> {
  const client = await host.runningClient();
  if (!client) {
    return;
  }
  let report: ExposureReportRequest.Result;
  try {
    report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Carveout: building the exposure report…', cancellable: true },
      (_progress, token) => requestExposureReport(client, localDate(new Date()), token),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not build the exposure report: ${describeError(error)}`);
    return;
  }
  if (report.markdown === '') {
    // The server answers with an empty report when building it failed.
    void vscode.window.showWarningMessage('Carveout produced an empty exposure report; the Carveout log may say why.');
    return;
  }
  const target = await reportLocation(homeFolder);
  if (!target) {
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.markdown));
    await vscode.window.showTextDocument(target, { preview: false });
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not write the exposure report to ${target.fsPath}: ${describeError(error)}`);
    return;
  }
  const findings = `${report.findingCount} ${report.findingCount === 1 ? 'finding' : 'findings'}`;
  const specs = `${report.specCount} ${report.specCount === 1 ? 'spec' : 'specs'}`;
  void vscode.window.showInformationMessage(`Carveout exposure report: ${findings} in ${specs}, written to ${vscode.workspace.asRelativePath(target)}.`);
}

/**
 * The first workspace folder's report file; when it exists, that file or a
 * new one next to it, as the user chooses. Without a folder, the user chooses
 * in a save dialog, which asks itself before replacing a file.
 */
async function reportLocation(homeFolder: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const report = vscode.Uri.joinPath(folder.uri, REPORT_NAME);
    if (!(await fileExists(report))) {
      return report;
    }
    const choice = await vscode.window.showWarningMessage(
      `${REPORT_NAME} already exists and may hold notes added since it was written.`,
      { modal: true, detail: 'Replace it with the new report, or write the new report to a file of its own next to it?' },
      NEW_FILE,
      REPLACE,
    );
    if (choice === REPLACE) {
      return report;
    }
    return choice === NEW_FILE ? freeFileName(folder.uri, (n) => REPORT_NAME.replace(/\.md$/, `-${n + 1}.md`)) : undefined;
  }
  return vscode.window.showSaveDialog({
    title: 'Save the Carveout exposure report',
    defaultUri: homeFolder && vscode.Uri.joinPath(homeFolder, REPORT_NAME),
    filters: { Markdown: ['md'] },
    saveLabel: 'Save Report',
  });
}

/** Today in the user's time zone, which is the day waivers expire on for them. */
function localDate(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
