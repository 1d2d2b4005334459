#!/usr/bin/python3
"""The progress line of `ortaq convert`, with standard error on a pseudo-terminal (the pty
module): shown for big inputs, redrawn in place with bytes, rate, time left and the file name,
cleared at the end; forced by --progress, suppressed by --no-progress, and never written when
standard error is not a terminal.

Usage: progress_test.py PATH/TO/ortaq   (ctest passes it)"""
import os
import pty
import select
import subprocess
import sys
import tempfile
import time
import unittest

ORTAQ = None
LINE = "Қазақстан Республикасы — Орталық Азиядағы мемлекет. ШЫМКЕНТ, Алматы, ащы.\n".encode()


def run_on_pty(args, cwd, slow_reader_seconds=0.0):
    """Runs ortaq with stderr on a pty and stdout on a pipe read slowly for the first
    `slow_reader_seconds` (so that a conversion lasts long enough for the line to be redrawn).
    Returns (exit code, stdout bytes, what reached the terminal)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([ORTAQ] + args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    start = time.time()
    out, term = b"", b""
    stdout_open = True
    while stdout_open:
        ready, _, _ = select.select([p.stdout, master], [], [], 60)
        if not ready:
            p.kill()
            raise AssertionError("ortaq wrote nothing for 60 s")
        if master in ready:
            try:
                term += os.read(master, 4096)
            except OSError:
                pass
        if p.stdout in ready:
            chunk = p.stdout.read1(1 << 16)
            stdout_open = bool(chunk)
            out += chunk
            if time.time() - start < slow_reader_seconds:
                time.sleep(0.05)
    p.wait(timeout=60)
    p.stdout.close()
    while select.select([master], [], [], 0.2)[0]:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the terminal's last writer is gone
            break
        if not data:
            break
        term += data
    os.close(master)
    return p.returncode, out, term


class Progress(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        with open(os.path.join(cls.dir.name, "big.txt"), "wb") as f:
            f.write(LINE * ((8 << 20) // len(LINE) + 1))  # a little over 8 MiB
        with open(os.path.join(cls.dir.name, "small.txt"), "wb") as f:
            f.write(LINE)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def convert(self, *extra):
        return ["convert", "-f", "kk-Cyrl", "-t", "cta-2024"] + list(extra)

    def test_a_big_input_shows_a_line_redrawn_in_place_and_cleared(self):
        code, out, term = run_on_pty(self.convert("big.txt"), self.dir.name, slow_reader_seconds=1.5)
        self.assertEqual(code, 0, term)
        self.assertTrue(out.startswith(b"Qazaqstan Respublikas"), out[:40])
        frames = term.split(b"\r")[1:]
        self.assertGreaterEqual(len(frames), 3, term)  # the first frame, redraws, the clearing
        text = term.decode("utf-8", "replace")
        self.assertIn("of 8.0 MiB", text)
        self.assertIn("big.txt", text)
        self.assertIn("/s", text)    # the rate
        self.assertIn("left", text)  # the time left
        self.assertIn("%", text)
        self.assertTrue(term.endswith(b"\r\x1b[K"), term[-40:])  # cleared at the end
        self.assertNotIn(b"\n", term)  # redrawn in place, never scrolled

    def test_no_progress_and_small_inputs_are_silent(self):
        code, out, term = run_on_pty(self.convert("--no-progress", "big.txt"), self.dir.name)
        self.assertEqual((code, term), (0, b""))
        code, out, term = run_on_pty(self.convert("small.txt"), self.dir.name)
        self.assertEqual((code, term), (0, b""))
        code, out, term = run_on_pty(self.convert("--progress", "small.txt"), self.dir.name)
        self.assertEqual(code, 0)
        self.assertIn(b"small.txt", term)
        self.assertTrue(term.endswith(b"\r\x1b[K"), term)

    def test_never_when_stderr_is_not_a_terminal(self):
        p = subprocess.run([ORTAQ] + self.convert("--progress", "big.txt"), cwd=self.dir.name,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual((p.returncode, p.stderr), (0, b""))


if __name__ == "__main__":
    ORTAQ = os.path.abspath(sys.argv.pop(1))
    unittest.main()
