// Detection targets on ../shared/corpora (read by path, never copied):
// - every file of a language ortaq does not convert (ky, tt, uz, az, ug) is not taken for an
//   alphabet it converts with confidence >= 0.5, and is named as its language;
// - every file of kk-Cyrl and tr-Latn is its alphabet;
// - every CTA text made here from the Kazakh corpus (cta-2024 with and without kk-i=ï and
//   kk-u=u, and cta-1991) is detected as CTA;
// - per line, the share detected right, with floors a little under what was measured (so that
//   a regression fails). Lines with fewer than kShortLine letters are counted apart as too
//   short to decide. `scripts/detect-accuracy.sh` prints the table this test measures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

// A line needs this many letters to be judged; shorter ones ("Рахмет!", "OK") are reported apart.
constexpr std::uint64_t kShortLine = 20;

// ../shared/corpora next to the source tree, or ORTAQ_SHARED_CORPORA (a worktree elsewhere).
fs::path SharedCorpora() {
  if (const char* dir = std::getenv("ORTAQ_SHARED_CORPORA")) return dir;
  return fs::path(ORTAQ_SOURCE_DIR) / ".." / "shared" / "corpora";
}

std::vector<fs::path> TextFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    lines.push_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

struct Text {
  std::string name;
  std::string content;
};

// One row of the table: a folder (or a CTA variant) and what detection made of it.
struct Row {
  std::string folder;
  std::vector<std::string> accepted;  // the languages counted right (CTA: either version)
  bool converts = false;              // whether the folder's language is one ortaq converts
  double line_floor = 0;              // per-line accuracy floor, in percent
  std::vector<Text> texts;
};

struct Tally {
  std::uint64_t files = 0, files_right = 0, files_claimed = 0;
  std::uint64_t lines = 0, right = 0, claimed = 0, short_lines = 0;
};

bool Claimed(const ortaq::Detection& d) { return !d.id.empty() && d.confidence >= 0.5; }

Tally Measure(const Row& row) {
  Tally t;
  for (const Text& text : row.texts) {
    const ortaq::Detection d = ortaq::DetectSource(text.content);
    EXPECT_TRUE(d.error.empty()) << d.error;
    const bool right = std::find(row.accepted.begin(), row.accepted.end(), d.language) != row.accepted.end();
    ++t.files;
    t.files_right += right;
    t.files_claimed += !row.converts && Claimed(d);
    EXPECT_TRUE(right) << row.folder << "/" << text.name << " detected as '" << d.language << "'";
    if (!row.converts) {
      EXPECT_FALSE(Claimed(d)) << row.folder << "/" << text.name << " taken for " << d.id;
    }
    for (std::string_view line : Lines(text.content)) {
      const ortaq::Detection ld = ortaq::DetectSource(line);
      if (ld.letters == 0) continue;
      if (ld.letters < kShortLine) {
        ++t.short_lines;
        continue;
      }
      ++t.lines;
      t.right += std::find(row.accepted.begin(), row.accepted.end(), ld.language) != row.accepted.end();
      t.claimed += !row.converts && Claimed(ld);
    }
  }
  return t;
}

std::vector<Text> ReadFolder(const std::string& folder) {
  std::vector<Text> texts;
  for (const fs::path& file : TextFiles(SharedCorpora() / folder))
    texts.push_back({file.filename().string(), ortaq_test::ReadFile(file)});
  return texts;
}

// The Kazakh corpus converted to a CTA version, as a user of ortaq would make it.
std::vector<Text> Converted(const std::vector<Text>& kazakh, const std::string& to,
                            std::vector<std::pair<std::string, std::string>> settings) {
  std::vector<Text> texts;
  auto t = ortaq_test::LoadFromKazakh(to, std::move(settings), ortaq::InvalidInputPolicy::kReplace);
  if (!t) return texts;
  for (const Text& text : kazakh) texts.push_back({text.name, ortaq_test::Convert(*t, text.content)});
  return texts;
}

TEST(DetectCorpusTest, TargetsAndLineAccuracyPerFolder) {
  if (!fs::is_directory(SharedCorpora() / "kk-Cyrl")) GTEST_SKIP() << "the shared corpus is absent";
  const std::vector<Text> kazakh = ReadFolder("kk-Cyrl");
  const std::vector<std::string> cta = {"cta-2024", "cta-1991"};
  // Floors: measured per-line accuracy (scripts/detect-accuracy.sh) minus about one point.
  std::vector<Row> rows = {
      {"kk-Cyrl", {"kk-Cyrl"}, true, 95.5, kazakh},
      {"tr-Latn", {"tr-Latn"}, true, 95.9, ReadFolder("tr-Latn")},
      // Kazakh reviews in Cyrillic and in Latin (2018, 2021, informal): any Kazakh alphabet is right.
      {"kk-mixed", {"kk-Cyrl", "kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017", "cta-2024"}, true, 96.0,
       ReadFolder("kk-mixed")},
      {"ky-Cyrl", {"ky-Cyrl"}, false, 89.6, ReadFolder("ky-Cyrl")},
      {"tt-Cyrl", {"tt-Cyrl"}, false, 96.0, ReadFolder("tt-Cyrl")},
      {"uz-Latn", {"uz-Latn"}, false, 93.0, ReadFolder("uz-Latn")},
      {"az-Latn", {"az-Latn"}, false, 98.0, ReadFolder("az-Latn")},
      {"ug-Arab", {"ug-Arab"}, false, 99.0, ReadFolder("ug-Arab")},
      {"kk-Cyrl → cta-2024", cta, true, 87.6, Converted(kazakh, "cta-2024", {})},
      {"kk-Cyrl → cta-2024 kk-i=ï", cta, true, 94.1, Converted(kazakh, "cta-2024", {{"kk-i", "ï"}})},
      {"kk-Cyrl → cta-2024 kk-u=u", cta, true, 86.5, Converted(kazakh, "cta-2024", {{"kk-u", "u"}})},
      {"kk-Cyrl → cta-2024 kk-i=ï kk-u=u", cta, true, 93.9,
       Converted(kazakh, "cta-2024", {{"kk-i", "ï"}, {"kk-u", "u"}})},
      {"kk-Cyrl → cta-1991", cta, true, 88.0, Converted(kazakh, "cta-1991", {})},
  };
  std::printf("| folder | files right | lines (>= %llu letters) | per-line accuracy | not-converted lines claimed >= 0.5 | too-short lines |\n",
              static_cast<unsigned long long>(kShortLine));
  std::printf("|---|---|---|---|---|---|\n");
  for (const Row& row : rows) {
    ASSERT_FALSE(row.texts.empty()) << row.folder;
    const Tally t = Measure(row);
    const double accuracy = t.lines ? 100.0 * static_cast<double>(t.right) / static_cast<double>(t.lines) : 100.0;
    const double claimed = t.lines ? 100.0 * static_cast<double>(t.claimed) / static_cast<double>(t.lines) : 0.0;
    std::printf("| %s | %llu/%llu | %llu | %.2f%% | %s | %llu |\n", row.folder.c_str(),
                static_cast<unsigned long long>(t.files_right), static_cast<unsigned long long>(t.files),
                static_cast<unsigned long long>(t.lines), accuracy,
                row.converts ? "—" : (std::to_string(t.claimed) + " (" + std::to_string(claimed).substr(0, 4) + "%)").c_str(),
                static_cast<unsigned long long>(t.short_lines));
    EXPECT_GE(accuracy, row.line_floor) << row.folder;
  }
}

}  // namespace
