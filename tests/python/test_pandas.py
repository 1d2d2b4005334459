"""ortaq from pandas, as a linguist uses it in a notebook: a Transliterator maps a column."""
import unittest

import pandas as pd

import ortaq


class PandasTest(unittest.TestCase):
    def test_series_map(self):
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
        frame = pd.DataFrame({"kk": ["Қазақстан", "Абай Құнанбайұлы", "жаңа мектептер"]})
        frame["cta"] = frame["kk"].map(t)
        self.assertEqual(frame["cta"].tolist(), ["Qazaqstan", "Abay Qūnanbayūlı", "jaña mektepter"])

    def test_missing_values_stay_missing(self):
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024", kk_u="u")
        series = pd.Series(["ұлы", None, "ұзақ"])
        converted = series.map(t, na_action="ignore")
        self.assertEqual(converted[0], "ulı")
        self.assertTrue(pd.isna(converted[1]))
        self.assertEqual(converted[2], "uzaq")

    def test_apply_with_settings(self):
        series = pd.Series(["білім", "біз"])
        converted = series.apply(ortaq.convert, args=("kk-Cyrl", "cta-2024"), kk_i="ï")
        self.assertEqual(converted.tolist(), ["bïlïm", "bïz"])

    def test_readme_snippet(self):
        # The README's "Python" lines, as written there.
        df = pd.DataFrame({"kk": ["Қазақстан", "білім"]})
        import ortaq
        print(ortaq.convert("Абай Құнанбайұлы", "kk-Cyrl", "cta-2024"))   # Abay Qūnanbayūlı
        t = ortaq.Transliterator("kk-Cyrl", "cta-2024", kk_i="ï")
        df["cta"] = df["kk"].map(t)
        self.assertEqual(ortaq.convert("Абай Құнанбайұлы", "kk-Cyrl", "cta-2024"), "Abay Qūnanbayūlı")
        self.assertEqual(df["cta"].tolist(), ["Qazaqstan", "bïlïm"])


if __name__ == "__main__":
    unittest.main()
