#!/usr/bin/env bash
# Flat in everything that grows (issue 16, point 4): time per byte and memory of the ortaq
# command and the library against a base case, when the input grows to a big file or one big
# line, the table to ten times the rules or a lexicon of 100,000 stems, and the threads sharing
# one Transliterator to 64. Prints markdown; asserts nothing (a target missed says "not met").
#
#   bench/growth.sh                      # big input of 256 MiB; builds in build-bench (Release)
#   ORTAQ_GROWTH_MB=1024 bench/growth.sh # the 1 GiB file and 1 GiB line of the issue
#
# Environment:
#   ORTAQ_GROWTH_MB        size of the big input in MiB (256); the base case is 16 MiB
#   ORTAQ_BENCH_BUILD_DIR  build directory (build-bench in the source tree)
#   ORTAQ_GROWTH_DIR       where inputs and generated tables go (/dev/shm when it exists);
#                          all deleted at the end
#
# Every figure is CPU time (user + system) per input byte, best of three runs (two for the big
# input), so that other work on a shared machine counts little, less the same command's CPU time
# on an empty input (start-up and compiling the table); peak RSS is the largest run's.
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORTAQ_BENCH_BUILD_DIR:-$src/build-bench}"
mb="${ORTAQ_GROWTH_MB:-256}"
case "$mb" in
  '' | *[!0-9]* | 0) echo "ORTAQ_GROWTH_MB must be a whole number of MiB, not '$mb'" >&2; exit 2 ;;
esac
parent="${ORTAQ_GROWTH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "$build")}"
work="$(mktemp -d "$parent/ortaq-growth.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORTAQ_BUILD_BENCH=ON > "$work/cmake.log" \
  || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$build" --target scale_bench ortaq_cli > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
ortaq="$build/tools/ortaq"
scale="$build/bench/scale_bench"
corpus="$src/../shared/corpora/kk-Cyrl"

echo "== inputs and generated tables in $work" >&2
python3 "$src/bench/make_input.py" "$corpus" "$work/base.txt" 16
python3 "$src/bench/make_input.py" "$corpus" "$work/big.txt" "$mb"
python3 "$src/bench/make_input.py" "$corpus" "$work/line.txt" "$mb" --one-line
python3 "$src/bench/make_input.py" "$corpus" "$work/corpus.txt" 1
"$ortaq" convert --from kk-Cyrl --to cta-2024 "$work/base.txt" -o "$work/base-cta.txt"
python3 "$src/bench/generate_tables.py" "$src/tables" "$work/rules10x" "$work/lexicon100k"

# One line of results per run: label, CPU s (user, system), peak RSS KiB. Each case also runs on
# an empty input (label_empty): its start-up and table compilation, taken off its time per byte.
results="$work/results.txt"
: > "$results"
measure() {  # label, runs, input, command...
  local label=$1 runs=$2 input=$3
  shift 3
  for attempt in $(seq "$runs"); do
    /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" "$input" > /dev/null
    echo "$label $(tail -1 "$work/time")" >> "$results"
    /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" /dev/null > /dev/null
    echo "${label}_empty $(tail -1 "$work/time")" >> "$results"
  done
}
cli=(convert --from kk-Cyrl --to cta-2024)
measure base 3 "$work/base.txt" "$ortaq" "${cli[@]}"
measure big 2 "$work/big.txt" "$ortaq" "${cli[@]}"
rm -f "$work/big.txt"
measure line 2 "$work/line.txt" "$ortaq" "${cli[@]}"
rm -f "$work/line.txt"
measure rules10x 3 "$work/base.txt" env ORTAQ_TABLE_PATH="$work/rules10x" "$ortaq" "${cli[@]}"
measure lexicon_base 3 "$work/base-cta.txt" "$ortaq" convert --from cta-2024 --to kk-Cyrl
measure lexicon100k 3 "$work/base-cta.txt" env ORTAQ_TABLE_PATH="$work/lexicon100k" "$ortaq" convert \
  --from cta-2024 --to kk-Cyrl
measure jobs64 3 "$work/base.txt" "$ortaq" "${cli[@]}" --jobs 64
for attempt in 1 2 3; do
  "$scale" load kk-Cyrl cta-2024 >> "$work/load.base"
  "$scale" load kk-Cyrl cta-2024 "$work/rules10x" >> "$work/load.rules10x"
  "$scale" load cta-2024 kk-Cyrl >> "$work/load.lexicon_base"
  "$scale" load cta-2024 kk-Cyrl "$work/lexicon100k" >> "$work/load.lexicon100k"
  "$scale" threads "$work/corpus.txt" kk-Cyrl cta-2024 1 >> "$work/threads.1"
  "$scale" threads "$work/corpus.txt" kk-Cyrl cta-2024 64 >> "$work/threads.64"
done

python3 - "$work" "$mb" <<'PY'
import collections, os, sys
work, mb = sys.argv[1], int(sys.argv[2])
cta_bytes = os.path.getsize(f"{work}/base-cta.txt")
base_bytes = os.path.getsize(f"{work}/base.txt")
corpus_bytes = os.path.getsize(f"{work}/corpus.txt")
big_bytes = corpus_bytes * -(-(mb << 20) // corpus_bytes)  # the whole copies make_input.py writes
runs = collections.defaultdict(list)
for line in open(f"{work}/results.txt"):
    label, user, system, rss = line.split()
    runs[label].append((float(user) + float(system), int(rss) / 1024))
def per_byte(label):
    """ns per byte without start-up, peak RSS, bytes, CPU s, start-up CPU s."""
    n = cta_bytes if label.startswith("lexicon") else big_bytes if label in ("big", "line") else base_bytes
    cpu = min(r[0] for r in runs[label])
    startup = min(r[0] for r in runs[label + "_empty"])
    return max(cpu - startup, 0) / n * 1e9, max(r[1] for r in runs[label]), n, cpu, startup
def kv(path):
    return [dict(p.split("=") for p in l.split()) for l in open(path) if l.strip()]
print("### Growth: time per byte and memory (CPU time, best of the runs; peak RSS, the largest)")
print()
print("| case | input MB | CPU s | of which start-up | ns per byte (start-up off) | vs base | peak RSS MiB (≤ 16) |")
print("|---|---:|---:|---:|---:|---:|---:|")
base_ns = per_byte("base")[0]
lex_ns = per_byte("lexicon_base")[0]
verdicts = []
rows = [("base", "base: kk-Cyrl → cta-2024, corpus repeated to 16 MiB, lines", base_ns),
        ("big", f"a file of {mb} MiB (the same text)", base_ns),
        ("line", f"one line of {mb} MiB (newlines made spaces)", base_ns),
        ("rules10x", "a table with 10× the rules (generated), 16 MiB", base_ns),
        ("jobs64", "`--jobs 64` (64 threads, one Transliterator), 16 MiB", base_ns),
        ("lexicon_base", "base: cta-2024 → kk-Cyrl, its own lexicon (646 stems), 16 MiB forward-converted", lex_ns),
        ("lexicon100k", "cta-2024 → kk-Cyrl with a lexicon of 100,000 generated stems", lex_ns)]
for label, name, reference in rows:
    ns, rss, n, cpu, startup = per_byte(label)
    ratio = ns / reference
    flat = label in ("base", "lexicon_base") or ratio <= 1.2
    verdicts.append((name, ratio, rss, flat))
    print(f"| {name} | {n / 1e6:,.0f} | {cpu:.2f} | {startup:.2f} | {ns:.2f} | "
          f"{ratio:.2f}× {'' if flat else '(**> 1.2**)'} | {rss:.1f}{'' if rss <= 16 else ' (**> 16**)'} |")
print()
print("Compiling the table (library, `scale_bench load`; best of three):")
print()
print("| table | CPU ms | RSS added MiB |")
print("|---|---:|---:|")
for label, name in [("base", "kk-Cyrl → cta-2024"), ("rules10x", "kk-Cyrl → cta-2024 with 10× the rules"),
                    ("lexicon_base", "cta-2024 → kk-Cyrl (646 stems)"),
                    ("lexicon100k", "cta-2024 → kk-Cyrl with 100,000 stems")]:
    rows_ = kv(f"{work}/load.{label}")
    print(f"| {name} | {1000 * min(float(r['cpu']) for r in rows_):,.1f} | "
          f"{max(int(r['rss_added_kib']) for r in rows_) / 1024:,.1f} |")
print()
one = min(float(r["cpu"]) / int(r["bytes"]) for r in kv(f"{work}/threads.1")) * 1e9
many = min(float(r["cpu"]) / int(r["bytes"]) for r in kv(f"{work}/threads.64")) * 1e9
print(f"Library, line by line, threads sharing one Transliterator (`scale_bench threads`, the corpus once per "
      f"thread): 1 thread {one:.2f} ns/byte of CPU, 64 threads {many:.2f} ns/byte ({many / one:.2f}×; "
      f"{'met' if many / one <= 1.2 else '**not met**'}: ≤ 1.2×)")
print()
bad = [v for v in verdicts if not v[3] or v[2] > 16]
print("target: every case within 20% of its base per byte, and ≤ 16 MiB: "
      + ("met" if not bad else "**not met** for " + "; ".join(v[0] for v in bad)))
PY
