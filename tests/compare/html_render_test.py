"""The HTML report of `ortaq compare` rendered by headless Chromium (Debian's `chromium`): it
renders (the DOM Chromium builds has the title, the summary table and the charts; the screenshot
is a PNG of the window's size), and every figure in the rendered DOM equals the JSON report's.
The screenshot is kept under the build tree (argument 3) for people to look at."""
import html.parser
import json
import os
import struct
import subprocess
import sys
import tempfile
import unittest

ORTAQ, SOURCE_DIR, OUT_DIR = sys.argv[1], sys.argv[2], sys.argv[3]
CORPUS = os.path.join(SOURCE_DIR, "corpora", "sample-kk-Cyrl.txt")
PROPOSALS = ["cta-2024", "cta-2024:kk-i=ï", "kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017"]
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--hide-scrollbars"]
WIDTH, HEIGHT = 412, 2400  # a phone's width: the page must be readable there


class Cells(html.parser.HTMLParser):
    """The <td data-measure> cells of the rendered DOM: (proposal, measure) -> (data-value, text)."""

    def __init__(self):
        super().__init__()
        self.cells, self.current, self.svgs, self.h1 = {}, None, 0, ""
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-measure" in a:
            self.current = [(a["data-proposal"], a["data-measure"]), a.get("data-value"), ""]
        if tag == "svg":
            self.svgs += 1
        self.in_h1 = tag == "h1"

    def handle_data(self, data):
        if self.current is not None:
            self.current[2] += data
        if self.in_h1:
            self.h1 += data

    def handle_endtag(self, tag):
        if tag == "td" and self.current is not None:
            self.cells[self.current[0]] = (self.current[1], self.current[2].strip())
            self.current = None
        if tag == "h1":
            self.in_h1 = False


def run(*args):
    p = subprocess.run(args, capture_output=True, timeout=300)
    if p.returncode != 0:
        raise AssertionError(f"{args[0]} failed ({p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return p.stdout


class HtmlReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(OUT_DIR, exist_ok=True)
        cls.page = os.path.join(OUT_DIR, "compare-report.html")
        if os.path.exists(cls.page):
            os.remove(cls.page)
        run(ORTAQ, "compare", "--from", "kk-Cyrl", "--format", "html", "-o", cls.page, *PROPOSALS, CORPUS)
        cls.report = json.loads(run(ORTAQ, "compare", "--from", "kk-Cyrl", "--format", "json", *PROPOSALS, CORPUS))
        with tempfile.TemporaryDirectory() as profile:
            cls.dom = run(*CHROMIUM, f"--user-data-dir={profile}", "--dump-dom", "file://" + cls.page).decode()
        cls.cells = Cells()
        cls.cells.feed(cls.dom)

    def test_renders(self):
        self.assertEqual(self.cells.h1.strip(), "Alphabet proposals compared")
        self.assertGreaterEqual(self.cells.svgs, 12 + len(PROPOSALS))  # a chart per measure and per proposal
        shot = os.path.join(OUT_DIR, "compare-report.png")
        if os.path.exists(shot):
            os.remove(shot)
        with tempfile.TemporaryDirectory() as profile:
            run(*CHROMIUM, f"--user-data-dir={profile}", f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}",
                "file://" + self.page)
        with open(shot, "rb") as f:
            png = f.read()
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", png[16:24])
        self.assertEqual((width, height), (WIDTH, HEIGHT))
        self.assertGreater(len(png), 20000, "the screenshot is nearly empty")

    def test_figures_in_the_rendered_dom_equal_the_json(self):
        measures = ["non_ascii_per_100_letters", "words_with_non_ascii", "homograph_groups", "ascii_fold_collisions",
                    "digraphs_per_100_letters", "false_digraphs"]
        checked = 0
        for proposal in self.report["proposals"]:
            for measure in measures:
                if measure not in proposal:
                    continue
                key = (proposal["id"], measure)
                self.assertIn(key, self.cells.cells, key)
                value, text = self.cells.cells[key]
                expected = float(proposal[measure])
                self.assertAlmostEqual(float(value), expected, places=9, msg=key)
                decimals = len(text.split(".")[1]) if "." in text else 0
                # The shown figure is the value rounded (the JSON's own may carry fewer digits).
                self.assertLessEqual(abs(float(text) - expected), 0.5 * 10 ** -decimals + 1e-4, key)
                checked += 1
            shown = self.cells.cells[(proposal["id"], "letters")][1].split()
            self.assertEqual(shown, [l if isinstance(l, str) else l["letter"] for l in proposal["letters"]])
        self.assertGreaterEqual(checked, 4 * len(PROPOSALS))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
