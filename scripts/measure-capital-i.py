#!/usr/bin/env python3
"""Share of capital І and И read right by the 2018 reverse table (issue 15.3): the Kazakh
Cyrillic files are written in 2018 Latin, where both are I, and read back; every capital І or
И of the input whose word comes back with as many letters is checked at its place.
Usage: scripts/measure-capital-i.py ORTAQ_BINARY FILE...   (run from the repository root)"""
import re, subprocess, sys

ortaq, files = sys.argv[1], sys.argv[2:]
text = "".join(open(f, encoding="utf-8").read() for f in files)
run = lambda args, data: subprocess.run([ortaq] + args, input=data, capture_output=True, text=True, check=True).stdout
back = run(["convert", "--from", "kk-Latn-2018", "--to", "kk-Cyrl"], run(["convert", "--from", "kk-Cyrl", "--to", "kk-Latn-2018"], text))
a, b = text.split(), back.split()
assert len(a) == len(b)
stats = {"І": [0, 0], "И": [0, 0]}
for x, y in zip(a, b):
    if len(x) != len(y): continue
    for i, c in enumerate(x):
        if c in stats:
            stats[c][0] += 1
            stats[c][1] += y[i] == c
total = sum(s[0] for s in stats.values()); right = sum(s[1] for s in stats.values())
print(f"capital I read right: {right}/{total} = {100.0 * right / max(total, 1):.1f}%  "
      f"(І {stats['І'][1]}/{stats['І'][0]}, И {stats['И'][1]}/{stats['И'][0]})")
