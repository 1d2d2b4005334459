"""Edit spans in the three units, position mapping, and streaming over lines."""
import unittest

import ortaq

# 2-byte letters that become 2, 1 and 1 bytes (Ә Ä, к k, е e), a 3-byte € and a 4-byte 😀
# copied as they are, and ю (2 bytes) that becomes two letters (yu).
TEXT = "Әке € 😀 юрт"
OUTPUT = "Äke € 😀 yurt"


class SpansTest(unittest.TestCase):
    def setUp(self):
        self.t = ortaq.Transliterator("kk-Cyrl", "cta-2024")

    def check_cover(self, conversion, source_length, output_length):
        """The spans cover input and output in order, without gaps."""
        spans = conversion.spans
        self.assertEqual((spans[0].source_begin, spans[0].output_begin), (0, 0))
        self.assertEqual((spans[-1].source_end, spans[-1].output_end), (source_length, output_length))
        for before, after in zip(spans, spans[1:]):
            self.assertEqual(before.source_end, after.source_begin)
            self.assertEqual(before.output_end, after.output_begin)

    def test_char_spans_slice_the_str(self):
        c = self.t.convert_with_spans(TEXT)
        self.assertEqual(c.output, OUTPUT)
        self.assertEqual(c.unit, "char")
        self.check_cover(c, len(TEXT), len(OUTPUT))
        for s in c.spans:
            piece, out = TEXT[s.source_begin:s.source_end], OUTPUT[s.output_begin:s.output_end]
            if s.changed:
                self.assertEqual(self.t(piece), out)  # this table has no contexts
            else:
                self.assertEqual(piece, out)
        self.assertIn(True, [s.changed for s in c.spans])
        self.assertIn(False, [s.changed for s in c.spans])

    def test_units_agree(self):
        by_char = self.t.convert_with_spans(TEXT)
        by_byte = self.t.convert_with_spans(TEXT, unit="byte")
        by_utf16 = self.t.convert_with_spans(TEXT, unit="utf16")
        self.assertEqual(len(by_char.spans), len(by_byte.spans))
        self.check_cover(by_byte, len(TEXT.encode()), len(OUTPUT.encode()))
        self.check_cover(by_utf16, len(TEXT.encode("utf-16-le")) // 2, len(OUTPUT.encode("utf-16-le")) // 2)
        source8, source16 = TEXT.encode(), TEXT.encode("utf-16-le")
        for c, b, u in zip(by_char.spans, by_byte.spans, by_utf16.spans):
            piece = TEXT[c.source_begin:c.source_end]
            self.assertEqual(source8[b.source_begin:b.source_end].decode(), piece)
            self.assertEqual(source16[2 * u.source_begin:2 * u.source_end].decode("utf-16-le"), piece)
            self.assertEqual(c.changed, b.changed)
        # bytes input counts bytes by default
        self.assertEqual(self.t.convert_with_spans(TEXT.encode()).spans, by_byte.spans)
        with self.assertRaises(ValueError):
            self.t.convert_with_spans(TEXT, unit="word")

    def test_position_mapping(self):
        # Characters: Ә0 к1 е2 ␠3 €4 ␠5 😀6 ␠7 ю8 р9 т10 -> Ä0 k1 e2 ␠3 €4 ␠5 😀6 ␠7 y8 u9 r10 t11.
        c = self.t.convert_with_spans(TEXT)
        self.assertEqual(c.to_output(6), 6)     # 😀
        self.assertEqual(c.to_output(10), 11)   # т -> t, after ю became two letters
        self.assertEqual(c.to_source(11), 10)
        self.assertEqual(c.to_source(9), 8)     # u is part of what ю became
        self.assertEqual(c.to_output(len(TEXT)), len(OUTPUT))
        # Bytes: Ә0 к2 е4 ␠6 €7 ␠10 😀11 ␠15 ю16 р18 т20 -> Ä0 k2 e3 ␠4 €5 ␠8 😀9 ␠13 y14 u15 r16 t17.
        b = self.t.convert_with_spans(TEXT, unit="byte")
        self.assertEqual(b.to_output(11), 9)
        self.assertEqual(b.to_output(1), 0)     # inside Ә: the start of what it became
        self.assertEqual(b.to_output(20), 17)
        self.assertEqual(b.to_source(17), 20)
        # UTF-16: 😀 takes two units, so ю is at 9 and т at 12 -> y 9, t 13.
        u = self.t.convert_with_spans(TEXT, unit="utf16")
        self.assertEqual(u.to_output(12), 13)
        self.assertEqual(u.to_source(13), 12)

    def test_stats(self):
        c = self.t.convert_with_spans("Мен https://example.com сайтын ашамын")
        self.assertEqual(c.stats.protected_tokens, 1)


class StreamTest(unittest.TestCase):
    def setUp(self):
        self.t = ortaq.Transliterator("kk-Cyrl", "cta-2024")

    def test_lines_in_lines_out(self):
        lines = ["Қазақстан Республикасы\n", "\n", "Абай Құнанбайұлы\n", "соңғы жол"]
        out = list(self.t.stream(lines))
        self.assertEqual(out, ["Qazaqstan Respublikası\n", "\n", "Abay Qūnanbayūlı\n", "soñğı jol"])

    def test_stream_reads_across_lines(self):
        # A one-letter capital whose output has two letters takes its case from the nearest
        # word of two or more letters, the next one first (tables/README.md, "Case"): here on
        # the next line. Line by line, Я alone would be Title case.
        self.assertEqual(list(self.t.stream(["Я\n", "КЕЛДІМ\n"])), ["YA\n", "KELDİM\n"])
        self.assertEqual(self.t("Я\n"), "Ya\n")
        # A -{...}- span may hold a line end: its text is copied and the marks dropped.
        self.assertEqual(list(self.t.stream(["ал -{Қазақ\n", "тілі}- ал\n"])), ["al Қазақ\n", "тілі al\n"])

    def test_stream_equals_whole_conversion_on_the_corpus(self):
        import os
        path = os.path.join(os.environ.get("ORTAQ_SOURCE_DIR", "."), "corpora", "sample-kk-Cyrl.txt")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, encoding="utf-8") as f:
            streamed = list(self.t.stream(f))
        self.assertEqual("".join(streamed), self.t(text))
        self.assertEqual(len(streamed), text.count("\n") + (not text.endswith("\n")))

    def test_bytes_chunks_cut_inside_characters(self):
        data = "Әке € 😀 юрт\nжаңа".encode()
        s = self.t.new_stream()
        out = b"".join(s.write(data[i:i + 1]) for i in range(len(data))) + s.finish()
        self.assertEqual(out, "Äke € 😀 yurt\njaña".encode())

    def test_stream_error_names_the_line(self):
        lines = [b"\xd0\xb0\xd0\xbd\xd0\xb0\n", b"\xd0\xb0\xff\n"]  # "ана", then "а" and a bad byte
        with self.assertRaises(ortaq.Error) as caught:
            list(self.t.stream(lines))
        e = caught.exception
        self.assertEqual((e.line, e.column, e.byte_offset), (2, 2, 9))

    def test_str_and_bytes_not_mixed(self):
        s = self.t.new_stream()
        s.write("а")
        with self.assertRaises(TypeError):
            s.write(b"a")


if __name__ == "__main__":
    unittest.main()
