#!/usr/bin/env bash
# The main job on the embedded default: set up and build, read the demo
# corpus (reports of the August 2021 offensive in Afghanistan) into a fresh
# SQLite database, and print the situation picture.
#
#   scripts/demo.sh [DB]      DB: where to keep the database (default: demo.db)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log="$(mktemp)"
echo "== setting up and building (log: $log)"
if ! scripts/setup.sh release >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "demo: setup or build failed; the whole log is $log" >&2
  exit 1
fi
db="${1:-demo.db}"
rm -f "$db" "$db-wal" "$db-shm"
sitrep=(build/release/src/cli/sitrep --db "$db")

echo "== sitrep ingest corpus/demo-afghanistan-2021/reports"
"${sitrep[@]}" ingest corpus/demo-afghanistan-2021/reports || [[ $? -eq 3 ]]
echo
echo "== sitrep summary --as-of 2021-08-13 --window 8d"
"${sitrep[@]}" summary --as-of 2021-08-13 --window 8d
echo
echo "== sitrep changes --as-of 2021-08-15 --window 10d --kind provincial-capital"
"${sitrep[@]}" changes --as-of 2021-08-15 --window 10d --kind provincial-capital
echo
echo "== sitrep control --as-of 2021-08-13 --kind provincial-capital --holder 'Afghan government'"
"${sitrep[@]}" control --as-of 2021-08-13 --kind provincial-capital --holder "Afghan government"
echo
echo "== sitrep near Kabul --held-by Taliban --as-of 2021-08-13"
"${sitrep[@]}" near Kabul --held-by Taliban --as-of 2021-08-13
