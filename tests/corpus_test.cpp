// Real Kazakh text (../shared/corpora/kk-Cyrl) through every kk-Cyrl table: the conversion
// succeeds, the output is NFC, no Cyrillic letter is left, the edit spans cover input and output,
// and a Stream fed 4 KiB chunks gives the same bytes and spans.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "api/test_hooks.hpp"
#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

using ortaq::EditList;
using ortaq::Status;
using ortaq::Transliterator;
using ortaq_test::Describe;

struct Config {
  std::string to;
  std::vector<std::pair<std::string, std::string>> settings;
  std::string name;  // for the test name
};

void PrintTo(const Config& config, std::ostream* out) {
  *out << "kk-Cyrl--" << config.to;
  for (const auto& [key, value] : config.settings) *out << " " << key << "=" << value;
}

std::string Identifier(std::string text) {
  for (char& c : text)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return text;
}

// Every kk-Cyrl table with its defaults, and cta-2024 with kk-i=ï.
std::vector<Config> Configs() {
  std::vector<Config> configs;
  for (const ortaq::TableInfo& info : ortaq::ListTables({}))
    if (info.from == "kk-Cyrl") configs.push_back({info.to, {}, Identifier(info.to)});
  std::sort(configs.begin(), configs.end(), [](const Config& a, const Config& b) { return a.name < b.name; });
  configs.push_back({"cta-2024", {{"kk-i", "ï"}}, "cta_2024_with_kk_i_i_diaeresis"});
  return configs;
}

fs::path CorpusDir() { return ortaq_test::SourceDir() / ".." / "shared" / "corpora" / "kk-Cyrl"; }

std::string LineAt(const std::string& text, std::size_t offset, std::size_t* line_number) {
  const std::size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t start = (begin == std::string::npos || offset == 0) ? 0 : begin + 1;
  const std::size_t end = text.find('\n', offset);
  if (line_number) *line_number = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n')) + 1;
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (line.size() > 300) line = line.substr(0, 300) + "...";
  return line;
}

::testing::AssertionResult IsNfc(const std::string& output) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return ::testing::AssertionFailure() << "no NFC normalizer: " << u_errorName(error);
  auto normalized = [&](std::string_view text) {
    UErrorCode e = U_ZERO_ERROR;
    const bool yes = nfc->isNormalized(
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), e);
    return U_SUCCESS(e) && yes;
  };
  if (normalized(output)) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "the output is not NFC; first lines that are not:";
  int shown = 0;
  std::size_t start = 0, line = 1;
  while (start < output.size() && shown < 5) {
    std::size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    const std::string_view text = std::string_view(output).substr(start, end - start);
    if (!normalized(text)) {
      failure << "\n  line " << line << ": " << text.substr(0, 300);
      ++shown;
    }
    start = end + 1;
    ++line;
  }
  return failure;
}

// Whether the white-space-delimited token around output byte `at` is one the engine copies as
// written (tables/README.md, "What is never converted"): #hashtag, @handle, path or URL.
bool InPassThroughToken(const std::string& output, std::size_t at) {
  const std::size_t begin = output.find_last_of(" \t\n", at);
  const std::size_t start = begin == std::string::npos ? 0 : begin + 1;
  const std::size_t end = std::min(output.find_first_of(" \t\n", at), output.size());
  const std::string token = output.substr(start, end - start);
  return !token.empty() && (token[0] == '#' || token[0] == '@' || token[0] == '/' ||
                            token.find("://") != std::string::npos || token.rfind("www.", 0) == 0);
}

// The output is valid UTF-8 and holds no letter of the Cyrillic script, except inside tokens
// the engine passes through unchanged.
::testing::AssertionResult NoCyrillicLetters(const std::string& input, const std::string& output,
                                             const EditList& edits) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(output.data());
  const auto length = static_cast<int32_t>(output.size());
  int32_t i = 0;
  std::size_t found = 0;
  std::string examples;
  while (i < length) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return ::testing::AssertionFailure() << "the output is not valid UTF-8 at byte " << at;
    UErrorCode error = U_ZERO_ERROR;
    if ((U_GET_GC_MASK(c) & U_GC_L_MASK) == 0 || uscript_getScript(c, &error) != USCRIPT_CYRILLIC) continue;
    if (InPassThroughToken(output, static_cast<std::size_t>(at))) continue;
    if (++found > 5) continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    std::size_t line = 0;
    const std::string out_line = LineAt(output, static_cast<std::size_t>(at), &line);
    const std::string in_line = LineAt(input, edits.OutputToSource(static_cast<std::uint64_t>(at)), nullptr);
    examples += "\n  " + std::string(code) + " '" + output.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)) +
                "' at output byte " + std::to_string(at) + ", line " + std::to_string(line) + "\n    output: " +
                out_line + "\n    input:  " + in_line;
  }
  if (found == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << found << " Cyrillic letters are left in the output; the first ones:"
                                       << examples;
}

class CorpusTest : public ::testing::TestWithParam<Config> {};

TEST_P(CorpusTest, ConvertsEveryKazakhFile) {
  const fs::path dir = CorpusDir();
  if (!fs::is_directory(dir)) GTEST_SKIP() << "the shared corpus is absent (" << dir.string() << ")";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no .txt files in " << dir.string();

  const Config& config = GetParam();
  ortaq::Options options;
  options.settings = config.settings;
  Status status;
  auto t = Transliterator::FromIds("kk-Cyrl", config.to, options, &status);
  ASSERT_NE(t, nullptr) << Describe(status);

  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const std::string input = ortaq_test::ReadFile(file);
    ASSERT_FALSE(input.empty());

    std::string output;
    EditList edits;
    status = t->Transliterate(input, &output, &edits);
    ASSERT_TRUE(status.ok()) << Describe(status);

    EXPECT_TRUE(IsNfc(output));
    EXPECT_TRUE(NoCyrillicLetters(input, output, edits));
    EXPECT_TRUE(ortaq_test::SpansCover(edits, input, output));

    std::string streamed;
    EditList stream_edits;
    status = ortaq_test::StreamFixed(*t, input, 4096, &streamed, &stream_edits);
    ASSERT_TRUE(status.ok()) << Describe(status);
    if (streamed != output) {
      const auto diff = std::mismatch(streamed.begin(), streamed.end(), output.begin(), output.end());
      const auto at = static_cast<std::size_t>(diff.second - output.begin());
      ADD_FAILURE() << "the 4 KiB stream differs from the whole-buffer output at output byte " << at
                    << "\n  whole:  " << LineAt(output, at, nullptr) << "\n  stream: "
                    << LineAt(streamed, std::min(at, streamed.size()), nullptr);
    }
    EXPECT_TRUE(ortaq_test::SpansEqual(edits, stream_edits));
  }
}

INSTANTIATE_TEST_SUITE_P(KazakhTables, CorpusTest, ::testing::ValuesIn(Configs()),
                         [](const ::testing::TestParamInfo<Config>& info) { return info.param.name; });


// The engine's fast paths (the two-byte table, the tight loop) must give exactly what the full
// per-character path gives: every file of ../shared/corpora, every table that reads its script.
TEST(ReferenceEngine, FastPathsGiveTheSameBytesOnEveryCorpusFile) {
  const fs::path root = CorpusDir().parent_path();
  if (!fs::is_directory(root)) GTEST_SKIP() << "the shared corpus is absent (" << root.string() << ")";
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 10u);
  int compared = 0;
  for (const ortaq::TableInfo& table : ortaq::ListTables(ortaq::Options{})) {
    SCOPED_TRACE(table.from + "--" + table.to);
    ortaq::Options fast_options, reference_options;
    fast_options.invalid_input = reference_options.invalid_input = ortaq::InvalidInputPolicy::kReplace;
    Status status;
    auto fast = Transliterator::FromIds(table.from, table.to, fast_options, &status);
    ASSERT_NE(fast, nullptr) << Describe(status);
    auto reference = ortaq::test_hooks::FromIds(table.from, table.to, reference_options,
                                                ortaq::test_hooks::Engine::kReference, &status);
    ASSERT_NE(reference, nullptr) << Describe(status);
    for (const fs::path& file : files) {
      SCOPED_TRACE(file.string());
      const std::string input = ortaq_test::ReadFile(file);
      std::string a, b;
      ASSERT_TRUE(fast->Transliterate(input, &a).ok());
      ASSERT_TRUE(reference->Transliterate(input, &b).ok());
      if (a != b) {
        const auto diff = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
        const auto at = static_cast<std::size_t>(diff.first - a.begin());
        ADD_FAILURE() << "fast and reference engines differ at output byte " << at << "\n  fast:      "
                      << LineAt(a, at, nullptr) << "\n  reference: " << LineAt(b, std::min(at, b.size()), nullptr);
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 100);
}

}  // namespace
