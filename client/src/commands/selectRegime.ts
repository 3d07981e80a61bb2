import * as vscode from 'vscode';
import type { RegimeInfo } from '../../../server/src/shared/protocol';
import type { ClientHost } from '../clientHost';
import { describeError } from '../describeError';
import { describePeriod } from '../describeSummary';
import { requestRegimes } from '../requests';
import { pickPreselected } from '../pickPreselected';
import { activeSpec } from '../specDocuments';
import { savePickedRegime, type RegimeWrite } from '../writeRegimeSetting';

interface RegimeItem extends vscode.QuickPickItem {
  regimeId: string;
}

/**
 * `carveout.selectRegime`: picks the regime every spec is judged under, or
 * automatic. The current setting is focused, and picking it writes nothing.
 * Resolves with what was written, if anything.
 */
export async function selectRegime(host: ClientHost): Promise<RegimeWrite | undefined> {
  const client = await host.runningClient();
  if (!client) {
    return undefined;
  }
  const scope = activeSpec()?.uri;
  let regimes: RegimeInfo[];
  try {
    regimes = await requestRegimes(client, scope);
  } catch (error) {
    void vscode.window.showErrorMessage(`Carveout could not list the regimes: ${describeError(error)}`);
    return undefined;
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
  if (!items.some((item) => item.regimeId === configured)) {
    // A regime the profile does not know is still the choice in force; Enter alone must keep it.
    items.push({ regimeId: configured, label: configured, description: 'current setting', detail: 'Not a regime of the profile in use.' });
  }
  const picked = await pickPreselected(items, items.find((item) => item.regimeId === configured), {
    title: 'Carveout: Select Regime',
    placeholder: 'Judge specs under the terms of…',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked || picked.regimeId === configured) {
    return undefined;
  }
  return savePickedRegime(picked.regimeId, scope);
}
