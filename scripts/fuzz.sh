#!/usr/bin/env bash
# Builds every libFuzzer target (the `fuzz` preset: clang, ASan, UBSan) and
# runs each for a short, bounded time on a copy of its seed corpus.
#
#   scripts/fuzz.sh [SECONDS]     SECONDS per fuzzer (default 20)
#
# docs/fuzzing.md says how to run one for hours.
set -euo pipefail
seconds="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh deps
fuzzers=$(grep -ho 'sitrep_fuzzer([a-z_]*' src/*/CMakeLists.txt | sed 's/sitrep_fuzzer(//')
cmake --preset fuzz -DSITREP_FUZZ_SECONDS="$seconds" >/dev/null
# shellcheck disable=SC2086
cmake --build --preset fuzz -j "$(nproc)" --target $fuzzers
ctest --preset fuzz -j "$(nproc)" --timeout $((seconds * 4 + 60))
