#!/usr/bin/env bash
# Bad input end to end: every case must be refused (or survived) with a clear
# message on stderr naming the file and the position at fault, the exit code
# docs/cli.md documents (3 refused reports, 2 bad usage, 1 broken dictionary),
# no crash, a sane time, and nothing already stored lost: a good report is
# ingested first and, after every case, it is still there and SQLite's
# integrity check passes.
#
#   bad_input_test.sh SITREP_BINARY
#
# Known bugs (documented behaviour that the program does not have yet) are
# listed as KNOWN BUG and do not fail the run unless SITREP_BAD_INPUT_STRICT=1.
# Exits 77 (skipped) when the world gazetteer is missing.
set -uo pipefail
sitrep="$1"
strict="${SITREP_BAD_INPUT_STRICT:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/t.db"
passed=0
failed=0
known=0

if [[ -n "${SITREP_GAZETTEER:-}" && ! -f "$SITREP_GAZETTEER" ]]; then
  echo "skipped: no gazetteer at $SITREP_GAZETTEER" >&2
  exit 77
fi

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

known_bug() {  # known_bug NAME COMMAND... ; like check, for a reported bug
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  elif [[ "$strict" == 1 ]]; then
    failed=$((failed + 1))
    echo "FAILED (known bug): $name" >&2
  else
    known=$((known + 1))
    echo "KNOWN BUG: $name" >&2
  fi
}

# Runs sitrep with stdout and stderr to $work/out and $work/err; sets $status
# and $elapsed (seconds).
status=0
elapsed=0
run() {
  local start=$SECONDS
  "$sitrep" --db "$db" -q "$@" >"$work/out" 2>"$work/err"
  status=$?
  elapsed=$((SECONDS - start))
}

err_has() { grep -qF -- "$1" "$work/err"; }
err_has_re() { grep -qE -- "$1" "$work/err"; }
no_crash() { test "$status" -lt 128 && ! grep -qE 'Sanitizer|terminate called|Segmentation' "$work/err"; }

# The good report every case must leave in place.
cat >"$work/good.txt" <<'EOF'
published: 2021-08-20
outlet: Test Wire

The Taliban seized Bamyan on Friday.
EOF
run ingest "$work/good.txt"
check "good report ingested" test "$status" -eq 0
good_events="$("$sitrep" --db "$db" events --place Bamyan --format jsonl 2>/dev/null | wc -l)"
check "good report coded" test "$good_events" -ge 1

# After each case: the good report's events are still stored, the database is sound.
still_intact() {  # still_intact CASE
  local n
  n="$("$sitrep" --db "$db" events --place Bamyan --format jsonl 2>/dev/null | wc -l)"
  check "$1: stored events kept" test "$n" -ge "$good_events"
  check "$1: integrity_check ok" test "$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)" = ok
}

refused() {  # refused CASE FILE ; exit 3, stderr names the file, summary counts it
  check "$1: exit code 3" test "$status" -eq 3
  check "$1: names the file" err_has "$(basename "$2")"
  check "$1: counted as refused" grep -q '1 refused' "$work/out"
}

# Empty file.
: >"$work/empty.txt"
run ingest "$work/empty.txt"
refused empty "$work/empty.txt"
check "empty: says empty" err_has_re 'empty'
still_intact empty

# Binary file: the offset of the first binary byte is named.
{ printf 'published: 2021-08-13\n\nThe Taliban seized Ghazni.\n'; head -c 2048 /dev/zero; } >"$work/binary.txt"
run ingest "$work/binary.txt"
refused binary "$work/binary.txt"
check "binary: names the offset" err_has_re 'binary.txt:[0-9]+.*(offset|byte) [0-9]+'
still_intact binary

# 100 MB file: refused as too large without being read whole. The peak RSS
# must stay near that of ingesting a small file (the gazetteer dominates).
head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$work/huge.txt"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f '%M' -o "$work/rss_small" "$sitrep" --db "$db" -q ingest "$work/good.txt" \
    >/dev/null 2>&1
  /usr/bin/time -f '%M' -o "$work/rss_huge" "$sitrep" --db "$db" -q ingest "$work/huge.txt" \
    >"$work/out" 2>"$work/err"
  status=$?
  small_kb="$(tail -1 "$work/rss_small")"
  huge_kb="$(tail -1 "$work/rss_huge")"
  # Reading the file whole would add 100 MB; allow 32 MB of noise.
  check "huge: not read whole (peak RSS ${huge_kb} kB vs ${small_kb} kB)" \
    test "$huge_kb" -lt $((small_kb + 32 * 1024))
else
  run ingest "$work/huge.txt"
fi
refused huge "$work/huge.txt"
check "huge: says over the limit" err_has_re 'limit|too large'
still_intact huge
rm -f "$work/huge.txt"

# Invalid UTF-8: the byte offset is named.
printf 'published: 2021-08-13\n\nThe Taliban seized Ghazni \xff\xfe on Thursday.\n' >"$work/utf8.txt"
run ingest "$work/utf8.txt"
refused utf8 "$work/utf8.txt"
check "utf8: names offset 49" err_has 'offset 49'
still_intact utf8

# A single line of 1 MB (no sentence ends): accepted or refused, no crash, sane time.
{
  printf 'published: 2021-08-13\n\n'
  for _ in $(seq 1 1000); do
    printf 'the forces said fighting went on near the town and the road %.0s' $(seq 1 16)
  done
  printf '\n'
} >"$work/longline.txt"
run ingest "$work/longline.txt"
check "long line: exit 0 or 3 ($status)" test "$status" -eq 0 -o "$status" -eq 3
check "long line: no crash" no_crash
check "long line: under 120 s (${elapsed} s)" test "$elapsed" -lt 120
still_intact "long line"

# HTML nested 100,000 levels deep: no stack overflow, the text still read or refused.
python3 - "$work/deep.html" <<'EOF'
import sys
depth = 100000
with open(sys.argv[1], "w") as f:
    f.write("<html><body>" + "<div>" * depth + "The Taliban seized Ghazni on Thursday."
            + "</div>" * depth + "</body></html>\n")
EOF
run ingest "$work/deep.html" --published 2021-08-13
check "deep html: exit 0 or 3 ($status)" test "$status" -eq 0 -o "$status" -eq 3
check "deep html: no crash" no_crash
check "deep html: under 60 s (${elapsed} s)" test "$elapsed" -lt 60
still_intact "deep html"

# JSON Lines with wrong types on line 2: that line is named, line 1 is stored.
cat >"$work/records.jsonl" <<'EOF'
{"published": "2021-08-14", "outlet": "Wire", "text": "The Taliban captured Kunduz on Saturday."}
{"published": 20210814, "outlet": ["Wire"], "text": {"body": "x"}}
EOF
run ingest "$work/records.jsonl"
check "jsonl types: exit 3" test "$status" -eq 3
check "jsonl types: names file:line 2" err_has 'records.jsonl:2'
check "jsonl types: says which field" err_has_re '"(published|outlet|text)"'
check "jsonl types: good line stored" grep -q '1 new' "$work/out"
still_intact "jsonl types"

# Unparseable date in a header: the header line is named.
printf 'title: x\npublished: the day after the fall\n\nThe Taliban seized Ghazni.\n' >"$work/date.txt"
run ingest "$work/date.txt"
refused "bad date" "$work/date.txt"
check "bad date: names file:line 2" err_has 'date.txt:2'
still_intact "bad date"

# A dictionary with a syntax error: the file and line are named, exit 1, nothing stored.
mkdir -p "$work/dict"
printf '# local additions\nactor Local Militia\n  code: LOCMIL\n  this line has no colon\n' \
  >"$work/dict/local.dict"
printf 'published: 2021-08-21\n\nThe Taliban seized Nili on Saturday.\n' >"$work/other.txt"
before="$("$sitrep" --db "$db" events --format jsonl 2>/dev/null | wc -l)"
run --dict "$work/dict" ingest "$work/other.txt"
check "bad dict: exit 1" test "$status" -eq 1
check "bad dict: names file:line" err_has 'local.dict:4'
after="$("$sitrep" --db "$db" events --format jsonl 2>/dev/null | wc -l)"
check "bad dict: nothing stored" test "$before" -eq "$after"
still_intact "bad dict"

# Unknown --format: exit 2, the flag and value named.
run events --format xml
check "unknown format: exit 2" test "$status" -eq 2
check "unknown format: names --format" err_has '--format'
check "unknown format: names the value" err_has 'xml'
still_intact "unknown format"

# Unknown command: exit 2, the command named.
run frobnicate
check "unknown command: exit 2" test "$status" -eq 2
known_bug "unknown command: names the command" err_has 'frobnicate'
still_intact "unknown command"

if ((known > 0)); then echo "$known known bugs not counted (SITREP_BAD_INPUT_STRICT=1 fails on them)"; fi
echo "$passed passed, $failed failed"
test "$failed" -eq 0
