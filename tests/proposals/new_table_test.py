"""`ortaq new-table`, `ortaq check --corpus`, `.tbl` paths in convert/roundtrip/export/compare, and
the provenance in `ortaq list`, run as a user would (issue 14, points 3 and 4)."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

ORTAQ = sys.argv[1]
SOURCE_DIR = sys.argv[2]


def run(*args, cwd, input_text=None):
    return subprocess.run([ORTAQ, *args], cwd=cwd, capture_output=True, text=True, input=input_text, timeout=60)


class NewTable(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_writes_a_commented_table_that_converts_like_its_parent_and_passes_check(self):
        p = run("new-table", "--inherit", "kk-Cyrl--cta-2024", "mine.tbl", cwd=self.dir)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(os.path.join(self.dir, "mine.tbl"), encoding="utf-8") as f:
            text = f.read()
        for line in ["@inherit kk-Cyrl--cta-2024", "@status community-proposal", "@from kk-Cyrl", "! і > i",
                     "! ұ > ū", "!   kk-i = i | ï"]:
            self.assertIn(line, text)
        self.assertIn("test Қазақстан Республикасы > Qazaqstan Respublikası", text)
        check = run("check", "mine.tbl", cwd=self.dir)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("ok (0 errors, 0 warnings; tests: 3 passed, 0 failed)", check.stdout)
        mine = run("convert", "--from", "kk-Cyrl", "--to", "mine.tbl", cwd=self.dir, input_text="Ұлы білім\n")
        parent = run("convert", "--from", "kk-Cyrl", "--to", "cta-2024", cwd=self.dir, input_text="Ұлы білім\n")
        self.assertEqual(mine.stdout, parent.stdout)
        self.assertEqual(mine.stdout, "Ūlı bilim\n")

    def test_never_overwrites_a_file(self):
        path = os.path.join(self.dir, "mine.tbl")
        with open(path, "w") as f:
            f.write("my own work\n")
        p = run("new-table", "--inherit", "kk-Cyrl--cta-2024", "mine.tbl", cwd=self.dir)
        self.assertEqual(p.returncode, 2)
        self.assertIn("mine.tbl: already exists; not overwritten", p.stderr)
        with open(path) as f:
            self.assertEqual(f.read(), "my own work\n")
        p = run("new-table", "--inherit", "no-such--table", "other.tbl", cwd=self.dir)
        self.assertNotEqual(p.returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "other.tbl")))

    def test_edited_table_is_warned_about_with_corpus_words_and_chains_from_2018(self):
        run("new-table", "--inherit", "kk-Cyrl--cta-2024", "--to", "my-cta", "mine.tbl", cwd=self.dir)
        path = os.path.join(self.dir, "mine.tbl")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        # Uncomment and change two letters, as the comments say, and drop the parent's tests.
        text = text.replace("! і > i\n", "і > ı\n").replace("! ұ > ū\n", "ұ > ŭ\n")
        text = "\n".join(l for l in text.split("\n") if not l.startswith("test "))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(self.dir, "corpus.txt"), "w", encoding="utf-8") as f:
            f.write("Іле мен ыле. Біз іле\n")
        check = run("check", "mine.tbl", "--corpus", "corpus.txt", cwd=self.dir)
        self.assertEqual(check.returncode, 0, check.stderr)  # warnings, not errors
        self.assertRegex(check.stderr, r"mine\.tbl:\d+:1: warning: Ы ы and І і are both written 'ı' here")
        self.assertIn("in the corpus 'ыле' and 'іле' are both written 'ıle'", check.stderr)
        self.assertIn("the option 'kk-i' inherited from kk-Cyrl--cta-2024 no longer does anything", check.stderr)
        conv = run("convert", "--from", "kk-Latn-2018", "--to", "mine.tbl", cwd=self.dir, input_text="bilim ulttyq\n")
        self.assertEqual(conv.returncode, 0, conv.stderr)
        self.assertEqual(conv.stdout, "bılım ŭlttıq\n")
        exp = run("export", "--format", "json", "--from", "kk-Cyrl", "--to", "mine.tbl", cwd=self.dir)
        self.assertEqual(exp.returncode, 0, exp.stderr)
        keys = {k["source"]: k["output"] for k in json.loads(exp.stdout)["keys"]}
        self.assertEqual(keys["і"], "ı")
        comp = run("compare", "--from", "kk-Cyrl", "--format", "json", "cta-2024", "mine.tbl", "corpus.txt", cwd=self.dir)
        self.assertEqual(comp.returncode, 0, comp.stderr)
        ids = [p["id"] for p in json.loads(comp.stdout)["proposals"]]
        self.assertEqual(ids, ["cta-2024", "mine.tbl"])

    def test_roundtrip_via_a_file_goes_back_from_the_alphabet_it_writes(self):
        with open(os.path.join(self.dir, "u.tbl"), "w", encoding="utf-8") as f:
            f.write("@from kk-Cyrl\n@to cta-2024\n@inherit kk-Cyrl--cta-2024\nі > ı\n")
        p = run("roundtrip", "--from", "kk-Cyrl", "--via", "u.tbl", "--json", cwd=self.dir, input_text="іле ыле\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        report = json.loads(p.stdout)
        self.assertEqual(report["tokens"], 2)
        self.assertEqual(report["unchanged"], 1)  # іле comes back as ыле


class ListProvenance(unittest.TestCase):
    def test_list_shows_status_date_and_sources(self):
        with tempfile.TemporaryDirectory() as d:
            p = run("list", "--json", cwd=d)
            self.assertEqual(p.returncode, 0, p.stderr)
            tables = {t["from"] + "--" + t["to"]: t for t in json.loads(p.stdout)["tables"]}
            self.assertEqual(tables["kk-Cyrl--kk-Latn-2018"]["status"], "decree")
            self.assertEqual(tables["kk-Cyrl--kk-Latn-2018"]["date"], "2018-02-19")
            self.assertEqual(tables["kk-Cyrl--kk-Latn-2017-09"]["status"], "draft")
            self.assertEqual(tables["kk-Cyrl--kk-Latn-ix"]["status"], "community-proposal")
            self.assertEqual(tables["kk-Cyrl--cta-2024"]["status"], "commission-proposal")
            for t in tables.values():
                self.assertTrue(t["sources"], t["path"])
                self.assertRegex(t["sources"][0]["read"], r"^\d{4}-\d\d-\d\d$")
            text = run("list", cwd=d).stdout
            self.assertIn("    status: decree, 2018-02-19\n", text)
            self.assertIn("    source: Decree No. 637 of the President of Kazakhstan", text)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
