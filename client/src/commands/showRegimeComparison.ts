import * as vscode from 'vscode';
import type { DocumentSummary } from '../../../server/src/shared/protocol';
import type { ClientHost } from '../clientHost';
import { describeError } from '../describeError';
import { compareRegimes, describeCounts, describePeriod, describeRegimeReason } from '../describeSummary';
import { requestDocumentSummary } from '../requests';
import { pickPreselected } from '../pickPreselected';
import { activeSpec } from '../specDocuments';
import { savePickedRegime, type RegimeWrite } from '../writeRegimeSetting';

interface ComparisonItem extends vscode.QuickPickItem {
  regimeId: string;
  current: boolean;
}

/**
 * `carveout.showRegimeComparison`: the findings of one spec under every
 * regime, its own regime marked and focused, so that Enter alone changes
 * nothing. Picking another regime judges the workspace under it. The code lens
 * passes the spec's URI; otherwise the active editor's spec is used. Resolves
 * with what was written, if anything.
 */
export async function showRegimeComparison(host: ClientHost, target?: unknown): Promise<RegimeWrite | undefined> {
  const uri = specUri(target);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a product spec to compare the regimes it is judged under.');
    return undefined;
  }
  const client = await host.runningClient();
  if (!client) {
    return undefined;
  }
  let result: DocumentSummary | null;
  try {
    result = await requestDocumentSummary(client, uri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not compare the regimes: ${describeError(error)}`);
    return undefined;
  }
  const summary = result;
  if (!summary) {
    void vscode.window.showInformationMessage('Carveout has no results for this spec yet.');
    return undefined;
  }
  const items: ComparisonItem[] = compareRegimes(summary).map(({ regime, counts, current }) => ({
    regimeId: regime.id,
    current,
    label: `${current ? '$(arrow-right) ' : ''}${regime.id}: ${regime.title}`,
    description: describeCounts(counts),
    detail: current ? `Current regime, ${describeRegimeReason(summary.regime)}.` : `${describePeriod(regime)}. Pick to judge the workspace under these terms.`,
  }));
  const name = vscode.workspace.asRelativePath(uri);
  const picked = await pickPreselected(items, items.find((item) => item.current), {
    title: `Carveout: ${name} under each regime`,
    placeholder: 'Pick a regime to judge the workspace under it, or press Escape to close',
    matchOnDescription: true,
  });
  if (!picked || picked.current) {
    return undefined;
  }
  return savePickedRegime(picked.regimeId, uri);
}

/**
 * The spec to compare: the argument (a URI, a URI string, or an object with a
 * `uri` string, as a code lens may send), else the active product spec.
 */
function specUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) {
    return target;
  }
  const text = typeof target === 'object' && target !== null && 'uri' in target ? (target as { uri: unknown }).uri : target;
  if (typeof text === 'string' && text !== '') {
    return vscode.Uri.parse(text);
  }
  return activeSpec()?.uri;
}
