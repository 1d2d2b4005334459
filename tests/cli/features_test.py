#!/usr/bin/python3
"""End-to-end tests of `ortaq` features easier to check from Python: did-you-mean and aliases,
--json output (parsed and checked against the schema in tools/man/ortaq.1), chained pairs in
`ortaq list`, and the record modes for pipelines (--line-buffered as a coprocess, -z, --field,
--jsonl, --report-invalid).

Usage: features_test.py PATH/TO/ortaq   (ctest passes it)"""
import json
import os
import select
import subprocess
import sys
import tempfile
import unittest

ORTAQ = None


def run(args, stdin=b"", cwd=None):
    p = subprocess.run([ORTAQ] + args, input=stdin, capture_output=True, cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


class Suggestions(unittest.TestCase):
    def test_ids_are_read_without_regard_to_case_and_dashes(self):
        for to in ["cta-2024", "CTA-2024", "cta2024", "Cta_2024"]:
            code, out, err = run(["convert", "--from", "kk-cyrl", "--to", to], "Қазақстан".encode())
            self.assertEqual((code, out, err), (0, "Qazaqstan", ""), to)

    def test_unknown_ids_get_did_you_mean(self):
        code, out, err = run(["convert", "-f", "kk-Cyrll", "-t", "cta-2024"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("unknown alphabet 'kk-Cyrll' (did you mean 'kk-Cyrl'?)", err)
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2025"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("did you mean 'cta-2024'?", err)
        # Nothing close: the library's message with the targets there are.
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "nowhere"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("no table converts from 'kk-Cyrl' to 'nowhere'", err)
        code, out, err = run(["roundtrip", "-f", "kk-cyrl", "--via", "cta2024"], "Қазақ".encode())
        self.assertEqual(code, 0, err)

    def test_double_dash_ends_the_options(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "-a.txt"), "w") as f:
                f.write("Қазақ")
            code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--", "-a.txt"], cwd=d)
            self.assertEqual((code, out, err), (0, "Qazaq", ""))

    def test_short_aliases_from_iconv(self):
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "kk-Latn-2018"], "Я".encode())
        self.assertEqual((code, out), (0, "Ia"), err)

    def test_unknown_flags_are_named_as_unknown(self):
        code, out, err = run(["convert", "--form", "kk-Cyrl", "--to", "cta-2024"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("unknown option '--form' (did you mean '--from'?)", err)
        self.assertNotIn("required", err)
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--in-plac"], b"a")
        self.assertIn("unknown option '--in-plac' (did you mean '--in-place'?)", err)
        code, out, err = run(["list", "--jsn"])
        self.assertEqual(code, 2)
        self.assertIn("did you mean '--json'?", err)
        code, out, err = run(["conver"])
        self.assertEqual(code, 2)
        self.assertIn("unknown command 'conver' (did you mean 'convert'?)", err)
        code, out, err = run(["convert", "-t", "cta-2024"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("convert needs --from and --to", err)

    def test_table_options_get_did_you_mean(self):
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--set", "kk-uu=u"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("--set kk-uu: did you mean 'kk-u'?", err)
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--set", "noequals"], b"a")
        self.assertEqual(code, 2)
        self.assertIn("KEY=VALUE", err)


class Json(unittest.TestCase):
    def test_list(self):
        code, out, err = run(["list", "--json"])
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        tables = {(t["from"], t["to"]): t for t in doc["tables"]}
        self.assertIn(("kk-Cyrl", "cta-2024"), tables)
        for t in doc["tables"]:
            self.assertEqual(set(t), {"from", "to", "title", "path", "options", "status", "date", "sources"})
            for o in t["options"]:
                self.assertEqual(set(o), {"name", "values", "default", "description"})
                self.assertIn(o["default"], o["values"])
        kk_i = [o for o in tables[("kk-Cyrl", "cta-2024")]["options"] if o["name"] == "kk-i"][0]
        self.assertEqual(kk_i["values"], ["i", "ï"])
        # Chained pairs: none has a table of its own, and each one converts.
        chains = {(c["from"], c["to"]): c["via"] for c in doc["chains"]}
        self.assertEqual(chains[("kk-Latn-2018", "cta-2024")], ["kk-Cyrl"])
        for (a, b), via in chains.items():
            self.assertNotIn((a, b), tables)
            self.assertTrue(1 <= len(via) <= 2)
        for a, b in [("kk-Latn-2018", "cta-2024"), ("tr-Latn", "kk-Cyrl")]:
            code, out, err = run(["convert", "-f", a, "-t", b], b"a")
            self.assertEqual(code, 0, err)
        code, out, err = run(["list"])
        self.assertIn("kk-Latn-2018 -> cta-2024  (via kk-Cyrl)", out)

    def test_detect(self):
        code, out, err = run(["detect", "--json", "--per-line"], "Қазақстан\n\nQazaqstan Respublikasy\n".encode())
        self.assertEqual(code, 3, err)  # the empty line has no letters
        doc = json.loads(out)
        self.assertEqual([d["line"] for d in doc], [1, 2, 3])
        self.assertEqual(doc[0]["id"], "kk-Cyrl")
        self.assertIsNone(doc[1]["id"])
        self.assertEqual(doc[0]["input"], "<stdin>")
        self.assertTrue(0 <= doc[0]["confidence"] <= 1)
        code, out, err = run(["detect", "--json"], "Қазақстан".encode())
        self.assertEqual(code, 0, err)
        self.assertEqual(set(json.loads(out)[0]), {"input", "id", "language", "confidence", "verdict"})

    def test_check_and_test(self):
        code, out, err = run(["check", "--json", "kk-Cyrl--cta-2024"])
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        self.assertEqual(len(doc), 1)
        self.assertEqual(set(doc[0]), {"table", "ok", "tests_passed", "tests_failed", "diagnostics"})
        self.assertTrue(doc[0]["ok"])
        self.assertGreater(doc[0]["tests_passed"], 0)
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.tbl")
            with open(bad, "w") as f:
                f.write("@from kk-Cyrl\n@to x\nа > \n")
            code, out, err = run(["check", "--json", bad])
            self.assertEqual(code, 1)
            diag = json.loads(out)[0]["diagnostics"][0]
            self.assertEqual(set(diag), {"severity", "file", "line", "column", "message"})
            self.assertEqual((diag["severity"], diag["line"]), ("error", 3))
        corpora = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpora")
        code, out, err = run(["test", "--json", "--corpora", corpora])
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["failed"], 0)
        self.assertEqual(doc["passed"], sum(s["passed"] for s in doc["suites"]))
        self.assertIn("golden", {s["kind"] for s in doc["suites"]})

    def test_roundtrip_and_stats(self):
        code, out, err = run(["roundtrip", "--json", "-f", "kk-Cyrl", "--via", "kk-Latn-2018"],
                             "Қазақстан Республикасы ащы\n".encode())
        self.assertEqual(code, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["tokens"], 3)
        self.assertEqual(set(doc), {"from", "via", "settings", "tokens", "unchanged", "share", "causes"})
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--stats", "--json"],
                             "cәлем https://қаз.kz".encode())
        self.assertEqual(code, 0, err)
        stats = json.loads(err)
        self.assertEqual(stats["repaired_letters"], 1)
        self.assertEqual(stats["protected_tokens"], 1)
        self.assertIn("foreign_words", stats)


class Records(unittest.TestCase):
    def test_line_buffered_answers_each_line_as_a_coprocess(self):
        p = subprocess.Popen([ORTAQ, "convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--line-buffered"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            for line, want in [("Қазақ\n", b"Qazaq\n"), ("ШЫМКЕНТ\n", b"\xc5\x9eIMKENT\n")]:
                p.stdin.write(line.encode())
                p.stdin.flush()
                ready, _, _ = select.select([p.stdout], [], [], 20)
                self.assertTrue(ready, "no answer within 20 s: the line was not flushed")
                self.assertEqual(p.stdout.readline(), want)
        finally:
            p.stdin.close()
            p.wait(timeout=20)
            p.stdout.close()
        self.assertEqual(p.returncode, 0)

    def test_null_data(self):
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "-z"], "Қаз\0ақ\nша\0".encode())
        self.assertEqual((code, out), (0, "Qaz\0aq\nşa\0"), err)

    def test_field_converts_one_column_and_copies_the_rest(self):
        tsv = "1\tҚазақ\tҚала\n2\tШЫМКЕНТ\n3\n\tа\tә\r\n"
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--field", "2"], tsv.encode())
        self.assertEqual(code, 0, err)
        self.assertEqual(out, "1\tQazaq\tҚала\n2\tŞIMKENT\n3\n\ta\tә\r\n")

    def test_jsonl_converts_one_member_and_copies_the_rest_byte_for_byte(self):
        records = [
            '{"id": 1, "text": "Қазақ", "note": "Қала"}\n',
            '{"text":"\\u049a\\u0430\\u0437\\u0430\\u049b \\"\\u0430\\"\\n\\\\", "x": [1, {"text": "а"}]}\n',
            '  {"nested": {"text": "а"}, "text": null}  \n',
            '\n',
            '{"text": "😀 а\\ud83d\\ude00"}',
        ]
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--jsonl", "text"],
                             "".join(records).encode())
        self.assertEqual(code, 0, err)
        lines = out.split("\n")
        self.assertEqual(lines[0], '{"id": 1, "text": "Qazaq", "note": "Қала"}')
        self.assertEqual(lines[1], '{"text":"Qazaq \\"a\\"\\n\\\\", "x": [1, {"text": "а"}]}')
        self.assertEqual(lines[2], '  {"nested": {"text": "а"}, "text": null}  ')
        self.assertEqual(lines[3], '')
        self.assertEqual(json.loads(lines[4]), {"text": "😀 a😀"})
        for bad in ['{"text": "а"', '["а"]', '{"text": "\\ud800"}', '{"a" 1}']:
            code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--jsonl", "text"],
                                 ('{"text": "а"}\n' + bad + "\n").encode())
            self.assertEqual(code, 1, bad)
            self.assertIn("<stdin>:2:", err)
            self.assertIn("not a JSON Lines record", err)

    def test_report_invalid_lists_the_records_with_bad_bytes(self):
        with tempfile.TemporaryDirectory() as d:
            data = "а\n".encode() + b"\xd0\n" + "б\n".encode() + b"x\xff\n"
            with open(os.path.join(d, "in.txt"), "wb") as f:
                f.write(data)
            code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--invalid=replace",
                                  "--report-invalid", "bad.tsv", "in.txt"], cwd=d)
            self.assertEqual(code, 0, err)
            self.assertEqual(out, "a\n\ufffd\nb\nx\ufffd\n")
            with open(os.path.join(d, "bad.tsv")) as f:
                self.assertEqual(f.read(), "in.txt\t2\t3\nin.txt\t4\t8\n")
            code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--report-invalid", "bad.tsv",
                                  "in.txt"], cwd=d)
            self.assertEqual(code, 2)
            self.assertIn("--report-invalid goes with --invalid=replace", err)

    def test_record_errors_name_record_and_column(self):
        code, out, err = run(["convert", "-f", "kk-Cyrl", "-t", "cta-2024", "--line-buffered"],
                             "аа\nаб".encode() + b"\xff\n")
        self.assertEqual(code, 1)
        self.assertIn("<stdin>:2:3: invalid UTF-8 (byte offset 9)", err)


if __name__ == "__main__":
    ORTAQ = os.path.abspath(sys.argv.pop(1))
    unittest.main()
