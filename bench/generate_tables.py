#!/usr/bin/python3
"""Generated tables for bench/growth.sh: how compile time, memory and speed grow with a table.

- RULES_DIR/kk-Cyrl--cta-2024.tbl: the real table (it inherits the same bases) plus generated
  rules, so that it has ten times the rules of the real one: keys of three Cyrillic letters, a
  quarter of them at the start of a word (`/ # _`), outputs of Latin letters.
- LEXICON_DIR/cta-2024--kk-Cyrl.tbl: the real table with its stem lexicon replaced by 100,000
  generated stems (э followed by three consonant-vowel syllables: loans the reverse rules would
  read wrong), spelled by the forward table as any lexicon is.

Both are found before the built-in tables when their directory is on ORTAQ_TABLE_PATH. The
generation is deterministic (a fixed seed).

Usage: generate_tables.py TABLES_DIR RULES_DIR LEXICON_DIR"""
import os
import random
import re
import sys

tables, rules_dir, lexicon_dir = sys.argv[1:4]
rng = random.Random(16)
RULE = re.compile(r"^\S+ > \S+")


def rule_count(path):
    """Rules of a table and of the bases it inherits (their lines KEY > OUTPUT); the bases are
    named from the tables folder."""
    text = open(path, encoding="utf-8").read()
    count = sum(1 for line in text.splitlines() if RULE.match(line) and not line.startswith("test "))
    for base in re.findall(r"^@inherit (\S+)", text, re.M):
        count += rule_count(os.path.join(tables, base if base.endswith(".tbl") else base + ".tbl"))
    return count


forward = os.path.join(tables, "kk-Cyrl--cta-2024.tbl")
real = rule_count(forward)
letters = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
latin = "abcçdefgğhxıijkqlmnñoöprsştuūüvyz"
os.makedirs(rules_dir, exist_ok=True)
with open(os.path.join(rules_dir, "kk-Cyrl--cta-2024.tbl"), "w", encoding="utf-8") as out:
    # The real table's text, its @inherit resolved among the built-in tables.
    out.write(open(forward, encoding="utf-8").read())
    out.write(f"\n! ---- {9 * real} generated rules (bench/generate_tables.py): 10 x the {real} of the real table\n")
    seen = set()
    while len(seen) < 9 * real:
        key = "".join(rng.choice(letters) for _ in range(3))
        context = " / # _" if rng.random() < 0.25 else ""
        if (key, context) in seen:
            continue
        seen.add((key, context))
        output = "".join(rng.choice(latin) for _ in range(rng.randint(2, 4)))
        out.write(f"{key} > {output}{context}\n")

consonants = "бджзклмнпрстшқғ"
vowels = "аоеұүөыә"
syllables = [c + v for c in consonants for v in vowels]
combinations = len(syllables) ** 3
step = 1_000_003  # a prime: i * step mod combinations visits each combination once
os.makedirs(os.path.join(lexicon_dir, "lexicon"), exist_ok=True)
with open(os.path.join(lexicon_dir, "lexicon", "generated-stems.txt"), "w", encoding="utf-8") as out:
    out.write("! 100,000 generated stems (bench/generate_tables.py)\n")
    for i in range(100_000):
        n = i * step % combinations
        stem = "э"
        for _ in range(3):
            stem += syllables[n % len(syllables)]
            n //= len(syllables)
        out.write(stem + "-\n")
reverse = open(os.path.join(tables, "cta-2024--kk-Cyrl.tbl"), encoding="utf-8").read()
reverse, replaced = re.subn(r"^@lexicon lexicon/kk-Cyrl-stems.txt", "@lexicon lexicon/generated-stems.txt", reverse,
                            flags=re.M)
if replaced != 1:
    sys.exit("cta-2024--kk-Cyrl.tbl: no @lexicon line to replace")
with open(os.path.join(lexicon_dir, "cta-2024--kk-Cyrl.tbl"), "w", encoding="utf-8") as out:
    out.write(reverse)
