#!/usr/bin/env bash
# Installs the Debian packages ortaq needs to build and test, when they are missing.
# Runs apt-get as root (directly, or through sudo when not root).
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libicu-dev icu-devtools libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev python3)
# scripts/sanitize-and-fuzz.sh: clang (14 on Debian 12), its ASan/UBSan and libFuzzer runtimes
# (libclang-rt-14-dev; libfuzzer-14-dev is not needed) and llvm-symbolizer for stack traces (llvm).
packages+=(clang libclang-rt-14-dev llvm)
# The Python module (lib/python/) and its tests (tests/python/): pybind11 and the headers to build
# it; pandas and Dask's distributed for the pandas test and examples/dask_convert.py's test.
packages+=(pybind11-dev python3-dev python3-pandas python3-distributed)
# tests/cli/docs_test.py (ctest cli_docs): groff and man check the man page, zsh parses its completion.
packages+=(groff-base man-db zsh)
# tests/editors (ctest editors_*): the editor integrations of editors/ run inside the real editors.
packages+=(neovim vim emacs-nox)
# tests/compare (ortaq compare's keystrokes): the keyboard layouts of xkb-data.
packages+=(xkb-data)
# tests/editors/xkb_test.py (ctest editors_xkb): xkbcomp compiles `ortaq export --format xkb`.
packages+=(x11-xkb-utils)
# tests/editors/xcompose_test.py (ctest editors_xcompose): libxkbcommon types the layout with the
# XCompose file of `ortaq export --format xcompose`; the locale's Compose file comes from libx11-data.
packages+=(libxkbcommon0 libx11-data)
# tests/web (ctest -L web): the WebAssembly build with emscripten (3.1.6 in Debian 12; its
# optimiser needs node, which it depends on), the npm package's tests under node, and the page
# in headless chromium.
packages+=(emscripten nodejs chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
