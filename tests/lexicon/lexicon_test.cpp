// The `@lexicon FILE via TABLE` directive (tables/README.md, "Stem lexicons"): entries spelled
// by the via table become rules with the contexts their '-' marks ask for; errors in the
// lexicon file carry file:line:col; and the shared Kazakh lexicon spares the native words the
// issue named (арман, сезді, кетсеңіз).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;
using ortaq::Options;
using ortaq::Status;
using ortaq::Transliterator;
using ortaq_test::Convert;
using ortaq_test::Describe;

// A fresh directory with a toy forward table (Cyrillic → Latin, ь dropped) for each test.
class LexiconDirective : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / ("ortaq-lexicon-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    Write("x-Cyrl--x-Latn.tbl",
          "@from x-Cyrl\n@to x-Latn\nа > a\nе > e\nи > i\nл > l\nм > m\nн > n\nр > r\nс > s\nт > t\nф > f\nц > s\nь > ∅\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  std::shared_ptr<const Transliterator> Reverse(const std::string& lexicon, const std::string& directive, Status* status) {
    Write("words.txt", lexicon);
    Write("x-Latn--x-Cyrl.tbl", "@from x-Latn\n@to x-Cyrl\nclass V = a e i\nclass C = f l m n r s t\n"
                                "a > а\ne > е\ni > и\nl > л\nm > м\nn > н\nr > р\ns > с\nt > т\nf > ф\n" +
                                    directive + "\n");
    return Transliterator::FromFile((dir_ / "x-Latn--x-Cyrl.tbl").string(), Options(), status);
  }

  std::string ErrorOf(const std::string& lexicon, const std::string& directive) {
    Status status;
    auto t = Reverse(lexicon, directive, &status);
    EXPECT_EQ(t, nullptr);
    return status.message();
  }

  fs::path dir_;
};

TEST_F(LexiconDirective, EntriesBecomeRulesWithTheirWordBoundaries) {
  Status status;
  auto t = Reverse("! a comment\nсериал   ! whole word\nцемент-\n-фильм-\nстиль-\n", "@lexicon words.txt via x-Cyrl--x-Latn vowels=V", &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  // Whole word only; a stem at the start of a word; anywhere; ь only where no vowel follows.
  EXPECT_EQ(Convert(*t, "serial serialin"), "сериал сериалин");
  EXPECT_EQ(Convert(*t, "sement sementi asement"), "цемент цементи асемент");
  EXPECT_EQ(Convert(*t, "film telefilmin"), "фильм телефильмин");
  EXPECT_EQ(Convert(*t, "stil stilmen stili"), "стиль стильмен стили");
  EXPECT_EQ(Convert(*t, "Sement SEMENT"), "Цемент ЦЕМЕНТ");
}

TEST_F(LexiconDirective, NotNamesTheAlphabetsAnEntryIsLeftOutOf) {
  Status status;
  auto t = Reverse("цемент- not x-Latn\nфильм- not y-Latn z-Latn\n", "@lexicon words.txt via x-Cyrl--x-Latn", &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, "sement film"), "семент фильм");
}

TEST_F(LexiconDirective, JoinsKeepsAStemFromTheLetterThatWouldJoinIt) {
  Status status;
  auto t = Reverse("цемент-\n", "class J = i\n@lexicon words.txt via x-Cyrl--x-Latn joins=J", &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, "sementa sementi"), "цемента сементи");
}

TEST_F(LexiconDirective, ErrorsInTheFileNameItsLineAndColumn) {
  const std::string directive = "@lexicon words.txt via x-Cyrl--x-Latn vowels=V";
  std::string message = ErrorOf("сериал\n  Цемент-\n", directive);
  EXPECT_NE(message.find("words.txt:2:3: error: write the lexicon in lowercase"), std::string::npos) << message;
  message = ErrorOf("сер1ал\n", directive);
  EXPECT_NE(message.find("words.txt:1:4: error: '1' is not a letter"), std::string::npos) << message;
  message = ErrorOf("сериал\nфильм\nсериал\n", directive);
  EXPECT_NE(message.find("words.txt:3:1: error: 'сериал' is already listed at line 1"), std::string::npos) << message;
  message = ErrorOf("сериал extra\n", directive);
  EXPECT_NE(message.find("words.txt:1:8: error: one word a line"), std::string::npos) << message;
  message = ErrorOf("-\n", directive);
  EXPECT_NE(message.find("words.txt:1:1: error: a '-' with no letters"), std::string::npos) << message;
  message = ErrorOf("фильм- not\n", directive);
  EXPECT_NE(message.find("words.txt:1:11: error: 'not' names one or more alphabets"), std::string::npos) << message;
  message = ErrorOf("сериал\xff\n", directive);
  EXPECT_NE(message.find("words.txt:1:7: error: invalid UTF-8"), std::string::npos) << message;
}

TEST_F(LexiconDirective, ErrorsOnTheDirectiveNameTheTableLine) {
  std::string message = ErrorOf("сериал\n", "@lexicon missing.txt via x-Cyrl--x-Latn");
  EXPECT_NE(message.find("x-Latn--x-Cyrl.tbl:15:10: error: cannot find the lexicon 'missing.txt'"), std::string::npos) << message;
  message = ErrorOf("сериал\n", "@lexicon words.txt via x-Cyrl--nowhere");
  EXPECT_NE(message.find("x-Latn--x-Cyrl.tbl:15:24: error: cannot find the table 'x-Cyrl--nowhere'"), std::string::npos)
      << message;
  message = ErrorOf("сериал\n", "@lexicon words.txt from x-Cyrl--x-Latn");
  EXPECT_NE(message.find("x-Latn--x-Cyrl.tbl:15:20: error: a lexicon is named as"), std::string::npos) << message;
  message = ErrorOf("сериал\n", "@lexicon words.txt via x-Cyrl--x-Latn colour=V");
  EXPECT_NE(message.find("x-Latn--x-Cyrl.tbl:15:39: error: expected letters=CLASS"), std::string::npos) << message;
  // A stem ending in a letter the via table drops needs vowels=CLASS.
  message = ErrorOf("стиль-\n", "@lexicon words.txt via x-Cyrl--x-Latn");
  EXPECT_NE(message.find("words.txt:1:1: error: 'стиль' ends in a letter the via table drops"), std::string::npos) << message;
  // Two entries spelled alike with the same context: a conflict naming both lexicon lines.
  message = ErrorOf("цемент\nсемент\n", "@lexicon words.txt via x-Cyrl--x-Latn");
  EXPECT_NE(message.find("words.txt:2:1: error: conflicting rules for 'sement'"), std::string::npos) << message;
}

// The shared lexicon through the real tables: the native words of issue 15 come back.
TEST(SharedLexicon, NativeWordsComeBack) {
  struct Case {
    const char* from;
    const char* latin;
    const char* cyrillic;
  };
  for (const Case& c : {Case{"kk-Latn-2017", "arman armany ketsen'iz", "арман арманы кетсеңіз"},
                        Case{"kk-Latn-2021", "sezdı sezdım armian", "сезді сездім армян"},
                        Case{"kk-Latn-2018", "ekshelgen nemese gúlder ansámbl", "екшелген немесе гүлдер ансамбль"},
                        Case{"cta-2024", "sezdik ekonomika", "сездік экономика"}}) {
    Status status;
    auto t = Transliterator::FromIds(c.from, "kk-Cyrl", Options(), &status);
    ASSERT_NE(t, nullptr) << Describe(status);
    EXPECT_EQ(Convert(*t, c.latin), c.cyrillic) << c.from;
  }
}

}  // namespace

namespace {

// Words of other languages in Kazakh Latin text (issue 15.4): the shared list of names and
// brands, and letter sequences Kazakh spelling never gives.
TEST(ForeignWords, BrandsAndForeignSequencesAreKeptAsWritten) {
  for (const char* from : {"kk-Latn-2017", "kk-Latn-2018", "kk-Latn-2021", "cta-2024"}) {
    ortaq::Status status;
    auto t = ortaq::Transliterator::FromIds(from, "kk-Cyrl", ortaq::Options(), &status);
    ASSERT_NE(t, nullptr) << ortaq_test::Describe(status);
    const std::string out = ortaq_test::Convert(*t, "Men Windows jane Google Chrome YouTube qoldanam, check, high");
    EXPECT_EQ(out, "Мен Windows жане Google Chrome YouTube қолданам, check, high") << from;
  }
}

TEST(ForeignWords, ListAndSequenceErrorsNameTheirPlace) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ortaq-foreign-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "list.txt") << "google\n-chrome\n";
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromText("@from a\n@to b\na > б\n@foreign-words list.txt\n", "inline.tbl", ortaq::Options(), &status);
  EXPECT_EQ(t, nullptr);  // found next to nothing: an inline table has no directory
  std::ofstream(dir / "t.tbl") << "@from a\n@to b\na > б\n@foreign-words list.txt\n";
  t = ortaq::Transliterator::FromFile((dir / "t.tbl").string(), ortaq::Options(), &status);
  EXPECT_EQ(t, nullptr);
  EXPECT_NE(status.message().find("list.txt:2:1: error: a foreign word list has whole words only"), std::string::npos)
      << status.message();
  t = ortaq::Transliterator::FromText("@from a\n@to b\na > б\n@foreign-sequences gh k\n", "inline.tbl", ortaq::Options(), &status);
  EXPECT_EQ(t, nullptr);
  EXPECT_NE(status.message().find("inline.tbl:4:23: error: a foreign sequence has two or more letters"), std::string::npos)
      << status.message();
  fs::remove_all(dir);
}

}  // namespace

namespace {

// Issue 15.3: 2018's capital I is І in a front-vowel word, И elsewhere.
TEST(CapitalHarmony, TheWordsVowelsDecideACapitalI) {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Latn-2018", "kk-Cyrl", ortaq::Options(), &status);
  ASSERT_NE(t, nullptr) << ortaq_test::Describe(status);
  EXPECT_EQ(ortaq_test::Convert(*t, "Ishki ISHKI ISTER Iran Iaǵnı Iá Iisi KIIM I men ishki"),
            "Ішкі ІШКІ ІСТЕР Иран Яғни Иә Иісі КИІМ И мен ішкі");
  ortaq::Options off;
  off.repair_lookalikes = false;
  t = ortaq::Transliterator::FromIds("kk-Latn-2018", "kk-Cyrl", off, &status);
  ASSERT_NE(t, nullptr) << ortaq_test::Describe(status);
  EXPECT_EQ(ortaq_test::Convert(*t, "Ishki"), "Ишкі");
}

TEST(CapitalHarmony, ErrorsNameTheirPlace) {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromText("@from a\n@to b\ni > і\n@capital-harmony I i Nope\n", "h.tbl", ortaq::Options(), &status);
  EXPECT_EQ(t, nullptr);
  EXPECT_NE(status.message().find("h.tbl:4:22: error: 'Nope' is not a declared class"), std::string::npos) << status.message();
  t = ortaq::Transliterator::FromText("@from a\n@to b\n@capital-harmony II i B\n", "h.tbl", ortaq::Options(), &status);
  EXPECT_EQ(t, nullptr);
  EXPECT_NE(status.message().find("h.tbl:3:18: error: @capital-harmony takes a capital"), std::string::npos) << status.message();
}

}  // namespace
