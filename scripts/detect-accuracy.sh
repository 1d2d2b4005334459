#!/bin/sh
# Prints detection accuracy per folder of ../shared/corpora (whole files and per line; lines of
# fewer than 20 letters are counted apart as too short) and per CTA version made from the Kazakh
# corpus. The figures come from tests/detect/detect_corpus_test.cpp, which also checks the floors.
# Usage: scripts/detect-accuracy.sh [BUILD_DIR]   (default: build)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
: "${ORTAQ_SHARED_CORPORA:=$root/../shared/corpora}"
export ORTAQ_SHARED_CORPORA
"$build/tests/detect/detect_test" --gtest_filter='DetectCorpusTest.*' | grep '^|'
