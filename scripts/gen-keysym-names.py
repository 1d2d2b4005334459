#!/usr/bin/env python3
"""Writes lib/src/compare/keysym_names.inc: the X keysym names of letters (Latin-1, Latin
Extended, IPA, Cyrillic) and apostrophes with their code points, read from X.Org's keysymdef.h
(Debian package x11proto-dev). `ortaq compare` needs them to read xkb-data's symbols files.

    scripts/gen-keysym-names.py [/usr/include/X11/keysymdef.h]
"""
import os
import re
import sys

header = sys.argv[1] if len(sys.argv) > 1 else "/usr/include/X11/keysymdef.h"
target = os.path.join(os.path.dirname(__file__), "..", "lib", "src", "compare", "keysym_names.inc")
pattern = re.compile(r"#define XK_(\w+)\s+0x[0-9a-fA-F]+\s*/\*[ (]*U\+([0-9A-Fa-f]{4,6})")
entries = {}
for line in open(header, encoding="latin-1"):
    m = pattern.match(line)
    if not m:
        continue
    name, cp = m.group(1), int(m.group(2), 16)
    wanted = (0xC0 <= cp <= 0x2FF and cp not in (0xD7, 0xF7)) or 0x400 <= cp <= 0x4FF \
        or cp in (0x27, 0x60, 0x2018, 0x2019)
    if len(name) > 1 and wanted and name not in entries:
        entries[name] = cp
with open(target, "w", encoding="utf-8") as f:
    f.write("// X keysym names of the letters (and apostrophes) a layout may type, with their code points:\n")
    f.write("// the Latin, IPA and Cyrillic entries of X.Org's keysymdef.h (x11proto-dev), which xkb-data's\n")
    f.write("// symbols files name. Keysyms written \"U04D9\" need no entry. Regenerate with\n")
    f.write("// scripts/gen-keysym-names.py when a layout names a letter missing here.\n")
    for name in sorted(entries):
        f.write('{"%s", 0x%04X},\n' % (name, entries[name]))
