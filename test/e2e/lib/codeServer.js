// Starts and stops code-server (the real VS Code 1.139 server + web workbench) on a free
// loopback port, with every piece of state under one scratch folder so runs never share
// settings, extensions, sockets or logs, and prints its logs when something fails.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const { RUN_DIR, NODE24_DIR, CODE_SERVER_BIN } = require('./paths');

// User settings that keep the workbench quiet and deterministic: no welcome page, no
// update or gallery checks, no workspace-trust prompt, no git scanning, quick hovers.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.hover.delay': 100,
};

// Unix socket paths must stay under 108 bytes and VS Code names its sockets
// "vscode-ipc-<uuid>.sock" (52 bytes), so TMPDIR itself must be short.
const MAX_TMPDIR_LENGTH = 50;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

// Process groups of servers still running. If the test process exits without stop()
// (mocha --exit, an uncaught error), they are killed here rather than left behind.
const running = new Set();
process.on('exit', () => {
  for (const pid of running) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
});

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server and resolves once /healthz answers.
 * @param {object} opts
 * @param {string} opts.name            scratch sub-folder of RUN_DIR (emptied first)
 * @param {boolean} [opts.smokeTestDriver] pass enable-smoke-test-driver: needed for ?payload= dev/test paths
 * @param {string} [opts.userDataDir]   default <scratch>/user-data
 * @param {string} [opts.extensionsDir] default <scratch>/extensions
 * @param {object} [opts.settings]      merged over DEFAULT_SETTINGS into the user settings.json
 * @param {object} [opts.env]           extra environment for the server and its extension host
 * @param {string[]} [opts.vsix]        .vsix files installed into the extensions dir before start
 * @param {boolean} [opts.workspaceTrust] keep VS Code's workspace trust on, so that a folder opens
 *                                      in Restricted Mode (the user settings must enable it too)
 */
async function startCodeServer(opts) {
  const base = path.join(RUN_DIR, opts.name);
  fs.rmSync(base, { recursive: true, force: true });
  const dirs = {
    base,
    userData: path.resolve(opts.userDataDir || path.join(base, 'user-data')),
    extensions: path.resolve(opts.extensionsDir || path.join(base, 'extensions')),
    xdg: path.join(base, 'xdg'),
    tmp: path.join(base, 'tmp'),
  };
  let ownTmp = false;
  if (dirs.tmp.length > MAX_TMPDIR_LENGTH) {
    dirs.tmp = fs.mkdtempSync('/tmp/cvo-');
    ownTmp = true;
  }
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings || {}) }, null, 2));
  const logFile = path.join(base, 'code-server.log');

  if (!fs.existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server not found at ${CODE_SERVER_BIN}; run test/e2e/install-toolchain.sh`);
  }
  const env = {
    ...process.env,
    ...(opts.env || {}),
    // code-server 4.139 needs Node 24; the rest of the harness runs on the system Node.
    PATH: `${path.join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: path.join(dirs.xdg, 'state'),
    TMPDIR: dirs.tmp,
  };
  const profileArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  for (const vsix of opts.vsix || []) {
    const r = spawnSync(CODE_SERVER_BIN, [...profileArgs, '--install-extension', path.resolve(vsix)], { env, encoding: 'utf8' });
    fs.appendFileSync(logFile, `$ code-server --install-extension ${vsix}\n${r.stdout}${r.stderr}`);
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  // A free port can be taken between probing and binding, so a bind failure is retried.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--config', path.join(dirs.xdg, 'config.yaml'),
      '--disable-telemetry', '--disable-update-check', ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...profileArgs,
      ...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ];
    fs.writeFileSync(path.join(dirs.xdg, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const out = fs.openSync(logFile, 'a');
    // detached puts the server in its own process group, so stop() can end the
    // extension host, pty host and file watcher along with it.
    const child = spawn(CODE_SERVER_BIN, args, { env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    let exited = null;
    running.add(child.pid);
    child.on('exit', (code, signal) => { exited = { code, signal }; running.delete(child.pid); });

    const deadline = Date.now() + 60000;
    while (!exited && Date.now() < deadline && !(await healthy(port))) await delay(100);
    const cs = makeHandle({ child, port, dirs, logFile, ownTmp, exitedRef: () => exited });
    if (!exited && Date.now() < deadline) return cs;
    await cs.stop();
    const log = readTail(logFile, 80);
    if (exited && /EADDRINUSE/.test(log) && attempt < 3) continue;
    throw new Error(`code-server did not answer /healthz on port ${port} `
      + `(${exited ? `exited ${JSON.stringify(exited)}` : 'timed out after 60 s'}); log ${logFile}:\n${log}`);
  }
}

function makeHandle({ child, port, dirs, logFile, ownTmp, exitedRef }) {
  const url = `http://127.0.0.1:${port}`;
  return {
    url, port, pid: child.pid, dirs, logFile,
    // code-server names the remote authority after the Host header the browser used.
    authority: `127.0.0.1:${port}`,
    /** vscode-remote:// URI of an absolute path on the server (what payload entries need). */
    remoteUri(p) { return `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`; },
    /** Workbench URL that opens a folder, with optional ?payload entries. */
    workbenchUrl(folder, payload) {
      let u = `${url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
      if (payload && payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    async stop() {
      if (!exitedRef()) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const deadline = Date.now() + 10000;
        while (!exitedRef() && Date.now() < deadline) await delay(50);
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
      if (ownTmp) fs.rmSync(dirs.tmp, { recursive: true, force: true });
    },
    /** Prints the code-server log and every log file VS Code wrote under <user-data>/logs. */
    printLogs(out = console.error) {
      printFile(out, 'code-server log', logFile);
      // <user-data>/logs/<time>/ holds remoteagent.log (the VS Code server) and
      // exthost<N>/remoteexthost.log (the extension host), next to one folder per
      // extension with its output channels, e.g. exthost1/<publisher>.<name>/<Channel>.log.
      for (const f of listFiles(path.join(dirs.userData, 'logs'))) printFile(out, 'VS Code log', f);
    },
  };
}

// Log files can be long; the tail is what explains a failure, so each is capped.
const TAIL_LINES = Number(process.env.E2E_LOG_TAIL || 400);

function readTail(file, lines = TAIL_LINES) {
  try {
    const all = fs.readFileSync(file, 'utf8').split('\n');
    const cut = all.length > lines ? [`... (${all.length - lines} earlier lines cut; full file: ${file})`] : [];
    return cut.concat(all.slice(-lines)).join('\n');
  } catch (e) {
    return `(cannot read ${file}: ${e.message})`;
  }
}

function printFile(out, title, file) {
  out(`\n===== ${title}: ${file} =====\n${readTail(file)}\n===== end of ${path.basename(file)} =====`);
}

function listFiles(dir) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

module.exports = { startCodeServer, freePort, readTail, printFile, DEFAULT_SETTINGS };
