// Entry point of the extension-host suite: runTests (through code-shim.sh) loads this file
// inside the real VS Code extension host and awaits run(). Every *.test.js file in this
// folder runs under mocha's tdd interface, in name order, with the samples/ folder open.
//
// Env: E2E_GREP (only tests whose full title matches), E2E_TEST_TIMEOUT_MS (per test,
// default 120000; the machine is slow and shared, and every wait has its own deadline).
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    // The reporter's lines travel through the workbench log; colour codes would only garble them.
    color: false,
    timeout: Number(process.env.E2E_TEST_TIMEOUT_MS || 120000),
    grep: process.env.E2E_GREP || undefined,
  });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}

module.exports = { run };
