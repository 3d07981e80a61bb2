import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DocumentSummaryRequest, ExposureReportRequest, RegimesRequest, WorkspaceFindingsRequest } from '../../server/src/shared/protocol';

/** Typed calls to Carveout's custom requests (see the shared protocol). */

export function requestDocumentSummary(client: LanguageClient, uri: vscode.Uri, token?: vscode.CancellationToken): Promise<DocumentSummaryRequest.Result> {
  const params: DocumentSummaryRequest.Params = { uri: client.code2ProtocolConverter.asUri(uri) };
  return client.sendRequest<DocumentSummaryRequest.Result>(DocumentSummaryRequest.method, params, token);
}

export function requestRegimes(client: LanguageClient, uri: vscode.Uri | undefined): Promise<RegimesRequest.Result> {
  const params: RegimesRequest.Params = uri ? { uri: client.code2ProtocolConverter.asUri(uri) } : {};
  return client.sendRequest<RegimesRequest.Result>(RegimesRequest.method, params);
}

export function requestExposureReport(client: LanguageClient, today: string, token?: vscode.CancellationToken): Promise<ExposureReportRequest.Result> {
  const params: ExposureReportRequest.Params = { today };
  return client.sendRequest<ExposureReportRequest.Result>(ExposureReportRequest.method, params, token);
}

export function requestWorkspaceFindings(client: LanguageClient, known: Record<string, string>, token?: vscode.CancellationToken): Promise<WorkspaceFindingsRequest.Result> {
  const params: WorkspaceFindingsRequest.Params = { known };
  return client.sendRequest<WorkspaceFindingsRequest.Result>(WorkspaceFindingsRequest.method, params, token);
}
