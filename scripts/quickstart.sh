#!/usr/bin/env bash
# One command for a new user on a fresh Debian machine: installs what is needed, builds ortaq
# (Release) into build/, and converts the project's sample text into the Common Turkic Alphabet.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build
echo
echo "== corpora/sample-kk-Cyrl.txt, Kazakh Cyrillic:"
cat corpora/sample-kk-Cyrl.txt
echo
echo "== ortaq convert --from kk-Cyrl --to cta-2024 corpora/sample-kk-Cyrl.txt"
build/tools/ortaq convert --from kk-Cyrl --to cta-2024 corpora/sample-kk-Cyrl.txt
