// Each measure of `ortaq compare` on a corpus small enough to count by hand. The right answers
// are worked out in the comments next to each assertion.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "ortaq/compare.hpp"

namespace {

// A toy proposal: ш is written with a digraph, ң with an apostrophe letter, ә with a diacritic,
// and І and И both become i (a merge).
constexpr const char* kToyTable = R"(@title toy
@from xx
@to toy
а > a
с > s
х > h
ш > sh
і > i
и > i
ә > ä
ң > n'
н > n
)";

// The same, but ш > ş.
constexpr const char* kToyTableB = R"(@title toy b
@from xx
@to toy-b
а > a
с > s
х > h
ш > ş
і > i
и > i
ә > ä
ң > n'
н > n
)";

// Source: 6 words, 17 letters, 40 bytes (17 two-byte letters, 4 spaces, 2 line ends).
constexpr const char* kCorpus = "шаш асха\nіні ини әң ан\n";
// Output: "shash asha\nini ini än' an\n": 19 letters, 27 bytes.

std::filesystem::path WriteKeyboardFixture() {
  // A layout "tr" of its own: a s h i n on their keys (1 keystroke), ä on AltGr (2), the
  // apostrophe on Shift (2); included from a second file to check that includes are followed.
  // One directory per process: ctest runs each test of this file as its own process, in
  // parallel, and a shared directory was rewritten by one while another read it.
  const auto dir = std::filesystem::temp_directory_path() / ("ortaq_compare_test_xkb." + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "latin") << "default xkb_symbols \"basic\" {\n"
                                  "  key <AC01> { [ a, A ] };\n  key <AC02> { [ s, S ] };\n"
                                  "  key <AC06> { [ h, H ] };\n  key <AD08> { [ i, I ] };\n"
                                  "  key <AB06> { [ n, N ] };\n};\n";
  std::ofstream(dir / "tr") << "// comment\ndefault partial\nxkb_symbols \"basic\" {\n  include \"latin\"\n"
                               "  key <AC01> { type[group1] = \"FOUR_LEVEL\", [ a, A, adiaeresis, Adiaeresis ] };\n"
                               "  key <AE02> { [ 2, apostrophe ] };\n};\n";
  return dir;
}

ortaq::Proposal Toy(const char* text, const char* id) {
  ortaq::Status status;
  ortaq::Proposal p;
  p.id = id;
  p.transliterator = ortaq::Transliterator::FromText(text, id, ortaq::Options{}, &status);
  EXPECT_TRUE(p.transliterator) << status.message();
  return p;
}

class CompareToyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<ortaq::Proposal> proposals;
    proposals.push_back(Toy(kToyTable, "toy"));
    proposals.push_back(Toy(kToyTableB, "toy-b"));
    ortaq::CompareOptions options;
    const std::filesystem::path xkb_dir = WriteKeyboardFixture();
    options.xkb_dir = xkb_dir.string();
    comparison_ = std::make_unique<ortaq::Comparison>(std::move(proposals), options);
    // Fed in pieces that cut lines and a two-byte letter, to check that pieces join.
    const std::string corpus = kCorpus;
    for (std::size_t i = 0; i < corpus.size(); i += 5) {
      ASSERT_TRUE(comparison_->Add(std::string_view(corpus).substr(i, 5)).ok());
    }
    ASSERT_TRUE(comparison_->Finish(&report_).ok());
    std::filesystem::remove_all(xkb_dir);  // Finish read the layouts
    ASSERT_EQ(report_.proposals.size(), 2u);
  }
  const ortaq::LetterStat* Letter(const std::string& letter) const {
    for (const auto& l : report_.proposals[0].inventory) {
      if (l.letter == letter) return &l;
    }
    return nullptr;
  }
  std::unique_ptr<ortaq::Comparison> comparison_;
  ortaq::CompareReport report_;
};

TEST_F(CompareToyTest, SourceCounts) {
  EXPECT_EQ(report_.source.words, 6u);
  EXPECT_EQ(report_.source.letters, 17u);
  EXPECT_EQ(report_.source.bytes, 40u);
  EXPECT_EQ(report_.source.distinct_words, 6u);
}

TEST_F(CompareToyTest, NonAsciiLettersAndWords) {
  const ortaq::ProposalReport& p = report_.proposals[0];
  EXPECT_EQ(p.letters, 19u);                 // shash 5, asha 4, ini 3, ini 3, än 2, an 2
  EXPECT_EQ(p.non_ascii_letters, 1u);        // ä
  EXPECT_DOUBLE_EQ(p.non_ascii_per_100_letters, 100.0 / 19);
  EXPECT_DOUBLE_EQ(p.words_with_non_ascii, 1.0 / 6);  // än'
}

TEST_F(CompareToyTest, DigraphsAndFalseReadings) {
  const ortaq::ProposalReport& p = report_.proposals[0];
  EXPECT_EQ(p.digraphs, 2u);        // the two sh of shash, each from ш
  EXPECT_EQ(p.false_digraphs, 1u);  // asha: s from с and h from х read as sh
  EXPECT_DOUBLE_EQ(p.digraphs_per_100_letters, 200.0 / 19);
  ASSERT_EQ(p.false_digraph_examples.size(), 1u);
  EXPECT_EQ(p.false_digraph_examples[0].first, "асха → asha");
  EXPECT_EQ(report_.proposals[1].digraphs, 0u);  // toy-b writes ş
}

TEST_F(CompareToyTest, Apostrophes) {
  EXPECT_EQ(report_.proposals[0].apostrophes, 1u);  // n' for ң
  EXPECT_DOUBLE_EQ(report_.proposals[0].apostrophes_per_100_letters, 100.0 / 19);
}

TEST_F(CompareToyTest, Homographs) {
  const ortaq::ProposalReport& p = report_.proposals[0];
  EXPECT_EQ(p.homograph_groups, 1u);  // іні and ини are both ini
  EXPECT_DOUBLE_EQ(p.homograph_running_share, 2.0 / 6);
  ASSERT_EQ(p.homograph_examples.size(), 1u);
  EXPECT_EQ(p.homograph_examples[0].output, "ini");
  EXPECT_EQ(p.homograph_examples[0].words.size(), 2u);
}

TEST_F(CompareToyTest, AsciiFoldCollisions) {
  const ortaq::ProposalReport& p = report_.proposals[0];
  EXPECT_EQ(p.ascii_fold_collisions, 1u);  // än' and an are both "an" without marks
  EXPECT_DOUBLE_EQ(p.ascii_fold_running_share, 2.0 / 6);
  ASSERT_EQ(p.ascii_fold_examples.size(), 1u);
  EXPECT_EQ(p.ascii_fold_examples[0].output, "an");
}

TEST_F(CompareToyTest, Length) {
  const ortaq::ProposalReport& p = report_.proposals[0];
  EXPECT_DOUBLE_EQ(p.letters_change_percent, 100.0 * (19 - 17) / 17);
  EXPECT_EQ(p.bytes, 27u);
  EXPECT_DOUBLE_EQ(p.bytes_change_percent, 100.0 * (27 - 40) / 40);
}

TEST_F(CompareToyTest, InventoryKindsAndMerges) {
  // a s h sh i ä n' n: eight letters from the nine source letters (и and і merge).
  EXPECT_EQ(report_.proposals[0].inventory.size(), 8u);
  const ortaq::LetterStat* sh = Letter("sh");
  ASSERT_TRUE(sh);
  EXPECT_EQ(sh->kind, "digraph");
  EXPECT_EQ(sh->count, 3u);  // shash 2, asha 1 (as it reads)
  EXPECT_FALSE(sh->precomposed);
  const ortaq::LetterStat* n = Letter("n'");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, "apostrophe");
  const ortaq::LetterStat* a = Letter("ä");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "diacritic");
  EXPECT_TRUE(a->precomposed);
  EXPECT_EQ(a->block, "Latin 1 Supplement");
  EXPECT_EQ(a->upper, "Ä");
  const ortaq::LetterStat* i = Letter("i");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->source, "и і");
  EXPECT_EQ(i->count, 4u);
  EXPECT_TRUE(report_.proposals[0].case_collisions.empty());
}

TEST_F(CompareToyTest, TurkishAlphabet) {
  const ortaq::ProposalReport& p = report_.proposals[0];
  EXPECT_EQ(p.outside_turkish, 1u);  // ä
  ASSERT_FALSE(p.overlap.empty());
  EXPECT_EQ(p.overlap[0].alphabet, "tr");
  EXPECT_EQ(p.overlap[0].shared, 5);  // a s h i n
}

TEST_F(CompareToyTest, Keystrokes) {
  ASSERT_EQ(report_.layouts, std::vector<std::string>{"tr"});  // the fixture has no other layout
  const ortaq::KeyboardStat& k = report_.proposals[0].keyboards[0];
  // 18 letters at 1 key, ä at 2 (AltGr), the apostrophe at 2 (Shift): 22 keys for 6 words.
  EXPECT_DOUBLE_EQ(k.keys_per_word, 22.0 / 6);
  EXPECT_TRUE(k.untypeable.empty());
  const ortaq::LetterStat* n = Letter("n'");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->keys_lower[0], 3);  // n, then Shift + 2
  // toy-b's ş has no key and no dead key on this layout.
  const ortaq::KeyboardStat& b = report_.proposals[1].keyboards[0];
  ASSERT_EQ(b.untypeable.size(), 1u);
  EXPECT_EQ(b.untypeable[0], "ş");
  EXPECT_DOUBLE_EQ(b.untypeable_per_100_letters, 100.0 * 2 / 17);  // şaş: 17 letters, 2 ş
}

TEST_F(CompareToyTest, DiffListsTheWordsWrittenDifferently) {
  ortaq::DiffReport diff;
  ASSERT_TRUE(comparison_->Diff(10, &diff).ok());
  EXPECT_EQ(diff.differing_distinct, 1u);  // шаш: shash / şaş
  EXPECT_EQ(diff.differing_words, 1u);
  EXPECT_EQ(diff.words, 6u);
  ASSERT_EQ(diff.entries.size(), 1u);
  EXPECT_EQ(diff.entries[0].source, "шаш");
  EXPECT_EQ(diff.entries[0].a, "shash");
  EXPECT_EQ(diff.entries[0].b, "şaş");
}

TEST_F(CompareToyTest, JsonHasTheNamedFields) {
  const std::string json = ortaq::FormatCompareReport(report_, ortaq::CompareFormat::kJson);
  for (const char* field : {"\"proposals\"", "\"id\": \"toy\"", "\"letters\": [", "\"non_ascii_per_100_letters\": 5.26316",
                            "\"words_with_non_ascii\": 0.166667", "\"homograph_groups\": 1",
                            "\"ascii_fold_collisions\": 1"}) {
    EXPECT_NE(json.find(field), std::string::npos) << field << "\n" << json;
  }
}

TEST_F(CompareToyTest, SampleLines) {
  // Both lines are shorter than a sample line may be (40 bytes).
  EXPECT_TRUE(report_.samples.empty());
}

TEST(CompareTest, InvalidUtf8IsReportedWithItsPlace) {
  std::vector<ortaq::Proposal> proposals;
  proposals.push_back(Toy(kToyTable, "toy"));
  ortaq::Comparison comparison(std::move(proposals), ortaq::CompareOptions{});
  ASSERT_TRUE(comparison.Add("аа\nа\xff").ok());  // the bad line is not complete yet
  const ortaq::Status status = comparison.EndOfFile();
  EXPECT_EQ(status.code(), ortaq::StatusCode::kInvalidInput);
  EXPECT_EQ(status.position().line, 2u);
  EXPECT_EQ(status.position().column, 2u);
  EXPECT_EQ(status.position().byte_offset, 7u);
}

TEST(CompareTest, ProposalSpecsTakeSettings) {
  ortaq::Proposal p;
  ASSERT_TRUE(ortaq::LoadProposal("cta-2024:kk-i=ï", "kk-Cyrl", ortaq::Options{}, &p).ok());
  std::string out;
  ASSERT_TRUE(p.transliterator->Transliterate("білім", &out).ok());
  EXPECT_EQ(out, "bïlïm");
  EXPECT_EQ(p.id, "cta-2024:kk-i=ï");
  EXPECT_FALSE(ortaq::LoadProposal("cta-2024:kk-i", "kk-Cyrl", ortaq::Options{}, &p).ok());
  EXPECT_FALSE(ortaq::LoadProposal("cta-2024:kk-i=q", "kk-Cyrl", ortaq::Options{}, &p).ok());
  EXPECT_FALSE(ortaq::LoadProposal("no-such-alphabet", "kk-Cyrl", ortaq::Options{}, &p).ok());
}

}  // namespace
