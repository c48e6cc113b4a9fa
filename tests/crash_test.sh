#!/usr/bin/env bash
# Crash safety: kill `sitrep ingest` with SIGKILL at random moments, many
# times, and check after each kill that the database passes
# PRAGMA integrity_check, that every report the command acknowledged is
# there whole, that no report is there in part, and finally that a rerun
# completes the rest. Usage: crash_test.sh SITREP_BINARY [RUNS]
set -uo pipefail
sitrep="$1"
runs="${2:-20}"
command -v sqlite3 >/dev/null || { echo "sqlite3 not installed: skipped"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/crash.db"
mkdir -p "$work/in"

# Distinct reports (different text, so different ids), deterministic.
cities=(Kunduz Herat Kandahar Ghazni "Lashkar Gah" Zaranj Sheberghan Taloqan Aybak Farah
        Faizabad "Pul-e Khumri" Qalat Tarinkot Gardez Jalalabad Maymana Sharana Chaghcharan Nili)
verbs=("seized" "captured" "took control of" "overran")
for i in $(seq 1 120); do
  c1="${cities[$((i % ${#cities[@]}))]}"
  c2="${cities[$(((i * 7 + 3) % ${#cities[@]}))]}"
  v="${verbs[$((i % ${#verbs[@]}))]}"
  day=$(printf '%02d' $((6 + i % 10)))
  {
    printf 'url: https://crash.example/%d\noutlet: Crash Wire %d\npublished: 2021-08-%s\ntitle: Report %d\n\n' "$i" "$((i % 5))" "$day" "$i"
    printf 'Dispatch number %d. The Taliban %s %s on Thursday, officials said.\n\n' "$i" "$v" "$c1"
    printf 'Fighting raged in %s, where government forces said they had repelled an attack. ' "$c2"
    printf 'An official said %d civilians were wounded in the clashes.\n' "$((i % 13 + 2))"
  } >"$work/in/r$(printf '%03d' "$i").txt"
done
total=120

passed=0
failed=0
fail() { echo "FAILED: $*" >&2; failed=$((failed + 1)); }

RANDOM=20210813
for run in $(seq 1 "$runs"); do
  "$sitrep" --db "$db" -q ingest -v "$work/in" >"$work/ack.$run" 2>/dev/null &
  pid=$!
  # A random moment between 0 and ~1.2 s (start-up, mid-batch, near the end).
  sleep "0.$(printf '%03d' $((RANDOM % 1000)))"
  [[ $((RANDOM % 3)) -eq 0 ]] && sleep 0.2
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  integrity="$(sqlite3 "$db" 'PRAGMA integrity_check;' 2>&1)"
  if [[ "$integrity" != "ok" ]]; then fail "run $run: integrity_check: $integrity"; continue; fi
  # Every acknowledged report is there, whole.
  missing=0
  while read -r word id origin; do
    [[ "$word" == stored || "$word" == duplicate ]] || continue
    n="$(sqlite3 "$db" "SELECT count(*) FROM reports WHERE id='$id';")"
    s="$(sqlite3 "$db" "SELECT count(*) FROM sentences WHERE report_id='$id';")"
    if [[ "$n" != 1 || "$s" -lt 1 ]]; then missing=$((missing + 1)); fi
  done < <(cat "$work"/ack.* 2>/dev/null)
  [[ $missing -eq 0 ]] || fail "run $run: $missing acknowledged reports missing or partial"
  # No report in part: every stored report has its sentences; every source its report.
  partial="$(sqlite3 "$db" "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.report_id = r.id);")"
  orphans="$(sqlite3 "$db" "SELECT count(*) FROM event_sources es WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = es.report_id);")"
  [[ "$partial" == 0 && "$orphans" == 0 ]] || fail "run $run: partial reports $partial, orphan sources $orphans"
  passed=$((passed + 1))
done

# A rerun completes the rest.
"$sitrep" --db "$db" -q ingest "$work/in" >"$work/final" 2>&1
stored="$(sqlite3 "$db" 'SELECT count(*) FROM reports;')"
if [[ "$stored" == "$total" ]]; then passed=$((passed + 1)); else fail "after rerun $stored of $total reports"; fi
again="$(sqlite3 "$db" 'PRAGMA integrity_check;')"
[[ "$again" == ok ]] && passed=$((passed + 1)) || fail "final integrity_check: $again"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
