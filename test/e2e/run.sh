#!/usr/bin/env bash
# Entry point of `npm run test:e2e`. Expects the extension to be built already.
# 1. Makes sure the toolchain is in the cache (install-toolchain.sh; fast when warm).
# 2. Runs the extension-host suite (test/e2e/suite/index.js) via runExtensionHostTests.js.
# 3. Runs the UI tests (test/e2e/ui/ui.test.js) with mocha in Node, driving code-server.
# 4. Runs the UI tests again with the extension in the web worker extension host, as on
#    vscode.dev and github.dev (E2E_EXTENSION_HOST=web).
# Every suite runs even if an earlier one fails, so one CI run shows every failure.
#
# Env: CARVEOUT_CACHE / E2E_CACHE (cache location, see install-toolchain.sh),
#      E2E_ONLY=exthost|ui|web (run one suite), E2E_MOCHA_UI (mocha interface of ui.test.js,
#      default bdd), E2E_UI_TEST (UI test file, default test/e2e/ui/ui.test.js),
#      and those listed in README.md.
# Exit code: 0 when every suite passes, 1 otherwise.
set -uo pipefail
HERE=$(dirname "$(realpath "$0")")
REPO=$(realpath "$HERE/../..")
cd "$REPO"
now_ms() { date +%s%3N; }
T0=$(now_ms)

bash "$HERE/install-toolchain.sh" || { echo "e2e: toolchain install failed" >&2; exit 1; }

# Every run starts from an empty scratch folder; it is left in place afterwards so that
# screenshots and logs of a failed run can be looked at.
export E2E_CACHE=${E2E_CACHE:-${CARVEOUT_CACHE:-$HOME/.cache/carveout}/e2e}
export E2E_RUN_DIR=${E2E_RUN_DIR:-$E2E_CACHE/run}
rm -rf "$E2E_RUN_DIR" && mkdir -p "$E2E_RUN_DIR"

ONLY=${E2E_ONLY:-}
status_exthost=skipped status_ui=skipped status_web=skipped rc=0

if [ -z "$ONLY" ] || [ "$ONLY" = exthost ]; then
  echo "=== e2e: extension-host suite ==="
  t=$(now_ms)
  if node "$HERE/runExtensionHostTests.js"; then status_exthost=PASSED; else status_exthost=FAILED; rc=1; fi
  echo "=== e2e: extension-host suite $status_exthost in $(( $(now_ms) - t )) ms ==="
fi

if [ -z "$ONLY" ] || [ "$ONLY" = ui ]; then
  echo "=== e2e: UI suite ==="
  t=$(now_ms)
  # --exit: a test that forgets to close its browser must not hang CI; code-server
  # processes are killed on exit by lib/codeServer.js.
  if "$REPO/node_modules/.bin/mocha" --ui "${E2E_MOCHA_UI:-bdd}" --timeout 600000 --exit \
      "${E2E_UI_TEST:-$HERE/ui/ui.test.js}"; then status_ui=PASSED; else status_ui=FAILED; rc=1; fi
  echo "=== e2e: UI suite $status_ui in $(( $(now_ms) - t )) ms ==="
fi

if [ -z "$ONLY" ] || [ "$ONLY" = web ]; then
  echo "=== e2e: UI suite in the web worker extension host ==="
  t=$(now_ms)
  if E2E_EXTENSION_HOST=web "$REPO/node_modules/.bin/mocha" --ui "${E2E_MOCHA_UI:-bdd}" --timeout 600000 --exit \
      "${E2E_UI_TEST:-$HERE/ui/ui.test.js}"; then status_web=PASSED; else status_web=FAILED; rc=1; fi
  echo "=== e2e: UI suite in the web worker extension host $status_web in $(( $(now_ms) - t )) ms ==="
fi

echo "e2e summary: extension-host suite $status_exthost, UI suite $status_ui, UI suite in the web worker host $status_web;" \
  "total $(( $(now_ms) - T0 )) ms; screenshots and logs in $E2E_RUN_DIR"
exit "$rc"
