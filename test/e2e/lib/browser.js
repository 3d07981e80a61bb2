// Launches Debian's Chromium headless through playwright-core and records everything the
// workbench page logs, so a failure can be explained from CI output alone.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { CHROMIUM, requirePlaywright } = require('./paths');

// Flags for a quiet, offline-friendly headless browser: no sandbox (we run as root in CI),
// no GPU, and no background traffic to Google services that cannot be reached here.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

// Lines that the offline workbench always logs (extension gallery lookups); they would
// only hide the lines that matter.
const NOISE = new RegExp(process.env.E2E_LOG_FILTER || 'open-vsx\\.org|ENOTFOUND|marketplace');

/**
 * @param {object} opts
 * @param {string} opts.profileDir  fresh Chromium profile folder (emptied first)
 * @param {string} opts.consoleLog  file that receives every console line of the page
 * @param {boolean} [opts.echo]     also print console lines as they come
 */
async function launchBrowser({ profileDir, consoleLog, echo = false, viewport = { width: 1400, height: 900 } }) {
  const { chromium } = requirePlaywright();
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  fs.mkdirSync(path.dirname(consoleLog), { recursive: true });
  // Playwright rejects --user-data-dir in args; a persistent context is how a profile is given.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] || await context.newPage();
  const t0 = Date.now();
  const lines = [];
  const record = (kind, text) => {
    const line = `[${((Date.now() - t0) / 1000).toFixed(2)}s] [${kind}] ${text}`;
    lines.push(line);
    fs.appendFileSync(consoleLog, line + '\n');
    if (echo && !NOISE.test(text)) console.log(line);
  };
  // The workbench styles its log lines ("%c INFO color: #33f text"); the styling is dropped.
  page.on('console', (m) => record(`console.${m.type()}`, m.text().replace(/^%c\s*(\w+)\s+color: #\w+\s*/, '$1 ')));
  page.on('pageerror', (e) => record('pageerror', e.stack || e.message));
  page.on('requestfailed', (r) => record('requestfailed', `${r.url()} ${r.failure() ? r.failure().errorText : ''}`));
  return {
    context, page, lines, record,
    /** Prints the recorded browser console (known offline noise removed). */
    printConsole(out = console.error) {
      const kept = lines.filter((l) => !NOISE.test(l));
      const tail = kept.slice(-Number(process.env.E2E_LOG_TAIL || 400));
      out(`\n===== workbench browser console (${consoleLog}; ${lines.length - kept.length} noise lines hidden) =====\n`
        + `${tail.join('\n')}\n===== end of workbench browser console =====`);
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/** util.format for the argument arrays the workbench passes to window.codeAutomationLog. */
function formatArgs(args) {
  return util.format(...(Array.isArray(args) ? args : [args]));
}

module.exports = { launchBrowser, formatArgs, CHROMIUM_ARGS, NOISE };
