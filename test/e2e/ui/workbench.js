// Drives the real VS Code web workbench (code-server) in headless Chromium for UI tests.
// Every wait is on a condition with a deadline, never a fixed sleep. On failure, call
// printDiagnostics() (useWorkbench() does it for mocha) to print the code-server log,
// the extension-host logs and the browser console.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, SCREENSHOT_DIR } = require('../lib/paths');
const { startCodeServer } = require('../lib/codeServer');
const { launchBrowser } = require('../lib/browser');

const DEFAULT_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS || 60000);
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

class Workbench {
  /**
   * Starts code-server, opens `folder` (and `file`, relative to it) in a fresh headless
   * Chromium and waits for the workbench; with a file, also for its editor.
   * @param {object} opts
   * @param {string} opts.folder      folder to open (absolute, or relative to the repo root)
   * @param {string} [opts.file]      file to open, relative to folder
   * @param {string|null} [opts.extensionDevelopmentPath] extension loaded from source
   *                                  (default the repo root; null loads none)
   * @param {string[]} [opts.vsix]    packaged extensions to install instead or as well
   * @param {string} [opts.name]      scratch sub-folder name (default "ui")
   * @param {object} [opts.settings]  extra user settings
   * @param {boolean} [opts.workspaceTrust] open the folder untrusted, in Restricted Mode
   * @param {number} [opts.timeout]   default per-step timeout in ms
   */
  static async launch(opts) {
    const wb = new Workbench(opts);
    try {
      await wb._start();
    } catch (e) {
      wb.printDiagnostics(`launch failed: ${e.message}`);
      await wb.screenshot('launch-failed').catch(() => {});
      await wb.close();
      throw e;
    }
    return wb;
  }

  constructor(opts) {
    this.opts = opts;
    this.timeout = opts.timeout || DEFAULT_TIMEOUT;
    this.folder = path.resolve(REPO_ROOT, opts.folder);
    this.t0 = Date.now();
    this.cs = null;
    this.browser = null;
    this.page = null;
  }

  log(...args) {
    console.log(`    [workbench ${((Date.now() - this.t0) / 1000).toFixed(2)}s]`, ...args);
  }

  async _start() {
    const dev = this.opts.extensionDevelopmentPath === undefined ? REPO_ROOT : this.opts.extensionDevelopmentPath;
    // The built workbench reads a development extension from ?payload= only with the
    // smoke-test driver on; without a test path it is then an ordinary window.
    this.cs = await startCodeServer({
      name: this.opts.name || 'ui', smokeTestDriver: true, settings: this.opts.settings, vsix: this.opts.vsix, workspaceTrust: this.opts.workspaceTrust,
    });
    this.log(`code-server ${this.cs.url}, scratch ${this.cs.dirs.base}`);
    this.browser = await launchBrowser({
      profileDir: path.join(this.cs.dirs.base, 'chromium-profile'),
      consoleLog: path.join(this.cs.dirs.base, 'browser-console.log'),
      echo: !!process.env.E2E_BROWSER_CONSOLE,
    });
    this.page = this.browser.page;
    this.page.setDefaultTimeout(this.timeout);
    const payload = [];
    if (dev) payload.push(['extensionDevelopmentPath', this.cs.remoteUri(path.resolve(REPO_ROOT, dev))]);
    if (this.opts.file) payload.push(['openFile', this.cs.remoteUri(path.join(this.folder, this.opts.file))]);
    const url = this.cs.workbenchUrl(this.folder, payload);
    this.log('open', url);
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.timeout });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: this.timeout });
    // The status bar appears once the workbench has restored its parts.
    await this.page.locator('.statusbar').waitFor({ timeout: this.timeout });
    this.log('workbench ready');
    if (this.opts.file) await this.waitForEditor(path.basename(this.opts.file));
  }

  /** vscode-remote:// URI of a path on the server, e.g. for comparing with editor resources. */
  remoteUri(p) { return this.cs.remoteUri(path.resolve(this.folder, p)); }

  /** Opens a file (relative to the folder) through Quick Open, as a user would. */
  async openFile(relPath) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relPath);
    const name = path.basename(relPath);
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.waitForEditor(name);
  }

  /** Waits until the active editor tab shows `fileName` and its text is rendered. */
  async waitForEditor(fileName, timeout = this.timeout) {
    const tab = this.page.locator(`.tab.active[data-resource-name="${fileName}"]`);
    await tab.first().waitFor({ timeout });
    await this.page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor({ timeout });
    this.log(`editor open: ${fileName}`);
  }

  /** Waits for the status bar's language mode to read `label` (the extension is then active for it). */
  async waitForLanguageMode(label, timeout = this.timeout) {
    await this.page.locator('#status\\.editor\\.mode').filter({ hasText: label }).waitFor({ timeout });
  }

  /**
   * Command lines of this code-server's processes (its process group) that contain `needle`,
   * read from /proc: which processes run tells which extension host an extension is in.
   */
  processesMatching(needle) {
    const found = [];
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        // The process group is the 5th field of /proc/<pid>/stat, after the command in parentheses.
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        if (group === this.cs.pid && command.includes(needle)) found.push(command);
      } catch { /* the process ended meanwhile */ }
    }
    return found;
  }

  /** Text of the visible editor lines, top to bottom. */
  async editorText() {
    const lines = await this.page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll(
      (els) => els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') })));
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text).join('\n');
  }

  /**
   * Waits until the editor shows at least `min` squiggles of a severity
   * ("error" | "warning" | "info" | "hint") and returns how many there are.
   */
  async waitForSquiggle(severity = 'warning', { min = 1, timeout = this.timeout } = {}) {
    if (!SEVERITIES.includes(severity)) throw new Error(`unknown severity ${severity}`);
    const sel = `.editor-instance .monaco-editor .squiggly-${severity}`;
    await this.waitFor(async () => (await this.page.locator(sel).count()) >= min,
      `${min} ${severity} squiggle(s)`, timeout);
    return this.page.locator(sel).count();
  }

  /** Current number of squiggles of a severity in the visible editor. */
  async squiggleCount(severity = 'warning') {
    return this.page.locator(`.editor-instance .monaco-editor .squiggly-${severity}`).count();
  }

  /**
   * Opens the Problems panel and returns its rows as { text, label }, where label is the
   * row's aria-label (it carries severity, message, line/column, file and source).
   * With `min`, first waits until that many problem rows (file rows excluded) are listed.
   */
  async readProblems({ min = 0, timeout = this.timeout } = {}) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout });
    }
    const rows = panel.locator('.monaco-list-row');
    const problemRows = async () => (await rows.evaluateAll((els) => els.map((e) => ({
      text: e.innerText.replace(/\s*\n\s*/g, ' ').trim(),
      label: e.getAttribute('aria-label') || '',
      isFile: !!e.querySelector('.file-icon, .resource-marker-count, .monaco-count-badge'),
    })))).filter((r) => !r.isFile).map(({ text, label }) => ({ text, label }));
    if (min > 0) await this.waitFor(async () => (await problemRows()).length >= min, `${min} problem(s) in the Problems panel`, timeout);
    return problemRows();
  }

  /**
   * Hovers the text at a 1-based line and column (as the status bar shows them) and
   * returns the hover's text once it is shown and loaded. The cursor is placed with
   * Go to Line, then the mouse moves onto that character; if no hover appears, the
   * keyboard's Show Hover is used instead. With `contains`, waits for that text.
   */
  async hoverAt(line, column, { contains = '', timeout = this.timeout } = {}) {
    await this.goToPosition(line, column);
    const cursor = await this.page.locator('.editor-instance .monaco-editor.focused .cursors-layer .cursor').first().boundingBox();
    if (cursor) {
      await this.page.mouse.move(cursor.x + 30, cursor.y + cursor.height / 2);
      await this.page.mouse.move(cursor.x + 3, cursor.y + cursor.height / 2, { steps: 5 });
      const text = await this._hoverText(contains, Math.min(timeout, 10000)).catch(() => null);
      if (text !== null) return text;
      this.log(`no mouse hover at ${line}:${column}; using Show Hover (Ctrl+K Ctrl+I)`);
    }
    await this.goToPosition(line, column);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    return this._hoverText(contains, timeout);
  }

  /**
   * Moves the mouse onto the first rendered occurrence of `needle` and returns
   * the hover text. The lines can still move under a resting mouse (a code
   * lens or light bulb appearing above them), which leaves it off the text
   * with no hover, so the text is found and hovered again every ten seconds.
   */
  async hoverOnText(needle, { contains = '', timeout = this.timeout } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this._moveOnto(needle);
      const left = deadline - Date.now();
      const text = await this._hoverText(contains, Math.min(left, 10000)).catch((e) => (left <= 10000 ? Promise.reject(e) : null));
      if (text !== null) return text;
      this.log(`no hover on ${JSON.stringify(needle)} yet; hovering it again`);
      await this.page.mouse.move(0, 0);
    }
  }

  async _moveOnto(needle) {
    const box = await this.page.evaluate((n) => {
      for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent.replace(/\u00a0/g, ' ').indexOf(n);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(node, i); r.setEnd(node, i + n.length);
          const b = r.getBoundingClientRect();
          return { x: b.x + Math.min(b.width / 2, 4), y: b.y + b.height / 2 };
        }
      }
      return null;
    }, needle);
    if (!box) throw new Error(`text ${JSON.stringify(needle)} is not in the rendered editor`);
    await this.page.mouse.move(box.x + 30, box.y);
    await this.page.mouse.move(box.x, box.y, { steps: 5 });
  }

  async _hoverText(contains, timeout) {
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: contains || /\S/ });
    let text = '';
    // A hover first says "Loading..." while providers answer.
    await this.waitFor(async () => {
      if (!(await hover.count())) return false;
      text = (await hover.first().innerText().catch(() => '')).trim();
      return text && !/^Loading\.\.\.$/.test(text) && (!contains || text.includes(contains));
    }, `a hover${contains ? ` containing ${JSON.stringify(contains)}` : ''}`, timeout);
    return text;
  }

  /** Moves the editor cursor to a 1-based line and column with Go to Line (Ctrl+G). */
  async goToPosition(line, column = 1) {
    await this.page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await this.waitFor(async () => (await this.cursorPosition()) === `${line}:${column}`,
      `cursor at ${line}:${column}`, this.timeout);
  }

  /** "line:column" of the cursor as the status bar shows it, or null. */
  async cursorPosition() {
    const t = await this.page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return m ? `${m[1]}:${m[2]}` : null;
  }

  /** Presses keys in order, e.g. press('Control+Shift+M') or press('Escape', 'Escape'). */
  async press(...keys) {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Types text into whatever has focus. */
  async type(text) {
    await this.page.keyboard.type(text);
  }

  /**
   * Runs a command from the Command Palette by its title as shown there,
   * e.g. "Carveout: Check Workspace", and waits for the palette to close.
   */
  async runCommand(title, { timeout = this.timeout } = {}) {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: title }),
    });
    await row.first().waitFor({ timeout });
    await row.first().click();
    await input.waitFor({ state: 'hidden', timeout });
    this.log(`ran command: ${title}`);
  }

  /**
   * Texts of all notifications, read from the Notification Center (opened if needed):
   * in this headless window VS Code files extension messages there without a toast.
   */
  async notifications() {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible())) {
      await this.runCommand('Notifications: Show Notifications');
      await center.waitFor({ state: 'visible' });
    }
    const texts = await this.page.locator(
      '.notifications-center .notification-list-item-message, .notification-toast .notification-list-item-message').allInnerTexts();
    return [...new Set(texts.map((t) => t.trim()))];
  }

  /** Waits until a notification containing `text` exists and returns its full text. */
  async waitForNotification(text, timeout = this.timeout) {
    let found = null;
    await this.waitFor(async () => {
      found = (await this.notifications()).find((t) => t.includes(text));
      return found !== undefined;
    }, `a notification containing ${JSON.stringify(text)}`, timeout);
    return found;
  }

  /** Saves a PNG of the page under the run's screenshots folder and returns its path. */
  async screenshot(name) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    this.log(`screenshot ${file}`);
    return file;
  }

  /** Polls an async condition until it is truthy or the deadline passes. */
  async waitFor(condition, what, timeout = this.timeout) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = await condition();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Prints the code-server log, the VS Code server/extension-host logs and the browser console. */
  printDiagnostics(reason = '') {
    console.error(`\n##### UI test diagnostics${reason ? `: ${reason}` : ''} #####`);
    if (this.cs) this.cs.printLogs();
    if (this.browser) this.browser.printConsole();
  }

  async close() {
    if (this.browser) await this.browser.close();
    if (this.cs) await this.cs.stop();
  }
}

/**
 * Registers mocha hooks (bdd or tdd) that launch one Workbench for the suite, take a
 * screenshot of each failed test, print all logs once at the end if anything failed,
 * and close everything. Returns a function that gives the Workbench inside tests.
 */
function useWorkbench(opts) {
  const g = global;
  const before = g.suiteSetup || g.before;
  const after = g.suiteTeardown || g.after;
  const afterEach = g.teardown || g.afterEach;
  let wb = null;
  let failed = false;
  before(async function launch() {
    this.timeout(Math.max(this.timeout(), 4 * DEFAULT_TIMEOUT));
    wb = await Workbench.launch(opts);
  });
  afterEach(async function onFailure() {
    if (this.currentTest && this.currentTest.state === 'failed' && wb) {
      failed = true;
      await wb.screenshot(`failed-${this.currentTest.fullTitle()}`).catch((e) => console.error(`screenshot failed: ${e.message}`));
    }
  });
  after(async function closeWorkbench() {
    this.timeout(Math.max(this.timeout(), 60000));
    if (wb && failed) wb.printDiagnostics('a UI test failed');
    if (wb) await wb.close();
  });
  return () => {
    if (!wb) throw new Error('the workbench is not running (did its launch fail?)');
    return wb;
  };
}

module.exports = { Workbench, useWorkbench };
