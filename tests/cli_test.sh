#!/usr/bin/env bash
# End-to-end tests of the `sitrep` command: every command's --help, ingest of
# the demo corpus, duplicates, refused inputs with their exit codes, and
# each output format. Usage: cli_test.sh SITREP_BINARY SOURCE_DIR
set -uo pipefail
sitrep="$1"
src="$2"
corpus="$src/corpus/demo-afghanistan-2021/reports"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/t.db"
passed=0
failed=0

check() {  # check NAME COMMAND... ; passes when the command succeeds
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name" >&2
  fi
}

run() { "$sitrep" --db "$db" "$@"; }

# Every command answers --help.
for cmd in ingest code events control changes summary place near serve rebuild; do
  check "help $cmd" bash -c "'$sitrep' $cmd --help | grep -q -- --help"
done
check "top-level help" bash -c "'$sitrep' --help | grep -q 'Exit codes'"

# Ingest the demo corpus.
out="$(run -q ingest "$corpus" 2>"$work/err")"
status=$?
check "ingest exit code" test "$status" -eq 0 -o "$status" -eq 3
check "ingest summary line" bash -c "grep -Eq '^ingest: [0-9]+ reports read, [0-9]+ new, 0 duplicate' <<<'$out'"
new="$(sed -E 's/^ingest: [0-9]+ reports read, ([0-9]+) new.*/\1/' <<<"$out")"
check "ingest stored reports" test "${new:-0}" -gt 10

# Again: every report is a duplicate, nothing new.
out2="$(run -q ingest "$corpus" 2>/dev/null)"
check "re-ingest all duplicates" bash -c "grep -Eq ' 0 new, $new duplicate' <<<'$out2'"

# Refused inputs: empty, binary, invalid UTF-8, no date. Exit code 3; the rest goes on.
mkdir -p "$work/bad"
: >"$work/bad/empty.txt"
printf 'published: 2021-08-13\n\nabc\0def\n' >"$work/bad/binary.txt"
printf 'published: 2021-08-13\n\nThe Taliban seized Ghazni \xff\xfe on Thursday.\n' >"$work/bad/utf8.txt"
printf 'title: no date\n\nThe Taliban seized Ghazni on Thursday.\n' >"$work/bad/nodate.txt"
printf 'published: 2021-08-20\noutlet: Test Wire\n\nThe Taliban seized Bamyan on Friday.\n' >"$work/bad/good.txt"
run -q ingest "$work/bad" >"$work/out" 2>"$work/err"
status=$?
check "refused exit code 3" test "$status" -eq 3
check "refused names files" bash -c "grep -q 'binary.txt' '$work/err' && grep -q 'utf8.txt' '$work/err' && grep -q 'nodate.txt' '$work/err' && grep -q 'empty.txt' '$work/err'"
check "refused counts" grep -Eq '5 reports read, 1 new, 0 duplicate, 4 refused' "$work/out"
check "no date says why" grep -q -- '--published' "$work/err"

# Stdin with --published.
echo "The Taliban captured Kunduz on Sunday." | run -q ingest - --published 2021-08-09 --outlet Stdin >"$work/out" 2>&1
check "stdin ingest" grep -q '1 new' "$work/out"

# Queries and formats.
check "events table" bash -c "'$sitrep' --db '$db' events --limit 5 | grep -q 'events'"
check "events jsonl" bash -c "'$sitrep' --db '$db' events --format jsonl | head -1 | python3 -c 'import json,sys; e=json.loads(sys.stdin.readline()); assert all(k in e for k in (\"id\",\"date\",\"cameo\",\"actor\",\"place\",\"claim\",\"sources\"))'"
check "events csv header" bash -c "'$sitrep' --db '$db' events --format csv | head -1 | grep -q '^event_id,event_date,event_type'"
check "events geojson" bash -c "'$sitrep' --db '$db' events --format geojson | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"type\"]==\"FeatureCollection\" and d[\"features\"]'"
check "control as of" bash -c "'$sitrep' --db '$db' control --as-of 2021-08-13 | grep -q Taliban"
check "control holders from the chosen profile" bash -c "'$sitrep' --db '$db' control --as-of 2021-08-13 --format jsonl | python3 -c 'import json,sys; rows=[json.loads(l) for l in sys.stdin]; assert rows and all(r[\"holder\"] for r in rows), rows'"
check "control geojson" bash -c "'$sitrep' --db '$db' control --as-of 2021-08-13 --format geojson | python3 -c 'import json,sys; json.load(sys.stdin)'"
check "changes" bash -c "'$sitrep' --db '$db' changes --as-of 2021-08-15 --window 10d --kind provincial-capital | grep -q 'changes of hands'"
check "summary" bash -c "'$sitrep' --db '$db' summary --as-of 2021-08-13 --explain | grep -qi 'Evidence'"
check "place Herat" bash -c "'$sitrep' place Herat | grep -q 1140026"
check "place unknown exit 4" bash -c "'$sitrep' place Xqzzyville >/dev/null 2>&1; test \$? -eq 4"
check "near Kabul" bash -c "'$sitrep' near Kabul --radius 100 --kind provincial-capital --format csv | grep -q ','"
check "bad format exit 2" bash -c "'$sitrep' --db '$db' events --format xml >/dev/null 2>&1; test \$? -eq 2"
check "bad date exit 2" bash -c "'$sitrep' --db '$db' control --as-of 2021-13-45 >/dev/null 2>&1; test \$? -eq 2"
check "bad window exit 2" bash -c "'$sitrep' --db '$db' changes --window 8x >/dev/null 2>&1; test \$? -eq 2"

# serve: the API answers on loopback, and SIGTERM stops it cleanly.
port=$((20000 + $$ % 20000))
"$sitrep" --db "$db" serve --port "$port" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 100); do grep -q serving "$work/serve.err" 2>/dev/null && break; sleep 0.1; done
check "serve control" python3 -c "
import json, urllib.request
d = json.load(urllib.request.urlopen('http://127.0.0.1:$port/api/control?as_of=2021-08-13'))
assert d['control'], d"
check "serve 400 on a bad date" python3 -c "
import urllib.request, urllib.error
try:
    urllib.request.urlopen('http://127.0.0.1:$port/api/control?as_of=yesterday-ish')
    raise SystemExit(1)
except urllib.error.HTTPError as e:
    assert e.code == 400, e.code"
kill -TERM "$server"
wait "$server"
check "serve stops on SIGTERM" test $? -eq 0

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
