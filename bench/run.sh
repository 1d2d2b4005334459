#!/usr/bin/env bash
# ortaq against ICU, and the ortaq command on a big file. Builds what it needs (Release) in its
# own build directory, runs bench/compare_bench once with JSON output, and prints markdown tables.
#
#   bench/run.sh                                   # corpus repeated to 10 MiB, CLI on 1 GiB
#   ORTAQ_BENCH_MB=10 ORTAQ_CLI_MB=200 bench/run.sh
#   bench/run.sh --benchmark_min_time=2            # further arguments go to compare_bench
#
# Environment:
#   ORTAQ_BENCH_MB         size of compare_bench's text in MiB (whole copies of the corpus; 10)
#   ORTAQ_CLI_MB           size of the file given to `ortaq convert`, in MiB (1024); 0 skips it
#   ORTAQ_BENCH_BUILD_DIR  build directory (build-bench in the source tree)
#   ORTAQ_BENCH_OUT        where the JSON, the log and the temporary files go (a new /tmp dir)
# Needs cmake, ninja, python3, Google Benchmark, ICU; /usr/bin/time for the CLI part.
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORTAQ_BENCH_BUILD_DIR:-$src/build-bench}"
cli_mb="${ORTAQ_CLI_MB:-1024}"
out_dir="${ORTAQ_BENCH_OUT:-$(mktemp -d /tmp/ortaq-bench.XXXXXX)}"
mkdir -p "$out_dir"
json="$out_dir/compare_bench.json"
cli_in="$out_dir/cli-input.txt"
cli_out="$out_dir/cli-output.txt"
cli_time="$out_dir/cli-time.txt"
cleanup() { rm -f "$cli_in" "$cli_out"; }
trap cleanup EXIT

case "$cli_mb" in
  '' | *[!0-9]*) echo "ORTAQ_CLI_MB must be a whole number of MiB, not '$cli_mb'" >&2; exit 2 ;;
esac

echo "== building compare_bench and the ortaq command (Release) in $build" >&2
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORTAQ_BUILD_TESTS=OFF \
  -DORTAQ_BUILD_BENCH=ON > "$out_dir/cmake.log" || { cat "$out_dir/cmake.log" >&2; exit 1; }
cmake --build "$build" --target compare_bench ortaq_cli > "$out_dir/build.log" 2>&1 \
  || { cat "$out_dir/build.log" >&2; exit 1; }
if grep -q "warning:" "$out_dir/build.log"; then
  echo "compiler warnings (see $out_dir/build.log):" >&2
  grep "warning:" "$out_dir/build.log" >&2
fi

echo "== compare_bench (output check, then the benchmarks; about a minute)" >&2
# stderr (the output check) is shown as it comes and kept; stdout (JSON again) is kept.
# Five repetitions of each benchmark, interleaved in a random order (a burst of other work on
# this shared machine then hits repetitions of different benchmarks, not all of one); the
# tables show the median.
"$build/bench/compare_bench" --benchmark_format=json --benchmark_out="$json" --benchmark_repetitions=5 \
  --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true "$@" \
  2>&1 > "$out_dir/compare_bench.stdout" | tee "$out_dir/compare_bench.stderr" >&2

python3 - "$json" <<'PY'
import json, sys

data = json.load(open(sys.argv[1]))
ctx = data["context"]
runs = {}
for b in data["benchmarks"]:
    # The median of the repetitions (or the single run when there are none).
    if b.get("run_type") == "aggregate":
        if b.get("aggregate_name") != "median":
            continue
        name = b["run_name"].replace("/real_time", "")
    elif b.get("run_type", "iteration") == "iteration":
        name = b["name"].replace("/real_time", "")
        if name in runs:
            continue
    else:
        continue
    runs[name] = b

def find(prefix):
    # The exact name, else a name that adds "/..." (threads, arguments) or "_..." (a note).
    if prefix in runs:
        return runs[prefix]
    for name, b in runs.items():
        if name.startswith(prefix + "/") or name.startswith(prefix + "_"):
            return b
    return None

def mbps(prefix):
    b = find(prefix)
    if not b or "bytes_per_second" not in b or b.get("error_occurred"):
        return None
    return b["bytes_per_second"] / 1e6

def fmt(v):
    return "—" if v is None else f"{v:,.1f}"

def ms(prefix):
    b = find(prefix)
    if not b or b.get("error_occurred"):
        return None
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
    return b["real_time"] * scale

differ = ctx.get("differing_lines", "?")
lines = ctx.get("checked_lines", "?")
text_mb = int(ctx.get("text_bytes", "0")) / 1e6
print()
load = ", ".join(f"{x:.2f}" for x in ctx.get("load_avg", []))
print(f"Kazakh Cyrillic → CTA 2024 on {text_mb:.1f} MB of real text (the corpus repeated), "
      f"{ctx.get('num_cpus', '?')} CPUs, load average {load or '?'} at the start. "
      f"MB/s = 10^6 bytes of UTF-8 input per second, wall clock; the median of five repetitions.")
print()
print(f"**Output check: {differ} of {lines} lines differ between ortaq and the ICU rules**"
      + (" (identical output)." if differ == "0" else " — the ratios compare unequal work."))
print()
print("| mode | ortaq MB/s | ICU MB/s | ratio |")
print("|---|---:|---:|---:|")
rows = [
    ("line by line", "ortaq/line_by_line", "icu/line_by_line"),
    ("whole buffer", "ortaq/whole_buffer", None),
    ("stream, 4 KiB chunks", "ortaq/stream_4KiB_chunks", None),
    ("line by line, 2 threads sharing one Transliterator", "ortaq/line_by_line_2_threads_one_transliterator", None),
    ("one line of 1 MiB", "ortaq/one_line_1MiB", "icu/one_line_1MiB"),
    ("one line of 8 MiB (ICU: time grows with the square of the length)", "ortaq/one_line_8MiB", "icu/one_line_8MiB"),
    ("one line of 64 MiB (ICU not run: minutes)", "ortaq/one_line_64MiB", None),
]
for label, o, i in rows:
    ov, iv = mbps(o), (mbps(i) if i else None)
    ratio = f"{ov / iv:.1f}×" if ov and iv else "—"
    print(f"| {label} | {fmt(ov)} | {fmt(iv)} | {ratio} |")
print()
print("Other tables on the same text (no ICU rule set to compare with), and kk-Cyrl → cta-2024 with "
      "the options the ortaq command uses (pass-through of URLs and the like, look-alike repair):")
print()
print("| table | line by line MB/s | whole buffer MB/s |")
print("|---|---:|---:|")
for label, key in [("kk-Cyrl → kk-Latn-2021", "kk-Latn-2021"), ("kk-Cyrl → kk-Latn-2018", "kk-Latn-2018"),
                   ("kk-Cyrl → kk-Latn-2017", "kk-Latn-2017"), ("kk-Cyrl → cta-1991", "cta-1991"),
                   ("kk-Cyrl → cta-2024, command's options", "cta-2024_defaults")]:
    print(f"| {label} | {fmt(mbps(f'other/{key}/line_by_line'))} | {fmt(mbps(f'other/{key}/whole_buffer'))} |")
print()
print("Other sources, whole buffer, with the command's options (Turkish: ../shared/corpora/tr-Latn; "
      "Latin-script Kazakh: the corpus above converted once by ortaq):")
print()
print("| table | MB/s |")
print("|---|---:|")
for pair in ["tr-Latn--cta-2024", "cta-2024--tr-Latn", "cta-2024--kk-Cyrl", "kk-Latn-2021--kk-Cyrl"]:
    print(f"| {pair.replace('--', ' → ')} | {fmt(mbps(f'source/{pair}/whole_buffer'))} |")
print()
print("| floor (same bytes) | MB/s |")
print("|---|---:|")
print(f"| memcpy | {fmt(mbps('floor/memcpy'))} |")
print(f"| ICU u_strFromUTF8 (UTF-8 → UTF-16, whole text) | {fmt(mbps('floor/icu_u_strFromUTF8'))} |")
print(f"| ICU UnicodeString::fromUTF8 + toUTF8String, line by line (no transliteration) | "
      f"{fmt(mbps('floor/icu_fromUTF8_toUTF8String_line_by_line'))} |")
print()
print("| load | ms |")
print("|---|---:|")
def fms(v):
    return "—" if v is None else f"{v:.3f}"
print(f"| ortaq Transliterator::FromIds(\"kk-Cyrl\", \"cta-2024\") (read, parse, compile 3 files) | {fms(ms('load/ortaq_FromIds'))} |")
print(f"| ICU createFromRules (bench/icu/kk-Cyrl-cta-2024.txt) | {fms(ms('load/icu_createFromRules'))} |")
bid = ctx.get("icu_builtin_id")
if bid:
    first = float(ctx.get("icu_builtin_first_load_ms", "nan"))
    print(f"| ICU createInstance(\"{bid}\"), first call (builds it, registry set-up included) | {first:.3f} |")
    print(f"| ICU createInstance(\"{bid}\"), later calls (copied from ICU's cache) | "
          f"{fms(ms('load/icu_createInstance_cached'))} |")
else:
    print("| ICU built-in Kazakh-Latin/BGN | not in this ICU |")

# The project's targets for these figures, each with what this run measured.
def verdict(ok):
    return "—" if ok is None else ("met" if ok else "**not met**")
lbl, icu_lbl = mbps("ortaq/line_by_line"), mbps("icu/line_by_line")
long_line, load = mbps("ortaq/one_line_64MiB"), ms("load/ortaq_FromIds")
print()
print("| target | this run | |")
print("|---|---|---|")
print(f"| kk-Cyrl → cta-2024 at 1 GB/s or more on one core, line by line | {fmt(lbl)} MB/s | "
      f"{verdict(None if lbl is None else lbl >= 1000)} |")
ratio = lbl / icu_lbl if lbl and icu_lbl else None
print(f"| 30× ICU or more, line by line, on equal output | "
      f"{'—' if ratio is None else f'{ratio:.1f}×'} | {verdict(None if ratio is None else ratio >= 30 and differ == '0')} |")
gap = long_line / lbl - 1 if long_line and lbl else None
print(f"| one line of 64 MiB within 10% of line by line | "
      f"{'—' if gap is None else f'{gap:+.1%} ({fmt(long_line)} against {fmt(lbl)} MB/s)'} | "
      f"{verdict(None if gap is None else abs(gap) <= 0.10)} |")
print(f"| loading a table in under 1 ms | {fms(load)} ms | {verdict(None if load is None else load < 1)} |")
PY

echo
# Per corpus file and per table, and the command against uconv per file (bench/tables.sh).
ORTAQ_BENCH_BUILD_DIR="$build" "$src/bench/tables.sh"
echo
echo "### The ortaq command on a big file"
echo
if [ "$cli_mb" -eq 0 ]; then
  echo "skipped (ORTAQ_CLI_MB=0)"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time is missing. Install it with: sudo apt-get install time"
  exit 0
fi
corpus_dir="$src/../shared/corpora/kk-Cyrl"
python3 "$src/bench/make_input.py" "$corpus_dir" "$cli_in" "$cli_mb"
# The same bytes as one single line (newlines turned into spaces): memory must not depend on
# line length.
cli_line="$cli_in.oneline"
python3 "$src/bench/make_input.py" "$corpus_dir" "$cli_line" "$cli_mb" --one-line
size=$(stat -c %s "$cli_in")
# Each run three times; the table shows the fastest (the machine is shared and noisy: the
# slowest is mostly other work), with the slowest beside it.
run_cli() {  # label, output ("-o" file or "null"), input, extra arguments...
  local label=$1 output=$2 input=$3
  shift 3
  for attempt in 1 2 3; do
    if [ "$output" = null ]; then
      /usr/bin/time -v -o "$cli_time.$label.$attempt" "$build/tools/ortaq" convert --from kk-Cyrl --to cta-2024 "$@" "$input" > /dev/null
    else
      /usr/bin/time -v -o "$cli_time.$label.$attempt" "$build/tools/ortaq" convert --from kk-Cyrl --to cta-2024 "$@" "$input" -o "$cli_out"
      rm -f "$cli_out"
    fi
  done
}
cat "$cli_in" > /dev/null  # into the page cache
run_cli lines file "$cli_in"
run_cli oneline file "$cli_line"
run_cli jobs2 file "$cli_in" --jobs 2
run_cli lines_null null "$cli_in"
run_cli jobs2_null null "$cli_in" --jobs 2
rm -f "$cli_line"
python3 - "$cli_time" "$size" <<'PY'
import re, sys
base, size = sys.argv[1], int(sys.argv[2])
def read_one(path):
    text = open(path).read()
    def field(name):
        m = re.search(re.escape(name) + r".*?:\s*(\S+)\s*$", text, re.M)
        return m.group(1) if m else None
    seconds = 0.0
    for part in field("Elapsed (wall clock) time").split(":"):
        seconds = seconds * 60 + float(part)
    return seconds, float(field("User time (seconds)")), float(field("System time (seconds)")), \
        int(field("Maximum resident set size (kbytes)")) / 1024
def read(label):
    runs = sorted(read_one(f"{base}.{label}.{k}") for k in (1, 2, 3))
    best = runs[0]
    return best + (runs[-1][0], max(r[3] for r in runs))
rows = [("lines", "one thread, text in lines, `-o OUT`"), ("oneline", "one thread, the same bytes as one line, `-o OUT`"),
        ("jobs2", "`--jobs 2`, text in lines, `-o OUT`"), ("lines_null", "one thread, text in lines, `> /dev/null`"),
        ("jobs2_null", "`--jobs 2`, text in lines, `> /dev/null`")]
print(f"`ortaq convert --from kk-Cyrl --to cta-2024 FILE` on {size / 1e6:,.0f} MB "
      f"({size / 2**20:,.0f} MiB, the corpus repeated; input in the page cache). Each run three times: "
      "the fastest, and the slowest wall time beside it. `-o OUT` writes a new file and syncs it to the disk "
      "before renaming it into place.")
print()
print("| run | wall s (fastest) | MB/s | slowest wall s | user s | sys s | peak RSS MiB (largest) |")
print("|---|---:|---:|---:|---:|---:|---:|")
results = {}
for label, name in rows:
    seconds, user, system, rss_best, slowest, rss = read(label)
    results[label] = seconds
    print(f"| {name} | {seconds:.2f} | {size / seconds / 1e6:,.1f} | {slowest:.2f} | {user:.2f} | {system:.2f} | {rss:,.1f} |")
print()
to_file, to_null = results['lines'] / results['jobs2'], results['lines_null'] / results['jobs2_null']
print(f"--jobs 2 speed-up over one thread: {to_file:.2f}x writing a file, "
      f"{to_null:.2f}x to /dev/null (conversion alone)")
rss = max(read(label)[5] for label, _ in rows)
print()
print("| target | this run | |")
print("|---|---|---|")
print(f"| the command on 1 GiB in at most 16 MiB peak RSS, whatever its line lengths (largest of all runs above) | "
      f"{rss:.1f} MiB | {'met' if rss <= 16 else '**not met**'} |")
print(f"| `--jobs 2` at least 1.8× one thread | {to_file:.2f}× to a file, {to_null:.2f}× to /dev/null | "
      f"{'met' if min(to_file, to_null) >= 1.8 else ('met writing a file' if to_file >= 1.8 else '**not met**')} |")
PY

echo
echo "### Instructions per input byte (callgrind: repeatable on a noisy machine)"
echo
if command -v valgrind > /dev/null; then
  cg_in="$out_dir/callgrind-input.txt"
  head -c 3000000 "$cli_in" | head -n -1 > "$cg_in"  # whole lines only
  echo "| table | instructions | per input byte |"
  echo "|---|---:|---:|"
  for table in cta-2024 kk-Latn-2021 kk-Latn-2018; do
    valgrind --tool=callgrind --callgrind-out-file="$out_dir/callgrind.$table" \
      "$build/tools/ortaq" convert --from kk-Cyrl --to "$table" "$cg_in" -o "$cli_out" 2> "$out_dir/callgrind.$table.log"
    refs=$(grep -o 'refs: *[0-9,]*' "$out_dir/callgrind.$table.log" | tr -dc '0-9')
    python3 -c "import sys; r, n = int(sys.argv[1]), int(sys.argv[2]); print(f'| kk-Cyrl → {sys.argv[3]} | {r:,} instructions for {n:,} bytes | {r / n:.1f} per byte |')" \
      "$refs" "$(stat -c %s "$cg_in")" "$table"
  done
  echo
  echo "(the whole command: start-up and table loading included)"
else
  echo "skipped: valgrind is missing (sudo apt-get install valgrind)"
fi
rm -f "$cli_in" "$cli_out"
echo
echo "JSON and logs: $out_dir (the temporary input and output files are deleted)"
