// For `npm run bench`: the packaged extension (carveout.vsix) in code-server's web worker extension host, as on
// vscode.dev and github.dev, made to run there by the user setting remote.extensionKind. A workbench opens a spec;
// once its diagnostics show, "Developer: Show Running Extensions" gives VS Code's own measure of Carveout's
// activation. Writes { activated, firstDiagnostics } in milliseconds to CARVEOUT_BENCH_OUTPUT.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Workbench } = require('../../test/e2e/ui/workbench');
const { REPO_ROOT } = require('../../test/e2e/lib/paths');

const SAMPLE = 'api-on-bedrock.pspec.md';

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'carveout-bench-web-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'samples', SAMPLE), path.join(folder, SAMPLE));
  const start = Date.now();
  const wb = await Workbench.launch({
    folder, file: SAMPLE, extensionDevelopmentPath: null, vsix: [path.join(REPO_ROOT, 'carveout.vsix')], name: 'bench-web',
    settings: { 'remote.extensionKind': { 'carveout.carveout': ['web'] } },
  });
  try {
    await wb.waitForSquiggle('error');
    const firstDiagnostics = Date.now() - start;
    await wb.runCommand('Developer: Show Running Extensions');
    const list = wb.page.locator('.runtime-extensions-editor .monaco-list').first();
    const row = list.locator('.monaco-list-row').filter({ hasText: 'Carveout' }).first();
    await list.waitFor();
    let text = '';
    // The list renders only the rows in view, so it is scrolled until Carveout's row shows.
    await wb.waitFor(async () => {
      text = (await row.innerText({ timeout: 500 }).catch(() => '')).replace(/\s+/g, ' ');
      if (/\d+\s*ms/.test(text)) return true;
      await list.hover();
      await wb.page.mouse.wheel(0, 300);
      return false;
    }, 'Carveout in the running extensions, with its activation time');
    const activated = Number(/(\d+)\s*ms/.exec(text)[1]);
    fs.writeFileSync(process.env.CARVEOUT_BENCH_OUTPUT, JSON.stringify({ activated, firstDiagnostics, row: text }));
  } finally {
    await wb.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
