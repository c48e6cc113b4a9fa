#!/usr/bin/env bash
# Runs the web map's browser test (map.test.mjs) under ctest. Exits 77 (the
# test's SKIP_RETURN_CODE) when something it needs is not installed: node,
# Chromium (Debian package `chromium`), node_modules/playwright-core, or the
# world gazetteer the build makes.
#
# Environment (set by src/api/CMakeLists.txt): SITREP_TESTSERVER,
# SITREP_SOURCE_DIR, SITREP_ARTIFACTS, SITREP_GAZETTEER, SITREP_NODE.
set -euo pipefail

src="${SITREP_SOURCE_DIR:?}"
node="${SITREP_NODE:-}"
if [[ -z "$node" || ! -x "$node" ]]; then node="$(command -v node || true)"; fi
chromium="${SITREP_CHROMIUM:-/usr/bin/chromium}"

skip() { echo "SKIPPED: $*"; exit 77; }
[[ -n "$node" && -x "$node" ]] || skip "node is not installed"
[[ -x "$chromium" ]] || skip "$chromium is missing (Debian: apt-get install chromium)"
[[ -f "$src/node_modules/playwright-core/package.json" ]] ||
  skip "node_modules/playwright-core is missing (run npm ci)"
[[ -f "$src/node_modules/leaflet/dist/leaflet-src.esm.js" ]] ||
  skip "node_modules/leaflet is missing (run npm ci)"
[[ -x "${SITREP_TESTSERVER:?}" ]] || skip "the test server was not built"
if [[ -n "${SITREP_GAZETTEER:-}" && ! -f "$SITREP_GAZETTEER" ]]; then
  skip "the world gazetteer ($SITREP_GAZETTEER) has not been built"
fi

artifacts="${SITREP_ARTIFACTS:?}"
mkdir -p "$artifacts"
web_root="$(dirname "$artifacts")/web-dist"
"$src/scripts/build-web.sh" "$web_root"

export SITREP_WEB_ROOT="$web_root" SITREP_CHROMIUM="$chromium"
exec "$node" --test --test-reporter=spec "$src/web/test/map.test.mjs"
