// Round trips (ortaq::RoundTrip) and source detection (ortaq::DetectSource):
// - RoundTrip's counting on small texts, with tables written here (tokens, causes, examples,
//   accumulation, split words, failures);
// - the share of Kazakh word tokens that come back unchanged through each reverse table, over
//   the real text of ../shared/corpora/kk-Cyrl (floors: CTA 2024 with kk-i=ï 99.5%, Kazakh Latin
//   2021 99.0%; the others a little under what they reach, to catch regressions);
// - DetectSource on the Latin lines of the mixed Kaspi reviews and on short texts written here
//   (the folder-by-folder targets are in tests/detect/).
// The corpus tests skip with a message when ../shared/corpora is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;
using ortaq::Options;
using ortaq::RoundTripReport;
using ortaq::Status;
using ortaq::StatusCode;
using ortaq::Transliterator;
using ortaq_test::Describe;
using ortaq_test::ReadFile;

using ortaq_test::SharedCorpora;
using ortaq_test::TextFiles;

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

const RoundTripReport::Cause* FindCause(const RoundTripReport& report, const std::string& cause) {
  for (const RoundTripReport::Cause& c : report.causes)
    if (c.cause == cause) return &c;
  return nullptr;
}

// ---- RoundTrip on small texts ------------------------------------------------------------------

// A forward table that drops ь and writes э and е alike, ъ as a space; and its reverse.
constexpr const char* kForward = R"(@title test forward
@from x-Cyrl
@to x-Latn
а > a
б > b
в > v
е > e
э > e
ь > ∅
ъ > \s
)";
constexpr const char* kBackward = R"(@title test backward
@from x-Latn
@to x-Cyrl
a > а
b > б
v > в
e > е
)";

class RoundTripUnitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status status;
    forward_ = Transliterator::FromText(kForward, "forward.tbl", Options{}, &status);
    ASSERT_NE(forward_, nullptr) << Describe(status);
    backward_ = Transliterator::FromText(kBackward, "backward.tbl", Options{}, &status);
    ASSERT_NE(backward_, nullptr) << Describe(status);
  }
  std::shared_ptr<const Transliterator> forward_, backward_;
};

TEST_F(RoundTripUnitTest, CountsTokensAndGroupsChangesByCause) {
  RoundTripReport report;
  // Five tokens; ваь and эб change; 1, 2 and the punctuation are not words.
  Status status = ortaq::RoundTrip(*forward_, *backward_, "аб, ваь 1 эб!\nба ве 2", &report);
  ASSERT_TRUE(status.ok()) << Describe(status);
  EXPECT_EQ(report.tokens, 5u);
  EXPECT_EQ(report.unchanged, 3u);
  EXPECT_DOUBLE_EQ(report.Share(), 60.0);
  ASSERT_EQ(report.causes.size(), 2u);
  // Equal counts: in the order of the cause text (ь U+044C before э U+044D).
  EXPECT_EQ(report.causes[0].cause, "ь → ∅");
  EXPECT_EQ(report.causes[0].count, 1u);
  ASSERT_EQ(report.causes[0].examples.size(), 1u);
  EXPECT_EQ(report.causes[0].examples[0].first, "ваь → ва");
  EXPECT_EQ(report.causes[0].examples[0].second, 1u);
  EXPECT_EQ(report.causes[1].cause, "э → е");
  EXPECT_EQ(report.causes[1].examples[0].first, "эб → еб");
}

// Issue 15.6: the share over words of the text's own script, apart from words mixing scripts
// (input repairs) and words of another script.
TEST_F(RoundTripUnitTest, NativeShareLeavesOutRepairsAndForeignWords) {
  RoundTripReport report;
  // аб, ба, ве: Cyrillic (ваь changes); вaб mixes a Latin a in; ab and Eva are Latin.
  Status status = ortaq::RoundTrip(*forward_, *backward_, "аб ваь ба ве вaб ab Eva", &report);
  ASSERT_TRUE(status.ok()) << Describe(status);
  EXPECT_EQ(report.tokens, 7u);
  EXPECT_EQ(report.native_tokens, 4u);
  EXPECT_EQ(report.native_unchanged, 3u);
  EXPECT_DOUBLE_EQ(report.NativeShare(), 75.0);
  EXPECT_EQ(report.repair_tokens, 1u);
  EXPECT_EQ(report.foreign_tokens, 2u);
  EXPECT_EQ(report.foreign_changed, 2u);  // the backward table reads a, b, v, e as Cyrillic
}

TEST_F(RoundTripUnitTest, CauseIsTheChangedMiddleOfTheWord) {
  RoundTripReport report;
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "аьб эээ Эба", &report).ok());
  EXPECT_EQ(report.tokens, 3u);
  EXPECT_EQ(report.unchanged, 0u);
  ASSERT_NE(FindCause(report, "ь → ∅"), nullptr);    // аьб → аб: the prefix а and suffix б are cut
  ASSERT_NE(FindCause(report, "эээ → еее"), nullptr);
  const RoundTripReport::Cause* upper = FindCause(report, "Э → Е");
  ASSERT_NE(upper, nullptr);
  EXPECT_EQ(upper->examples[0].first, "Эба → Еба");
}

TEST_F(RoundTripUnitTest, AccumulatesOverSeveralTexts) {
  RoundTripReport report;
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "ваь аб", &report).ok());
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "ваь баь эв", &report).ok());
  EXPECT_EQ(report.tokens, 5u);
  EXPECT_EQ(report.unchanged, 1u);
  ASSERT_EQ(report.causes.size(), 2u);
  // Most frequent first.
  EXPECT_EQ(report.causes[0].cause, "ь → ∅");
  EXPECT_EQ(report.causes[0].count, 3u);
  ASSERT_EQ(report.causes[0].examples.size(), 2u);
  EXPECT_EQ(report.causes[0].examples[0], (std::pair<std::string, std::uint64_t>("ваь → ва", 2)));
  EXPECT_EQ(report.causes[0].examples[1], (std::pair<std::string, std::uint64_t>("баь → ба", 1)));
  EXPECT_EQ(report.causes[1].cause, "э → е");
  EXPECT_EQ(report.causes[1].count, 1u);
}

TEST_F(RoundTripUnitTest, ALineWithAnotherNumberOfWordsCountsAllItsTokens) {
  RoundTripReport report;
  // ъ becomes a space: аъб comes back as two words, so the whole line (2 tokens) counts as changed.
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "аъб ва\nба", &report).ok());
  EXPECT_EQ(report.tokens, 3u);
  EXPECT_EQ(report.unchanged, 1u);
  const RoundTripReport::Cause* split = FindCause(report, "(words split or joined)");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->count, 2u);
  ASSERT_EQ(split->examples.size(), 1u);
  EXPECT_EQ(split->examples[0].first, "аъб ва → а б ва");
}

TEST_F(RoundTripUnitTest, CombiningMarksBelongToTheWord) {
  RoundTripReport report;
  // в + U+0308 and б + U+0301 are one token each (v̈ and b́ have no composed form, so the
  // marks come back as written). а + U+0301 becomes á going forward, which the backward table
  // leaves as it is: one changed token, not a word split at the mark.
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "в\u0308а аб\u0301 а\u0301б", &report).ok());
  EXPECT_EQ(report.tokens, 3u);
  EXPECT_EQ(report.unchanged, 2u);
  ASSERT_EQ(report.causes.size(), 1u);
  EXPECT_EQ(report.causes[0].examples[0].first, "а\u0301б → \u00E1б");
}

TEST_F(RoundTripUnitTest, EmptyTextIsAHundredPercent) {
  RoundTripReport report;
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "", &report).ok());
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, " 123, ...\n", &report).ok());
  EXPECT_EQ(report.tokens, 0u);
  EXPECT_EQ(report.Share(), 100.0);
}

TEST_F(RoundTripUnitTest, InvalidInputLeavesTheReportAsItWas) {
  RoundTripReport report;
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, "ваь", &report).ok());
  const Status status = ortaq::RoundTrip(*forward_, *backward_, "аб \xFF ба", &report);
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
  EXPECT_EQ(report.tokens, 1u);
  EXPECT_EQ(report.unchanged, 0u);
  ASSERT_EQ(report.causes.size(), 1u);
  EXPECT_EQ(report.causes[0].count, 1u);
  EXPECT_EQ(ortaq::RoundTrip(*forward_, *backward_, "аб", nullptr).code(), StatusCode::kInvalidArgument);
}

TEST_F(RoundTripUnitTest, SplitLineExampleIsCutAtACharacterBoundary) {
  RoundTripReport report;
  // More than 60 bytes of two-byte letters on a line whose word count changes.
  std::string line = "аъб";
  for (int i = 0; i < 40; ++i) line += " ва";
  ASSERT_TRUE(ortaq::RoundTrip(*forward_, *backward_, line, &report).ok());
  const RoundTripReport::Cause* split = FindCause(report, "(words split or joined)");
  ASSERT_NE(split, nullptr);
  const std::string& example = split->examples[0].first;
  // Valid UTF-8: no lead byte without its continuation at either cut.
  Status status;
  auto identity = Transliterator::FromText("@from a\n@to b\n", "identity.tbl", Options{}, &status);
  ASSERT_NE(identity, nullptr) << Describe(status);
  std::string out;
  EXPECT_TRUE(identity->Transliterate(example, &out).ok()) << example;
}

TEST(RoundTripTest, RealTablesRestoreKazakhWords) {
  Status status;
  Options options;
  options.settings.push_back({"kk-i", "ï"});
  auto forward = Transliterator::FromIds("kk-Cyrl", "cta-2024", options, &status);
  ASSERT_NE(forward, nullptr) << Describe(status);
  auto backward = Transliterator::FromIds("cta-2024", "kk-Cyrl", options, &status);
  ASSERT_NE(backward, nullptr) << Describe(status);
  RoundTripReport report;
  status = ortaq::RoundTrip(*forward, *backward,
                            "Біз ертең Шымкентке барамыз. Қазақстан Республикасы, фильм, экономика, только, "
                            "консультация, Уральск, водительдер, COVID, Twitter.",
                            &report);
  ASSERT_TRUE(status.ok()) << Describe(status);
  std::string changed;
  for (const auto& c : report.causes)
    for (const auto& [word, n] : c.examples) changed += "\n  " + word;
  EXPECT_EQ(report.unchanged, report.tokens) << "changed:" << changed;
}

// ---- Round trips over the shared Kazakh corpus -------------------------------------------------

struct RoundTripCase {
  std::string via;
  std::vector<std::pair<std::string, std::string>> settings;
  double native_floor;  // percent of Kazakh (wholly Cyrillic) word tokens unchanged, at least
  double floor;         // percent of all word tokens unchanged, at least
};

void PrintTo(const RoundTripCase& c, std::ostream* os) {
  *os << c.via;
  for (const auto& [k, v] : c.settings) *os << " " << k << "=" << v;
}

class CorpusRoundTripTest : public ::testing::TestWithParam<RoundTripCase> {};

TEST_P(CorpusRoundTripTest, ShareOfUnchangedWordTokens) {
  const fs::path dir = SharedCorpora() / "kk-Cyrl";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "the shared corpus is absent (" << dir.string() << ")";
  const std::vector<fs::path> files = TextFiles(dir);
  ASSERT_FALSE(files.empty()) << "no .txt files in " << dir.string();
  const RoundTripCase& c = GetParam();
  Options options;
  options.settings = c.settings;
  Status status;
  auto forward = Transliterator::FromIds("kk-Cyrl", c.via, options, &status);
  ASSERT_NE(forward, nullptr) << Describe(status);
  auto backward = Transliterator::FromIds(c.via, "kk-Cyrl", options, &status);
  ASSERT_NE(backward, nullptr) << Describe(status);
  RoundTripReport report;
  for (const fs::path& file : files) {
    status = ortaq::RoundTrip(*forward, *backward, ReadFile(file), &report);
    ASSERT_TRUE(status.ok()) << file.string() << ": " << Describe(status);
  }
  ASSERT_GT(report.tokens, 100000u);
  std::string top;
  for (std::size_t i = 0; i < report.causes.size() && i < 10; ++i)
    top += "\n  " + std::to_string(report.causes[i].count) + "  " + report.causes[i].cause;
  char share[32];
  std::snprintf(share, sizeof share, "%.2f", report.Share());
  RecordProperty("share", share);
  std::printf("kk-Cyrl -> %s -> kk-Cyrl: %s%% of %llu word tokens unchanged\n", c.via.c_str(), share,
              static_cast<unsigned long long>(report.tokens));
  EXPECT_GE(report.Share(), c.floor) << share << "% of " << report.tokens << " word tokens unchanged; the most "
                                     << "frequent causes:" << top;
  char native[32];
  std::snprintf(native, sizeof native, "%.2f", report.NativeShare());
  RecordProperty("native_share", native);
  std::printf("  Kazakh words: %s%% of %llu unchanged\n", native, static_cast<unsigned long long>(report.native_tokens));
  EXPECT_GE(report.NativeShare(), c.native_floor) << native << "% of " << report.native_tokens
                                                  << " Kazakh word tokens unchanged; the most frequent causes:" << top;
}

INSTANTIATE_TEST_SUITE_P(
    ReverseTables, CorpusRoundTripTest,
    ::testing::Values(
        // Kazakh words: the targets of the issue (99.8, 99.6, 99.5, 99.5); cta-2024 with і as i
        // merges І and Ы by design, a regression floor 0.3 under the share reached. All tokens
        // (repairs and other scripts included; Roman numerals typed ХХІ come back as Latin XXI):
        // regression floors 0.3 points under the shares reached.
        RoundTripCase{"cta-2024", {{"kk-i", "ï"}}, 99.8, 99.14},
        RoundTripCase{"kk-Latn-2021", {}, 99.6, 98.9},
        RoundTripCase{"kk-Latn-2018", {}, 99.5, 98.8},
        RoundTripCase{"kk-Latn-2017", {}, 99.5, 98.8},
        RoundTripCase{"cta-2024", {}, 97.0, 97.0}),
    [](const ::testing::TestParamInfo<RoundTripCase>& info) {
      std::string name = info.param.via;
      for (const auto& [k, v] : info.param.settings) name += "_" + k + (v == "ï" ? "_dieresis_i" : "_" + v);
      for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

// ---- Source detection --------------------------------------------------------------------------

// Whole files and line accuracy per folder of ../shared/corpora: tests/detect/detect_corpus_test.cpp.

TEST(DetectSourceTest, LatinLinesOfTheMixedKaspiReviews) {
  const fs::path file = SharedCorpora() / "kk-mixed" / "kazsandra-kaspi-mixed.txt";
  if (!fs::is_regular_file(file)) GTEST_SKIP() << "the shared corpus is absent (" << file.string() << ")";
  const std::vector<std::string> lines = SplitLines(ReadFile(file));
  // Lines (1-based) in the 2018 alphabet (acute letters á ó ú ý ǵ ń, ı for и) and in the 2021
  // draft (ä ū ğ ş ñ/ŋ, ı for і), read off the file; the rest of it is Cyrillic.
  const std::map<int, std::string> expected = {
      {159, "kk-Latn-2018"},  // Daýysy jaqsy, anyq. Sapasy baǵasynan da jaqsy. ... kóńilge
      {255, "kk-Latn-2018"},  // Óte jaqsy.
      {260, "kk-Latn-2018"},  // Sapaly, óte jaqsy.
      {530, "kk-Latn-2018"},  // ... Kurer ýákitinda ákeldi.
      {802, "kk-Latn-2018"},  // Bári jaqsy.
      {185, "kk-Latn-2021"},  // Tіgіsі (Cyrillic і typed for ı), Ölşemі tūra, qalyŋdauyma
      {187, "kk-Latn-2021"},  // Jetkızu qyzmetı ... dükenıne jäne
      {199, "kk-Latn-2021"},  // Ūzyndyğy qolyma kelmei qaldy.
      {272, "kk-Latn-2021"},  // Jyldamdyğy jaqsy.
      {337, "kk-Latn-2021"},  // jūmys jasap tūr.
      {470, "kk-Latn-2021"},  // Öte jaqsy, bağasyna sai jaqsy qūrylğy.
      {643, "kk-Latn-2021"},  // Aşty.Qurt ketiredi.
      {961, "kk-Latn-2021"},  // Sapasy ūnady.Jetkızu qyzmetı
  };
  ASSERT_GE(lines.size(), 961u);
  for (const auto& [number, id] : expected) {
    const std::string& line = lines[static_cast<std::size_t>(number - 1)];
    const ortaq::Detection d = ortaq::DetectSource(line);
    EXPECT_EQ(d.id, id) << "line " << number << ": " << line;
  }
  // Every line with an acute letter of 2018 is one of the above (the list is complete).
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    for (const char* letter : {"á", "ó", "ú", "ý", "ǵ", "ń", "Á", "Ó", "Ú", "Ý"}) {
      if (line.find(letter) != std::string::npos) {
        EXPECT_EQ(expected.count(static_cast<int>(i + 1)), 1u) << "line " << i + 1 << ": " << line;
        break;
      }
    }
  }
}

TEST(DetectSourceTest, ShortTextsOfEachAlphabet) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Біз ертең Шымкентке барамыз, кітап өте жақсы.", "kk-Cyrl"},
      {"Сәлеметсіз бе!", "kk-Cyrl"},
      {"Men būl kıtapty äkemnen aldym, ol öte jaqsy eken.", "kk-Latn-2021"},
      {"Bız erteñ Şymkentke baramyz.", "kk-Latn-2021"},
      {"Men bul kitapty ákemnen aldym, ol óte jaqsy eken.", "kk-Latn-2018"},
      {"Biz erteń Shymkentke baramyz.", "kk-Latn-2018"},
      {"Men bul kitapty a'kemnen aldym, ol o'te jaqsy eken.", "kk-Latn-2017"},
      {"Bi'z erten' S'ymkentke baramyz.", "kk-Latn-2017"},
      {"Bu kitabı çok beğendim, ama biraz pahalı.", "tr-Latn"},
      {"Yarın Ankara'ya gidiyoruz.", "tr-Latn"},
  };
  for (const auto& [text, id] : cases) {
    const ortaq::Detection d = ortaq::DetectSource(text);
    EXPECT_EQ(d.id, id) << text;
    EXPECT_GT(d.confidence, 0.0) << text;
  }
  EXPECT_EQ(ortaq::DetectSource("123 ... !?").id, "");
}

}  // namespace
