#!/usr/bin/python3
"""Writes the Kazakh corpus (every .txt of CORPUS_DIR, each ending in one newline) repeated in
whole copies until OUT holds at least MIB MiB; with --one-line, newlines become spaces (the same
bytes as one line). For bench/run.sh, bench/io.sh and bench/growth.sh.

Usage: make_input.py CORPUS_DIR OUT MIB [--one-line]"""
import glob
import os
import sys

corpus_dir, out_path, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(os.path.join(corpus_dir, "*.txt")))
if not files:
    sys.exit(f"no corpus in {corpus_dir}")
corpus = b"".join(open(f, "rb").read().rstrip(b"\n") + b"\n" for f in files)
if "--one-line" in sys.argv[4:]:
    corpus = corpus.replace(b"\n", b" ")
with open(out_path, "wb") as out:
    for _ in range(-(-(mib << 20) // len(corpus))):
        out.write(corpus)
