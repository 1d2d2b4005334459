"""ortaq's Python module: conversion, settings, tables, detection, errors and threads.

Expected texts are worked out from the tables (tables/_base/kk-Cyrl--cta.tbl: one letter for
one letter, no contexts; tables/kk-Cyrl--cta-2024.tbl: the options), not copied from output.
"""
import pickle
import sys
import threading
import unittest

import ortaq

SENTENCE = "ШЫМКЕНТ, Алматы және Щучинск қалаларында жаңа мектептер ашылды."
SENTENCE_CTA = "ŞIMKENT, Almatı jäne Şçuçinsk qalalarında jaña mektepter aşıldı."
JOURNEY = "Біз ертең таудағы ауылға барамыз: жол ұзақ, бірақ көңілді болады!"
JOURNEY_CTA = "Biz erteñ taudağı auılğa baramız: jol ūzaq, biraq köñildi boladı!"
# і is ï and ұ is u with kk-i=ï and kk-u=u.
JOURNEY_CTA_II_U = "Bïz erteñ taudağı auılğa baramız: jol uzaq, bïraq köñïldï boladı!"

# A table with an undeclared class at line 4: "е > ye / " is 9 characters, so column 10.
BROKEN_TABLE = "@from src\n@to dst\nclass V = а\nе > ye / Vowel _\n"


class ConvertTest(unittest.TestCase):
    def test_sentences(self):
        self.assertEqual(ortaq.convert(SENTENCE, "kk-Cyrl", "cta-2024"), SENTENCE_CTA)
        self.assertEqual(ortaq.convert(JOURNEY, "kk-Cyrl", "cta-2024"), JOURNEY_CTA)

    def test_settings_as_keywords_and_as_dict(self):
        self.assertEqual(ortaq.convert(JOURNEY, "kk-Cyrl", "cta-2024", kk_i="ï", kk_u="u"), JOURNEY_CTA_II_U)
        self.assertEqual(ortaq.convert(JOURNEY, "kk-Cyrl", "cta-2024", settings={"kk-i": "ï", "kk-u": "u"}),
                         JOURNEY_CTA_II_U)
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024", kk_i="ï")
        self.assertEqual(t.settings["kk-i"], "ï")
        self.assertEqual(t.settings["kk-u"], "ū")  # the default, listed too

    def test_transliterator_is_a_function(self):
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
        self.assertEqual(t("Қазақстан Республикасы"), "Qazaqstan Respublikası")
        self.assertEqual(t.convert("Абай"), "Abay")
        self.assertEqual(t.info.from_, "kk-Cyrl")
        self.assertEqual(t.info.to, "cta-2024")
        self.assertFalse(t.chained)

    def test_bytes_in_bytes_out(self):
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
        self.assertEqual(t.convert(SENTENCE.encode()), SENTENCE_CTA.encode())

    def test_engine_switches(self):
        # An URL is copied as written unless pass_through is off.
        text = "сайт https://мысал.kz"
        self.assertEqual(ortaq.convert(text, "kk-Cyrl", "cta-2024"), "sayt https://мысал.kz")
        self.assertEqual(ortaq.convert(text, "kk-Cyrl", "cta-2024", pass_through=False), "sayt https://mısal.kz")

    def test_table_from_text_and_file(self):
        table = "@from src\n@to dst\nа > a\nб > b\n"
        t = ortaq.Transliterator.from_text(table, name="mine.tbl")
        self.assertEqual(t("баба аб"), "baba ab")
        self.assertEqual(t("БАБА"), "BABA")  # @case auto derives capitals
        import tempfile, os
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "src--dst.tbl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(table)
            self.assertEqual(ortaq.Transliterator.from_file(path)("аб"), "ab")
            self.assertEqual(ortaq.Transliterator("src", path)("аб"), "ab")  # `to` naming a file

    def test_chain(self):
        # No table goes from tr-Latn to kk-Cyrl: ortaq chains tr-Latn → cta-2024 → kk-Cyrl.
        t = ortaq.Transliterator("tr-Latn", "kk-Cyrl")
        self.assertTrue(t.chained)
        first, second = ortaq.Transliterator("tr-Latn", "cta-2024"), ortaq.Transliterator("cta-2024", "kk-Cyrl")
        text = "Kitap okumak güzeldir; şehir çok büyük."
        self.assertEqual(t(text), second(first(text)))
        self.assertNotEqual(t(text), text)

    def test_pickle_gives_the_same_conversion(self):
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024", kk_i="ï")
        copy = pickle.loads(pickle.dumps(t))
        self.assertEqual(copy(JOURNEY), t(JOURNEY))
        mine = ortaq.Transliterator.from_text("@from src\n@to dst\nа > o\n")
        self.assertEqual(pickle.loads(pickle.dumps(mine))("ааа"), "ooo")


class TablesAndDetectTest(unittest.TestCase):
    def test_tables(self):
        tables = {t.id: t for t in ortaq.tables()}
        self.assertIn("kk-Cyrl--cta-2024", tables)
        cta = tables["kk-Cyrl--cta-2024"]
        options = {o.name: o for o in cta.options}
        self.assertEqual(options["kk-i"].default, "i")
        self.assertEqual(options["kk-i"].values, ["i", "ï"])
        self.assertEqual(options["kk-u"].values, ["ū", "u", "ŭ"])
        self.assertTrue(cta.path.endswith("kk-Cyrl--cta-2024.tbl"))
        self.assertNotIn("_base", " ".join(tables))  # parents are not tables of their own

    def test_detect(self):
        self.assertEqual(ortaq.detect("Қазақстан Республикасы").id, "kk-Cyrl")
        # Turkish: c and ç, no q, x or w.
        self.assertEqual(ortaq.detect("Türkiye Cumhuriyeti çok güzel bir ülkedir.").id, "tr-Latn")
        # Kazakh Latin 2018: the acute letters.
        self.assertEqual(ortaq.detect("Qazaqstan Respýblıkasy — úlken memleket.").id, "kk-Latn-2018")
        none = ortaq.detect("123, 456!")
        self.assertEqual(none.id, "")
        scores = ortaq.detect("Қазақстан").scores
        self.assertEqual(scores[0][0], "kk-Cyrl")
        self.assertGreaterEqual(scores[0][1], scores[-1][1])

    def test_version(self):
        self.assertRegex(ortaq.version, r"^\d+\.\d+\.\d+$")
        self.assertEqual(ortaq.__version__, ortaq.version)


class ErrorTest(unittest.TestCase):
    def test_broken_table_names_line_and_column(self):
        with self.assertRaises(ortaq.Error) as caught:
            ortaq.Transliterator.from_text(BROKEN_TABLE, name="broken.tbl")
        e = caught.exception
        self.assertEqual(e.code, "table_error")
        self.assertEqual((e.file, e.line, e.column), ("broken.tbl", 4, 10))
        self.assertIn("Vowel", str(e))
        self.assertEqual(e.diagnostics[0].severity, "error")
        self.assertTrue(e.diagnostics[0].text.startswith("broken.tbl:4:10: error:"))

    def test_unknown_ids_and_settings(self):
        with self.assertRaises(ortaq.Error) as caught:
            ortaq.Transliterator("kk-Cyrl", "xx-Nowhere")
        self.assertEqual(caught.exception.code, "not_found")
        with self.assertRaises(ortaq.Error) as caught:
            ortaq.convert("а", "kk-Cyrl", "cta-2024", kk_i="y")
        self.assertEqual(caught.exception.code, "invalid_argument")
        self.assertIn("kk-i", str(caught.exception))
        with self.assertRaises(ortaq.Error) as caught:
            ortaq.convert("а", "kk-Cyrl", "cta-2024", no_such_option="1")
        self.assertEqual(caught.exception.code, "invalid_argument")
        with self.assertRaises(ortaq.Error):
            ortaq.convert("а", "kk-Cyrl", "cta-2024", invalid="ignore")
        with self.assertRaises(TypeError):
            ortaq.convert(42, "kk-Cyrl", "cta-2024")

    def test_invalid_utf8_bytes(self):
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
        # Line 2, after "ал" (2 characters, 4 bytes): the byte 0xFF. Byte offset 4 + 5 ("ана\n" is
        # 3 letters of 2 bytes and a newline = 7 bytes; so 7 + 4 = 11).
        data = "ана\nал".encode() + b"\xff" + "ма".encode()
        with self.assertRaises(ortaq.Error) as caught:
            t.convert(data)
        e = caught.exception
        self.assertEqual((e.code, e.file, e.line, e.column, e.byte_offset), ("invalid_input", "<input>", 2, 3, 11))
        replaced = ortaq.Transliterator("kk-Cyrl", "cta-2024", invalid="replace")
        self.assertEqual(replaced.convert(data), "ana\nal\ufffdma".encode())
        skipped = ortaq.Transliterator("kk-Cyrl", "cta-2024", invalid="skip")
        self.assertEqual(skipped.convert(data), b"ana\nalma")

    def test_undecodable_bytes_in_str(self):
        # open(..., errors="surrogateescape") carries the byte 0xFF as U+DCFF: it is the byte again.
        text = "ана\nал" + "\udcff" + "ма"
        with self.assertRaises(ortaq.Error) as caught:
            ortaq.convert(text, "kk-Cyrl", "cta-2024")
        e = caught.exception
        self.assertEqual((e.line, e.column, e.byte_offset, e.index), (2, 3, 11, 6))
        self.assertEqual(text[e.index], "\udcff")
        self.assertEqual(ortaq.convert(text, "kk-Cyrl", "cta-2024", invalid="replace"), "ana\nal\ufffdma")

    def test_lone_surrogate_in_str(self):
        # U+D800 alone is no character and has no UTF-8 form at all.
        with self.assertRaises(ortaq.Error) as caught:
            ortaq.convert("ана\nа\ud800", "kk-Cyrl", "cta-2024")
        e = caught.exception
        self.assertEqual((e.code, e.line, e.column, e.index, e.byte_offset), ("invalid_input", 2, 2, 5, 9))

    def test_error_pickles_with_its_place(self):
        try:
            ortaq.Transliterator.from_text(BROKEN_TABLE, name="broken.tbl")
        except ortaq.Error as e:
            copy = pickle.loads(pickle.dumps(e))
            self.assertEqual((copy.file, copy.line, copy.column, copy.code), ("broken.tbl", 4, 10, "table_error"))
            self.assertEqual(str(copy), str(e))


class ThreadTest(unittest.TestCase):
    def test_threads_convert_at_once(self):
        # Each thread converts its own long text with one shared Transliterator, with the GIL
        # released in the conversion; every result must be the one a lone call gives.
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
        texts = [(SENTENCE + "\n") * 20000, (JOURNEY + "\n") * 20000]
        expected = [(SENTENCE_CTA + "\n") * 20000, (JOURNEY_CTA + "\n") * 20000]
        results = [None, None]
        errors = []
        start = threading.Barrier(2)

        def work(i):
            try:
                start.wait()
                for _ in range(5):
                    results[i] = t.convert(texts[i])
                    if results[i] != expected[i]:
                        break
            except Exception as e:  # reported below: a failure in a thread is not a test failure
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])
        self.assertEqual(results, expected)

    def test_conversion_lets_other_threads_run(self):
        # With a switch interval of 100 s, Python never takes the GIL from a running thread:
        # the main thread can run while the worker converts only if the conversion releases it.
        # (Held, the main thread would wake only after the worker has set `finished`.)
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
        text = (JOURNEY + "\n") * 100000
        ready = threading.Event()
        state = {"finished": False}

        def work():
            ready.set()
            state["output"] = t.convert(text)
            state["finished"] = True

        interval = sys.getswitchinterval()
        sys.setswitchinterval(100)
        try:
            worker = threading.Thread(target=work)
            worker.start()
            ready.wait()
            ran_during_conversion = not state["finished"]
            worker.join()
        finally:
            sys.setswitchinterval(interval)
        self.assertTrue(ran_during_conversion)
        self.assertEqual(state["output"], (JOURNEY_CTA + "\n") * 100000)


if __name__ == "__main__":
    unittest.main()
