import * as vscode from 'vscode';
import type { RegimeInfo } from '../../../server/src/shared/protocol';
import type { ClientHost } from '../clientHost';
import { describeError } from '../describeError';
import { describePeriod } from '../describeSummary';
import { requestRegimes } from '../requests';
import { writeRegimeSetting } from '../writeRegimeSetting';

interface RegimeItem extends vscode.QuickPickItem {
  regimeId: string;
}

/** `carveout.selectRegime`: picks the regime every spec is judged under, or automatic. */
export async function selectRegime(host: ClientHost): Promise<void> {
  const client = await host.runningClient();
  if (!client) {
    return;
  }
  const document = vscode.window.activeTextEditor?.document;
  const scope = document?.languageId === 'product-spec' ? document.uri : undefined;
  let regimes: RegimeInfo[];
  try {
    regimes = await requestRegimes(client, scope);
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not list the regimes: ${describeError(error)}`);
    return;
  }
  const configured = vscode.workspace.getConfiguration('carveout', scope).get<string>('regime', '');
  const mark = (regimeId: string): string => (regimeId === configured ? ' · current setting' : '');
  const items: RegimeItem[] = [
    { regimeId: '', label: 'Automatic', description: `launch date or today${mark('')}`, detail: 'Each spec is judged under the regime in force on its launch date, or today when it has none.' },
    ...regimes.map((regime) => ({
      regimeId: regime.id,
      label: regime.id,
      description: `${regime.title}${mark(regime.id)}`,
      detail: `${describePeriod(regime)}: ${regime.summary}`,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Carveout: Select Regime', placeHolder: 'Judge specs under the terms of…', matchOnDescription: true, matchOnDetail: true });
  if (!picked) {
    return;
  }
  try {
    await writeRegimeSetting(picked.regimeId, scope);
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not save the regime setting: ${describeError(error)}`);
  }
}
