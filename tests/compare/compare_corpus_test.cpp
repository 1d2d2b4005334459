// The measures of `ortaq compare` on ../shared/corpora/kk-Cyrl against an independent count:
// each file converted whole (as `ortaq convert` does) and its letters, words and apostrophes
// counted here with ICU's own character properties, and the homographs found by converting
// every distinct word on its own. ORTAQ_SHARED_CORPORA names another corpora folder.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <cstdlib>
#include <map>
#include <set>

#include "ortaq/compare.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

fs::path CorpusDir() {
  const char* env = std::getenv("ORTAQ_SHARED_CORPORA");
  return (env && *env ? fs::path(env) : ortaq_test::SourceDir() / ".." / "shared" / "corpora") / "kk-Cyrl";
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  if (!fs::is_directory(CorpusDir())) return files;
  for (const auto& e : fs::directory_iterator(CorpusDir())) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::u32string Decode(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    int32_t next = static_cast<int32_t>(i);
    U8_NEXT(text.data(), next, static_cast<int32_t>(text.size()), c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    i = static_cast<std::size_t>(next);
  }
  return out;
}

bool Apostrophe(char32_t c) { return c == 0x27 || c == 0x2019 || c == 0x2BC || c == 0x2BB; }
bool Letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) && !Apostrophe(c); }
bool Mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

struct Counts {
  std::uint64_t letters = 0, non_ascii = 0, words = 0, words_non_ascii = 0, apostrophes = 0;
};

// Words: runs of letters and marks, with an apostrophe right after a letter kept in the word.
Counts Count(const std::string& text) {
  Counts c;
  bool in_word = false, non_ascii = false;
  char32_t previous = 0;
  for (char32_t ch : Decode(text)) {
    const bool apostrophe_in_word = in_word && Apostrophe(ch) && Letter(previous);
    if (Letter(ch) || (in_word && Mark(ch)) || apostrophe_in_word) {
      if (Letter(ch)) {
        ++c.letters;
        if (ch >= 0x80) { ++c.non_ascii; non_ascii = true; }
      } else if (apostrophe_in_word) {
        ++c.apostrophes;
      } else {
        non_ascii = true;
        if (previous < 0x80 && Letter(previous)) ++c.non_ascii;  // a-z with a mark
      }
      in_word = true;
    } else {
      if (in_word) { ++c.words; if (non_ascii) ++c.words_non_ascii; }
      in_word = non_ascii = false;
    }
    previous = ch;
  }
  if (in_word) { ++c.words; if (non_ascii) ++c.words_non_ascii; }
  return c;
}

class CompareCorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CompareCorpusTest, MeasuresEqualAnIndependentCount) {
  const std::vector<fs::path> files = CorpusFiles();
  if (files.empty()) GTEST_SKIP() << "the shared corpus is absent (" << CorpusDir() << ")";
  ortaq::Proposal proposal;
  ASSERT_TRUE(ortaq::LoadProposal(GetParam(), "kk-Cyrl", ortaq::Options{}, &proposal).ok());
  auto t = proposal.transliterator;
  ortaq::CompareOptions options;
  options.examples = 1000000;
  ortaq::Comparison comparison({proposal}, options);
  Counts source, output;
  std::map<std::string, std::uint64_t> forms;  // lowercase source words written in Cyrillic only
  for (const fs::path& file : files) {
    const std::string text = ortaq_test::ReadFile(file);
    for (std::size_t i = 0; i < text.size(); i += 65536) {
      ASSERT_TRUE(comparison.Add(std::string_view(text).substr(i, 65536)).ok());
    }
    ASSERT_TRUE(comparison.EndOfFile().ok());
    std::string converted;
    ASSERT_TRUE(t->Transliterate(text, &converted).ok());
    const Counts s = Count(text), o = Count(converted);
    source.letters += s.letters; source.words += s.words; source.apostrophes += s.apostrophes;
    output.letters += o.letters; output.non_ascii += o.non_ascii; output.words += o.words;
    output.words_non_ascii += o.words_non_ascii; output.apostrophes += o.apostrophes;
    // Source words, lowercased by ICU.
    std::u32string word;
    bool cyrillic = true;
    const auto flush = [&] {
      if (!word.empty() && cyrillic) {
        std::string utf8;
        for (char32_t c : word) { char b[4]; int32_t n = 0; U8_APPEND_UNSAFE(b, n, c); utf8.append(b, n); }
        ++forms[utf8];
      }
      word.clear();
      cyrillic = true;
    };
    for (char32_t ch : Decode(text)) {
      if (Letter(ch) || (!word.empty() && (Mark(ch) || (Apostrophe(ch) && Letter(word.back()))))) {
        if (Letter(ch) && ublock_getCode(static_cast<UChar32>(ch)) != UBLOCK_CYRILLIC) cyrillic = false;
        word.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(ch))));
      } else {
        flush();
      }
    }
    flush();
  }
  ortaq::CompareReport report;
  ASSERT_TRUE(comparison.Finish(&report).ok());
  const ortaq::ProposalReport& p = report.proposals[0];
  EXPECT_EQ(report.source.letters, source.letters);
  EXPECT_EQ(report.source.words, source.words);
  EXPECT_EQ(p.letters, output.letters);
  EXPECT_EQ(p.non_ascii_letters, output.non_ascii);
  EXPECT_EQ(p.words, output.words);
  EXPECT_EQ(p.words_with_non_ascii_count, output.words_non_ascii);
  EXPECT_DOUBLE_EQ(p.non_ascii_per_100_letters, 100.0 * output.non_ascii / output.letters);
  EXPECT_EQ(p.apostrophes, output.apostrophes - source.apostrophes);

  // Homographs: each distinct Cyrillic word converted alone, grouped by what it became.
  std::map<std::string, std::set<std::string>> by_output;
  for (const auto& [form, n] : forms) {
    std::string out;
    ASSERT_TRUE(t->Transliterate(form, &out).ok());
    if (!out.empty()) by_output[out].insert(form);
  }
  std::uint64_t groups = 0;
  for (const auto& [out, sources] : by_output) groups += sources.size() >= 2;
  EXPECT_EQ(p.homograph_groups, groups);
  EXPECT_GT(groups, 0u);  // every proposal here merges something (И and І at least, in typos)
}

INSTANTIATE_TEST_SUITE_P(Proposals, CompareCorpusTest,
                         ::testing::Values("cta-2024", "cta-2024:kk-i=ï", "kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017"),
                         [](const auto& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
