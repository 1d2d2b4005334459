#!/usr/bin/env bash
# The ortaq command against ICU's uconv, kk-Cyrl → cta-2024, per file of ../shared/corpora/kk-Cyrl
# and the Cyrillic lines of kk-mixed (run by bench/tables.sh and bench/io.sh).
#
#   bench/uconv.sh                        # builds the command in build-bench (Release)
#   ORTAQ_BENCH_BUILD_DIR=build bench/uconv.sh
#
# uconv runs the ICU rules of bench/icu/kk-Cyrl-cta-2024.txt (written to give ortaq's output);
# both commands read the file repeated to 8 MiB or more (whole copies) and write to /dev/null;
# CPU time (user + system) of the command, the best of
# three runs each, so that other work on a shared machine counts little; ortaq once more on the
# file repeated to 64 MiB, where its start-up weighs little. Target (issue 16): the
# command at least 30 times as fast as uconv on every file.
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORTAQ_BENCH_BUILD_DIR:-$src/build-bench}"
if [ ! -x "$build/tools/ortaq" ]; then
  log="$(mktemp /tmp/ortaq-uconv.XXXXXX)"
  trap 'rm -f "$log"' EXIT
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release > "$log" || { cat "$log" >&2; exit 1; }
  cmake --build "$build" --target ortaq_cli > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi

echo "### The ortaq command against uconv, kk-Cyrl → cta-2024, per file"
echo
if ! command -v uconv > /dev/null; then
  echo "skipped: uconv is missing (sudo apt-get install icu-devtools)"
  exit 0
fi
python3 - "$build/tools/ortaq" "$src/bench/icu/kk-Cyrl-cta-2024.txt" "$src/../shared/corpora" <<'PY'
import glob, os, resource, subprocess, sys, tempfile
ortaq, rules_file, corpora = sys.argv[1:4]
rules = "".join(l for l in open(rules_file, encoding="utf-8") if not l.lstrip().startswith("#"))
files = sorted(glob.glob(os.path.join(corpora, "kk-Cyrl", "*.txt")))
mixed = os.path.join(corpora, "kk-mixed", "kazsandra-kaspi-mixed.txt")
tmp = tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False)
with open(mixed, "rb") as f:
    tmp.write(b"".join(l for l in f if any(0xD0 <= b <= 0xD3 for b in l)))
tmp.close()
files.append(tmp.name)
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
def best(cmd, path):
    times = []
    for _ in range(3):
        with open(path, "rb") as stdin:
            start = cpu()
            subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
            times.append(cpu() - start)
    return min(times)
def repeated(path, mib):
    data = open(path, "rb").read()
    out = tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False)
    out.write(data * -(-(mib << 20) // len(data)))
    out.close()
    return out.name
worst = worst_big = float("inf")
print("| file | MB | ortaq convert MB/s | uconv MB/s | ratio | ortaq convert MB/s, 64 MiB | ratio |")
print("|---|---:|---:|---:|---:|---:|---:|")
command = [ortaq, "convert", "--from", "kk-Cyrl", "--to", "cta-2024"]
for source in files:
    path, big = repeated(source, 8), repeated(source, 64)
    size, big_size = os.path.getsize(path), os.path.getsize(big)
    o = best(command, path) / size
    o_big = best(command, big) / big_size
    u = best(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", rules], path) / size
    os.unlink(path)
    os.unlink(big)
    worst, worst_big = min(worst, u / o), min(worst_big, u / o_big)
    name = "kk-mixed (Cyrillic lines)" if source == tmp.name else os.path.basename(source)
    print(f"| {name} | {size / 1e6:.2f} | {1e-6 / o:,.1f} | {1e-6 / u:,.2f} | {u / o:.1f}× | {1e-6 / o_big:,.1f} | "
          f"{u / o_big:.1f}× |")
os.unlink(tmp.name)
print()
print("(MB/s of CPU time of the whole command, start-up and table loading included: about 20 ms for")
print("ortaq, a third of its time on 8 MiB; the 64 MiB columns show the conversion with start-up")
print("weighing little, against uconv's rate on 8 MiB)")
print()
print(f"target ≥ 30× uconv on every file: {'met' if worst >= 30 else '**not met**'} (lowest {worst:.1f}× "
      f"on 8 MiB, {worst_big:.1f}× with ortaq on 64 MiB)")
PY
