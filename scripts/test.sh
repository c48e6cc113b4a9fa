#!/usr/bin/env bash
# Sets up what sitrep needs (scripts/setup.sh), builds, and runs every test.
#
#   scripts/test.sh [PRESET]     PRESET: dev (default; warnings as errors), asan, release
set -euo pipefail
preset="${1:-dev}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh "$preset"
ctest --preset "$preset" -j "$(nproc)" --timeout 900
