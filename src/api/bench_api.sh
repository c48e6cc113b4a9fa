#!/usr/bin/env bash
# Benchmark of the hot read path: GET /api/control?as_of=... served from the
# response cache, measured with wrk on 127.0.0.1 only, for a bounded time.
#
#   src/api/bench_api.sh [BUILD_DIR] [SECONDS] [AS_OF]
#
# BUILD_DIR defaults to build/release (it needs sitrep_api_testserver and the
# world gazetteer built there); SECONDS to 10; AS_OF to 2021-08-13 (a day of
# the demo corpus, which fills the store). WRK_THREADS and WRK_CONNECTIONS
# (default 2 and 8) tune the load; the server gets SERVER_THREADS worker
# threads (default: its own default). Prints requests/s, latency
# percentiles and errors. Not a test: numbers depend on the machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
seconds="${2:-10}"
as_of="${3:-2021-08-13}"
server="$build/src/api/sitrep_api_testserver"
corpus="$root/corpus/demo-afghanistan-2021"

command -v wrk >/dev/null || { echo "bench_api: wrk is not installed (Debian package wrk)" >&2; exit 1; }
[[ -x "$server" ]] || { echo "bench_api: $server is not built" >&2; exit 1; }
[[ "$seconds" =~ ^[0-9]+$ ]] && ((seconds > 0 && seconds <= 600)) ||
  { echo "bench_api: SECONDS must be 1..600" >&2; exit 1; }
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$build/data/world.gaz}"

log="$(mktemp)"
out="$(mktemp)"
args=(--bind 127.0.0.1 --port 0 --profile auto)
[[ -n "${SERVER_THREADS:-}" ]] && args+=(--threads "$SERVER_THREADS")
"$server" "${args[@]}" "$corpus" >"$out" 2>"$log" &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log" "$out"; }
trap cleanup EXIT

port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$out")"
  [[ -n "$port" ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "bench_api: the server did not start" >&2; cat "$log" >&2; exit 1; }
grep -E "new reports|profile:" "$log" >&2 || true

url="http://127.0.0.1:$port/api/control?as_of=$as_of"
size="$(curl -s "$url" | wc -c)"
rows="$(curl -s "$url" | grep -o '"geonameid"' | wc -l)"
echo "bench_api: $url ($size bytes, $rows places); $(nproc) CPUs" >&2

wrk -t "${WRK_THREADS:-2}" -c "${WRK_CONNECTIONS:-8}" -d "${seconds}s" --latency "$url" | tee "$out.wrk"
echo "---"
awk '/Requests\/sec/ {print "requests/s: " $2}
     /^ +99%/ {print "p99 latency: " $2}
     /^ +50%/ {print "p50 latency: " $2}
     /Non-2xx/ {print "non-2xx responses: " $NF; bad=1}
     /Socket errors/ {print $0; bad=1}
     END {if (!bad) print "errors: 0"}' "$out.wrk"
rm -f "$out.wrk"
