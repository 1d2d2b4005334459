#!/usr/bin/env bash
# The ortaq command against the library on a large file: where the command's time goes besides
# converting (reads, copies, writes, the sync before the rename), then the command against
# uconv per corpus file (bench/uconv.sh).
#
#   bench/io.sh                       # 256 MiB; builds in build-bench (Release)
#   ORTAQ_IO_MB=1024 bench/io.sh      # the 1 GiB of issue 16
#
# Environment:
#   ORTAQ_IO_MB            size of the input in MiB: kk-Cyrl corpus repeated (256)
#   ORTAQ_BENCH_BUILD_DIR  build directory (build-bench in the source tree)
#   ORTAQ_IO_DIR           where the input goes (/dev/shm when it exists: no disk reads); the
#                          `-o` output goes to the build directory, on the disk, so that its
#                          sync is measured. Both are deleted at the end.
#
# Library: scale_bench whole, Transliterator::Transliterate on the whole file at once (best of
# three). Command: `ortaq convert --from kk-Cyrl --to cta-2024 FILE -o OUT` and `FILE > /dev/null`,
# best of three, wall clock and CPU time. Target (issue 16): the command at 80% of the library's
# speed or more. One more run of each under `strace -c -f` counts the system calls.
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORTAQ_BENCH_BUILD_DIR:-$src/build-bench}"
mb="${ORTAQ_IO_MB:-256}"
case "$mb" in
  '' | *[!0-9]* | 0) echo "ORTAQ_IO_MB must be a whole number of MiB, not '$mb'" >&2; exit 2 ;;
esac
dir="${ORTAQ_IO_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "$build")}"
input="$dir/ortaq-io-input.$$.txt"
output="$build/ortaq-io-output.$$.txt"
logs="$(mktemp -d /tmp/ortaq-io.XXXXXX)"
trap 'rm -rf "$input" "$output" "$logs"' EXIT

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORTAQ_BUILD_BENCH=ON > "$logs/cmake.log" \
  || { cat "$logs/cmake.log" >&2; exit 1; }
cmake --build "$build" --target scale_bench ortaq_cli > "$logs/build.log" 2>&1 || { cat "$logs/build.log" >&2; exit 1; }

python3 "$src/bench/make_input.py" "$src/../shared/corpora/kk-Cyrl" "$input" "$mb"

ortaq="$build/tools/ortaq"
args=(convert --from kk-Cyrl --to cta-2024)
for attempt in 1 2 3; do
  "$build/bench/scale_bench" whole "$input" kk-Cyrl cta-2024 > "$logs/library.$attempt"
  /usr/bin/time -f "%e %U %S %M" -o "$logs/file.$attempt" "$ortaq" "${args[@]}" "$input" -o "$output"
  rm -f "$output"
  /usr/bin/time -f "%e %U %S %M" -o "$logs/null.$attempt" "$ortaq" "${args[@]}" "$input" > /dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$logs/jobs2.$attempt" "$ortaq" "${args[@]}" --jobs 2 "$input" > /dev/null
done
strace -c -f -o "$logs/strace.file" "$ortaq" "${args[@]}" "$input" -o "$output"
rm -f "$output"
strace -c -f -o "$logs/strace.null" "$ortaq" "${args[@]}" "$input" > /dev/null
# Read and write sizes: every call of one run to /dev/null.
strace -f -e trace=read,write -o "$logs/strace.sizes" "$ortaq" "${args[@]}" "$input" > /dev/null

python3 - "$logs" "$(stat -c %s "$input")" "$dir" <<'PY'
import collections, re, sys
logs, size, where = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def best(kind):
    runs = []
    for k in (1, 2, 3):
        wall, user, system, rss = open(f"{logs}/{kind}.{k}").read().split()[-4:]
        runs.append((float(wall), float(user) + float(system), int(rss) / 1024))
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)
lib = [dict(p.split("=") for p in open(f"{logs}/library.{k}").read().split()) for k in (1, 2, 3)]
lib_wall = min(float(r["wall"]) for r in lib)
lib_cpu = min(float(r["cpu"]) for r in lib)
lib_bytes = int(lib[0]["bytes"])
mbs = lambda seconds: lib_bytes / seconds / 1e6
print(f"### The command against the library on {size / 2**20:,.0f} MiB (kk-Cyrl corpus repeated, input in {where})")
print()
print("| run | wall s | MB/s (wall) | CPU s | MB/s (CPU) | % of library (wall) | % of library (CPU) | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
print(f"| library, Transliterate on the whole buffer | {lib_wall:.2f} | {mbs(lib_wall):,.0f} | {lib_cpu:.2f} | "
      f"{mbs(lib_cpu):,.0f} | 100% | 100% | — |")
ratios = {}
for kind, label in [("file", "`ortaq convert FILE -o OUT` (OUT on disk, synced)"),
                    ("null", "`ortaq convert FILE > /dev/null`"),
                    ("jobs2", "`ortaq convert --jobs 2 FILE > /dev/null`")]:
    wall, cpu, rss = best(kind)
    ratios[kind] = (lib_wall / wall, lib_cpu / cpu)
    print(f"| {label} | {wall:.2f} | {size / wall / 1e6:,.0f} | {cpu:.2f} | {size / cpu / 1e6:,.0f} | "
          f"{100 * lib_wall / wall:.0f}% | {100 * lib_cpu / cpu:.0f}% | {rss:.1f} |")
print()
print("(best of three runs each; wall clock on a shared machine counts the others' work too, CPU time less so)")
print()
for kind, label in [("file", "-o OUT"), ("null", "> /dev/null")]:
    print(f"System calls, `{label}` (strace -c -f; the top ones):")
    print()
    print("```")
    lines = open(f"{logs}/strace.{kind}").read().splitlines()
    print("\n".join(lines[:12]))
    print("```")
    print()
sizes = collections.defaultdict(list)
for line in open(f"{logs}/strace.sizes"):
    m = re.search(r"\b(read|write)\((\d+),.*\)\s*=\s*(\d+)", line)
    if m and m.group(2) != "2":
        sizes[m.group(1)].append(int(m.group(3)))
for call in ("read", "write"):
    got = sizes[call]
    if got:
        common = collections.Counter(got).most_common(3)
        print(f"- {call}: {len(got):,} calls, {sum(got) / len(got) / 1024:,.1f} KiB on average; most common sizes "
              + ", ".join(f"{n:,} B ({c:,}×)" for n, c in common))
print()
worst = min(min(ratios["file"]), min(ratios["null"]))
print(f"target: the command at ≥ 80% of the library's whole-buffer speed: "
      f"{'met' if worst >= 0.8 else '**not met**'} (lowest {100 * worst:.0f}%)")
PY
echo
ORTAQ_BENCH_BUILD_DIR="$build" "$src/bench/uconv.sh"
