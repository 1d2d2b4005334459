"""examples/dask_convert.py on a LocalCluster with 2 worker processes gives the same bytes as
`ortaq convert`: for a directory of corpus files (linked by path from ../shared/corpora and
corpora/, never copied), a file with invalid UTF-8 (--invalid=replace on both sides), and a
CSV column (each value against the CLI converting that value alone).
"""
import csv
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = os.environ.get("ORTAQ_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ["ORTAQ_CLI"]
EXAMPLE = os.path.join(SOURCE_DIR, "examples", "dask_convert.py")
# ../shared next to the repository (CI); ORTAQ_SHARED_DIR where a checkout has it elsewhere.
SHARED = os.path.join(os.environ.get("ORTAQ_SHARED_DIR", os.path.join(SOURCE_DIR, "..", "shared")), "corpora", "kk-Cyrl")
CORPUS_FILES = [
    os.path.join(SOURCE_DIR, "corpora", "sample-kk-Cyrl.txt"),
    os.path.join(SHARED, "apertium-kaz-wikisource-abai-ertostik.txt"),
    os.path.join(SHARED, "ud-ktb-test.txt"),
    os.path.join(SHARED, "apertium-kaz-wikipedia.txt"),
]
ARGS = ["--from", "kk-Cyrl", "--to", "cta-2024", "--set", "kk-i=ï", "--invalid", "replace"]


def cli(path: str) -> bytes:
    return subprocess.run([CLI, "convert", *ARGS, path], check=True, capture_output=True).stdout


def run_example(*arguments: str) -> None:
    result = subprocess.run([sys.executable, EXAMPLE, *ARGS, "--workers", "2", *arguments],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"dask_convert.py failed ({result.returncode}):\n{result.stderr}")


class DaskExampleTest(unittest.TestCase):
    def test_directory_and_column_match_the_cli(self):
        files = [f for f in CORPUS_FILES if os.path.exists(f)]
        self.assertGreaterEqual(len(files), 1, "no corpus found")
        with tempfile.TemporaryDirectory() as work:
            source, target = os.path.join(work, "in"), os.path.join(work, "out")
            os.makedirs(os.path.join(source, "sub"))
            for f in files:
                os.symlink(os.path.abspath(f), os.path.join(source, os.path.basename(f)))
            # A file with bytes that are not UTF-8, in a subdirectory.
            broken = os.path.join(source, "sub", "broken.txt")
            with open(broken, "wb") as out:
                out.write("Қазақ ".encode() + b"\xff\xc3(" + " тілі\n".encode())
            run_example(source, target)
            names = sorted([os.path.basename(f) for f in files] + [os.path.join("sub", "broken.txt")])
            written = sorted(os.path.relpath(os.path.join(r, n), target)
                             for r, _, ns in os.walk(target) for n in ns)
            self.assertEqual(written, names)
            for name in names:
                with open(os.path.join(target, name), "rb") as f:
                    got = f.read()
                self.assertEqual(got, cli(os.path.join(source, name)), name)
                self.assertGreater(len(got), 0, name)

            # A column: the first lines of the sample corpus, and one of them twice.
            with open(files[0], encoding="utf-8") as f:
                values = [line.rstrip("\n") for line in f][:6]
            values.append(values[0])
            table, converted = os.path.join(work, "in.csv"), os.path.join(work, "out.csv")
            with open(table, "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(["id", "text"])
                writer.writerows([i, v] for i, v in enumerate(values))
            run_example("--csv", table, "--column", "text", converted)
            with open(converted, encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            self.assertEqual(len(rows), len(values))
            for i, row in enumerate(rows):
                one = os.path.join(work, f"value{i}.txt")
                with open(one, "w", encoding="utf-8") as f:
                    f.write(values[i])
                self.assertEqual(row["text"], values[i])
                self.assertEqual(row["text_cta-2024"].encode(), cli(one), f"row {i}")

    def test_readme_snippet(self):
        # The README's "Dask" lines, as written there: a column converted on 2 worker processes.
        import pandas as pd
        df = pd.DataFrame({"kk": ["Қазақстан", "Я\nКЕЛДІМ", None]})
        import dask.dataframe as dd, distributed, ortaq
        with distributed.LocalCluster(n_workers=2, dashboard_address=None) as cluster, distributed.Client(cluster):
            t = ortaq.Transliterator("kk-Cyrl", "cta-2024", invalid="replace")
            ddf = dd.from_pandas(df, npartitions=2)
            ddf["cta"] = ddf["kk"].map_partitions(lambda s: s.map(t, na_action="ignore"), meta=("cta", "object"))
            result = ddf.compute()
        self.assertEqual(result["cta"].tolist()[:2], ["Qazaqstan", "YA\nKELDİM"])
        self.assertTrue(pd.isna(result["cta"].tolist()[2]))


if __name__ == "__main__":
    unittest.main()
