// The engine's own text rules: pass-through tokens, -{...}- spans, look-alike repair, folds,
// foreign words and stem exceptions, with their switches and the counts they report.
#include <gtest/gtest.h>

#include <string>

#include "ortaq/ortaq.hpp"

namespace {

using ortaq::ConversionStats;
using ortaq::Options;
using ortaq::Status;
using ortaq::Transliterator;

std::shared_ptr<const Transliterator> Real(const char* from, const char* to, Options options = {}) {
  Status status;
  auto t = Transliterator::FromIds(from, to, options, &status);
  EXPECT_NE(t, nullptr) << status.message();
  return t;
}

std::shared_ptr<const Transliterator> Inline(std::string_view table, Options options = {}) {
  Status status;
  auto t = Transliterator::FromText(table, "inline.tbl", options, &status);
  EXPECT_NE(t, nullptr) << status.message();
  return t;
}

std::string Convert(const Transliterator& t, std::string_view input, ConversionStats* stats = nullptr) {
  std::string out;
  const Status status = t.Transliterate(input, &out, nullptr, stats);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

TEST(PassThrough, EveryKindIsCopiedAsWritten) {
  auto t = Real("kk-Cyrl", "cta-2024");
  ASSERT_NE(t, nullptr);
  for (const char* token : {"https://kk.wikipedia.org/wiki/Қазақстан", "www.Қазақ.kz", "kaspi.kz/Қазақ",
                            "мен@mail.kz", "info@mail.kz", "@Қазақ_елі", "#Astana2024", "/home/Қазақ",
                            "./Қазақ.txt", "~/Қазақ", "C:\\Қазақ"}) {
    SCOPED_TRACE(token);
    const std::string input = std::string("Қазақ ") + token + " қала";
    const std::string output = Convert(*t, input);
    const bool email_with_cyrillic_name = std::string(token).rfind("мен@", 0) == 0;  // ASCII names only
    if (email_with_cyrillic_name) {
      EXPECT_EQ(output.find(token), std::string::npos) << output;
    } else {
      EXPECT_EQ(output, std::string("Qazaq ") + token + " qala");
    }
  }
}

TEST(PassThrough, RomanNumeralsNeedTwoLettersAndNoLetterAfter) {
  auto t = Real("kk-Latn-2021", "kk-Cyrl");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Convert(*t, "XIX ğasyr"), "XIX ғасыр");
  EXPECT_EQ(Convert(*t, "II dünie jüzılık soğys"), "II дүние жүзілік соғыс");
  // A lone capital is a letter (I is і in 2021), and a run followed by letters is a word.
  EXPECT_EQ(Convert(*t, "I"), "І");
  EXPECT_EQ(Convert(*t, "MIL"), "МІЛ");
}

TEST(PassThrough, CanBeSwitchedOff) {
  Options options;
  options.pass_through = false;
  auto t = Real("kk-Cyrl", "cta-2024", options);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Convert(*t, "#тіл -{Қазақ}-"), "#til -{Qazaq}-");
}

TEST(PassThrough, CyrillicHashtagsAreKazakhWords) {
  auto t = Real("kk-Cyrl", "cta-2024");
  ASSERT_NE(t, nullptr);
  // The # stays; the word is converted. Latin hashtags, handles, URLs and addresses are kept.
  EXPECT_EQ(Convert(*t, "#тіл #Қазақстан_2050 #Astana @бала https://kk.kz/тіл a@b.kz"),
            "#til #Qazaqstan_2050 #Astana @бала https://kk.kz/тіл a@b.kz");
  Options options;
  options.convert_hashtags = false;
  auto kept = Real("kk-Cyrl", "cta-2024", options);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(Convert(*kept, "#тіл, #Қазақстан_2050 қала"), "#тіл, #Қазақстан_2050 qala");
  // A reverse table has no Cyrillic look-alikes: its hashtags are kept as before.
  auto back = Real("kk-Latn-2021", "kk-Cyrl");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(Convert(*back, "#qazaq bala"), "#qazaq бала");
}

TEST(UserSpans, AreCopiedWithoutTheirMarks) {
  auto t = Real("kk-Cyrl", "cta-2024");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Convert(*t, "-{Қазақ}- Қазақ"), "Қазақ Qazaq");
  EXPECT_EQ(Convert(*t, "а-{б}-в"), "aбv");
  // Unterminated: ordinary text.
  EXPECT_EQ(Convert(*t, "-{Қазақ"), "-{Qazaq");
  ortaq::EditList edits;
  std::string out;
  ASSERT_TRUE(t->Transliterate("-{б}-", &out, &edits).ok());
  ASSERT_EQ(edits.spans().size(), 3u);
  EXPECT_EQ(edits.spans()[0].output_end - edits.spans()[0].output_begin, 0u);
  EXPECT_FALSE(edits.spans()[1].changed);
  EXPECT_EQ(edits.spans()[2].source_end, 6u);  // - { б(2 bytes) } -
}

TEST(Lookalikes, LatinLettersInsideCyrillicWordsAreRepairedAndCounted) {
  auto t = Real("kk-Cyrl", "kk-Latn-2021");
  ASSERT_NE(t, nullptr);
  ConversionStats stats;
  // c, i, O, ə typed in Kazakh words; Samsung keeps its letters; Ukrainian і is the Kazakh letter.
  EXPECT_EQ(Convert(*t, "cәл Кiтап Oтбасы дəм Samsungтың бір", &stats), "säl Kıtap Otbasy däm Samsungtyñ bır");
  EXPECT_EQ(stats.repaired_letters, 4u);
  Options off;
  off.repair_lookalikes = false;
  auto plain = Real("kk-Cyrl", "kk-Latn-2021", off);
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(Convert(*plain, "cәл Кiтап"), "cäl Kitap");
}

TEST(Folds, TypingVariantsAreReadAsTheLetterMeant) {
  auto t = Real("kk-Cyrl", "cta-2024");
  ASSERT_NE(t, nullptr);
  // ў, palochka, Tatar ҡ, ӱ and ӯ; Greek capital Ε is not a fold of ϵ.
  EXPECT_EQ(Convert(*t, "сў бӏр ҡала ӱй Ӯлы"), "su bir qala üy Ūlı");
  EXPECT_EQ(Convert(*t, "Ε"), "Ε");
}

TEST(ForeignWords, LettersTheSourceLacksAndListedWordsStayAsWritten) {
  const char* table =
      "@from x\n@to y\n@foreign-letters w\nforeign hello\na > а\nb > б\ne > е\nh > һ\nl > л\no > о\nw > в\n";
  auto t = Inline(table);
  ASSERT_NE(t, nullptr);
  ConversionStats stats;
  EXPECT_EQ(Convert(*t, "abe wab Hello HELLO hallo", &stats), "абе wab Hello HELLO һалло");
  EXPECT_EQ(stats.foreign_words, 3u);
  Options off;
  off.foreign_words = false;
  auto plain = Inline(table, off);
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(Convert(*plain, "wab hello"), "ваб һелло");
}

TEST(StemExceptions, CoverInflectedFormsInEveryCase) {
  const char* table =
      "@from kk-Cyrl\n@to t\nexception компьютер* > kompyuter\nк > k\nо > o\nм > m\nп > p\nь > ∅\nю > yu\n"
      "т > t\nе > e\nр > r\nл > l\nд > d\nі > i\n";
  auto t = Inline(table);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Convert(*t, "компьютер"), "kompyuter");
  EXPECT_EQ(Convert(*t, "компьютерлер"), "kompyuterler");
  EXPECT_EQ(Convert(*t, "Компьютерді"), "Kompyuterdi");
  EXPECT_EQ(Convert(*t, "КОМПЬЮТЕРЛЕР"), "KOMPYUTERLER");
  // A word that only starts like the stem's first letters is converted by the rules.
  EXPECT_EQ(Convert(*t, "компьют"), "kompyut");
}


// Regression (found by fuzz_engine): a pass-through token longer than the context window whose
// window edge fell inside a multi-byte letter ended the token mid-letter, and the rest of the
// letter was then reported as invalid UTF-8.
TEST(PassThrough, LongTokensEndOnCharacterBoundaries) {
  auto t = Real("kk-Cyrl", "cta-2024");
  ASSERT_NE(t, nullptr);
  for (std::size_t pad = 0; pad < 8; ++pad) {
    std::string token = "/A" + std::string(pad, 'A');
    while (token.size() < 700) token += "\uFFFDА";
    std::string out;
    const Status status = t->Transliterate(token + " қ", &out);
    ASSERT_TRUE(status.ok()) << "pad " << pad << ": " << status.message();
    EXPECT_EQ(out, token + " q");
  }
}


// Regression (found by fuzz_engine): whether a look-alike letter is repaired was remembered for
// a whole word even when the word was longer than the scan, so the answer depended on which
// letter asked first, and a stream (which starts afresh at each chunk) disagreed with a whole
// conversion about edit spans.
TEST(Lookalikes, LongWordsAreJudgedTheSameWhenStreamed) {
  auto t = Real("kk-Cyrl", "kk-Latn-2018");
  ASSERT_NE(t, nullptr);
  const std::string input = "CC" + std::string(300, 'I') + "ЖC" + std::string(100, 'a') + "Жа cәл\n";
  std::string whole;
  ortaq::EditList whole_edits;
  ASSERT_TRUE(t->Transliterate(input, &whole, &whole_edits).ok());
  for (std::size_t chunk : {1u, 2u, 3u, 7u, 64u, 100u, 333u}) {
    SCOPED_TRACE(chunk);
    auto stream = t->NewStream();
    std::string out;
    ortaq::EditList edits;
    for (std::size_t i = 0; i < input.size(); i += chunk)
      ASSERT_TRUE(stream->Write(std::string_view(input).substr(i, chunk), &out, &edits).ok());
    ASSERT_TRUE(stream->Finish(&out, &edits).ok());
    EXPECT_EQ(out, whole);
    ASSERT_EQ(edits.spans().size(), whole_edits.spans().size());
    for (std::size_t k = 0; k < edits.spans().size(); ++k) {
      EXPECT_EQ(edits.spans()[k].source_begin, whole_edits.spans()[k].source_begin);
      EXPECT_EQ(edits.spans()[k].output_end, whole_edits.spans()[k].output_end);
    }
  }
}

}  // namespace
