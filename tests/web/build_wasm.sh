#!/usr/bin/env bash
# Builds the WebAssembly library (editors/js/wasm) with emscripten in a CMake configure of its
# own, then lays out in the build tree the npm package (package/) and the page (page/).
#   build_wasm.sh SOURCE_DIR WEB_BUILD_DIR UNICODE_DATA_INC
set -euo pipefail
src=$1 out=$2 data=$3
start=$(date +%s)
# Debian's emscripten runs its JavaScript optimiser under node with Debian's node-acorn, which a
# node from elsewhere (nodesource) does not look for.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# CMake's Ninja when there is one; emcmake picks the compilers.
generator=()
if command -v ninja > /dev/null; then generator=(-G Ninja); fi
emcmake cmake -S "$src/editors/js/wasm" -B "$out/wasm" "${generator[@]}" -DORTAQ_UNICODE_DATA="$data" > "$out/wasm-configure.log"
cmake --build "$out/wasm"
rm -rf "$out/package" "$out/page"
mkdir -p "$out/package" "$out/page"
cp "$src/editors/js/package.json" "$src/editors/js/index.js" "$src/editors/js/index.d.ts" "$src/editors/js/README.md" \
   "$out/wasm/ortaq.js" "$out/package/"
cp "$src/editors/web/index.html" "$src/editors/web/README.md" "$src/editors/js/index.js" "$out/wasm/ortaq.js" "$out/page/"
echo "web_wasm_build: ortaq.js $(stat -c %s "$out/wasm/ortaq.js") bytes, built in $(( $(date +%s) - start )) s"
