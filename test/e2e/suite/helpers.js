// Shared helpers of the extension-host suite. Everything waits on VS Code events or on a
// condition with a deadline; nothing sleeps for a fixed time.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'carveout.carveout';
const SOURCE = 'carveout';
/**
 * Deadline of one wait (E2E_WAIT_MS), about six times the slowest wait seen on a loaded
 * 2-core machine. With a broken server every waiting test fails after this long, so it
 * also bounds a failing run (13 waits: about 7 minutes).
 */
const WAIT_MS = Number(process.env.E2E_WAIT_MS || 30000);

/** The workspace folder the suite runs in: the repository's samples/. */
function samplesFolder() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the suite must run with the samples folder open');
  return folder.uri;
}

function sampleUri(name) {
  return vscode.Uri.joinPath(samplesFolder(), name);
}

/** Activates the extension (if the workspace has not already) and waits for its server. */
async function activate() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the extension host`);
  const api = await extension.activate();
  assert.ok(api && typeof api.status === 'function', 'activate() returns the Carveout API');
  await api.ready;
  assert.ok(api.client && api.client.isRunning(), 'the Carveout language client is running');
  return api;
}

/**
 * Opens a document and shows it in an editor of its own (not a preview that the next one
 * replaces). The language client pulls diagnostics for visible documents only.
 */
async function openAndShow(uri) {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function codeOf(diagnostic) {
  const code = diagnostic.code;
  return code !== null && typeof code === 'object' ? code.value : code;
}

function carveoutDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

function rangeText(r) {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** One line per diagnostic, for failure messages. */
function describeDiagnostics(diagnostics) {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map((d) => `\n  ${codeOf(d)} ${SEVERITY_NAMES[d.severity]} ${rangeText(d.range)} ${d.message}`).join('');
}

/** `rule@line` for each diagnostic, sorted: a compact picture of what is flagged where. */
function codesAt(diagnostics) {
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort();
}

/**
 * Resolves with the Carveout diagnostics of `uri` once `predicate` holds for them: checked
 * now and on every onDidChangeDiagnostics event for that uri. Rejects after the deadline
 * with what the diagnostics were at that moment.
 */
function waitForDiagnostics(uri, predicate, what, timeout = WAIT_MS) {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let subscription;
    let timer;
    const finish = () => {
      clearTimeout(timer);
      if (subscription) subscription.dispose();
    };
    const check = () => {
      const diagnostics = carveoutDiagnostics(uri);
      let ok;
      try {
        ok = predicate(diagnostics);
      } catch (e) {
        finish();
        reject(e);
        return;
      }
      if (ok) {
        finish();
        resolve(diagnostics);
      }
    };
    timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeout} ms waiting for ${what} in ${path.basename(uri.fsPath)}; `
        + `its Carveout diagnostics are:${describeDiagnostics(carveoutDiagnostics(uri))}`));
    }, timeout);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    check();
  });
}

/** Waits until the diagnostics of `uri` are exactly these `rule@line` entries (in any order). */
function waitForCodes(uri, expected, timeout = WAIT_MS) {
  const want = [...expected].sort();
  return waitForDiagnostics(uri, (d) => JSON.stringify(codesAt(d)) === JSON.stringify(want), `diagnostics ${want.join(', ')}`, timeout);
}

/** Polls a condition that no event announces (the status bar item), with a deadline. */
async function waitUntil(condition, what, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fresh temporary folder outside the workspace; removed by removeTempFolders(). */
const tempFolders = [];
function makeTempFolder(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carveout-e2e-'));
  tempFolders.push(dir);
  for (const [name, text] of Object.entries(files || {})) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
function removeTempFolders() {
  for (const dir of tempFolders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

function readSample(name) {
  return fs.readFileSync(sampleUri(name).fsPath, 'utf8');
}

/**
 * Closes every editor of `uri` without saving: a dirty document is reverted first (so no
 * save prompt can block the window), then its tabs are closed.
 */
async function revertAndClose(uri) {
  const key = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (document && document.isDirty) {
    // Revert and close in one step: this also discards an untitled document without the
    // save prompt that closing it would raise.
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input && tab.input.uri && tab.input.uri.toString() === key);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

async function closeAllEditors() {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty) await revertAndClose(document.uri);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Removes a workspace setting a test wrote, and the samples' .vscode folder once its
 * settings file holds nothing else, so that no test leaves files in the samples.
 */
async function resetWorkspaceSetting(section, key) {
  await vscode.workspace.getConfiguration(section).update(key, undefined, vscode.ConfigurationTarget.Workspace);
  const folder = path.join(samplesFolder().fsPath, '.vscode');
  const file = path.join(folder, 'settings.json');
  if (fs.existsSync(file) && /^\s*\{\s*\}\s*$/.test(fs.readFileSync(file, 'utf8'))) fs.rmSync(file);
  if (fs.existsSync(folder) && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
}

/** All Markdown of the hovers VS Code would show at a position, joined. */
async function hoverMarkdown(uri, position) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
  return (hovers || []).map((hover) => ({
    range: hover.range,
    text: hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
  }));
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

module.exports = {
  EXTENSION_ID, SOURCE, WAIT_MS, samplesFolder, sampleUri, activate, openAndShow, codeOf, carveoutDiagnostics,
  describeDiagnostics, codesAt, waitForDiagnostics, waitForCodes, waitUntil, makeTempFolder, removeTempFolders,
  readSample, revertAndClose, closeAllEditors, resetWorkspaceSetting, hoverMarkdown, labelOf, rangeText,
};
