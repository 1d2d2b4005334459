#!/bin/sh
# How fast `ortaq compare` reads a corpus, against `ortaq convert` with the same table (issue 14:
# one pass per proposal at no less than a third of convert's speed). Prints the seconds of each
# and the ratio convert_time / compare_time per proposal (1.0 = as fast as convert; the target is
# >= 0.33).
#
#   bench/compare_speed.sh [BUILD_DIR] [MIB]      # defaults: build, 20 MiB of ../shared/corpora/kk-Cyrl
#
# The corpus is every ../shared/corpora/kk-Cyrl/*.txt concatenated and repeated to MIB MiB.
# Each command runs three times; the best time counts.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
mib=${2:-20}
ortaq=$build/tools/ortaq
corpora=$here/../shared/corpora/kk-Cyrl
[ -x "$ortaq" ] || { echo "compare_speed: build $ortaq first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/corpus.txt"
while [ "$(wc -c < "$work/corpus.txt")" -lt $((mib * 1048576)) ]; do cat "$corpora"/*.txt >> "$work/corpus.txt"; done
bytes=$(wc -c < "$work/corpus.txt")

best() {  # best wall-clock seconds of three runs of "$@"
  b=""
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    t=$(awk "BEGIN { print $e - $s }")
    if [ -z "$b" ] || awk "BEGIN { exit !($t < $b) }"; then b=$t; fi
  done
  echo "$b"
}

printf 'corpus: %s bytes\n' "$bytes"
printf '%-32s %10s %10s %8s\n' proposals convert_s compare_s ratio
for set in "cta-2024" "kk-Latn-2018" "cta-2024 cta-2024:kk-i=ï kk-Latn-2021 kk-Latn-2018 kk-Latn-2017"; do
  convert=0
  for p in $set; do
    table=${p%%:*}
    sets=""
    case $p in *:*) sets="--set ${p#*:}" ;; esac
    # shellcheck disable=SC2086
    t=$(best "$ortaq" convert --from kk-Cyrl --to "$table" $sets "$work/corpus.txt")
    convert=$(awk "BEGIN { print $convert + $t }")
  done
  # shellcheck disable=SC2086
  compare=$(best "$ortaq" compare --from kk-Cyrl $set "$work/corpus.txt")
  printf '%-32s %10.2f %10.2f %8.2f\n' "$(echo $set | cut -c1-32)" "$convert" "$compare" "$(awk "BEGIN { print $convert / $compare }")"
done
