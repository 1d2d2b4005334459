#!/usr/bin/env python3
"""Measures how the reverse tables treat words of other languages in Kazakh Latin text.

Each input file (Kazakh Cyrillic with some Latin-script words: brands, English) is written in
a Kazakh Latin alphabet with the forward table, which leaves Latin words alone, and read back
with the reverse table. Reported per alphabet:
  kept     Latin-script word tokens of the input that come back as written (foreign kept);
  wrongly  Kazakh Cyrillic word tokens that come back still in Latin (Kazakh taken as foreign).
Usage: scripts/measure-foreign.py ORTAQ_BINARY FILE...   (run from the repository root)"""
import re, subprocess, sys

ortaq, files = sys.argv[1], sys.argv[2:]
text = "".join(open(f, encoding="utf-8").read() for f in files)
TOKEN = re.compile(r"\S+")
LATIN_WORD = re.compile(r"^[^\w]*[A-Za-z]+[^\w]*$")
CYR_WORD = re.compile(r"^[^\w]*[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+[^\w]*$")

def run(args, data):
    return subprocess.run([ortaq] + args, input=data, capture_output=True, text=True, check=True).stdout

for alphabet, settings in (("kk-Latn-2017", []), ("kk-Latn-2018", []), ("kk-Latn-2021", []), ("cta-2024", ["--set", "kk-i=ï"])):
    latin = run(["convert", "--from", "kk-Cyrl", "--to", alphabet] + settings, text)
    back = run(["convert", "--from", alphabet, "--to", "kk-Cyrl"] + settings, latin)
    a, b = TOKEN.findall(text), TOKEN.findall(back)
    if len(a) != len(b):
        print(alphabet, "token counts differ; skipped"); continue
    latin_total = latin_kept = kazakh_total = kazakh_latin = 0
    for x, y in zip(a, b):
        if LATIN_WORD.match(x):
            latin_total += 1
            latin_kept += x == y
        elif CYR_WORD.match(x):
            kazakh_total += 1
            kazakh_latin += bool(re.search(r"[A-Za-z]", y))
    print(f"{alphabet:13} Latin words kept {latin_kept}/{latin_total} = {100.0 * latin_kept / max(latin_total, 1):.1f}%;"
          f" Kazakh words left in Latin {kazakh_latin}/{kazakh_total}")
