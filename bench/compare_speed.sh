#!/bin/sh
# How fast `ortaq compare` reads a corpus, against `ortaq convert` with the same tables (issue 14:
# one pass per proposal at no less than a third of convert's speed). For 1, 2 and 4 proposals,
# prints the seconds of `compare` and of one `convert` per proposal (summed), in wall-clock time
# and in CPU time (user + system), and the ratios convert / compare (1.0 = as fast as convert;
# the target is >= 0.33). On a busy machine the CPU ratio is the steadier of the two.
#
#   bench/compare_speed.sh [BUILD_DIR] [MIB]      # defaults: build, 20 MiB of ../shared/corpora/kk-Cyrl
#
# The corpus is every ../shared/corpora/kk-Cyrl/*.txt concatenated and repeated to MIB MiB.
# Each command runs five times; the best wall and the best CPU time count (python3 reads the
# children's CPU time to the microsecond).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
mib=${2:-20}
ortaq=$build/tools/ortaq
corpora=$here/../shared/corpora/kk-Cyrl
[ -x "$ortaq" ] || { echo "compare_speed: build $ortaq first" >&2; exit 1; }
command -v python3 > /dev/null || { echo "compare_speed: needs python3" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/corpus.txt"
while [ "$(wc -c < "$work/corpus.txt")" -lt $((mib * 1048576)) ]; do cat "$corpora"/*.txt >> "$work/corpus.txt"; done
bytes=$(wc -c < "$work/corpus.txt")

best() {  # "WALL CPU": the best seconds of five runs of "$@", output discarded
  python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
walls, cpus = [], []
for _ in range(5):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    walls.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
print(min(walls), min(cpus))
EOF
}

printf 'corpus: %s bytes\n' "$bytes"
printf '%-2s %-52s %9s %9s %6s %9s %9s %6s\n' n proposals convert_s compare_s wall convert_cpu compare_cpu cpu
for set in "cta-2024" "cta-2024 kk-Latn-2021" "cta-2024 cta-2024:kk-i=ï kk-Latn-2021 kk-Latn-2018"; do
  convert_wall=0 convert_cpu=0 n=0
  for p in $set; do
    table=${p%%:*}
    sets=""
    case $p in *:*) sets="--set ${p#*:}" ;; esac
    # shellcheck disable=SC2086
    t=$(best "$ortaq" convert --from kk-Cyrl --to "$table" $sets "$work/corpus.txt")
    convert_wall=$(echo "$convert_wall $t" | awk '{ print $1 + $2 }')
    convert_cpu=$(echo "$convert_cpu $t" | awk '{ print $1 + $3 }')
    n=$((n + 1))
  done
  # shellcheck disable=SC2086
  t=$(best "$ortaq" compare --from kk-Cyrl $set "$work/corpus.txt")
  echo "$n|$set|$convert_wall|$convert_cpu|$t" | awk -F'|' '{
    split($5, c, " ");
    printf "%-2s %-52s %9.3f %9.3f %6.2f %11.3f %11.3f %6.2f\n", $1, $2, $3, c[1], $3 / c[1], $4, c[2], $4 / c[2] }'
done
