// A table of one's own: chained behind other tables when it reads another alphabet, checked for
// letters it merges and options it leaves idle, and described by @status/@date/@sources.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"

namespace {

namespace fs = std::filesystem;

// A proposal on top of CTA 2024 that writes Ұ as ŭ and І as ı (so І and Ы merge).
constexpr const char* kMine =
    "@title mine\n"
    "@from kk-Cyrl\n"
    "@to cta-2024\n"
    "@inherit kk-Cyrl--cta-2024\n"
    "ұ > ŭ\n"
    "і > ı\n";

class OwnTable : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ortaq-own-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  static std::vector<ortaq::Diagnostic> WarningsWith(const ortaq::CheckReport& report, const std::string& words) {
    std::vector<ortaq::Diagnostic> found;
    for (const ortaq::Diagnostic& d : report.diagnostics)
      if (d.severity == ortaq::Severity::kWarning && d.message.find(words) != std::string::npos) found.push_back(d);
    return found;
  }

  fs::path dir_;
};

TEST_F(OwnTable, FileReadingAnotherAlphabetIsChainedBehindTheTablesLeadingToIt) {
  const std::string mine = Write("mine.tbl", kMine);
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Latn-2018", mine, {}, &status);
  ASSERT_TRUE(t) << status.message();
  EXPECT_TRUE(t->chained());
  EXPECT_EQ(t->info().from, "kk-Latn-2018");
  std::string out;
  // bilim (2018) → білім → bılım: the file's і > ı applied after kk-Latn-2018 → kk-Cyrl.
  ASSERT_TRUE(t->Transliterate("bilim ulttyq", &out).ok());
  EXPECT_EQ(out, "bılım ŭlttıq");
  // The same file from its own alphabet is not chained.
  auto direct = ortaq::Transliterator::FromIds("kk-Cyrl", mine, {}, &status);
  ASSERT_TRUE(direct) << status.message();
  EXPECT_FALSE(direct->chained());
}

TEST_F(OwnTable, FileReadingAnAlphabetNothingLeadsToIsRefusedWithBothNamed) {
  const std::string odd = Write("odd.tbl", "@from xx-Test\n@to yy-Test\na > b\n");
  ortaq::Status status;
  EXPECT_FALSE(ortaq::Transliterator::FromIds("kk-Cyrl", odd, {}, &status));
  EXPECT_EQ(status.code(), ortaq::StatusCode::kNotFound);
  EXPECT_NE(status.message().find("xx-Test"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("kk-Cyrl"), std::string::npos) << status.message();
}

TEST_F(OwnTable, CheckWarnsAtTheRuleThatMergesTwoLettersTheParentKeptApart) {
  const ortaq::CheckReport report = ortaq::CheckTable(Write("mine.tbl", kMine), {});
  EXPECT_TRUE(report.ok());
  const auto merged = WarningsWith(report, "are both written");
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].line, 6);  // і > ı
  EXPECT_EQ(merged[0].column, 1);
  EXPECT_NE(merged[0].message.find("Ы ы and І і are both written 'ı'"), std::string::npos) << merged[0].message;
  EXPECT_NE(merged[0].message.find("kk-Cyrl--cta-2024 writes them 'ı' and 'i'"), std::string::npos);
  // ұ > ŭ merges nothing: ŭ is no other letter's spelling.
  EXPECT_TRUE(WarningsWith(report, "'ŭ'").empty());
}

TEST_F(OwnTable, CheckNamesTwoCorpusWordsThatNowCollide) {
  const std::string corpus = "Іле өзені. Ыле деген сөз жоқ, бірақ ыле мен іле, іле.";
  const ortaq::CheckReport report = ortaq::CheckTable(Write("mine.tbl", kMine), {}, corpus);
  const auto merged = WarningsWith(report, "are both written");
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_NE(merged[0].message.find("in the corpus 'ыле' and 'іле' are both written 'ıle'"), std::string::npos)
      << merged[0].message;
  // Without such a pair: the most frequent word with the changed letter.
  const ortaq::CheckReport single = ortaq::CheckTable(Write("mine2.tbl", kMine), {}, "білім білім кітап");
  const auto one = WarningsWith(single, "are both written");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_NE(one[0].message.find("e.g. 'білім' (2 times in the corpus) is written 'bılım'"), std::string::npos)
      << one[0].message;
}

TEST_F(OwnTable, CheckWarnsAboutInheritedOptionsWithNothingLeftToDo) {
  const ortaq::CheckReport report = ortaq::CheckTable(Write("mine.tbl", kMine), {});
  const auto idle_i = WarningsWith(report, "option 'kk-i'");
  ASSERT_EQ(idle_i.size(), 1u);
  EXPECT_EQ(idle_i[0].line, 6);
  EXPECT_NE(idle_i[0].message.find("no longer does anything"), std::string::npos);
  ASSERT_EQ(WarningsWith(report, "option 'kk-u'").size(), 1u);
  EXPECT_EQ(WarningsWith(report, "option 'kk-u'")[0].line, 5);
  // Options the table still uses are not named.
  EXPECT_TRUE(WarningsWith(report, "option 'schwa'").empty());
  EXPECT_TRUE(WarningsWith(report, "option 'eng'").empty());
}

TEST_F(OwnTable, MergesSaysAMergeIsMeant) {
  const ortaq::CheckReport report =
      ortaq::CheckTable(Write("meant.tbl", std::string(kMine) + "@merges ы і\n"), {});
  EXPECT_TRUE(WarningsWith(report, "are both written").empty());
}

TEST_F(OwnTable, ProvenanceDirectivesAreCheckedAndListed) {
  const std::string good = Write("good.tbl",
                                 "@from kk-Cyrl\n@to cta-2024\n@inherit kk-Cyrl--cta-2024\n"
                                 "@status community-proposal\n@date 2023-05\n"
                                 "@sources read=2026-12-06 a blog post, example.org/post\n"
                                 "@sources read=2026-11-30 a second one\n");
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromFile(good, {}, &status);
  ASSERT_TRUE(t) << status.message();
  EXPECT_EQ(t->info().status, "community-proposal");
  EXPECT_EQ(t->info().date, "2023-05");
  ASSERT_EQ(t->info().sources.size(), 2u);
  EXPECT_EQ(t->info().sources[0].text, "a blog post, example.org/post");
  EXPECT_EQ(t->info().sources[0].read, "2026-12-06");
  EXPECT_EQ(t->info().sources[1].read, "2026-11-30");

  struct Bad {
    const char* line;
    int column;
    const char* words;
  };
  for (const Bad& bad : {Bad{"@status law", 9, "unknown status 'law'"}, Bad{"@date 2023-13", 7, "@date is written"},
                         Bad{"@sources somewhere", 10, "read=YYYY-MM-DD"}, Bad{"@sources read=2026-12 x", 10, "read="},
                         Bad{"@merges ы", 10, "pairs"}}) {
    const std::string path = Write("bad.tbl", std::string("@from kk-Cyrl\n@to x\n") + bad.line + "\nа > a\n");
    EXPECT_FALSE(ortaq::Transliterator::FromFile(path, {}, &status)) << bad.line;
    ASSERT_FALSE(status.diagnostics().empty()) << bad.line;
    const ortaq::Diagnostic& d = status.diagnostics().front();
    EXPECT_EQ(d.line, 3) << bad.line;
    EXPECT_EQ(d.column, bad.column) << bad.line << ": " << d.message;
    EXPECT_NE(d.message.find(bad.words), std::string::npos) << d.message;
  }
}

TEST(Provenance, EveryShippedTableSaysWhereItComesFrom) {
  const std::vector<ortaq::TableInfo> tables = ortaq::ListTables({});
  int proposals = 0;
  for (const ortaq::TableInfo& t : tables) {
    SCOPED_TRACE(t.path);
    if (t.path.rfind("<built-in>/", 0) != 0) continue;
    EXPECT_FALSE(t.status.empty());
    EXPECT_GE(t.date.size(), 4u);
    ASSERT_FALSE(t.sources.empty());
    for (const ortaq::TableSource& s : t.sources) EXPECT_EQ(s.read.size(), 10u);
    if (t.path.find("/proposals/") != std::string::npos) ++proposals;
  }
  EXPECT_EQ(proposals, 4);
}

TEST(Provenance, ProposalTablesAreFoundByIdAndConvertAsTheirSourcesSay) {
  struct Case {
    const char* to;
    const char* settings_key;
    const char* settings_value;
    const char* input;
    const char* expected;
  };
  for (const Case& c : {
           // September 2017: digraphs, У → w, Й → j, И and І alike.
           Case{"kk-Latn-2017-09", nullptr, nullptr, "Шығыс жаңа өлең ауыл ақиқат білім", "Shyghys zhanga oeleng awyl aqiqat bilim"},
           // January 2021: Ŋ for Ң, otherwise the April draft (І → ı, И → i).
           Case{"kk-Latn-2021-01", nullptr, nullptr, "Жаңа кітап, ҚАҢТАР", "Jaŋa kıtap, QAŊTAR"},
           Case{"kk-Latn-2021-01", "eng", "ñ", "жаңа", "jaña"},
           // CTA 2024 in TDK's glyphs.
           Case{"cta-2024-tdk", nullptr, nullptr, "Ұлы жаңа Әбішұлы", "Ŭlı jaňa Äbişŭlı"},
           // Ï for І on the 2021 draft.
           Case{"kk-Latn-ix", nullptr, nullptr, "бір кісі, ҚИІМ", "bïr kïsï, QİÏM"},
       }) {
    ortaq::Options options;
    if (c.settings_key) options.settings.push_back({c.settings_key, c.settings_value});
    ortaq::Status status;
    auto t = ortaq::Transliterator::FromIds("kk-Cyrl", c.to, options, &status);
    ASSERT_TRUE(t) << c.to << ": " << status.message();
    std::string out;
    ASSERT_TRUE(t->Transliterate(c.input, &out).ok());
    EXPECT_EQ(out, c.expected) << c.to;
  }
}

TEST(Provenance, ShippedTablesCheckWithoutInheritanceWarnings) {
  for (const ortaq::TableInfo& t : ortaq::ListTables({})) {
    const ortaq::CheckReport report = ortaq::CheckTable(t.path, {});
    EXPECT_TRUE(report.ok()) << t.path;
    for (const ortaq::Diagnostic& d : report.diagnostics) EXPECT_NE(d.severity, ortaq::Severity::kWarning) << d.Format();
  }
}

}  // namespace
