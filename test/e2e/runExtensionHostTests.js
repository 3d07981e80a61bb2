// Runs the extension-host integration suite (test/e2e/suite/index.js, which exports
// run(): Promise<void> using mocha) against the extension in the repository root,
// with the repository's samples/ folder open, through @vscode/test-electron's runTests
// and code-shim.sh. Build the extension first.
//
// Env: E2E_SUITE (tests entry, default test/e2e/suite/index.js),
//      E2E_EXT_DEV_PATH (extension folder, default the repo root),
//      E2E_WORKSPACE (folder to open, default samples/), plus those of lib/paths.js and
//      lib/extHostRunner.js.
// Exit code: 0 when every test passed, non-zero otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { REPO_ROOT, RUN_DIR } = require('./lib/paths');

async function main() {
  const extensionDevelopmentPath = path.resolve(process.env.E2E_EXT_DEV_PATH || REPO_ROOT);
  const extensionTestsPath = path.resolve(process.env.E2E_SUITE || path.join(REPO_ROOT, 'test/e2e/suite/index.js'));
  const workspace = path.resolve(process.env.E2E_WORKSPACE || path.join(REPO_ROOT, 'samples'));
  // Missing inputs give confusing workbench errors much later, so they are checked here.
  for (const [what, p] of [['extension folder', extensionDevelopmentPath], ['test suite', extensionTestsPath], ['workspace folder', workspace]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found: ${p}`);
  }
  const instance = process.env.E2E_INSTANCE || 'exthost';
  const scratch = path.join(RUN_DIR, instance);
  console.log(`extension-host tests: ${extensionTestsPath} on ${workspace}`);
  await runTests({
    vscodeExecutablePath: path.join(__dirname, 'code-shim.sh'),
    extensionDevelopmentPath,
    extensionTestsPath,
    // Explicit profile folders keep runTests from creating .vscode-test/ inside the repo.
    launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
    extensionTestsEnv: { E2E_INSTANCE: instance },
  });
}

main().then(() => process.exit(0), (e) => {
  console.error(`extension-host tests failed: ${e.message}`);
  process.exit(typeof e.code === 'number' && e.code > 0 ? e.code : 1);
});
