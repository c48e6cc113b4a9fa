#!/usr/bin/env bash
# Sets up everything sitrep needs on Debian 12, then configures and builds.
#
#   scripts/setup.sh [PRESET]     PRESET: release (default: the product only),
#                                 dev or asan (everything, tests included),
#                                 deps (packages and assets only, no build)
#
# Idempotent: packages already installed are not fetched again, npm assets
# are installed from package-lock.json only when missing or stale, and the
# build is incremental. Only Debian's apt and the npm registry are used.
set -euo pipefail

preset="${1:-release}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

apt_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libsqlite3-dev sqlite3 libssl-dev libxml2-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev
  libgeographiclib-dev libutf8proc-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium clang libclang-rt-14-dev wrk
)

# Node.js and npm: Debian's, unless the machine already has a node with npm.
if ! command -v npm >/dev/null 2>&1; then apt_packages+=(nodejs npm); fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm assets: GeoNames tables, country names, web assets.
stamp="node_modules/.sitrep-installed"
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" || package.json -nt "$stamp" ]]; then
  echo "setup: installing npm assets" >&2
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

if [[ -x scripts/build-web.sh ]]; then scripts/build-web.sh; fi

[[ "$preset" == deps ]] && exit 0

cmake --preset "$preset" >/dev/null
if [[ "$preset" == release ]]; then
  # The product alone: the command, the gazetteer it reads, the web page.
  cmake --build --preset "$preset" -j "$(nproc)" --target sitrep sitrep_gazetteer_data
else
  cmake --build --preset "$preset" -j "$(nproc)"
fi
