/**
 * The Exposure view: every finding of the workspace, opened specs or not,
 * from the server's `carveout/workspaceFindings`, grouped by regime, clause
 * and waiver. It follows edits and file changes, and can be narrowed to some
 * rules, a severity, or the specs changed since a branch.
 */
import * as vscode from 'vscode';
import type { ClientHost } from '../clientHost';
import { describeError } from '../describeError';
import { requestWorkspaceFindings } from '../requests';
import { SPEC_PATTERN } from '../specDocuments';
import { groupExposure, type ExposureFilter, type ExposureNode, type Severity, type Titles } from './groupExposure';
import { changedSince } from './changedSince';
import type { WorkspaceFinding } from '../../../server/src/shared/protocol';

export const EXPOSURE_VIEW = 'carveout.exposure';
/** Edits arrive in bursts; one walk of the workspace per burst is enough. */
const REFRESH_DELAY_MS = 400;

const SEVERITY_ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

const WAIVER_ICON = {
  active: new vscode.ThemeIcon('pass'),
  expiring: new vscode.ThemeIcon('watch', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  expired: new vscode.ThemeIcon('history', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  incomplete: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

export class ExposureView implements vscode.TreeDataProvider<ExposureNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private findings: WorkspaceFinding[] = [];
  private titles: Titles = { regimes: {}, clauses: {} };
  /** The result id of each spec whose findings `findings` holds. */
  private resultIds: Record<string, string> = {};
  private filter: ExposureFilter = {};
  private filterNote = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void> = Promise.resolve();
  private readonly view: vscode.TreeView<ExposureNode>;

  constructor(private readonly host: ClientHost) {
    this.view = vscode.window.createTreeView(EXPOSURE_VIEW, { treeDataProvider: this, showCollapseAll: true });
    const watcher = vscode.workspace.createFileSystemWatcher(SPEC_PATTERN);
    const later = () => this.scheduleRefresh();
    this.disposables.push(
      this.view,
      this.changed,
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidChange(later),
      watcher.onDidDelete(later),
      vscode.workspace.onDidChangeTextDocument(later),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('carveout') && later()),
      host.onDidChange(later),
      this.view.onDidChangeVisibility((event) => event.visible && void this.refresh()),
      vscode.commands.registerCommand('carveout.exposure.refresh', () => this.refresh()),
      vscode.commands.registerCommand('carveout.exposure.filter', () => this.chooseFilter()),
      vscode.commands.registerCommand('carveout.exposure.clearFilter', () => this.setFilter({}, '')),
    );
  }

  /** The tree as labels, indented by depth: what the end-to-end tests read. */
  async snapshot(): Promise<string[]> {
    await this.refresh();
    const lines: string[] = [];
    const walk = (nodes: readonly ExposureNode[], depth: number) => {
      for (const node of nodes) {
        lines.push(`${'  '.repeat(depth)}${node.label} — ${node.description}`);
        if (node.kind !== 'finding') walk(node.children, depth + 1);
      }
    };
    walk(groupExposure(this.findings, this.titles, this.filter), 0);
    return lines;
  }

  getTreeItem(node: ExposureNode): vscode.TreeItem {
    const collapsible = node.kind === 'finding' ? vscode.TreeItemCollapsibleState.None : node.kind === 'regime' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.description = node.description;
    if (node.kind === 'finding') {
      const finding = node.finding;
      item.iconPath = SEVERITY_ICON[finding.severity];
      item.tooltip = new vscode.MarkdownString(`**${finding.ruleTitle}** · \`${finding.rule}\` · ${finding.severity}\n\n${finding.message}`);
      const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(finding.uri), { selection: range }] };
      item.contextValue = 'finding';
    } else if (node.kind === 'waiver') {
      item.iconPath = WAIVER_ICON[node.status];
    } else if (node.kind === 'clause') {
      item.iconPath = new vscode.ThemeIcon('law');
    }
    return item;
  }

  getChildren(node?: ExposureNode): ExposureNode[] | Promise<ExposureNode[]> {
    if (node) return node.kind === 'finding' ? [] : node.children;
    // The first look at the view loads it; later ones follow edits.
    return this.loaded.then(() => groupExposure(this.findings, this.titles, this.filter));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  /** Edits and file changes refresh the view only while it is shown; showing it refreshes it. */
  private scheduleRefresh(): void {
    if (!this.view.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Listings run one after another, so that each merges onto the one before it. */
  refresh(): Promise<void> {
    this.loaded = this.loaded.then(() => this.load());
    return this.loaded;
  }

  private async load(): Promise<void> {
    const client = this.host.client;
    if (!client?.isRunning()) {
      this.view.message = 'The Carveout server is not running.';
      return;
    }
    try {
      const result = await requestWorkspaceFindings(client, this.resultIds);
      // Specs the server lists as unchanged keep the findings held for them; the others come anew.
      const unchanged = new Set(result.unchanged);
      this.findings = [...this.findings.filter((finding) => unchanged.has(finding.uri)), ...result.findings].sort(
        (a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
      this.resultIds = result.resultIds;
      this.titles = { regimes: { ...this.titles.regimes, ...result.regimes }, clauses: { ...this.titles.clauses, ...result.clauses } };
      const skipped = result.skipped.length > 0 ? ` ${result.skipped.length} not checked (see the exposure report).` : '';
      this.view.message = `${this.findings.length} findings in ${result.specCount} specs.${skipped}${this.filterNote}`;
      this.changed.fire();
    } catch (error) {
      this.view.message = `The findings could not be listed: ${describeError(error)}`;
    }
  }

  private setFilter(filter: ExposureFilter, note: string): void {
    this.filter = filter;
    this.filterNote = note;
    void this.refresh();
  }

  private async chooseFilter(): Promise<void> {
    const by = await vscode.window.showQuickPick(['Rules…', 'Severity…', 'Changed since a branch…'], { title: 'Filter the Exposure view' });
    if (by === 'Rules…') {
      const rules = [...new Set(this.findings.map((finding) => finding.rule))].sort();
      const picked = await vscode.window.showQuickPick(rules.map((rule) => ({ label: rule, picked: this.filter.rules?.includes(rule) ?? false })), { canPickMany: true, title: 'Show findings of these rules' });
      if (picked) this.setFilter({ ...this.filter, rules: picked.map((item) => item.label) }, ` Filtered by rule.`);
    } else if (by === 'Severity…') {
      const severities: Severity[] = ['error', 'warning', 'information', 'hint'];
      const picked = await vscode.window.showQuickPick(severities, { title: 'Show findings at least this severe' });
      if (picked) this.setFilter({ ...this.filter, minSeverity: picked as Severity }, ` Filtered by severity.`);
    } else if (by === 'Changed since a branch…') {
      const ref = await vscode.window.showInputBox({ title: 'Show specs changed since', prompt: 'A branch, tag or commit', value: 'main' });
      if (!ref) return;
      const paths = await changedSince(ref);
      if (typeof paths === 'string') void vscode.window.showWarningMessage(paths);
      else this.setFilter({ ...this.filter, paths }, ` Specs changed since ${ref}.`);
    }
  }
}
