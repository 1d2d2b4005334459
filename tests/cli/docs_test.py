#!/usr/bin/python3
"""Help and docs of `ortaq` kept true: every example at the end of each command's --help runs
and succeeds; the man page (tools/man/ortaq.1) formats without a groff warning and names every
flag of every command; the bash completion offers commands, flags, alphabet ids and --set
values; the zsh completion parses.

Usage: docs_test.py PATH/TO/ortaq SOURCE_DIR   (ctest passes them)"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ORTAQ = SOURCE = None


def help_of(command):
    args = [ORTAQ] + ([command] if command else []) + ["--help"]
    p = subprocess.run(args, capture_output=True, text=True, timeout=30)
    assert p.returncode == 0, p.stderr
    return p.stdout


def commands():
    text = help_of(None)
    block = text[text.index("Subcommands:"):]
    return re.findall(r"^  ([a-z][a-z-]*) ", block, re.M)


def flags(help_text):
    found = []
    for line in help_text.splitlines():
        m = re.match(r"^  (-\S+)", line)
        if m:
            found += [re.sub(r"\{.*\}", "", f) for f in m.group(1).split(",")]
    return found


class HelpExamples(unittest.TestCase):
    def test_each_commands_help_ends_with_examples_that_run(self):
        self.assertIn("convert", commands())
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "notes.txt"), "w") as f:
                f.write("Қазақстан Республикасы\n")
            with open(os.path.join(d, "records.jsonl"), "w") as f:
                f.write('{"id": 1, "text": "Қазақ"}\n')
            env = dict(os.environ, PATH=os.path.dirname(ORTAQ) + os.pathsep + os.environ["PATH"])
            for command in commands():
                text = help_of(command)
                tail = text.rstrip("\n").split("\n")
                examples = []
                while tail and tail[-1].startswith("  $ "):
                    examples.insert(0, tail.pop()[4:])
                self.assertTrue(tail and tail[-1] == "Examples:", command + ": --help does not end with examples")
                self.assertTrue(2 <= len(examples) <= 3, command)
                for example in examples:
                    self.assertTrue(example.startswith("ortaq " + command) or "| ortaq " + command in example, example)
                    p = subprocess.run(["sh", "-c", example], cwd=d, env=env, capture_output=True, timeout=120)
                    self.assertEqual(p.returncode, 0, f"{example}: {p.stderr.decode()}")
                    if " -o " not in example:
                        self.assertTrue(p.stdout, example)
            with open(os.path.join(d, "notes.latn.txt")) as f:
                self.assertEqual(f.read(), "Qazaqstan Respublikasy\n")


class ManPage(unittest.TestCase):
    page = None

    @classmethod
    def setUpClass(cls):
        cls.page = os.path.join(SOURCE, "tools", "man", "ortaq.1")

    def test_formats_without_warnings(self):
        p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", self.page], capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stderr), (0, ""))
        if shutil.which("man"):
            p = subprocess.run(["man", "--warnings", "-l", self.page], capture_output=True, text=True,
                               env=dict(os.environ, MANWIDTH="80", MANPAGER="cat", PAGER="cat"))
            self.assertEqual((p.returncode, p.stderr), (0, ""))
            self.assertIn("EXIT STATUS", p.stdout)

    def test_names_every_command_and_flag(self):
        with open(self.page) as f:
            source = f.read().replace("\\-", "-")
        for command in commands():
            self.assertTrue(f'.SS "ortaq {command}"' in source, f"no section for {command}")
            for flag in flags(help_of(command)):
                self.assertTrue(re.search(re.escape(flag) + r"(?![\w-])", source), f"{command} {flag} not in the man page")
        for flag in flags(help_of(None)):
            self.assertTrue(flag in source, flag)
        for section in ["EXIT STATUS", "JSON OUTPUT", "EXAMPLES", "OUTPUT FILES", "SEVERAL INPUTS"]:
            self.assertTrue(re.search(r'^\.SH "?' + section + '"?$', source, re.M), section)


class Completion(unittest.TestCase):
    def complete(self, *words):
        script = (f"source '{SOURCE}/tools/completion/ortaq.bash'\n"
                  "COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                  "_ortaq; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
        env = dict(os.environ, PATH=os.path.dirname(ORTAQ) + os.pathsep + os.environ["PATH"])
        p = subprocess.run(["bash", "-c", script, "bash"] + list(words), capture_output=True, text=True,
                           env=env, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        return [w for w in p.stdout.split("\n") if w]

    def test_bash_completes_commands_flags_ids_and_values(self):
        self.assertEqual(self.complete("ortaq", "con"), ["convert"])
        self.assertEqual(set(self.complete("ortaq", "")), set(commands()) | {"--help", "--version"})
        self.assertEqual(self.complete("ortaq", "convert", "--fr"), ["--from"])
        self.assertEqual(set(self.complete("ortaq", "convert", "-")), set(flags(help_of("convert"))))
        self.assertIn("--via", self.complete("ortaq", "roundtrip", "--"))
        self.assertEqual(self.complete("ortaq", "convert", "-t", "cta"), ["cta-1991", "cta-2024", "cta-2024-tdk"])
        self.assertIn("auto", self.complete("ortaq", "convert", "--from", ""))
        self.assertIn("kk-u=ŭ", self.complete("ortaq", "convert", "--set", "kk-u"))
        # Bash splits at '=': the value part is offered.
        self.assertEqual(self.complete("ortaq", "convert", "--set", "kk-i", "="), ["i", "ï"])
        self.assertEqual(self.complete("ortaq", "convert", "--invalid", "=", "re"), ["replace"])
        self.assertEqual(self.complete("ortaq", "convert", "--format", "m"), ["markdown"])

    def test_zsh_completion_parses_and_names_every_command(self):
        path = os.path.join(SOURCE, "tools", "completion", "_ortaq")
        with open(path) as f:
            self.assertTrue(f.readline().startswith("#compdef ortaq"))
        zsh = shutil.which("zsh")
        self.assertIsNotNone(zsh, "zsh is needed (scripts/install-deps.sh installs it)")
        p = subprocess.run([zsh, "-n", path], capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stderr), (0, ""))


if __name__ == "__main__":
    SOURCE = os.path.abspath(sys.argv.pop(2))
    ORTAQ = os.path.abspath(sys.argv.pop(1))
    unittest.main()
