// UI test: the packaged extension (carveout.vsix, from `npm run package`) installed into
// code-server, used through the workbench in headless Chromium as a person would, on a copy
// of samples/ so that nothing in the repository is edited.
//
// Env: E2E_VSIX (the package to install, default <repo>/carveout.vsix),
//      E2E_EXTENSION_HOST=web (run the extension in the web worker extension host, as on
//      vscode.dev and github.dev, through the user setting remote.extensionKind; default: the
//      Node extension host),
//      E2E_DOCS_IMAGES=1 (also write the hover and quick-fix screenshots to docs/images/;
//      otherwise they only go to the run's screenshots folder).
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { useWorkbench } = require('./workbench');
const { REPO_ROOT, SCREENSHOT_DIR } = require('../lib/paths');

const VSIX = path.resolve(process.env.E2E_VSIX || path.join(REPO_ROOT, 'carveout.vsix'));
const SAMPLE = 'api-on-bedrock.pspec.md';
const REPORT = 'carveout-exposure-report.md';
const MESSAGE = 'Azure API exclusivity: the API is placed on Amazon Web Services under the 2025-10 terms.';
const CLAUSE = 'MSFT-OAI-2025-10-API-EXCL';
const RECLASSIFY = 'Reclassify as non-API';
const SERVE_ON_AZURE = 'Serve on Azure';
const WEB = process.env.E2E_EXTENSION_HOST === 'web';
const HOST = WEB ? ' in the web worker extension host' : '';

/** User settings for every workbench of this file: in web mode, the extension is made to run where web extensions run. */
function hostSettings(settings) {
  return WEB ? { ...settings, 'remote.extensionKind': { 'carveout.carveout': ['web'] } } : settings;
}

// The Markdown preview calls Carveout's markdown-it plugin, which only works when the Markdown extension runs in
// the same host, as both do on vscode.dev. code-server ships that extension without its browser build, so in web
// mode it stays in the Node host and the preview test cannot run; mocha lists it as pending, with this reason.
const itUnlessWeb = WEB ? it.skip : it;
const NOT_IN_WEB = WEB ? ' (pending in web mode: code-server has no browser build of the Markdown extension)' : '';


/** The scratch folder name of a workbench, apart for each host, so that a run's logs of both stay. */
function scratchName(name) {
  return WEB ? `${name}-web` : name;
}

function checkVsix() {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found: run \`npm run package\` first (or set E2E_VSIX)`);
  const built = ['client.js', 'server.js'].map((f) => path.join(REPO_ROOT, 'dist', f)).filter((f) => fs.existsSync(f));
  const newer = built.filter((f) => fs.statSync(f).mtimeMs > fs.statSync(VSIX).mtimeMs);
  if (newer.length) console.warn(`    warning: ${newer.join(', ')} newer than ${VSIX}; the UI test runs the packaged build (npm run package)`);
}

/**
 * Re-encodes a PNG as WebP with the browser's own encoder, so no image tool is needed.
 * Scaled to 80%, the text stays readable and the file is about a third of the PNG.
 */
async function toWebp(page, png) {
  const base64 = await page.evaluate(async (data) => {
    // Decoded by hand: the workbench's content security policy may refuse a data: fetch.
    const png = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
    const width = Math.round(bitmap.width * 0.8);
    const height = Math.round(bitmap.height * 0.8);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/webp', quality: 0.7 })).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, png.toString('base64'));
  return Buffer.from(base64, 'base64');
}

/**
 * Saves a PNG of the editor area together with the widgets given (a hover, a menu), which
 * may reach past it, into the run's screenshots and, with E2E_DOCS_IMAGES=1, a WebP copy
 * into docs/images/. The README shows the copies on the extension's page, and the package
 * has a size budget: lossy WebP keeps them a fraction of the PNG's size.
 */
async function editorScreenshot(wb, name, ...widgets) {
  const boxes = [];
  for (const locator of [wb.page.locator('.part.editor'), ...widgets]) {
    const box = await locator.first().boundingBox();
    if (box) boxes.push(box);
  }
  const viewport = wb.page.viewportSize();
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)));
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)));
  const clip = {
    x, y,
    width: Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width))) - x,
    height: Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height))) - y,
  };
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await wb.page.screenshot({ path: file, clip });
  wb.log(`screenshot ${file}`);
  if (process.env.E2E_DOCS_IMAGES === '1') {
    const doc = path.join(REPO_ROOT, 'docs', 'images', `${name}.webp`);
    fs.mkdirSync(path.dirname(doc), { recursive: true });
    fs.writeFileSync(doc, await toWebp(wb.page, fs.readFileSync(file)));
    wb.log(`written to ${doc}`);
  }
}

/**
 * Scrolls with the mouse wheel over `target` until `offset()` (how far, in pixels, the
 * content still has to move up) is between 0 and one wheel step: the workbench scrolls a
 * fixed 50 px per turn, whatever the delta. The wheel is turned only once the previous turn
 * has settled, since scrolling is animated.
 */
const WHEEL_STEP = 50;
async function wheelUntil(wb, target, offset, what) {
  const box = await target.boundingBox();
  await wb.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 100), { steps: 3 });
  let last = null;
  await wb.waitFor(async () => {
    const left = await offset();
    if (left === null) return false;
    if (left >= 0 && left < WHEEL_STEP) return true;
    if (left === last) await wb.page.mouse.wheel(0, left > 0 ? WHEEL_STEP : -WHEEL_STEP);
    last = left;
    return false;
  }, what, 20000);
}

/**
 * Makes the open hover show Carveout's own section: taller (dragged by its bottom edge, as
 * far as the editor has room) and scrolled past the problem's message that VS Code puts
 * first. Only the picture depends on this, so a failure is logged, not thrown.
 */
async function showCarveoutSection(wb, hover) {
  const page = wb.page;
  try {
    const editor = await page.locator('.editor-instance .monaco-editor').first().boundingBox();
    const sash = page.locator('.monaco-resizable-hover .monaco-sash.orthogonal-edge-south:not(.disabled)');
    if (await sash.count()) {
      const before = await hover.boundingBox();
      const s = await sash.first().boundingBox();
      const x = s.x + s.width / 2;
      const y = s.y + s.height / 2;
      await page.mouse.move(x, y - 10, { steps: 3 });
      await page.mouse.move(x, y, { steps: 2 });
      await page.mouse.down();
      await page.mouse.move(x, editor.y + editor.height - 30, { steps: 10 });
      await page.mouse.up();
      await wb.waitFor(async () => ((await hover.boundingBox()) || before).height > before.height, 'the hover to grow', 10000);
    }
    const ours = hover.locator('.hover-row').filter({ hasText: 'api-exclusivity' }).filter({ hasText: 'Clauses cited' }).first();
    await wheelUntil(wb, hover, async () => {
      const [row, box] = [await ours.boundingBox(), await hover.boundingBox()];
      return row && box ? row.y - box.y : null;
    }, 'the Carveout section at the top of the hover');
  } catch (e) {
    wb.log(`the hover picture may show less than intended: ${e.message}`);
  }
}

describe(`Carveout in the VS Code workbench (packaged extension${HOST})`, function () {
  checkVsix();
  // A copy of the samples: the quick fix edits the spec and the report is written into the folder.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'carveout-ui-'));
  fs.cpSync(path.join(REPO_ROOT, 'samples'), folder, { recursive: true });
  // Hovers open below the line, where the editor has room to show the clauses.
  const wb = useWorkbench({ folder, file: SAMPLE, extensionDevelopmentPath: null, vsix: [VSIX], name: scratchName('ui'), settings: hostSettings({ 'editor.hover.above': false }) });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it(WEB ? 'runs in the web worker extension host: its server is no process of code-server' : 'runs its server as a Node process of code-server', async () => {
    const w = wb();
    await w.waitForSquiggle('error');
    const servers = w.processesMatching(path.join('carveout.carveout-', ''));
    const nodeServers = servers.filter((command) => command.includes(path.join('dist', 'server.js')));
    if (WEB) assert.deepStrictEqual(nodeServers, [], 'no Node process runs the Carveout server');
    else assert.strictEqual(nodeServers.length, 1, `one Node process runs the Carveout server: ${JSON.stringify(servers)}`);
  });

  it('underlines the API sentence as an error; hovering it shows the rule and cites the clause', async () => {
    const w = wb();
    await w.waitForLanguageMode('Markdown');
    await w.waitForSquiggle('error');
    w.log('error squiggle shown');
    // Line 22 near the top of the editor leaves room for the hover below it (picture only).
    await w.goToPosition(22, 10);
    const editor = w.page.locator('.editor-instance .monaco-editor').first();
    const lineNumber = editor.locator('.line-numbers').filter({ hasText: /^22$/ }).first();
    const top = (await editor.boundingBox()).y;
    await wheelUntil(w, editor, async () => {
      const box = await lineNumber.boundingBox();
      return box ? box.y - (top + 60) : null;
    }, 'line 22 near the top of the editor').catch((e) => w.log(`editor not scrolled: ${e.message}`));

    // The mouse rests on the sentence, as a person's would (Go to Line would scroll back).
    const text = await w.hoverOnText('is hosted in', { contains: CLAUSE });
    for (const part of [MESSAGE, 'Azure API exclusivity · api-exclusivity · error', CLAUSE,
      'Microsoft continues to have exclusive IP rights and Azure API exclusivity until Artificial General Intelligence (AGI).',
      'Carve-outs that could apply', 'natsec-carve-out', 'Carveout gives no legal advice']) {
      assert.ok(text.includes(part), `hover lacks ${JSON.stringify(part)}:\n${text}`);
    }
    const hover = w.page.locator('.monaco-hover:not(.hidden)').first();
    await showCarveoutSection(w, hover);
    await editorScreenshot(w, 'hover', hover);
    await w.press('Escape');
  });

  it('lists the findings in the Problems panel, one row each, with rule id and message', async () => {
    const w = wb();
    const status = w.page.locator('#status\\.problems');
    await w.waitFor(async () => (await status.getAttribute('aria-label')) === 'Errors: 3', '"Errors: 3" in the status bar')
      .catch(async (e) => { throw new Error(`${e.message}; it says ${JSON.stringify(await status.getAttribute('aria-label'))}`); });
    const rows = await w.readProblems({ min: 3 });
    const problems = rows.filter((r) => r.label.startsWith('Error:'));
    w.log('problem rows:', JSON.stringify(problems.map((r) => r.text)));
    for (const row of problems) {
      assert.ok(row.text.includes(`${MESSAGE} carveout api-exclusivity [Ln `), row.text);
    }
    assert.deepStrictEqual(problems.map((r) => /\[Ln (\d+), Col (\d+)\]/.exec(r.text).slice(1, 3).join(':')), ['22:1', '26:1', '27:1']);
    // No rows of evidence words between them: one row per finding.
    assert.deepStrictEqual(rows.filter((r) => !r.label.startsWith('Error:')).map((r) => r.text), [], 'rows other than the three findings');
  });

  it('Ctrl+. offers "Serve on Azure" and no reclassification for a sentence that names an API; applying it edits only that sentence and `served-on`', async () => {
    const w = wb();
    await w.goToPosition(22, 10);
    await w.press('Control+.');
    const item = w.page.locator('.action-widget .monaco-list-row').filter({ hasText: SERVE_ON_AZURE });
    const menu = w.page.locator('.action-widget').filter({ has: w.page.locator('.monaco-list-row', { hasText: SERVE_ON_AZURE }) }).last();
    await item.first().waitFor({ state: 'visible' });
    const items = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    w.log('quick fixes:', JSON.stringify(items));
    for (const title of [SERVE_ON_AZURE, 'Record a waiver for api-exclusivity']) {
      assert.ok(items.some((t) => t.includes(title)), `${title} in ${JSON.stringify(items)}`);
    }
    assert.ok(!items.some((t) => t.includes(RECLASSIFY)), `no reclassification in ${JSON.stringify(items)}`);
    assert.strictEqual(new Set(items).size, items.length, `no fix twice in ${JSON.stringify(items)}`);
    // Point at the fix, so the picture shows which one is chosen.
    await item.first().hover();
    await w.page.locator('.action-widget .monaco-list-row.focused').filter({ hasText: SERVE_ON_AZURE }).first().waitFor()
      .catch((e) => w.log(`the fix is not highlighted in the picture: ${e.message}`));
    await editorScreenshot(w, 'quick-fix', menu);
    await item.first().click();
    await item.first().waitFor({ state: 'hidden' });

    // The front matter is at the top; the cursor is on line 22, so go there to read both. The
    // editor wraps long lines, so its rendered lines are matched by content, not by index.
    await w.goToPosition(3, 1);
    await w.waitFor(async () => (await w.editorText()).split('\n').some((line) => line.startsWith('The endpoint is hosted in Azure')), 'line 22 on Azure in the editor');
    const lines = (await w.editorText()).split('\n');
    // The table rows still place the API on Amazon Bedrock, so `aws` stays and `azure` joins it.
    assert.ok(lines.includes('served-on: [aws, azure]'), lines.slice(0, 8).join('\n'));
    assert.ok(lines.includes('classification: api'));

    // The two table rows keep their errors; nothing new appears.
    const status = w.page.locator('#status\\.problems');
    // The label leaves out a count of zero: "Errors: 2", or "Errors: 2, Warnings: 0" in other versions.
    await w.waitFor(async () => /^Errors: 2(?:, Warnings: 0)?$/.test((await status.getAttribute('aria-label')) ?? ''), '"Errors: 2" and no warning in the status bar')
      .catch(async (e) => { throw new Error(`${e.message}; it says ${JSON.stringify(await status.getAttribute('aria-label'))}`); });
    // The code lens on line 1 sums up the new state once the editor has refreshed it.
    const lens = w.page.locator('.editor-instance .codelens-decoration').filter({ hasText: 'Carveout' }).first();
    const lensSays = async () => / · 2 errors\b/.test((await lens.innerText().catch(() => '')).trim());
    // The editor asks for code lenses again a moment after an edit; when a busy machine lets that
    // request lapse, the old lens stays until the next edit, so a space is typed and deleted.
    if (!(await w.waitFor(lensSays, 'the code lens', 20000).catch(() => false))) {
      w.log('code lens not refreshed after 20 s; typing and deleting a space to make the editor ask again');
      await w.goToPosition(3, 20);
      await w.page.keyboard.type(' ');
      await w.page.keyboard.press('Backspace');
    }
    await w.waitFor(lensSays, 'the code lens counting 2 errors')
      .catch(async (e) => { throw new Error(`${e.message}; it says ${JSON.stringify(await lens.innerText().catch(() => null))}`); });
  });

  it('"Carveout: Export Exposure Report" writes the report, with clauses and the disclaimer, into the folder', async () => {
    const w = wb();
    const file = path.join(folder, REPORT);
    assert.ok(!fs.existsSync(file), 'no report before the command');
    await w.runCommand('Carveout: Export Exposure Report');
    await w.waitForEditor(REPORT);
    const report = await w.waitFor(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null), `${file} on disk`);
    assert.match(report, /^# Carveout exposure report/);
    for (const part of [CLAUSE, SAMPLE, '> This report is not legal advice.']) {
      assert.ok(report.includes(part), `the report lacks ${JSON.stringify(part)}`);
    }
    const note = await w.waitForNotification('Carveout exposure report:');
    // Every spec of the copied samples, the worked examples' folders included.
    const specs = fs.readdirSync(folder, { recursive: true }).filter((name) => String(name).endsWith('.pspec.md')).length;
    assert.match(note, new RegExp(`Carveout exposure report: \\d+ findings in ${specs} specs, written to carveout-exposure-report\\.md\\.`));
  });

  it('exporting again asks before replacing the report, and can write a new file that leaves the notes alone', async () => {
    const w = wb();
    const file = path.join(folder, REPORT);
    const noted = `${fs.readFileSync(file, 'utf8')}\nReviewer note: checked with legal.\n`;
    fs.writeFileSync(file, noted);
    await w.runCommand('Carveout: Export Exposure Report');
    const dialog = w.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: w.timeout });
    assert.match(await dialog.innerText(), /carveout-exposure-report\.md already exists/);
    await dialog.locator('.monaco-button', { hasText: 'Write a New File' }).click();
    const second = path.join(folder, 'carveout-exposure-report-2.md');
    const report = await w.waitFor(() => (fs.existsSync(second) ? fs.readFileSync(second, 'utf8') : null), `${second} on disk`);
    assert.match(report, /^# Carveout exposure report/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), noted, 'the first report, with its note, is unchanged');
    // Waited for, so that it cannot arrive during the next test and take the focus.
    await w.waitForNotification('written to carveout-exposure-report-2.md');
  });

  it('in a new spec, typing the first letter of a key on an empty front-matter line opens the key completion', async () => {
    const w = wb();
    await w.runCommand('Carveout: New Spec');
    await w.waitForEditor('new-spec.pspec.md');
    await w.press('Escape');
    // Line 2 is the template's comment: open an empty line above it and type there.
    await w.goToPosition(2, 1);
    await w.press('Enter', 'ArrowUp');
    await w.type('s');
    const widget = w.page.locator('.editor-widget.suggest-widget.visible');
    await widget.locator('.monaco-list-row', { hasText: 'ships-first-on' }).first().waitFor({ timeout: w.timeout });
    await w.press('Escape');
  });

  // Last: the preview takes the keyboard focus into its webview.
  itUnlessWeb(`Ctrl+Shift+V opens the Markdown preview of a spec, with its flagged statements marked and their rule and clauses in a tooltip${NOT_IN_WEB}`, async () => {
    const w = wb();
    await w.page.locator(`.tab[data-resource-name="${SAMPLE}"]`).first().click();
    await w.waitForEditor(SAMPLE);
    await w.goToPosition(1, 1);
    await w.press('Control+Shift+V');
    // The preview is a webview of the built-in Markdown extension, whichever tab it opens in.
    await w.waitFor(() => w.page.frames().some((frame) => frame.url().includes('extensionId=vscode.markdown-language-features')), 'the Markdown preview');
    // The preview's content is a frame inside the webview's frame; the marks are found wherever it is.
    const marks = await w.waitFor(async () => {
      for (const frame of w.page.frames()) {
        const found = await frame.evaluate(() => [...document.querySelectorAll('.carveout-flagged')].map((e) => ({ tag: e.tagName, cls: e.className, title: e.getAttribute('title') }))).catch(() => []);
        if (found.length > 0) return found;
      }
      return null;
    }, 'marked statements in the preview');
    w.log('preview marks:', JSON.stringify(marks));
    assert.ok(marks.some((mark) => mark.tag === 'TR' && /carveout-error/.test(mark.cls) && /^api-exclusivity: .*\[MSFT-OAI-2025-10-API-EXCL/.test(mark.title)), JSON.stringify(marks));
    // The picture shows the marked rows, further down than the preview opens.
    for (const frame of w.page.frames()) {
      await frame.evaluate(() => document.querySelector('.carveout-flagged')?.scrollIntoView({ block: 'center' })).catch(() => undefined);
    }
    await w.page.waitForTimeout(300);
    await editorScreenshot(w, 'preview');
  });

  it('the Exposure view, in its own activity-bar container, lists the findings of every spec by regime and clause', async () => {
    const w = wb();
    await w.page.locator('.activitybar .action-item a[aria-label^="Carveout"]').first().click();
    const rows = w.page.locator('.part.sidebar .monaco-list-row');
    const texts = async () => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await w.waitFor(async () => (await texts()).some((t) => t.startsWith('Regime 2025-10')), 'the regimes in the Exposure view');
    // Open the API clause of the 2025-10 terms, whose findings include api-on-bedrock's table rows.
    await rows.filter({ hasText: 'MSFT-OAI-2025-10-API-EXCL' }).first().click();
    await w.waitFor(async () => (await texts()).some((t) => t.includes('api-on-bedrock.pspec.md:26')), 'the findings under the clause');
    const shown = await texts();
    w.log('exposure rows:', JSON.stringify(shown));
    assert.ok(shown.some((t) => t.includes('waiver-approved') || t.startsWith('Regime 2026-02')), JSON.stringify(shown));
    await editorScreenshot(w, 'exposure-view', w.page.locator('.part.sidebar'));
  });

  it('the extension page shows the README, starting with what a user does', async () => {
    const w = wb();
    // Clicks only: the preview before this test keeps the keyboard focus in its webview.
    await w.page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    await w.page.locator('.extension-list-item', { hasText: 'Carveout' }).first().click();
    // The README is rendered in a webview frame of its own. VS Code drops images and links
    // that are not http(s) there, so only the order of the sections is checked.
    const headings = await w.waitFor(async () => {
      for (const frame of w.page.frames()) {
        const found = await frame.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent)).catch(() => []);
        if (found.includes('Get started')) return found;
      }
      return null;
    }, 'the README on the extension page');
    assert.strictEqual(headings[0], 'Get started');
    assert.ok(headings.indexOf('Contributing') > 0, `contributor set-up comes after: ${headings.join(', ')}`);
  });
});

describe(`Carveout in Restricted Mode (packaged extension${HOST})`, function () {
  checkVsix();
  // A workspace whose .carveout.yaml names its own profile, which must not be read while the
  // workspace is untrusted: the same terms under another title, so the title shows which is used.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'carveout-restricted-'));
  const builtin = fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', 'profile', 'builtin.profile.yaml'), 'utf8');
  fs.writeFileSync(path.join(folder, 'acme.yaml'), builtin.replace(/^id: .*$/m, 'id: acme').replace(/^title: .*$/m, 'title: Acme terms'));
  fs.writeFileSync(path.join(folder, '.carveout.yaml'), 'profile: acme.yaml\n');
  fs.copyFileSync(path.join(REPO_ROOT, 'samples', SAMPLE), path.join(folder, SAMPLE));
  const wb = useWorkbench({
    folder, file: SAMPLE, extensionDevelopmentPath: null, vsix: [VSIX], name: scratchName('ui-restricted'), workspaceTrust: true,
    settings: hostSettings({ 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }),
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('still checks specs, with the built-in profile, and says why on the spec and in the status bar', async () => {
    const w = wb();
    await w.waitForSquiggle('error');
    const status = w.page.locator('.statusbar-item').filter({ hasText: 'Carveout:' }).first();
    await w.waitFor(async () => /restricted/.test(await status.innerText().catch(() => '')), 'the status bar to say restricted')
      .catch(async (e) => { throw new Error(`${e.message}; it says ${JSON.stringify(await status.innerText().catch(() => null))}`); });
    // The errors come first in Problems and push the notice past the rendered rows, so the panel is filtered to it.
    await w.readProblems({ min: 1 });
    const filter = w.page.locator('.markers-panel-container input, .panel input[placeholder^="Filter"]').first();
    await filter.fill('Restricted Mode');
    await w.waitFor(async () => (await w.readProblems()).some((row) => row.text.includes('Restricted Mode: the profile "acme.yaml" named in .carveout.yaml is not used until you trust this workspace')),
      'the Restricted Mode notice on the spec');
    await filter.fill('');
  });
});
