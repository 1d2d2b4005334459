#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the project's own files (nothing is copied into the repo).

    python3 tests/fuzz/make-seeds.py OUT_DIR

OUT_DIR/table/   every tables/**/*.tbl, and small tables that use each feature of the language
OUT_DIR/engine/  [selector][text]: the source column of every corpora/*.tsv golden file (in
                 groups of lines, with the selector of the table the file tests),
                 corpora/sample-kk-Cyrl.txt, and ill-formed UTF-8 under each policy
OUT_DIR/stream/  [selector][n][n plan bytes][text]: the same texts with chunk plans
The selector layout is ortaq_fuzz::Pick in fuzz_util.hpp: table (byte % count), policy
((byte / count) % 3).
"""
import hashlib
import os
import sys

# The order of ortaq_fuzz::TableSpecs() in fuzz_util.hpp: KEEP IN SYNC.
SEED_TABLES = [
    "kk-Cyrl--cta-2024", "kk-Cyrl--cta-1991", "kk-Cyrl--kk-Latn-2021", "kk-Cyrl--kk-Latn-2018",
    "kk-Cyrl--kk-Latn-2017", "kk-Cyrl--cta-2024 (options)", "kk-Cyrl--kk-Latn-2017 (options)",
    "kk-Cyrl--kk-Latn-2021 (options)", "kk-Latn-2018--kk-Cyrl", "kk-Latn-2017--kk-Cyrl",
    "kk-Latn-2021--kk-Cyrl", "cta-2024--kk-Cyrl", "tr-Latn--cta-2024", "kk-Latn-2018--cta-2024",
    "cta-2024--tr-Latn",
]
COUNT = len(SEED_TABLES)
LINES_PER_SEED = 8

# Small tables for the table fuzzer: one or two features each.
TABLE_SEEDS = {
    "classes-contexts.tbl": """@from kk-Cyrl
@to demo
class V = а ә е ё и о ө у ұ ү ы і э ю я
class C = б в г ғ д ж з й к қ л м н ң п р с т ф х һ ц ч ш щ
class Letter = V C
у > w / V _
у > u / C _
е > ye / # _
я > i'a / # _
ь > ∅
а > á / _ C+ ь ~V
и > ıy / V? _ C* #
сц > s
""",
    "options-guards.tbl": """@title options
@from kk-Cyrl
@to demo
@option kk-i = i | ï        ! how І is written
@option kk-u = ū | u | ŭ
і > {kk-i}
ұ > {kk-u}
[kk-u=u] ү > u
[kk-i=ï,kk-u=ŭ] ы > ı
test білім > bilim
test [kk-i=ï] білім > bïlïm
""",
    "exceptions-case.tbl": """@from kk-Cyrl
@to demo
@case auto
@case-pair i İ
@case-pair ı I
exception ащы > ashshy
exception коэффициент > koefısent
ш > sh
ы > ı
і > i
test Шымкент > Shımkent
test ШЫМКЕНТ > SHIMKENT
test Я КЕЛДІМ > YA KELDİM
""",
    "harmony.tbl": """@from kk-Cyrl
@to demo
class V = а ә е о ө ұ ү ы і
class Back = а о ұ ы
class Front = ә е ө ү і
@vowels V
и > ıy / Back... _
и > iy / Front... _
ю > yu / _ ...Back
""",
    "escapes.tbl": """@from src
@to dst
@case none
@source-case-pair i İ
@source-alphabet а б в
@target-alphabet a b v
а > \\u02B9a
б > \\U0001F600
в > \\s\\t\\!\\#\\_\\>\\/\\{\\\\
\\u0430\\u0301 > á
ъ > ∅
""",
    "inherit.tbl": """@title inherits the shipped base
@from kk-Cyrl
@to cta-demo
@inherit _base/kk-Cyrl--cta
і > ï
""",
    "chain.tbl": """@from kk-Cyrl
@to kk-Latn-2018
@chain kk-Cyrl--kk-Latn-2018
""",
    "long-output.tbl": """@from kk-Cyrl
@to demo
а > abcdefghijklmnopqrstuvwxyz
б > 0123456789
в > v
""",
    "errors.tbl": """@from kk-Cyrl
@to x
class V = а е
е > ye / Q _
а > a / {nope} _
[x=y] б > b
exception Ащы > a
""",
}

INVALID_TEXTS = [
    b"\xc0\x80", b"\xe0\x80\x80", b"\xf0\x80\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\x80\xbf", "Қазақ".encode() + b"\xe2\x82", "ай\xd0".encode("utf-8", "surrogateescape"),
    b"a\xf1\x80\x80\xe1\x80\xc2b\x80c\x80\xbfd", "Я\x00келдім\x00".encode(),
    b"\xef\xbb\xbf" + "Сәлем\r\nдүние\r\n".encode(), "\ufffd Қ\ufffdА".encode(),
]

# Chunk plans for the stream seeds (see fuzz_stream.cpp): sizes, splits inside UTF-8, large.
PLANS = [b"", b"\x01", b"\x02\x03", b"\xc8", b"\xc9\xca\xcb", b"\x00\x05", b"\x07\x40\xf0", b"\xcb\x01\xff"]


def write(directory, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def golden_sources(path):
    """The source column of a golden file, in groups of LINES_PER_SEED lines."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("@set"):
                continue
            lines.append(line.split("\t", 1)[0])
    for i in range(0, len(lines), LINES_PER_SEED):
        yield "\n".join(lines[i:i + LINES_PER_SEED]).encode("utf-8")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-seeds.py OUT_DIR")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    out = sys.argv[1]
    dirs = {name: os.path.join(out, name) for name in ("table", "engine", "stream")}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)

    tables = os.path.join(root, "tables")
    for base, _, files in os.walk(tables):
        for name in sorted(files):
            if name.endswith(".tbl"):
                with open(os.path.join(base, name), "rb") as f:
                    write(dirs["table"], f.read())
    for text in TABLE_SEEDS.values():
        write(dirs["table"], text.encode("utf-8"))

    texts = []  # (selector, bytes)
    corpora = os.path.join(root, "corpora")
    for name in sorted(os.listdir(corpora)):
        if name.endswith(".tsv") and name[:-4] in SEED_TABLES:
            index = SEED_TABLES.index(name[:-4])
            texts += [(index, t) for t in golden_sources(os.path.join(corpora, name))]
    with open(os.path.join(corpora, "sample-kk-Cyrl.txt"), "rb") as f:
        sample = f.read()
    for index in range(5):  # the five kk-Cyrl tables
        texts.append((index, sample))
    texts += [(0, line) for line in sample.split(b"\n") if line]
    texts.append((3, sample.rstrip(b"\n")))  # no final newline
    for i, bad in enumerate(INVALID_TEXTS):
        for policy in range(3):
            texts.append(((i % 5) + policy * COUNT, bad))

    for i, (selector, text) in enumerate(texts):
        write(dirs["engine"], bytes([selector]) + text)
        plan = PLANS[i % len(PLANS)]
        write(dirs["stream"], bytes([selector, len(plan)]) + plan + text)
    for name, d in dirs.items():
        print(f"{name}: {len(os.listdir(d))} seeds in {d}")


if __name__ == "__main__":
    main()
