#!/usr/bin/env bash
# Speed per corpus file and per table (bench/table_bench.cpp, outputs checked against the
# reference engine first), then the ortaq command against ICU's uconv per file (bench/uconv.sh).
#
#   bench/tables.sh                       # builds in build-bench (Release), prints markdown
#   ORTAQ_BENCH_BUILD_DIR=build bench/tables.sh
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORTAQ_BENCH_BUILD_DIR:-$src/build-bench}"
log="$(mktemp /tmp/ortaq-tables.XXXXXX)"
trap 'rm -f "$log"' EXIT

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORTAQ_BUILD_BENCH=ON > "$log" \
  || { cat "$log" >&2; exit 1; }
cmake --build "$build" --target table_bench ortaq_cli > "$log" 2>&1 || { cat "$log" >&2; exit 1; }

echo "### Per file and per table"
echo
"$build/bench/table_bench"

echo
# The command against uconv per file (bench/uconv.sh, also run by bench/io.sh).
ORTAQ_BENCH_BUILD_DIR="$build" "$src/bench/uconv.sh"
