#!/usr/bin/env bash
# Runs each libFuzzer target of a build made with -DORTAQ_FUZZ=ON for a bounded time.
#
#   bash tests/fuzz/run-fuzzers.sh BUILD_DIR            (ORTAQ_FUZZ_SECONDS per target, default 60)
#
# Seeds are generated afresh from tables/ and corpora/ (make-seeds.py) into BUILD_DIR/fuzz-seeds;
# what the fuzzers find goes to BUILD_DIR/fuzz-corpus (kept between runs, read as more seeds);
# a crash, a hang (-timeout) or an out-of-memory input is saved as BUILD_DIR/fuzz-artifacts/
# TARGET-crash-* etc. (that folder is emptied at the start of each run). Prints the executions of each target; exits non-zero when any target failed.
# Reproduce a finding with:  BUILD_DIR/tests/fuzz/TARGET FILE
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:?usage: run-fuzzers.sh BUILD_DIR}" && pwd)"
seconds="${ORTAQ_FUZZ_SECONDS:-60}"

rm -rf "$build/fuzz-seeds" "$build/fuzz-artifacts"  # findings of an earlier run go too
python3 "$here/make-seeds.py" "$build/fuzz-seeds" || exit 2
mkdir -p "$build/fuzz-artifacts"

if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for s in llvm-symbolizer llvm-symbolizer-14; do
    if command -v "$s" > /dev/null; then export ASAN_SYMBOLIZER_PATH="$(command -v "$s")"; break; fi
  done
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=0
summary=()
for target in fuzz_table fuzz_engine fuzz_stream; do
  binary="$build/tests/fuzz/$target"
  if [ ! -x "$binary" ]; then
    echo "run-fuzzers: $binary is missing (configure with -DORTAQ_FUZZ=ON)" >&2
    exit 2
  fi
  name="${target#fuzz_}"
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$build/fuzz-artifacts/$target-")
  case "$name" in
    table) args+=(-dict="$here/table.dict") ;;
    *) args+=(-max_len=4096) ;;
  esac
  log="$build/fuzz-artifacts/$target.log"
  echo "== $target: ${seconds}s (log: $log)"
  "$binary" "${args[@]}" "$corpus" "$build/fuzz-seeds/$name" > "$log" 2>&1
  status=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  [ -n "$runs" ] || runs="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)"
  grep -E "^Done [0-9]+ runs|^stat::number_of_executed_units|^stat::peak_rss_mb" "$log"
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "== $target FAILED (exit $status); the end of its log:"
    tail -n 60 "$log"
    ls -1 "$build/fuzz-artifacts/" | grep -E "^$target-(crash|leak|timeout|oom|slow-unit)-" | sed "s|^|   artifact: $build/fuzz-artifacts/|"
    summary+=("$target: FAILED after ${runs:-?} executions")
  else
    summary+=("$target: ${runs:-?} executions, no crash")
  fi
done

echo "== fuzzing summary (${seconds}s per target)"
printf '   %s\n' "${summary[@]}"
exit "$failed"
