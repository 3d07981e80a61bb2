# Sourced by install-toolchain.sh. When the installer runs under `npm test`, the outer npm
# (on this machine's Node) has exported its own state: npm_config_user_agent names its Node
# version (code-server's postinstall reads the version from it and refuses), npm_config_prefix
# and npm_config_node_gyp point at its own install, npm_config_loglevel=silent (from -s) hides
# the logs, and npm_package_* / npm_lifecycle_* describe this repository. Every install must
# behave the same by hand and under npm, so all of it goes; the npmrc files still apply.
#
# Kept: the network settings a user may have exported on purpose (a registry mirror, a proxy,
# a CA file), which do not depend on the Node version.

clean_npm_env() {
  local name lower
  for name in $(compgen -e); do
    lower=${name,,}
    case "$lower" in
      npm_config_registry|npm_config_*:registry|npm_config_proxy|npm_config_https_proxy|\
npm_config_noproxy|npm_config_cafile|npm_config_strict_ssl) ;;
      npm_*|init_cwd) unset "$name" ;;
    esac
  done
  # The outer npm also put its node-gyp shim and the repository's node_modules/.bin first on
  # PATH; an inner install must find its own.
  local entry kept=()
  IFS=: read -r -a entries <<<"$PATH"
  for entry in "${entries[@]}"; do
    case "$entry" in
      */node-gyp-bin|*/node_modules/.bin) ;;
      *) kept+=("$entry") ;;
    esac
  done
  PATH=$(IFS=:; echo "${kept[*]}")
  export PATH
}
