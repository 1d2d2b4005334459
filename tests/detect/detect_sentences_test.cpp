// Detection on short sentences written for this test (not taken from any corpus), one set per
// language, and the errors of a broken detection data file.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "test_util.hpp"

namespace {

struct Case {
  const char* text;
  const char* language;
};

// Each sentence is ordinary text in its language, long enough (20+ letters) to decide.
const std::vector<Case> kSentences = {
    {"Біз ертең Шымкентке барамыз, кітап өте жақсы.", "kk-Cyrl"},
    {"Ауылдағы мектептің балалары қыста шаңғы тебеді.", "kk-Cyrl"},
    {"Атам маған ескі домбырасын сыйға тартты.", "kk-Cyrl"},
    {"Бүгүн биз тоого чыгып, кечинде үйгө кайттык.", "ky-Cyrl"},
    {"Мектепте окуучулар жаңы китептерди окуп жатышат.", "ky-Cyrl"},
    {"Без иртәгә авылга кайтабыз, әни безне көтә.", "tt-Cyrl"},
    {"Бу китапны мин бик яратам, ул җиңел укыла.", "tt-Cyrl"},
    {"Завтра мы поедем в горы, если погода будет хорошей.", "ru-Cyrl"},
    {"Это очень интересная книга, я прочитал её за два дня.", "ru-Cyrl"},
    {"Men būl kıtapty äkemnen aldym, ol öte jaqsy eken.", "kk-Latn-2021"},
    {"Bız erteñ Şymkentke baramyz, auyl mektebıne.", "kk-Latn-2021"},
    {"Men bul kitapty ákemnen aldym, ol óte jaqsy eken.", "kk-Latn-2018"},
    {"Biz erteń Shymkentke baramyz, aýyl mektebine.", "kk-Latn-2018"},
    {"Men bul kitapty a'kemnen aldym, ol o'te jaqsy eken.", "kk-Latn-2017"},
    {"Bi'z erten' S'ymkentke baramyz, ay'yl mektebi'ne.", "kk-Latn-2017"},
    {"Men būl kitaptı äkemnen aldım, ol öte jaqsı eken.", "cta-2024"},
    {"Bïz erteñ Şımkentke baramız, auıl mektebïne.", "cta-2024"},
    {"Men bul kitaptı äkemnen aldım, awılğa barıp keldim.", "cta-1991"},
    {"Bu kitabı çok beğendim, ama biraz pahalı geldi.", "tr-Latn"},
    {"Yarın Ankara'ya gidiyoruz, hava çok güzel olacak.", "tr-Latn"},
    {"Sabah çayını içib məktəbə getdi, dərsləri çox maraqlı idi.", "az-Latn"},
    {"Bu kitobni men juda yaxshi koʻraman, u oʻzbek tilida yozilgan.", "uz-Latn"},
    {"Ertaga biz togʻga boramiz va u yerda choy ichamiz.", "uz-Latn"},
    {"The weather was fine, so we walked to the station together.", "en-Latn"},
    {"ئەتە بىز مەكتەپكە بارىمىز، كىتاب ناھايىتى ياخشى.", "ug-Arab"},
};

TEST(DetectSentencesTest, EachSentenceIsItsLanguage) {
  for (const Case& c : kSentences) {
    const ortaq::Detection d = ortaq::DetectSource(c.text);
    ASSERT_TRUE(d.error.empty()) << d.error;
    EXPECT_EQ(d.language, c.language) << c.text;
    EXPECT_GE(d.letters, 20u) << c.text;
  }
}

// The id is the alphabet to convert from only for the alphabets a table reads.
TEST(DetectSentencesTest, OnlyConvertedAlphabetsGetAnId) {
  std::vector<std::string> sources;
  for (const ortaq::TableInfo& t : ortaq::ListTables(ortaq::Options{})) sources.push_back(t.from);
  for (const Case& c : kSentences) {
    const ortaq::Detection d = ortaq::DetectSource(c.text);
    const bool read = std::find(sources.begin(), sources.end(), c.language) != sources.end();
    EXPECT_EQ(d.id, read ? c.language : "") << c.text;
    // Honest confidence: a language ortaq does not convert never gives an id with >= 0.5.
    if (!read && !d.id.empty()) {
      EXPECT_LT(d.confidence, 0.5) << c.text;
    }
  }
}

// Every alphabet a table reads is a candidate (so that detection can name it).
TEST(DetectSentencesTest, EveryAlphabetATableReadsIsDetectable) {
  const ortaq::Detection d = ortaq::DetectSource("Біз");
  std::vector<std::string> known;
  for (const auto& [id, p] : d.scores) known.push_back(id);
  for (const ortaq::TableInfo& t : ortaq::ListTables(ortaq::Options{}))
    EXPECT_NE(std::find(known.begin(), known.end(), t.from), known.end()) << t.from;
}

TEST(DetectSentencesTest, NothingToGoByAndUnknownText) {
  const ortaq::Detection none = ortaq::DetectSource("123 ... !?");
  EXPECT_EQ(none.letters, 0u);
  EXPECT_EQ(none.id, "");
  EXPECT_EQ(none.language, "");
  // Persian letters (ی ک) are not the Uyghur alphabet's: unknown, not Uyghur.
  const ortaq::Detection persian = ortaq::DetectSource("این کتاب را دیروز خریدم و خیلی دوستش دارم");
  EXPECT_EQ(persian.language, "") << (persian.scores.empty() ? "" : persian.scores[0].first);
  EXPECT_EQ(persian.id, "");
}

TEST(DetectDataTest, ErrorsNameFileLineAndColumn) {
  ortaq_test::TempDir dir;
  const std::string file = dir.Write("broken.txt",
                                     "@language xx-Cyrl converts \"test\"\n"
                                     "script Cyrillic\n"
                                     "alphabet а б в\n"
                                     "letters +2 б г\n"          // г is not in the alphabet
                                     "words two б\n"             // not a weight
                                     "sequences +1 {nope}а\n");  // unknown class
  const ortaq::Detection d = ortaq::DetectSource("абв", file);
  EXPECT_EQ(d.language, "");
  EXPECT_NE(d.error.find(file + ":4:14: error: U+0433"), std::string::npos) << d.error;
  EXPECT_NE(d.error.find(file + ":5:7: error: expected a weight"), std::string::npos) << d.error;
  EXPECT_NE(d.error.find(file + ":6:14: error: unknown class 'nope'"), std::string::npos) << d.error;
  const ortaq::Detection latin = ortaq::DetectSource("абв", dir.Write("latin.txt",
                                                                      "@language xx-Cyrl other \"test\"\n"
                                                                      "script Cyrillic\nalphabet а b\n"));
  EXPECT_NE(latin.error.find("latin.txt:3:12: error: U+0062 LATIN SMALL LETTER B is not a letter of the Cyrillic script"),
            std::string::npos) << latin.error;
  EXPECT_NE(ortaq::DetectSource("abc", (dir.path() / "absent.txt").string()).error, "");
}

}  // namespace
