#!/usr/bin/env bash
# Stands in for the VS Code executable in @vscode/test-electron's
# runTests({ vscodeExecutablePath }), since VS Code itself cannot be downloaded here.
# It accepts the flags runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=,
# --user-data-dir=, --extensions-dir=, a folder; Electron-only flags are ignored), runs the
# tests in code-server through headless Chromium and exits with the extension host's code.
# Env: see lib/extHostRunner.js (E2E_INSTANCE, E2E_TIMEOUT_MS, CARVEOUT_CACHE, ...).
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
# The system Node runs the driver; code-server itself gets Node 24 from lib/codeServer.js.
exec node "$HERE/lib/extHostRunner.js" "$@"
