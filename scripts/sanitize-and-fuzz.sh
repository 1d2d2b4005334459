#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, then each libFuzzer
# target of tests/fuzz/ for a bounded time.
#
#   bash scripts/sanitize-and-fuzz.sh                 (ORTAQ_FUZZ_SECONDS per fuzzer, default 60)
#
# 1. build-asan/: clang++ with -DORTAQ_SANITIZE=ON (library, CLI and tests); ctest runs once.
# 2. build-tsan/: clang++ with -DORTAQ_TSAN=ON; the tests that run threads (a shared
#    Transliterator, TransliterateRange, the command's --jobs) under ThreadSanitizer.
# 3. build-fuzz/: clang++ with -DORTAQ_FUZZ=ON; tests/fuzz/run-fuzzers.sh runs fuzz_table,
#    fuzz_engine and fuzz_stream, seeded from tables/ and corpora/, and prints how many inputs
#    each executed. Findings are saved in build-fuzz/fuzz-artifacts/ (reproduce one with
#    build-fuzz/tests/fuzz/TARGET FILE).
# Exits non-zero when a test fails, a sanitizer reports an error, or a fuzzer crashes or hangs.
# Both steps run even when the first fails. Uses clang++ (Debian 12: clang 14, with
# libclang-rt-14-dev; scripts/install-deps.sh installs them); ORTAQ_CLANG=clang++-NN chooses another.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/install-deps.sh || exit 2

cxx="${ORTAQ_CLANG:-clang++}"
if ! command -v "$cxx" > /dev/null; then
  echo "sanitize-and-fuzz: $cxx not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi
cc="${cxx/clang++/clang}"
version="${cxx#clang++}"
for s in "llvm-symbolizer$version" llvm-symbolizer; do
  if command -v "$s" > /dev/null; then export ASAN_SYMBOLIZER_PATH="$(command -v "$s")"; break; fi
done
echo "== sanitize-and-fuzz: $("$cxx" --version | head -1)"

# -O1 -g: quick to build, fast enough to run, and good stack traces.
common=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g"
        -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc"
        -DORTAQ_BUILD_BENCH=OFF)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failures=0
passed=0

# ---- 1. the test suite under ASan + UBSan ------------------------------------------------------
phase=$(date +%s)
echo "== 1/3: ctest under ASan + UBSan (build-asan/)"
if cmake -S . -B build-asan "${common[@]}" -DORTAQ_SANITIZE=ON > /dev/null && cmake --build build-asan; then
  if ctest --test-dir build-asan --output-on-failure -j2; then
    passed=$((passed + 1))
  else
    echo "== ctest under ASan + UBSan FAILED"
    failures=$((failures + 1))
  fi
else
  echo "== the ASan + UBSan build FAILED"
  failures=$((failures + 1))
fi
echo "== 1/3 took $(( $(date +%s) - phase ))s"

# ---- 2. the threading tests under ThreadSanitizer -------------------------------------------------
# Only the tests that run threads: a Transliterator shared by threads, TransliterateRange, and the
# command's --jobs. The rest of the suite is single-threaded and gains nothing from TSan.
phase=$(date +%s)
echo "== 2/3: threading tests under TSan (build-tsan/)"
tsan_tests='Thread|Jobs'
if cmake -S . -B build-tsan "${common[@]}" -DORTAQ_TSAN=ON > /dev/null &&
   cmake --build build-tsan --target engine_api_test cli_test ortaq_cli; then
  if TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
     ctest --test-dir build-tsan --output-on-failure -j2 -R "$tsan_tests" --no-tests=error; then
    passed=$((passed + 1))
  else
    echo "== threading tests under TSan FAILED"
    failures=$((failures + 1))
  fi
else
  echo "== the TSan build FAILED"
  failures=$((failures + 1))
fi
echo "== 2/3 took $(( $(date +%s) - phase ))s"

# ---- 3. the fuzzers --------------------------------------------------------------------------------
phase=$(date +%s)
echo "== 3/3: libFuzzer targets, ${ORTAQ_FUZZ_SECONDS:-60}s each (build-fuzz/)"
if cmake -S . -B build-fuzz "${common[@]}" -DORTAQ_FUZZ=ON -DORTAQ_BUILD_TESTS=OFF > /dev/null &&
   cmake --build build-fuzz --target fuzz_table fuzz_engine fuzz_stream; then
  bash tests/fuzz/run-fuzzers.sh build-fuzz 2>&1 | tee build-fuzz/fuzz-run.log
  status=${PIPESTATUS[0]}
  ok=$(grep -cE '^   fuzz_[a-z]+: .* no crash$' build-fuzz/fuzz-run.log)
  bad=$(grep -cE '^   fuzz_[a-z]+: FAILED' build-fuzz/fuzz-run.log)
  passed=$((passed + ok))
  failures=$((failures + bad))
  if [ "$status" -ne 0 ]; then
    echo "== fuzzing FAILED: see build-fuzz/fuzz-artifacts/"
    [ "$bad" -gt 0 ] || failures=$((failures + 1))  # it could not run the fuzzers at all
  fi
else
  echo "== the fuzzer build FAILED"
  failures=$((failures + 1))
fi
echo "== 3/3 took $(( $(date +%s) - phase ))s"

echo "== sanitize-and-fuzz took $(( $(date +%s) - start ))s"
# The ASan test suite counts as one check, the TSan tests as one, each fuzzer as one.
echo "sanitize-and-fuzz: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
