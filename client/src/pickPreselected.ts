import * as vscode from 'vscode';

/**
 * Shows a quick pick with `active` focused instead of the first item, so that
 * Enter alone picks what is already in force and changes nothing. Resolves
 * with the accepted item, or undefined when the user closes the picker.
 */
export function pickPreselected<T extends vscode.QuickPickItem>(
  items: readonly T[],
  active: T | undefined,
  options: { title: string; placeholder: string; matchOnDescription?: boolean; matchOnDetail?: boolean },
): Promise<T | undefined> {
  const picker = vscode.window.createQuickPick<T>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.matchOnDescription = options.matchOnDescription ?? false;
  picker.matchOnDetail = options.matchOnDetail ?? false;
  picker.items = items;
  if (active) picker.activeItems = [active];
  return new Promise((resolve) => {
    let accepted: T | undefined;
    picker.onDidAccept(() => {
      accepted = picker.selectedItems[0] ?? picker.activeItems[0];
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(accepted);
    });
    picker.show();
  });
}
