// Runs an extension's integration tests (mocha inside the real VS Code extension host)
// in code-server, taking the same flags as the VS Code executable that
// @vscode/test-electron launches; code-shim.sh calls it.
//
// Why a browser: code-server only spawns an extension host when a workbench connects, and
// the dev/test paths are read by the web client from ?payload=, which the built product
// honours only with enable-smoke-test-driver. When the tests end, the workbench calls
// window.codeAutomationExit(code, logs); its log lines (the extension host's console,
// i.e. mocha's reporter) arrive through window.codeAutomationLog.
//
// Usage: node extHostRunner.js --extensionDevelopmentPath=DIR [...] --extensionTestsPath=FILE
//          [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER]
// Env: E2E_INSTANCE (scratch sub-folder, default "exthost"), E2E_TIMEOUT_MS (default 900000),
//      E2E_BROWSER_CONSOLE=1 (echo the workbench console live), plus those of paths.js.
// Exit code: the extension host's (0 pass, 1 failed tests), 124 timeout, 2 harness error.
'use strict';
const fs = require('fs');
const path = require('path');
const { startCodeServer } = require('./codeServer');
const { launchBrowser, formatArgs, NOISE } = require('./browser');

function parseArgs(argv) {
  const o = { dev: [], tests: null, userDataDir: null, extensionsDir: null, folder: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, value] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    // The two profile flags also come in the "--flag VALUE" form from hand-written calls.
    const take = () => (value !== null ? value : argv[++i]);
    if (flag === '--extensionDevelopmentPath') o.dev.push(take());
    else if (flag === '--extensionTestsPath') o.tests = take();
    else if (flag === '--user-data-dir') o.userDataDir = take();
    else if (flag === '--extensions-dir') o.extensionsDir = take();
    else if (a.startsWith('-')) { /* Electron-only flags (--no-sandbox, --disable-updates, ...) do not apply. */ }
    else o.folder = a;
  }
  return o;
}

async function main() {
  const t0 = Date.now();
  const el = () => `[${((Date.now() - t0) / 1000).toFixed(2)}s]`;
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.dev.length || !opts.tests) {
    console.error('extHostRunner: need --extensionDevelopmentPath= and --extensionTestsPath=');
    return 2;
  }
  const name = process.env.E2E_INSTANCE || 'exthost';
  const cs = await startCodeServer({
    name, smokeTestDriver: true, userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir,
  });
  const folder = path.resolve(opts.folder || path.join(cs.dirs.base, 'workspace'));
  fs.mkdirSync(folder, { recursive: true });
  console.log(`${el()} code-server ${cs.url} (pid ${cs.pid}), scratch ${cs.dirs.base}`);

  let browser = null;
  let result;
  let browserLogs = [];
  const cleanup = async () => { if (browser) await browser.close(); await cs.stop(); };
  // Ctrl+C (runTests forwards SIGINT) must not leave a code-server behind.
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { cleanup().finally(() => process.exit(130)); });
  try {
    browser = await launchBrowser({
      profileDir: path.join(cs.dirs.base, 'chromium-profile'),
      consoleLog: path.join(cs.dirs.base, 'browser-console.log'),
      echo: !!process.env.E2E_BROWSER_CONSOLE,
    });
    const { page } = browser;
    let finish;
    const done = new Promise((r) => { finish = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The same lines also reach the page console, which the browser helper records;
      // here they are only echoed live, since mocha's reporter output is among them.
      const line = formatArgs(args);
      if (!NOISE.test(line)) console.log(`${el()} ${type === 'info' ? '' : `[${type}] `}${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      browserLogs = Array.isArray(logs) ? logs : [];
      finish({ code });
    });
    page.on('crash', () => finish({ code: 2, reason: 'the workbench page crashed' }));
    page.on('close', () => finish({ code: 2, reason: 'the workbench page closed before the tests ended' }));
    const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 900000);
    const timer = setTimeout(() => finish({ code: 124, reason: `no result after ${timeoutMs} ms` }), timeoutMs);
    const payload = [
      ...opts.dev.map((d) => ['extensionDevelopmentPath', cs.remoteUri(d)]),
      ['extensionTestsPath', cs.remoteUri(opts.tests)],
    ];
    const url = cs.workbenchUrl(folder, payload);
    console.log(`${el()} open ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    result = await done;
    clearTimeout(timer);
  } catch (e) {
    result = { code: 2, reason: e.stack || e.message };
  }
  console.log(`${el()} extension host tests finished: exit ${result.code}${result.reason ? ` (${result.reason})` : ''}`);
  if (result.code !== 0) {
    console.error(`\nExtension host tests FAILED (exit ${result.code}); logs follow.`);
    cs.printLogs();
    for (const l of browserLogs) {
      console.error(`\n===== workbench log ${l.relativePath} =====\n${l.contents}\n===== end of ${l.relativePath} =====`);
    }
    if (browser) browser.printConsole();
  }
  await cleanup();
  return typeof result.code === 'number' ? result.code : 1;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
