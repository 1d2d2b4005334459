#!/usr/bin/python3
"""`ortaq export --format xkb` compiled by xkbcomp (ctest editors_xkb).

The generated symbols file is put in a temporary XKB directory, a whole keymap using it
(pc + the layout, evdev keycodes) is compiled by `xkbcomp -xkb`, and the compiled keymap is
read back: every key of the layout must type, at its two levels, what `ortaq export --format
json` says that key converts to (or its Cyrillic letter, when that is more than one character),
and sentences typed on the Kazakh layout's keys must come out as the table writes them.
Keysym names are turned into characters by libX11's XStringToKeysym, which xkbcomp itself uses.

Usage: xkb_test.py PATH/TO/ortaq PATH/TO/xkbcomp   (ctest passes them)"""
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

ORTAQ = XKBCOMP = None

# The XKB names of the keys, row by row, and what a US keyboard sends for each (as in
# tools/export_desktop.cpp, from the XKB keycodes: <AE01> is the 1 key).
ROWS = [("AE", "1234567890-=", "!@#$%^&*()_+"), ("AD", "qwertyuiop[]", "QWERTYUIOP{}"),
        ("AC", "asdfghjkl;'", 'ASDFGHJKL:"'), ("AB", "zxcvbnm,./", "ZXCVBNM<>?")]
US_KEYS = {}  # US character -> (key name, level)
for prefix, lower, upper in ROWS:
    for i, (a, b) in enumerate(zip(lower, upper)):
        US_KEYS[a] = ("%s%02d" % (prefix, i + 1), 0)
        US_KEYS[b] = ("%s%02d" % (prefix, i + 1), 1)

_x11 = ctypes.CDLL("libX11.so.6")
_x11.XStringToKeysym.restype = ctypes.c_ulong
_x11.XStringToKeysym.argtypes = [ctypes.c_char_p]


def keysym_char(name):
    """The character a keysym name types: Latin-1 keysyms are their code point, Unicode
    keysyms 0x01000000 plus theirs."""
    keysym = _x11.XStringToKeysym(name.encode())
    if 0x20 <= keysym <= 0xFF:
        return chr(keysym)
    if keysym & 0xFF000000 == 0x01000000:
        return chr(keysym & 0xFFFFFF)
    raise AssertionError("keysym %r (0x%x) is not one the layout should have" % (name, keysym))


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def compile_layout(*export_args):
    """The compiled keymap's levels of each key, {"AE01": ["\"", "!"], ...}, and xkbcomp's stderr."""
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, "symbols"))
        p = run([ORTAQ, "export", "--format", "xkb", "--name", "ortaq-test"] + list(export_args))
        assert p.returncode == 0, p.stderr
        with open(os.path.join(d, "symbols", "ortaq-test"), "w", encoding="utf-8") as f:
            f.write(p.stdout)
        with open(os.path.join(d, "keymap.xkb"), "w") as f:
            f.write('xkb_keymap {\n  xkb_keycodes { include "evdev+aliases(qwerty)" };\n'
                    '  xkb_types { include "complete" };\n  xkb_compat { include "complete" };\n'
                    '  xkb_symbols { include "pc+ortaq-test" };\n};\n')
        out = os.path.join(d, "out.xkb")
        c = run([XKBCOMP, "-I" + d, "-xkb", os.path.join(d, "keymap.xkb"), out])
        assert c.returncode == 0, c.stderr
        with open(out, encoding="utf-8") as f:
            dump = f.read()
    keys = {}
    for name, symbols in re.findall(r"key <(\w+)> \{[^}]*?symbols\[Group1\]=\s*\[([^\]]*)\]", dump):
        keys[name] = [s.strip() for s in symbols.split(",")]
    return keys, c.stderr


def type_keys(keys, text):
    """What typing `text` (as a US keyboard sends it; spaces as they are) gives."""
    typed = ""
    for c in text:
        if c == " ":
            typed += " "
        else:
            name, level = US_KEYS[c]
            typed += keysym_char(keys[name][level])
    return typed


class Xkb(unittest.TestCase):
    def test_compiles_and_every_key_types_its_conversion(self):
        keys, stderr = compile_layout("--to", "cta-2024")
        # xkbcomp warns about keycodes the pc layout does not use; nothing about our symbols.
        self.assertNotRegex(stderr, r"(?i)error|keysym|ortaq-test")
        p = run([ORTAQ, "export", "--format", "json", "--to", "cta-2024"])
        self.assertEqual(p.returncode, 0, p.stderr)
        kept = 0
        for entry in json.loads(p.stdout)["keys"]:
            name, level = US_KEYS[entry["key"]]
            one = len(entry["output"]) == 1
            kept += not one
            self.assertEqual(keysym_char(keys[name][level]), entry["output"] if one else entry["source"],
                             "%s (%s, %s)" % (name, entry["key"], entry["source"]))
        self.assertGreater(kept, 0)  # Ц, Щ, Я, Ю, Ъ, Ь keep their letters
        # Keys the layout leaves to kz(basic) keep its symbols: <TLDE> types ( and ).
        self.assertEqual(keys["TLDE"][:2], ["parenleft", "parenright"])

    def test_sentences_typed(self):
        keys, _ = compile_layout("--to", "cta-2024")
        # Қазақстан Республикасы on the Kazakh layout's keys (see tests/editors/vim_keymap_test.vim).
        self.assertEqual(type_keys(keys, ")fpf0cnfy Htcge,kbrfcs"), "Qazaqstan Respublikası")
        self.assertEqual(type_keys(keys, "2345 89- Isvrtyn7"), "äiñğ üūö Şımkent.")
        # The keysyms themselves, for a few keys: ә on 2, ш on i (no Latin-1 keysym: Unicode),
        # ц on w (written ts: kept).
        self.assertEqual(keys["AE02"][:2], ["adiaeresis", "Adiaeresis"])
        self.assertEqual(keys["AD08"][:2], ["U015F", "U015E"])
        self.assertEqual(keys["AD02"][:2], ["U0446", "U0426"])

    def test_setting_and_other_targets(self):
        keys, _ = compile_layout("--to", "cta-2024", "--set", "kk-i=ï")
        self.assertEqual(type_keys(keys, ",3k3v"), "bïlïm")
        keys, _ = compile_layout("--to", "kk-Latn-2021")
        self.assertEqual(type_keys(keys, ")fpf0cnfy"), "Qazaqstan")

    def test_unknown_target_writes_nothing(self):
        p = run([ORTAQ, "export", "--format", "xkb", "--to", "no-such-alphabet"])
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stdout, "")
        self.assertIn("no-such-alphabet", p.stderr)


if __name__ == "__main__":
    ORTAQ, XKBCOMP = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=2)
