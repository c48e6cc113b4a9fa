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
total=400
for i in $(seq 1 "$total"); do
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

passed=0
failed=0
fail() { echo "FAILED: $*" >&2; failed=$((failed + 1)); }

# How long a whole ingest takes here, so kills fall across all of it.
start_ns=$(date +%s%N)
"$sitrep" --db "$work/timing.db" -q ingest "$work/in" >/dev/null 2>&1
span_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
(( span_ms < 50 )) && span_ms=50
echo "a whole ingest of $total reports takes ${span_ms} ms; killing at random moments within it"

RANDOM=20210813
for run in $(seq 1 "$runs"); do
  db="$work/crash-$run.db"
  "$sitrep" --db "$db" -q ingest -v "$work/in" >"$work/ack" 2>/dev/null &
  pid=$!
  # A random moment of the run: start-up, mid-batch, near the end.
  kill_ms=$(( (RANDOM * 32768 + RANDOM) % span_ms ))
  sleep "$(printf '%d.%03d' $((kill_ms / 1000)) $((kill_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  has_schema=0
  [[ -f "$db" ]] && has_schema="$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'reports';" 2>/dev/null || echo 0)"
  if [[ "$has_schema" != 1 ]]; then
    # Killed before the first migration committed: an empty database, and
    # nothing may have been acknowledged.
    acked=$(grep -c '^stored ' "$work/ack")
    [[ "$acked" == 0 ]] || fail "run $run: $acked reports acknowledged but no schema"
    echo "run $run: killed at ${kill_ms} ms, before the schema was committed"
  else
    integrity="$(sqlite3 "$db" 'PRAGMA integrity_check;' 2>&1)"
    [[ "$integrity" == ok ]] || fail "run $run: integrity_check: $integrity"
    # Every acknowledged report is there, whole (its sentences with it).
    acked=$(grep -c '^stored ' "$work/ack")
    if (( acked > 0 )); then
      values="$(awk '$1 == "stored" { printf "%s(\x27%s\x27)", (n++ ? "," : ""), $2 }' "$work/ack")"
      missing="$(sqlite3 "$db" "WITH acked(id) AS (VALUES $values)
        SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = a.id)
           OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.report_id = a.id);")"
      [[ "$missing" == 0 ]] || fail "run $run: $missing acknowledged reports missing or partial"
    fi
    # No report in part: every stored report has its sentences; every source its report.
    partial="$(sqlite3 "$db" "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.report_id = r.id);")"
    orphans="$(sqlite3 "$db" "SELECT count(*) FROM event_sources es WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = es.report_id);")"
    [[ "$partial" == 0 && "$orphans" == 0 ]] || fail "run $run: partial reports $partial, orphan sources $orphans"
    stored_now="$(sqlite3 "$db" 'SELECT count(*) FROM reports;')"
    echo "run $run: killed at ${kill_ms} ms; $stored_now reports stored, $acked acknowledged"
  fi
  # A rerun completes the rest.
  "$sitrep" --db "$db" -q ingest "$work/in" >"$work/final" 2>&1
  stored="$(sqlite3 "$db" 'SELECT count(*) FROM reports;')"
  again="$(sqlite3 "$db" 'PRAGMA integrity_check;')"
  if [[ "$stored" == "$total" && "$again" == ok ]]; then
    passed=$((passed + 1))
  else
    fail "run $run: after the rerun $stored of $total reports, integrity $again"
  fi
  rm -f "$db" "$db-wal" "$db-shm"
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
