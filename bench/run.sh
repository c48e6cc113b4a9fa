#!/usr/bin/env bash
# The benchmark suite: builds the benchmark targets of a release build, runs
# each for a bounded time, then measures `sitrep ingest` end to end on a
# generated corpus and the HTTP API under wrk. Results go to bench/out/
# (one .txt per benchmark, .json for Google Benchmark ones, summary.txt).
#
#   bench/run.sh [--build DIR] [--sentences N] [--seed S] [--min-time SECONDS]
#                [--timeout SECONDS] [--skip-build] [--only NAME[,NAME...]]
#
#   --build DIR      build tree (default build/release, configured with the
#                    release preset if it does not exist yet)
#   --sentences N    size of the end-to-end corpus (default 1000000)
#   --seed S         corpus seed (default 1); the same seed gives the same files
#   --min-time S     Google Benchmark --benchmark_min_time per case (default 0.5)
#   --timeout S      wall-clock limit for each benchmark program (default 900)
#   --skip-build     use the binaries already built
#   --only NAMES     run only these of: places store picture coder coder_e2e
#                    text ingest api
# JOBS (default 2) sets the build parallelism. Numbers depend on the machine
# and on what else runs on it; BENCHMARKS.md records one run.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build/release"
sentences=1000000
seed=1
min_time=0.5
timeout_s=900
skip_build=0
only="places,store,picture,coder,coder_e2e,text,ingest,api"
while (($#)); do
  case "$1" in
    --build) build="$(realpath -m "$2")"; shift 2 ;;
    --sentences) sentences="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --min-time) min_time="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --only) only="$2"; shift 2 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$sentences" =~ ^[0-9]+$ && "$sentences" -gt 0 ]] ||
  { echo "bench/run.sh: --sentences must be a positive integer" >&2; exit 2; }

out="$root/bench/out"
mkdir -p "$out"
summary="$out/summary.txt"
: >"$summary"
note() { echo "$*" | tee -a "$summary"; }
wants() { [[ ",$only," == *",$1,"* ]]; }

# Build.
targets=(sitrep_benchmarks)
if ((!skip_build)); then
  if [[ ! -f "$build/CMakeCache.txt" ]]; then
    if [[ "$build" == "$root/build/release" ]]; then
      (cd "$root" && cmake --preset release) || exit 1
    else
      cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release || exit 1
    fi
  fi
  cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]}" || exit 1
fi
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$build/data/world.gaz}"

timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v)
[[ ${#timer[@]} -eq 0 ]] && echo "bench/run.sh: /usr/bin/time missing (Debian package time); no peak RSS" >&2

note "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
note "build: $build ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown))"

# Runs one Google Benchmark program with a time limit.
gbench() {  # gbench NAME BINARY [ARGS...]
  local name="$1" bin="$2"
  shift 2
  [[ -x "$bin" ]] || { note "$name: $bin not built"; return; }
  note "== $name"
  timeout "$timeout_s" "$bin" --benchmark_min_time="$min_time" --benchmark_counters_tabular=true \
    --benchmark_out="$out/$name.json" --benchmark_out_format=json "$@" >"$out/$name.txt" 2>&1
  local status=$?
  ((status == 124)) && note "$name: stopped after ${timeout_s} s"
  grep -E '^(BM_|-|Benchmark)' "$out/$name.txt" | tee -a "$summary"
}

wants places && gbench places "$build/src/places/sitrep_places_bench"
wants store && gbench store "$build/src/store/sitrep_store_bench"
wants picture && gbench picture "$build/src/picture/sitrep_picture_bench"
wants coder && gbench coder "$build/src/coder/sitrep_coder_bench"
wants text && gbench text "$build/src/text/text_reader_bench"

if wants coder_e2e; then
  note "== coder_e2e (sitrep-bench-coder, 200000 sentences, one thread)"
  timeout "$timeout_s" "$build/src/coder/sitrep-bench-coder" --sentences 200000 --seed "$seed" \
    >"$out/coder_e2e.txt" 2>&1
  tee -a "$summary" <"$out/coder_e2e.txt"
fi

if wants ingest; then
  corpus="$out/corpus-$sentences-seed$seed"
  if [[ ! -f "$corpus/.complete" ]]; then
    rm -rf "$corpus"
    python3 "$root/bench/make_corpus.py" "$corpus" --sentences "$sentences" --seed "$seed" \
      >"$out/corpus.tmp" || exit 1
    mv "$out/corpus.tmp" "$corpus/.complete"
  fi
  read -r files _ gen_sentences _ bytes _ <"$corpus/.complete"
  note "== ingest: $files files, $gen_sentences sentences, $bytes bytes (seed $seed)"
  db="$out/ingest.db"
  rm -f "$db" "$db-wal" "$db-shm"
  start=$(date +%s.%N)
  "${timer[@]}" "$build/src/cli/sitrep" --db "$db" --profile none -q ingest "$corpus" \
    >"$out/ingest.txt" 2>"$out/ingest.err"
  status=$?
  end=$(date +%s.%N)
  tail -1 "$out/ingest.txt" | tee -a "$summary"
  if ((status != 0)); then
    note "ingest: exit code $status after $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", b - a}') s" \
      "(see $out/ingest.err); no rates"
  else
    rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/ingest.err")"
    cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$out/ingest.err")"
    awk -v s="$gen_sentences" -v b="$bytes" -v t0="$start" -v t1="$end" -v rss="${rss_kb:-0}" \
        -v cpu="${cpu:-0}" 'BEGIN {
      wall = t1 - t0
      printf "ingest: wall %.1f s, cpu %.1f s; %.0f sentences/s, %.2f MB/s (wall); " \
             "%.0f sentences/s, %.2f MB/s (per CPU second); peak RSS %.0f MB\n",
             wall, cpu, s / wall, b / wall / 1e6, s / cpu, b / cpu / 1e6, rss / 1024
    }' | tee -a "$summary"
  fi
fi

if wants api; then
  note "== api (src/api/bench_api.sh, 10 s)"
  bash "$root/src/api/bench_api.sh" "$build" 10 >"$out/api.txt" 2>&1
  sed -n '/^---$/,$p' "$out/api.txt" | tee -a "$summary"
fi
note "results in $out"
