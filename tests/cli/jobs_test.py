#!/usr/bin/python3
"""`ortaq convert --jobs N` gives byte for byte what one thread gives: for a single table, for a
chain of tables (kk-Latn-2018 -> cta-2024 runs through kk-Cyrl), with --from auto, and for
every --format (html, xml, markdown, srt), on the Kazakh corpus of ../shared/corpora and on the
same text with CRLF line ends, without a final newline, as one huge line, and with invalid UTF-8
(then the same error, naming file, line and column, and no output file replaced).

Usage: jobs_test.py PATH/TO/ortaq SOURCE_DIR   (ctest passes both)"""
import glob
import os
import subprocess
import sys
import tempfile
import unittest

ORTAQ = None
CORPUS = None  # bytes: every file of ../shared/corpora/kk-Cyrl, one after the other
JOBS = (2, 4)


def run(args, stdin=None):
    p = subprocess.run([ORTAQ] + args, input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def escape(line):
    return line.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")


# Documents made from lines of text, with markup that is copied around text that is converted.
def html(lines):
    out = [b"<!DOCTYPE html>\n<html><head><title>\xd2\x9a\xd0\xb0\xd0\xb7\xd0\xb0\xd2\x9b</title></head><body>\n"]
    for i, line in enumerate(lines):
        word = escape(line.split(b" ")[0])
        if i % 7 == 3:
            out.append(b"<pre><code>" + escape(line) + b"</code></pre>\n")
        elif i % 11 == 5:
            out.append(b'<p><a href="https://kk.kz/' + word + b'">' + word + b"</a> " + escape(line) + b"</p>\n")
        else:
            out.append(b'<p title="' + word.replace(b'"', b"") + b'">' + escape(line) + b"</p>\n")
    out.append(b"</body></html>\n")
    return b"".join(out)


def xml(lines):
    out = [b'<?xml version="1.0" encoding="UTF-8"?>\n<doc>\n']
    for i, line in enumerate(lines):
        if i % 9 == 4:
            out.append(b"<![CDATA[" + line.replace(b"]]>", b"") + b"]]>\n")
        elif i % 5 == 2:
            out.append(b"<code>" + escape(line) + b"</code>\n")
        else:
            out.append(b"<para>" + escape(line) + b"</para>\n")
    out.append(b"</doc>\n")
    return b"".join(out)


def markdown(lines):
    out = [b"# \xd0\x9c\xd3\x99\xd1\x82\xd1\x96\xd0\xbd\n\n"]
    for i, line in enumerate(lines):
        if i % 8 == 1:
            out.append(b"```\n" + line.replace(b"`", b"") + b"\n```\n\n")
        elif i % 6 == 2:
            out.append(b"- " + line + b"\n- `code` " + line + b"\n\n")
        elif i % 10 == 7:
            out.append(b"> " + line + b"\n\n")
        else:
            out.append(line + b"\n\n")
    return b"".join(out)


def srt(lines):
    out = []
    for i, line in enumerate(lines):
        s = i % 3600
        out.append(b"%d\n00:%02d:%02d,000 --> 00:%02d:%02d,500\n<i>" % (i + 1, s // 60, s % 60, s // 60, s % 60)
                   + line + b"</i>\n\n")
    return b"".join(out)


FORMATS = {"html": html, "xml": xml, "markdown": markdown, "srt": srt}


def corpus_lines():
    return [line for line in CORPUS.split(b"\n") if line.strip()]


def with_bad_byte(lines):
    """The lines with an invalid byte inside a word of the middle line."""
    lines = list(lines)
    middle = len(lines) // 2
    at = lines[middle].find(b" ") + 1  # at a word's start, not inside a letter
    lines[middle] = lines[middle][:at] + b"\xd0\xb0\xff" + lines[middle][at:]
    return lines


def position(data, offset):
    """Line and column (code points) of byte `offset`, 1-based."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = sum(1 for b in data[line_start:offset] if b & 0xC0 != 0x80) + 1
    return data.count(b"\n", 0, offset) + 1, column


class JobsGiveOneThreadsOutput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def same_output(self, args, data, name, to_stdout=False):
        """Converts `data` with --jobs 1, 2 and 4 (to a file, and with `to_stdout` once more to
        standard output); every run must give the same bytes, messages and exit code. Returns
        the output."""
        source = self.path(name)
        with open(source, "wb") as f:
            f.write(data)
        results = {}
        out = self.path(f"{name}.out")
        for jobs in (1,) + JOBS:
            code, _, err = run(args + ["--jobs", str(jobs), source, "-o", out])
            with open(out, "rb") as f:
                results[jobs] = (code, err, f.read())
        code, err, one = results[1]
        self.assertEqual(code, 0, err)
        self.assertGreater(len(one), len(data) // 2)
        for jobs in JOBS:
            self.assertEqual(results[jobs][:2], results[1][:2], f"{name}: --jobs {jobs}: exit code or messages differ")
            self.assertTrue(results[jobs][2] == one, f"{name}: --jobs {jobs} gives other bytes than --jobs 1")
        if not to_stdout:
            return one
        code, stdout, err = run(args + ["--jobs", str(JOBS[-1]), source])
        self.assertEqual(code, 0, err)
        self.assertTrue(stdout == one, f"{name}: --jobs {JOBS[-1]} to standard output differs")
        return one

    def same_error(self, args, data, name, bad_offset):
        """Invalid UTF-8 at `bad_offset`: every --jobs gives exit code 1 and the same message,
        naming the file, line and column, and leaves an existing output file as it was."""
        source = self.path(name)
        with open(source, "wb") as f:
            f.write(data)
        line, column = position(data, bad_offset)
        messages = set()
        out = self.path(f"{name}.out")
        for jobs in (1,) + JOBS:
            with open(out, "wb") as f:
                f.write(b"kept as it was\n")
            code, _, err = run(args + ["--jobs", str(jobs), source, "-o", out])
            self.assertEqual(code, 1, f"{name}: --jobs {jobs}: {err}")
            self.assertIn(f"{source}:{line}:{column}: invalid UTF-8 (byte offset {bad_offset})", err,
                          f"{name}: --jobs {jobs}")
            with open(out, "rb") as f:
                self.assertEqual(f.read(), b"kept as it was\n", f"{name}: --jobs {jobs} replaced the output file")
            # --stats after a failure counts what was converted before it stopped, which
            # depends on how the input was cut: left out of the comparison.
            messages.add("".join(l for l in err.splitlines(True) if not l.startswith("ortaq: stats:")))
        self.assertEqual(len(messages), 1, messages)

    def variants(self, text):
        """The text as it is, with CRLF line ends, without a final newline, and as one line."""
        return {"lf": text, "crlf": text.replace(b"\n", b"\r\n"), "no-final-newline": text.rstrip(b"\n"),
                "one-line": text.replace(b"\n", b" ")}

    def test_a_single_table_on_the_corpus_and_its_variants(self):
        args = ["convert", "--from", "kk-Cyrl", "--to", "cta-2024", "--stats"]
        for variant, data in self.variants(CORPUS).items():
            with self.subTest(variant=variant):
                self.same_output(args, data, f"single-{variant}.txt", to_stdout=True)

    def test_each_corpus_file_alone(self):
        args = ["convert", "--from", "kk-Cyrl", "--to", "kk-Latn-2018"]
        for path in sorted(glob.glob(os.path.join(SOURCE_DIR, "..", "shared", "corpora", "kk-Cyrl", "*.txt"))):
            with self.subTest(file=os.path.basename(path)), open(path, "rb") as f:
                self.same_output(args, f.read(), os.path.basename(path))

    def test_a_chain_of_tables(self):
        # Latin text made by ortaq from the corpus (one thread), then back through the chain
        # kk-Latn-2018 -> kk-Cyrl -> cta-2024.
        code, latin, err = run(["convert", "--from", "kk-Cyrl", "--to", "kk-Latn-2018"], CORPUS)
        self.assertEqual(code, 0, err)
        args = ["convert", "--from", "kk-Latn-2018", "--to", "cta-2024", "--stats"]
        for variant, data in self.variants(latin).items():
            with self.subTest(variant=variant):
                out = self.same_output(args, data, f"chain-{variant}.txt")
                self.assertTrue(b"Qazaq" in out, "no CTA in the output")
        cut = latin.index(b" ", len(latin) // 2) + 1  # at a word's start, not inside a letter
        bad = latin[:cut] + b"\xc3" + latin[cut:]
        self.same_error(args, bad, "chain-bad.txt", cut)

    def test_a_chain_of_three_tables(self):
        code, latin, err = run(["convert", "--from", "kk-Cyrl", "--to", "kk-Latn-2017"], CORPUS)
        self.assertEqual(code, 0, err)
        # kk-Latn-2017 -> kk-Cyrl -> cta-2024 -> tr-Latn
        self.same_output(["convert", "--from", "kk-Latn-2017", "--to", "tr-Latn"], latin, "chain3.txt")

    def test_detected_alphabet(self):
        self.same_output(["convert", "--from", "auto", "--to", "kk-Latn-2021"], CORPUS, "auto.txt")

    def test_invalid_utf8_in_plain_text(self):
        for jobs_args, name in [(["--to", "cta-2024"], "single"), (["--to", "kk-Latn-2018"], "other")]:
            args = ["convert", "--from", "kk-Cyrl"] + jobs_args
            lines = with_bad_byte(corpus_lines())
            data = b"\r\n".join(lines) + b"\r\n"
            self.same_error(args, data, f"bad-{name}.txt", data.index(b"\xff"))
            one_line = b" ".join(lines)
            self.same_error(args, one_line, f"bad-{name}-one-line.txt", one_line.index(b"\xff"))

    def test_markup_formats(self):
        lines = corpus_lines()
        for format_name, make in FORMATS.items():
            args = ["convert", "--from", "kk-Cyrl", "--to", "cta-2024", "--format", format_name]
            document = make(lines)
            cases = {"lf": document, "crlf": document.replace(b"\n", b"\r\n"),
                     "no-final-newline": document.rstrip(b"\n"),
                     # one text node (or cue, or paragraph) of a few MiB, cut into pieces itself
                     "one-huge-text": make([b" ".join(lines)]),
                     "chain": document}
            for case, data in cases.items():
                with self.subTest(format=format_name, case=case):
                    # kk-Cyrl -> tr-Latn is a chain, through cta-2024
                    case_args = args if case != "chain" else ["convert", "--from", "kk-Cyrl", "--to", "tr-Latn",
                                                              "--format", format_name]
                    out = self.same_output(case_args, data, f"{format_name}-{case}.{format_name}")
                    self.assertTrue((b"Qazaq" if case != "chain" else b"Kazak") in out, "the text was not converted")
            bad = make(with_bad_byte(lines))
            with self.subTest(format=format_name, case="invalid UTF-8"):
                self.same_error(args, bad, f"{format_name}-bad.{format_name}", bad.index(b"\xff"))


if __name__ == "__main__":
    ORTAQ = sys.argv[1]
    SOURCE_DIR = sys.argv[2]
    sys.argv[1:] = sys.argv[3:]
    files = sorted(glob.glob(os.path.join(SOURCE_DIR, "..", "shared", "corpora", "kk-Cyrl", "*.txt")))
    if not files:
        sys.exit("no corpus in ../shared/corpora/kk-Cyrl")
    CORPUS = b"".join(open(f, "rb").read().rstrip(b"\n") + b"\n" for f in files)
    unittest.main()
