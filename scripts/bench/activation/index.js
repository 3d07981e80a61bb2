// Runs inside a real VS Code extension host (code-server) for `npm run bench`:
// activates Carveout in a window whose folder holds no spec, so that nothing
// activated it before, and writes how long activation took, and how long
// until its language server answered `initialize`, to CARVEOUT_BENCH_OUTPUT.
'use strict';
const fs = require('fs');
const vscode = require('vscode');

exports.run = async function run() {
  const extension = vscode.extensions.getExtension('carveout.carveout');
  if (!extension) throw new Error('the Carveout extension is not loaded');
  if (extension.isActive) throw new Error('Carveout was already active, so its activation cannot be timed');
  const start = performance.now();
  const api = await extension.activate();
  const activated = performance.now() - start;
  await api.ready;
  const ready = performance.now() - start;
  fs.writeFileSync(process.env.CARVEOUT_BENCH_OUTPUT, JSON.stringify({ activated, ready }));
};
