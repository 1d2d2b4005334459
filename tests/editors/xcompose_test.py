#!/usr/bin/python3
"""`ortaq export --format xkb` with `--format xcompose`, in libxkbcommon (ctest editors_xcompose).

XKB gives a key one character, so the layout's keys whose Cyrillic letter converts to several
letters (Щ → Şç) send the Unicode keysym of that letter (U0429), and the XCompose file turns
that one keysym into the letters. This test does what a Wayland or Qt client does with
libxkbcommon (Debian's libxkbcommon0, through ctypes): compiles a keymap with the generated
layout from the system's XKB rules, loads the generated Compose file (which includes the
locale's own, from libx11-data) for en_US.UTF-8, presses keys (Shift too) and feeds their
keysyms to the Compose state. Every key must type what `ortaq export --format json` says,
sentences come out whole, and the Kazakh Cyrillic layout's Щ (keysym Cyrillic_SHCHA) is left
alone by the same Compose table.

Usage: xcompose_test.py PATH/TO/ortaq   (ctest passes it)"""
import ctypes
import json
import os
import subprocess
import sys
import tempfile
import unittest

ORTAQ = None

ROWS = [("AE", "1234567890-=", "!@#$%^&*()_+"), ("AD", "qwertyuiop[]", "QWERTYUIOP{}"),
        ("AC", "asdfghjkl;'", 'ASDFGHJKL:"'), ("AB", "zxcvbnm,./", "ZXCVBNM<>?")]
US_KEYS = {}  # US character -> (XKB key name, shifted)
for prefix, lower, upper in ROWS:
    for i, (a, b) in enumerate(zip(lower, upper)):
        US_KEYS[a] = ("%s%02d" % (prefix, i + 1), False)
        US_KEYS[b] = ("%s%02d" % (prefix, i + 1), True)

XKB_KEY_UP, XKB_KEY_DOWN = 0, 1
XKB_COMPOSE_NOTHING, XKB_COMPOSE_COMPOSING, XKB_COMPOSE_COMPOSED, XKB_COMPOSE_CANCELLED = 0, 1, 2, 3
XKB_KEY_Cyrillic_SHCHA = 0x6FD  # what kz(basic) sends for Щ


class RuleNames(ctypes.Structure):
    _fields_ = [(name, ctypes.c_char_p) for name in ("rules", "model", "layout", "variant", "options")]


_x = ctypes.CDLL("libxkbcommon.so.0")
for name, restype, argtypes in [
        ("xkb_context_new", ctypes.c_void_p, [ctypes.c_int]),
        ("xkb_context_include_path_append", ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p]),
        ("xkb_keymap_new_from_names", ctypes.c_void_p, [ctypes.c_void_p, ctypes.POINTER(RuleNames), ctypes.c_int]),
        ("xkb_keymap_key_by_name", ctypes.c_uint32, [ctypes.c_void_p, ctypes.c_char_p]),
        ("xkb_state_new", ctypes.c_void_p, [ctypes.c_void_p]),
        ("xkb_state_update_key", ctypes.c_int, [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int]),
        ("xkb_state_key_get_one_sym", ctypes.c_uint32, [ctypes.c_void_p, ctypes.c_uint32]),
        ("xkb_keysym_to_utf8", ctypes.c_int, [ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t]),
        ("xkb_compose_table_new_from_buffer", ctypes.c_void_p,
         [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]),
        ("xkb_compose_state_new", ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int]),
        ("xkb_compose_state_feed", ctypes.c_int, [ctypes.c_void_p, ctypes.c_uint32]),
        ("xkb_compose_state_get_status", ctypes.c_int, [ctypes.c_void_p]),
        ("xkb_compose_state_get_utf8", ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]),
        ("xkb_compose_state_reset", None, [ctypes.c_void_p])]:
    getattr(_x, name).restype = restype
    getattr(_x, name).argtypes = argtypes


def export(fmt, *args):
    p = subprocess.run([ORTAQ, "export", "--format", fmt, "--name", "ortaq-test"] + list(args),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout


class Keyboard:
    """A keymap of the system's evdev rules with one layout, and a Compose table, as a client
    sets them up; type() presses keys and returns the text the client would insert."""

    def __init__(self, layout, compose_text, xkb_dir=None):
        self.context = _x.xkb_context_new(0)
        assert self.context
        if xkb_dir:  # after the default paths: only our layout's name is found there
            assert _x.xkb_context_include_path_append(self.context, xkb_dir.encode())
        names = RuleNames(b"evdev", b"pc105", layout.encode(), b"", b"")
        self.keymap = _x.xkb_keymap_new_from_names(self.context, ctypes.byref(names), 0)
        assert self.keymap, "libxkbcommon could not compile the layout " + layout
        self.state = _x.xkb_state_new(self.keymap)
        data = compose_text.encode()
        self.table = _x.xkb_compose_table_new_from_buffer(self.context, data, len(data), b"en_US.UTF-8", 1, 0)
        assert self.table, "libxkbcommon could not read the Compose file"
        self.compose = _x.xkb_compose_state_new(self.table, 0)
        self.shift = self.code("LFSH")

    def code(self, name):
        code = _x.xkb_keymap_key_by_name(self.keymap, name.encode())
        assert code != 0xFFFFFFFF, name
        return code

    def press(self, name, shifted):
        """The keysym of one key press (with Shift held when asked)."""
        code = self.code(name)
        if shifted:
            _x.xkb_state_update_key(self.state, self.shift, XKB_KEY_DOWN)
        _x.xkb_state_update_key(self.state, code, XKB_KEY_DOWN)
        keysym = _x.xkb_state_key_get_one_sym(self.state, code)
        _x.xkb_state_update_key(self.state, code, XKB_KEY_UP)
        if shifted:
            _x.xkb_state_update_key(self.state, self.shift, XKB_KEY_UP)
        return keysym

    def feed(self, keysym):
        """What a client inserts for a keysym: the composed text, the keysym's own character
        when no sequence starts with it, nothing while a sequence is open."""
        _x.xkb_compose_state_feed(self.compose, keysym)
        status = _x.xkb_compose_state_get_status(self.compose)
        buffer = ctypes.create_string_buffer(64)
        if status == XKB_COMPOSE_COMPOSED:
            _x.xkb_compose_state_get_utf8(self.compose, buffer, 64)
            _x.xkb_compose_state_reset(self.compose)
            return buffer.value.decode()
        if status == XKB_COMPOSE_NOTHING:
            _x.xkb_keysym_to_utf8(keysym, buffer, 64)
            return buffer.value.decode()
        if status == XKB_COMPOSE_CANCELLED:
            _x.xkb_compose_state_reset(self.compose)
        return ""

    def type(self, us_keys):
        """Types keys given as a US keyboard sends them (spaces as they are)."""
        return "".join(" " if c == " " else self.feed(self.press(*US_KEYS[c])) for c in us_keys)


class XCompose(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        os.mkdir(os.path.join(cls.dir.name, "symbols"))
        with open(os.path.join(cls.dir.name, "symbols", "ortaq-test"), "w", encoding="utf-8") as f:
            f.write(export("xkb", "--to", "cta-2024"))
        cls.compose = export("xcompose", "--to", "cta-2024")
        cls.keyboard = Keyboard("ortaq-test", cls.compose, cls.dir.name)
        cls.keys = json.loads(export("json", "--to", "cta-2024"))["keys"]

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_every_key_types_its_conversion(self):
        several = 0
        for entry in self.keys:
            output = entry["output"]
            if output == "" or any(c.isspace() for c in output):
                continue  # nothing to type (Ъ, Ь): the key keeps its letter, with no sequence
            several += len(output) > 1
            typed = self.keyboard.type(entry["key"])
            self.assertEqual(typed, output, "key %r (%s)" % (entry["key"], entry["source"]))
        self.assertGreaterEqual(several, 8)  # Ц Щ Я Ю, lower and upper

    def test_sentence(self):
        # "Ащы Юта мен Ялта Цой" on the Kazakh layout's keys (as a US keyboard sends them).
        self.assertEqual(self.keyboard.type("Fos >nf vty Zknf Wjq"), "Aşçı Yuta men Yalta Tsoy")

    def test_the_file(self):
        self.assertIn('include "%L"', self.compose)
        self.assertIn('<U0429> : "Şç"', self.compose)
        # Only the keys that need it: no sequence for a one-letter key, none for Ъ and Ь.
        self.assertNotIn("<U0430>", self.compose)
        self.assertNotIn("<U044A>", self.compose)

    def test_cyrillic_layout_left_alone(self):
        # The same Compose table with Kazakh Cyrillic (kz): its Щ is another keysym and stays Щ.
        cyrillic = Keyboard("kz", self.compose)
        self.assertEqual(cyrillic.press("AD09", True), XKB_KEY_Cyrillic_SHCHA)
        self.assertEqual(cyrillic.type("Fos"), "Ащы")

    def test_without_the_compose_file(self):
        # The layout alone: the key types its Cyrillic letter, never a stray character.
        plain = Keyboard("ortaq-test", "# empty\n", self.dir.name)
        self.assertEqual(plain.type("Fos"), "Aщı")


if __name__ == "__main__":
    ORTAQ = sys.argv[1]
    unittest.main(argv=sys.argv[:1], verbosity=2)
