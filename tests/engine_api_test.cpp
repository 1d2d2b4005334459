// The public API against the shipped kk-Cyrl tables: edit spans and offset mapping, invalid
// UTF-8, BOM/CRLF, streaming, threads, table lookup and listing, `check` and the golden files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "api/test_hooks.hpp"
#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

using ortaq::EditList;
using ortaq::EditSpan;
using ortaq::InvalidInputPolicy;
using ortaq::Options;
using ortaq::Status;
using ortaq::StatusCode;
using ortaq::Transliterator;
using ortaq_test::Describe;
using ortaq_test::SpansCover;
using ortaq_test::SpansEqual;

using Settings = std::vector<std::pair<std::string, std::string>>;

const std::vector<std::string>& kTargets = ortaq_test::kKazakhTargets;
using ortaq_test::Convert;
using ortaq_test::LoadFromKazakh;


// Text that exercises the rules of every table: digraph case, multi-letter keys, contexts on
// both sides, exceptions, one-letter words, and text no rule touches.
std::string MixedText() {
  return "Шымкент, ШЫМКЕНТ және Алматы. "
         "Сценарий, цирк, цемент, дециметр; прапорщик. "
         "Ащы, Тұщы, КЕЩЕ, коэффициент, КОЭФФИЦИЕНТ. "
         "Ансамбль, асфальт, бальзам, алкоголь, бульдог, мультфильм, компьютер. "
         "Актёр, дирижёр, ЁЛКА, ёж. "
         "Январь, ЯНВАРЬ, пьеса, объект, субъект, ию, ая. "
         "Я келдім. Я КЕЛДІМ. Ұлы Отан, ұлт, тау, ауыл, уақыт, ТАУ, Уәде. "
         "Қазақстан Республикасы — Орталық Азиядағы мемлекет.\n"
         "Бұрыңғы өткен заманда, бір кісі. 123 456,78 ₸ 😀 latin ə Kiтап Ӏле\r\n";
}

std::string LongMixedText() {
  std::string text;
  for (int i = 0; i < 4; ++i) text += MixedText();
  return text;
}

// Every span boundary maps to the other side's boundary, and the ends map to the ends.
void ExpectMappingConsistent(const EditList& edits, std::string_view input, std::string_view output) {
  for (const EditSpan& s : edits.spans()) {
    if (s.source_end > s.source_begin) {
      EXPECT_EQ(edits.SourceToOutput(s.source_begin), s.output_begin) << ortaq_test::DescribeSpan(s);
      for (std::uint64_t o = s.source_begin; o < s.source_end; ++o)
        EXPECT_EQ(edits.SourceToOutput(o), s.changed ? s.output_begin : s.output_begin + (o - s.source_begin));
    }
    if (s.output_end > s.output_begin) {
      EXPECT_EQ(edits.OutputToSource(s.output_begin), s.source_begin) << ortaq_test::DescribeSpan(s);
      for (std::uint64_t o = s.output_begin; o < s.output_end; ++o)
        EXPECT_EQ(edits.OutputToSource(o), s.changed ? s.source_begin : s.source_begin + (o - s.output_begin));
    }
  }
  EXPECT_EQ(edits.SourceToOutput(input.size()), output.size());
  EXPECT_EQ(edits.OutputToSource(output.size()), input.size());
}

std::string TargetName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

// ---- edit spans -----------------------------------------------------------------------------------

TEST(EditSpans, DocumentedExample) {
  auto t = LoadFromKazakh("cta-2024");
  ASSERT_NE(t, nullptr);
  EditList edits;
  EXPECT_EQ(Convert(*t, "Қазақстан", &edits), "Qazaqstan");
  EXPECT_TRUE(SpansCover(edits, "Қазақстан", "Qazaqstan"));
}

TEST(EditSpans, ExactSpansAndOffsetMapping) {
  auto t = LoadFromKazakh("cta-2024");
  ASSERT_NE(t, nullptr);
  {
    // "abc " is copied, Қ (2 bytes) becomes Q (1 byte), " xyz" is copied.
    EditList edits;
    const std::string input = "abc Қ xyz";
    const std::string output = Convert(*t, input, &edits);
    ASSERT_EQ(output, "abc Q xyz");
    ASSERT_EQ(edits.spans().size(), 3u);
    const EditSpan expected[3] = {{0, 4, 0, 4, false}, {4, 6, 4, 5, true}, {6, 10, 5, 9, false}};
    for (int i = 0; i < 3; ++i) {
      const EditSpan& s = edits.spans()[static_cast<std::size_t>(i)];
      EXPECT_EQ(s.source_begin, expected[i].source_begin) << i;
      EXPECT_EQ(s.source_end, expected[i].source_end) << i;
      EXPECT_EQ(s.output_begin, expected[i].output_begin) << i;
      EXPECT_EQ(s.output_end, expected[i].output_end) << i;
      EXPECT_EQ(s.changed, expected[i].changed) << i;
    }
    EXPECT_EQ(edits.SourceToOutput(0), 0u);
    EXPECT_EQ(edits.SourceToOutput(3), 3u);
    EXPECT_EQ(edits.SourceToOutput(4), 4u);
    EXPECT_EQ(edits.SourceToOutput(5), 4u);  // inside Қ: the start of its output
    EXPECT_EQ(edits.SourceToOutput(6), 5u);
    EXPECT_EQ(edits.SourceToOutput(8), 7u);
    EXPECT_EQ(edits.SourceToOutput(10), 9u);  // end to end
    EXPECT_EQ(edits.OutputToSource(0), 0u);
    EXPECT_EQ(edits.OutputToSource(4), 4u);
    EXPECT_EQ(edits.OutputToSource(5), 6u);
    EXPECT_EQ(edits.OutputToSource(7), 8u);
    EXPECT_EQ(edits.OutputToSource(9), 10u);
  }
  {
    // щ (2 bytes) becomes şç (4 bytes).
    EditList edits;
    ASSERT_EQ(Convert(*t, "щ!", &edits), "şç!");
    EXPECT_TRUE(SpansCover(edits, "щ!", "şç!"));
    EXPECT_EQ(edits.SourceToOutput(1), 0u);
    EXPECT_EQ(edits.SourceToOutput(2), 4u);
    EXPECT_EQ(edits.OutputToSource(2), 0u);  // inside şç: the start of щ
    EXPECT_EQ(edits.OutputToSource(4), 2u);
    EXPECT_EQ(edits.OutputToSource(5), 3u);
  }
  {
    // ъ is deleted.
    EditList edits;
    ASSERT_EQ(Convert(*t, "ъa", &edits), "a");
    ASSERT_EQ(edits.spans().size(), 2u);
    EXPECT_TRUE(edits.spans()[0].changed);
    EXPECT_EQ(edits.spans()[0].source_end, 2u);
    EXPECT_EQ(edits.spans()[0].output_end, 0u);
    EXPECT_EQ(edits.SourceToOutput(0), 0u);
    EXPECT_EQ(edits.SourceToOutput(2), 0u);
    EXPECT_EQ(edits.SourceToOutput(3), 1u);
    EXPECT_EQ(edits.OutputToSource(0), 2u);  // the a came from the a
    EXPECT_EQ(edits.OutputToSource(1), 3u);
  }
  {
    EditList edits;
    EXPECT_EQ(Convert(*t, "", &edits), "");
    EXPECT_TRUE(edits.empty());
  }
}

TEST(EditSpans, CoverInputAndOutputForEveryTable) {
  const std::string input = LongMixedText();
  for (const std::string& to : kTargets) {
    SCOPED_TRACE(to);
    auto t = LoadFromKazakh(to);
    ASSERT_NE(t, nullptr);
    EditList edits;
    const std::string output = Convert(*t, input, &edits);
    EXPECT_TRUE(SpansCover(edits, input, output));
    ExpectMappingConsistent(edits, input, output);
    // A second conversion replaces the spans rather than appending to them.
    const std::string again = Convert(*t, input, &edits);
    EXPECT_EQ(again, output);
    EXPECT_TRUE(SpansCover(edits, input, again));
  }
}

// ---- invalid UTF-8 ----------------------------------------------------------------------------------

struct BadInput {
  std::string text;
  std::uint64_t byte_offset, line, column;
};

const std::vector<BadInput> kBadInputs{
    // а б = 4 bytes, \n, в = 2 bytes: the 0xFF is byte 7, line 2, the 2nd code point of the line.
    {"аб\nв\xFFг", 7, 2, 2},
    {"\xFF", 0, 1, 1},
    {"қаз\x80", 6, 1, 4},
    {"а\xD0", 2, 1, 2},                      // cut off by the end of the input
    {"а\r\nб\xFF", 6, 2, 2},                 // \r is part of line 1
    {"\xEF\xBB\xBF" "аб\xC0\x80", 7, 1, 4},  // the BOM is counted in bytes and as a code point
    {"a\nb\nc\n\xED\xA0\x80", 6, 4, 1},      // an encoded surrogate
};

TEST(InvalidInput, ErrorPolicyReportsThePosition) {
  auto t = LoadFromKazakh("cta-2024");
  ASSERT_NE(t, nullptr);
  for (const BadInput& bad : kBadInputs) {
    SCOPED_TRACE(::testing::PrintToString(bad.text));
    std::string output;
    const Status status = t->Transliterate(bad.text, &output);
    ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
    EXPECT_EQ(status.position().byte_offset, bad.byte_offset);
    EXPECT_EQ(status.position().line, bad.line);
    EXPECT_EQ(status.position().column, bad.column);
  }
}

TEST(InvalidInput, StreamReportsTheSamePosition) {
  auto t = LoadFromKazakh("kk-Latn-2018");
  ASSERT_NE(t, nullptr);
  // Put the bad byte far enough in that the stream has already dropped some history.
  const std::string prefix = LongMixedText();
  std::uint64_t prefix_lines = 0;
  for (char c : prefix) prefix_lines += c == '\n';
  for (const BadInput& bad : kBadInputs) {
    for (const bool with_prefix : {false, true}) {
      const std::string text = with_prefix ? prefix + bad.text : bad.text;
      if (with_prefix && bad.text.rfind("\xEF\xBB\xBF", 0) == 0) continue;  // a BOM is only a BOM at the start
      for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
        SCOPED_TRACE(::testing::PrintToString(bad.text) + " prefix " + std::to_string(with_prefix) + " chunk " +
                     std::to_string(chunk));
        std::string output;
        const Status status = ortaq_test::StreamFixed(*t, text, chunk, &output, nullptr);
        ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
        EXPECT_EQ(status.position().byte_offset, bad.byte_offset + (with_prefix ? prefix.size() : 0));
        EXPECT_EQ(status.position().line, bad.line + (with_prefix ? prefix_lines : 0));
        EXPECT_EQ(status.position().column, bad.column);
      }
    }
  }
}

TEST(InvalidInput, PositionOnALongLineAcrossDroppedStreamHistory) {
  // 100 times "Қазақстан " (9 two-byte letters and a space: 19 bytes, 10 code points) on one
  // line, then a bad byte: byte 1900, line 1, column 1001. A stream has dropped most of the line
  // from its history by then and must still count the columns.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "Қазақстан ";
  text += "\xFF";
  auto t = LoadFromKazakh("kk-Latn-2017");
  ASSERT_NE(t, nullptr);
  std::string output;
  Status status = t->Transliterate(text, &output);
  ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
  EXPECT_EQ(status.position().byte_offset, 1900u);
  EXPECT_EQ(status.position().line, 1u);
  EXPECT_EQ(status.position().column, 1001u);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{7}, std::size_t{64}, std::size_t{4096}}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    status = ortaq_test::StreamFixed(*t, text, chunk, &output, nullptr);
    ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
    EXPECT_EQ(status.position().byte_offset, 1900u);
    EXPECT_EQ(status.position().line, 1u);
    EXPECT_EQ(status.position().column, 1001u);
  }
}

TEST(InvalidInput, ReplaceWritesOneReplacementCharacterPerMaximalSubpart) {
  auto t = LoadFromKazakh("cta-2024", {}, InvalidInputPolicy::kReplace);
  ASSERT_NE(t, nullptr);
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::vector<std::pair<std::string, std::string>> cases{
      {"\xE2\x82" "a", r + "a"},                    // a truncated 3-byte sequence: one U+FFFD
      {"а\xE2\x82" "б", "a" + r + "b"},
      {"\xC0\xAF", r + r},                          // C0 is never valid; AF is a lone continuation
      {"\xED\xA0\x80", r + r + r},                  // a surrogate: each byte on its own
      {"\xF4\x90\x80\x80", r + r + r + r},          // beyond U+10FFFF
      {"\xF0\x9F\x98" "x", r + "x"},                // a truncated 4-byte sequence
      {"x\xF0\x9F\x98", "x" + r},                   // ... at the end of the input
      // Unicode 15, Table 3-11: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
      {"a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d", "a" + r + r + r + "b" + r + "c" + r + r + "d"},
  };
  for (const auto& [input, expected] : cases) {
    SCOPED_TRACE(::testing::PrintToString(input));
    EditList edits;
    const std::string output = Convert(*t, input, &edits);
    EXPECT_EQ(output, expected);
    EXPECT_TRUE(SpansCover(edits, input, output));
    for (std::size_t chunk = 1; chunk <= 4; ++chunk) {
      std::string streamed;
      EditList stream_edits;
      const Status status = ortaq_test::StreamFixed(*t, input, chunk, &streamed, &stream_edits);
      ASSERT_TRUE(status.ok()) << Describe(status);
      EXPECT_EQ(streamed, expected) << "chunk " << chunk;
      EXPECT_TRUE(SpansEqual(edits, stream_edits)) << "chunk " << chunk;
    }
  }
  // The replacement is a changed span from the bad bytes to the U+FFFD.
  EditList edits;
  ASSERT_EQ(Convert(*t, "а\xE2\x82" "б", &edits), "a" + r + "b");
  EXPECT_EQ(edits.SourceToOutput(2), 1u);
  EXPECT_EQ(edits.SourceToOutput(3), 1u);
  EXPECT_EQ(edits.SourceToOutput(4), 4u);
  EXPECT_EQ(edits.OutputToSource(1), 2u);
  EXPECT_EQ(edits.OutputToSource(2), 2u);
  EXPECT_EQ(edits.OutputToSource(4), 4u);
}

TEST(InvalidInput, SkipDropsIllFormedBytes) {
  auto t = LoadFromKazakh("cta-2024", {}, InvalidInputPolicy::kSkip);
  ASSERT_NE(t, nullptr);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"а\xFFб", "ab"},
      {"\xE2\x82" "a", "a"},
      {"\xED\xA0\x80Қ", "Q"},
      {"x\xF0\x9F\x98", "x"},
  };
  for (const auto& [input, expected] : cases) {
    SCOPED_TRACE(::testing::PrintToString(input));
    EditList edits;
    const std::string output = Convert(*t, input, &edits);
    EXPECT_EQ(output, expected);
    EXPECT_TRUE(SpansCover(edits, input, output));
    std::string streamed;
    ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, 1, &streamed, nullptr).ok());
    EXPECT_EQ(streamed, expected);
  }
}

// ---- NFC ---------------------------------------------------------------------------------------------

TEST(Nfc, CombiningMarkAfterAConvertedLetterComposes) {
  // A stress mark on a Cyrillic vowel is NFC input (no precomposed Cyrillic letter with an acute
  // exists), but once the vowel is Latin, NFC composes it: e + U+0301 is é (U+00E9). The output
  // must be NFC (design: "Input and output are NFC"), so the converted letter and the copied mark
  // become one character.
  for (const std::string& to : kTargets) {
    SCOPED_TRACE(to);
    auto t = LoadFromKazakh(to);
    ASSERT_NE(t, nullptr);
    for (const auto& [input, expected] : std::vector<std::pair<std::string, std::string>>{
             {"е\u0301", "\u00E9"},          // е́ -> é
             {"са\u0301т", "s\u00E1t"},      // са́т -> sát
             {"о\u0301", "\u00F3"},          // о́ -> ó
         }) {
      EditList edits;
      const std::string output = Convert(*t, input, &edits);
      EXPECT_EQ(output, expected) << "input " << ::testing::PrintToString(input) << " gave "
                                  << ::testing::PrintToString(output);
      EXPECT_TRUE(SpansCover(edits, input, output));
    }
  }
}

// ---- Output strings used again -------------------------------------------------------------------

// Transliterate writes over the memory of the string it is given (a line at a time into one
// string is the common call): whatever the string held before, longer or shorter, on the fast
// path, on the path it hands over to, and for tables that never take the fast path, the result
// is the conversion alone.
TEST(OutputReuse, WhatTheStringHeldBeforeNeverShows) {
  Options fast;
  fast.invalid_input = InvalidInputPolicy::kReplace;
  using ortaq::test_hooks::Engine;
  const std::vector<std::pair<std::string, Engine>> tables{
      {"cta-2024", Engine::kFast}, {"kk-Latn-2018", Engine::kFast}, {"cta-2024", Engine::kReference}};
  const std::vector<std::string> inputs{
      "Қазақстан Республикасы — Орталық Азиядағы мемлекет.",  // blocks and a three-byte dash
      "Я",                                                     // a guarded capital alone
      "",
      "Ол «Алматы» қаласында тұрады, ЮНЕСКО мен Щучинск туралы жазды; тау мен ауыл.",
      std::string(300, 'x') + " қала",
      "аб\xFFвг",  // ill-formed: replaced
  };
  for (const auto& [to, engine] : tables) {
    Status status;
    auto t = ortaq::test_hooks::FromIds("kk-Cyrl", to, fast, engine, &status);
    ASSERT_NE(t, nullptr) << Describe(status);
    std::string reused = std::string(5000, '#');  // held something long before
    for (int round = 0; round < 2; ++round) {
      for (const std::string& input : inputs) {
        SCOPED_TRACE(to + (engine == Engine::kReference ? " (reference)" : "") + ": " + input);
        std::string fresh;
        ASSERT_TRUE(t->Transliterate(input, &fresh).ok());
        ASSERT_TRUE(t->Transliterate(input, &reused).ok());
        EXPECT_EQ(reused, fresh);
      }
    }
  }
}

// ---- BOM and line ends ------------------------------------------------------------------------------

TEST(PassThrough, BomAndCrlfAreKept) {
  auto t = LoadFromKazakh("cta-2024");
  ASSERT_NE(t, nullptr);
  const std::string input = "\xEF\xBB\xBFҚазақ тілі\r\nСәлем\r\n";
  EditList edits;
  const std::string output = Convert(*t, input, &edits);
  EXPECT_EQ(output, "\xEF\xBB\xBFQazaq tili\r\nSälem\r\n");
  EXPECT_TRUE(SpansCover(edits, input, output));
  ASSERT_FALSE(edits.spans().empty());
  EXPECT_FALSE(edits.spans()[0].changed);  // the BOM is copied
  EXPECT_EQ(edits.spans()[0].source_end, 3u);
  for (const std::string& to : kTargets) {
    auto other = LoadFromKazakh(to);
    ASSERT_NE(other, nullptr);
    const std::string out = Convert(*other, input);
    EXPECT_EQ(out.substr(0, 3), "\xEF\xBB\xBF") << to;
    EXPECT_EQ(std::count(out.begin(), out.end(), '\r'), 2) << to;
    EXPECT_EQ(out.substr(out.size() - 2), "\r\n") << to;
    EXPECT_NE(out.find("\r\n"), out.size() - 2) << to;  // the first CRLF is kept too
  }
}

// ---- streaming ----------------------------------------------------------------------------------------

class StreamTest : public ::testing::TestWithParam<std::string> {};

TEST_P(StreamTest, EveryChunkSizeGivesTheWholeBufferResult) {
  auto t = LoadFromKazakh(GetParam());
  ASSERT_NE(t, nullptr);
  const std::string input = LongMixedText();
  EditList expected_edits;
  const std::string expected = Convert(*t, input, &expected_edits);
  for (std::size_t chunk = 1; chunk <= 17; ++chunk) {
    SCOPED_TRACE("chunk size " + std::to_string(chunk));
    std::string output;
    EditList edits;
    const Status status = ortaq_test::StreamFixed(*t, input, chunk, &output, &edits);
    ASSERT_TRUE(status.ok()) << Describe(status);
    EXPECT_EQ(output, expected);
    EXPECT_TRUE(SpansEqual(expected_edits, edits));
  }
}

TEST_P(StreamTest, RandomChunkSizesGiveTheWholeBufferResult) {
  auto t = LoadFromKazakh(GetParam());
  ASSERT_NE(t, nullptr);
  const std::string input = LongMixedText();
  EditList expected_edits;
  const std::string expected = Convert(*t, input, &expected_edits);
  for (unsigned seed = 1; seed <= 25; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> size(0, seed % 2 ? 40 : 700);  // 0: an empty write
    std::string output;
    EditList edits;
    std::unique_ptr<ortaq::Stream> stream = t->NewStream();
    ASSERT_NE(stream, nullptr);
    std::size_t pos = 0;
    while (pos < input.size()) {
      const std::size_t n = std::min(size(rng), input.size() - pos);
      ASSERT_TRUE(stream->Write(std::string_view(input).substr(pos, n), &output, &edits).ok());
      pos += n;
    }
    ASSERT_TRUE(stream->Finish(&output, &edits).ok());
    EXPECT_EQ(output, expected);
    EXPECT_TRUE(SpansEqual(expected_edits, edits));
  }
}

TEST_P(StreamTest, TwoChunksSplitAtEveryByte) {
  // Every split point: inside UTF-8 sequences, inside digraphs (сц, ий), inside contexts
  // (ансамбль, Январь), inside exception words (коэффициент), between a one-letter word and its
  // neighbours.
  auto t = LoadFromKazakh(GetParam());
  ASSERT_NE(t, nullptr);
  const std::string input = MixedText() + MixedText();
  EditList expected_edits;
  const std::string expected = Convert(*t, input, &expected_edits);
  for (std::size_t split = 0; split <= input.size(); ++split) {
    std::string output;
    EditList edits;
    const Status status = ortaq_test::StreamInChunks(
        *t, input, [split](std::size_t pos) { return pos == 0 && split > 0 ? split : std::size_t{1} << 20; }, &output,
        &edits);
    ASSERT_TRUE(status.ok()) << Describe(status);
    ASSERT_EQ(output, expected) << "split at byte " << split;
    ASSERT_TRUE(SpansEqual(expected_edits, edits)) << "split at byte " << split;
  }
}

INSTANTIATE_TEST_SUITE_P(AllTables, StreamTest, ::testing::ValuesIn(kTargets), TargetName);

TEST(Stream, SplitInsideUtf8AndDigraphContexts) {
  // Explicit splits, each with a long prefix so that the stream has converted (and dropped)
  // text before the interesting place.
  auto t = LoadFromKazakh("kk-Latn-2018");
  ASSERT_NE(t, nullptr);
  const std::string prefix = LongMixedText();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"сценарий", "ц"},   // сц > s: split inside ц, and between с and ц
      {"сценарий", "й"},   // ий > ı / _ #
      {"ансамбль", "ь"},   // а > á / _ C+ ь ~V
      {"Шымкент", "ы"},    // the digraph Sh takes its case from ы
      {"ШЫМКЕНТ", "Ы"},
      {"коэффициент", "ф"},  // an exception word
  };
  for (const auto& [word, at] : cases) {
    const std::string input = prefix + word + " " + word + "\n";
    const std::size_t where = prefix.size() + word.find(at);
    const std::string expected = Convert(*t, input);
    for (std::size_t split : {where - 1, where, where + 1, where + 2}) {
      SCOPED_TRACE(word + " split at " + std::to_string(split));
      std::string output;
      const Status status = ortaq_test::StreamInChunks(
          *t, input, [split](std::size_t pos) { return pos == 0 ? split : std::size_t{1} << 20; }, &output, nullptr);
      ASSERT_TRUE(status.ok()) << Describe(status);
      EXPECT_EQ(output, expected);
    }
  }
}

TEST(Stream, LongSingleLine) {
  auto t = LoadFromKazakh("kk-Latn-2018");
  ASSERT_NE(t, nullptr);
  const std::string sentence =
      "Қазақстан Республикасы — Орталық Азиядағы мемлекет, Шымкент ШЫМКЕНТ, ансамбль, сценарий, ащы. ";
  std::string input;
  while (input.size() < (2u << 20)) input += sentence;
  ASSERT_EQ(input.find('\n'), std::string::npos);
  EditList expected_edits;
  const std::string expected = Convert(*t, input, &expected_edits);
  EXPECT_TRUE(SpansCover(expected_edits, input, expected));
  for (std::size_t chunk : {std::size_t{4096}, std::size_t{65536}, std::size_t{65537}, std::size_t{1} << 20}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    std::string output;
    EditList edits;
    ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, chunk, &output, &edits).ok());
    EXPECT_TRUE(output == expected) << "stream output differs (" << output.size() << " vs " << expected.size()
                                    << " bytes)";
    EXPECT_TRUE(SpansEqual(expected_edits, edits));
  }
}

TEST(Stream, UsageErrorsAndOwnership) {
  auto t = LoadFromKazakh("cta-2024");
  ASSERT_NE(t, nullptr);
  std::unique_ptr<ortaq::Stream> stream = t->NewStream();
  ASSERT_NE(stream, nullptr);
  t.reset();  // the stream keeps the transliterator alive
  std::string output;
  ASSERT_TRUE(stream->Write("Қазақ", &output).ok());
  ASSERT_TRUE(stream->Write("стан", &output).ok());
  ASSERT_TRUE(stream->Finish(&output).ok());
  EXPECT_EQ(output, "Qazaqstan");
  EXPECT_EQ(stream->Write("а", &output).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(stream->Finish(&output).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(output, "Qazaqstan");
}

// ---- threads ------------------------------------------------------------------------------------------

TEST(Threads, SharedTransliteratorGivesIdenticalResults) {
  std::string input;
  for (int i = 0; i < 40; ++i) input += MixedText();
  for (const std::string& to : {std::string("kk-Latn-2018"), std::string("cta-2024")}) {
    SCOPED_TRACE(to);
    std::shared_ptr<const Transliterator> shared = LoadFromKazakh(to);
    ASSERT_NE(shared, nullptr);
    const Transliterator& t = *shared;
    EditList expected_edits;
    const std::string expected = Convert(t, input, &expected_edits);

    constexpr int kThreads = 4;
    constexpr int kRounds = 3;
    std::vector<std::vector<std::string>> outputs(kThreads);
    std::vector<std::vector<bool>> same_edits(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        for (int round = 0; round < kRounds; ++round) {
          std::string output;
          EditList edits;
          if (!t.Transliterate(input, &output, &edits).ok()) output = "<error>";
          outputs[static_cast<std::size_t>(i)].push_back(output);
          same_edits[static_cast<std::size_t>(i)].push_back(static_cast<bool>(SpansEqual(expected_edits, edits)));
          std::string streamed;
          if (!ortaq_test::StreamFixed(t, input, 1000 + static_cast<std::size_t>(i), &streamed, nullptr).ok())
            streamed = "<error>";
          outputs[static_cast<std::size_t>(i)].push_back(streamed);
        }
      });
    }
    for (auto& thread : threads) thread.join();
    for (int i = 0; i < kThreads; ++i) {
      ASSERT_EQ(outputs[static_cast<std::size_t>(i)].size(), 2u * kRounds);
      for (const std::string& output : outputs[static_cast<std::size_t>(i)])
        EXPECT_TRUE(output == expected) << "thread " << i << " got a different output";
      for (bool same : same_edits[static_cast<std::size_t>(i)]) EXPECT_TRUE(same) << "thread " << i;
    }
  }
}

// ---- finding and listing tables ---------------------------------------------------------------------------

TEST(Tables, UnknownIdsAreNotFound) {
  Status status;
  EXPECT_EQ(Transliterator::FromIds("kk-Cyrl", "no-such-alphabet", {}, &status), nullptr);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << Describe(status);
  EXPECT_EQ(Transliterator::FromIds("xx-Zzzz", "cta-2024", {}, &status), nullptr);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << Describe(status);
  EXPECT_EQ(Transliterator::FromIds("kk-Cyrl", "no-such-alphabet", {}, nullptr), nullptr);  // a null status is allowed
}

TEST(Tables, UnknownOptionOrValueOnARealTable) {
  for (const Settings& settings : {Settings{{"kk-x", "i"}}, Settings{{"kk-i", "y"}}, Settings{{"mark", "'"}}}) {
    Options options;
    options.settings = settings;
    Status status;
    EXPECT_EQ(Transliterator::FromIds("kk-Cyrl", "cta-2024", options, &status), nullptr);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << Describe(status);
  }
}

TEST(Tables, SettingsListEveryOption) {
  auto t = LoadFromKazakh("cta-2024", {{"kk-i", "ï"}});
  ASSERT_NE(t, nullptr);
  const std::map<std::string, std::string> settings(t->settings().begin(), t->settings().end());
  const std::map<std::string, std::string> expected{
      {"kk-iy", "i"}, {"kk-i", "ï"}, {"kk-u", "ū"}, {"schwa", "ä"}, {"eng", "ñ"}};
  EXPECT_EQ(settings, expected);
  EXPECT_EQ(t->info().from, "kk-Cyrl");
  EXPECT_EQ(t->info().to, "cta-2024");
  EXPECT_EQ(Convert(*t, "білім"), "bïlïm");
  EXPECT_EQ(Convert(*t, "КИІМ"), "KİÏM");
}

TEST(Tables, ListTablesShowsTheFiveKazakhTables) {
  const std::vector<ortaq::TableInfo> tables = ortaq::ListTables({});
  std::map<std::string, ortaq::TableInfo> kk;
  for (const ortaq::TableInfo& info : tables) {
    // The tables of the five alphabets; proposals (tables/proposals/) are tested in tests/proposals.
    if (info.from == "kk-Cyrl" && info.path.find("/proposals/") == std::string::npos) {
      EXPECT_TRUE(kk.emplace(info.to, info).second) << "listed twice: " << info.to;
    }
  }
  std::set<std::string> targets;
  for (const auto& [to, info] : kk) targets.insert(to);
  EXPECT_EQ(targets, std::set<std::string>(kTargets.begin(), kTargets.end()));

  using Option = std::pair<std::string, std::vector<std::string>>;  // name, values (default first)
  const std::map<std::string, std::vector<Option>> expected{
      {"cta-2024",
       {{"kk-iy", {"i", "ıy"}}, {"kk-i", {"i", "ï"}}, {"kk-u", {"ū", "u", "ŭ"}}, {"schwa", {"ä", "ə"}}, {"eng", {"ñ", "ň"}}}},
      {"cta-1991", {{"kk-iy", {"i", "ıy"}}}},
      {"kk-Latn-2021", {{"eng", {"ñ", "ŋ"}}, {"ts", {"ts", "s"}}, {"ch", {"ş", "ch", "ç"}}}},
      {"kk-Latn-2018", {{"soft-sign", {"lexicon", "rule"}}}},
      {"kk-Latn-2017", {{"mark", {"'", "’", "ʼ"}}, {"e-after-vowel", {"e", "i'e"}}}},
  };
  for (const auto& [to, options] : expected) {
    SCOPED_TRACE(to);
    auto it = kk.find(to);
    if (it == kk.end()) continue;  // reported above
    const ortaq::TableInfo& info = it->second;
    EXPECT_FALSE(info.title.empty());
    EXPECT_EQ(fs::path(info.path).filename().string(), "kk-Cyrl--" + to + ".tbl");
    // Found among the tables built into the library (no ORTAQ_TABLE_PATH is set).
    EXPECT_EQ(info.path.rfind("<built-in>/", 0), 0u) << info.path;
    std::vector<Option> actual;
    for (const ortaq::OptionInfo& o : info.options) {
      actual.emplace_back(o.name, o.values);
      ASSERT_FALSE(o.values.empty()) << o.name;
      EXPECT_EQ(o.default_value, o.values.front()) << o.name;
      EXPECT_FALSE(o.description.empty()) << o.name;
    }
    EXPECT_EQ(actual, options);
  }
}

TEST(Tables, FindTableResolvesIdsAndPaths) {
  Status status;
  const std::string path = ortaq::FindTable("kk-Cyrl", "cta-1991", {}, &status);
  ASSERT_FALSE(path.empty()) << Describe(status);
  EXPECT_EQ(fs::path(path).filename().string(), "kk-Cyrl--cta-1991.tbl");
  const std::string direct = (ortaq_test::SourceDir() / "tables" / "kk-Cyrl--cta-2024.tbl").string();
  EXPECT_EQ(ortaq::FindTable("kk-Cyrl", direct, {}, &status), direct);
  EXPECT_TRUE(ortaq::FindTable("kk-Cyrl", "nope", {}, &status).empty());
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
}

// ---- check and golden files -----------------------------------------------------------------------------------

int CountTestLines(const fs::path& table) {
  const std::string text = ortaq_test::ReadFile(table);
  int count = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.compare(first, 5, "test ") == 0) ++count;
    start = end + 1;
  }
  return count;
}

std::string Report(const ortaq::CheckReport& report) {
  std::string out = std::to_string(report.tests_passed) + " passed, " + std::to_string(report.tests_failed) + " failed";
  for (const auto& d : report.diagnostics) {
    out += '\n';
    out += d.Format();
  }
  return out;
}

TEST(Check, EveryShippedTableIsCleanAndItsTestsPass) {
  std::vector<fs::path> tables;
  for (const auto& entry : fs::recursive_directory_iterator(ortaq_test::SourceDir() / "tables"))
    if (entry.path().extension() == ".tbl") tables.push_back(entry.path());
  std::sort(tables.begin(), tables.end());
  ASSERT_GE(tables.size(), 7u);  // five tables and two bases
  int top_level = 0;
  for (const fs::path& table : tables) {
    SCOPED_TRACE(table.string());
    const ortaq::CheckReport report = ortaq::CheckTable(table.string(), {});
    for (const auto& d : report.diagnostics)
      EXPECT_NE(d.severity, ortaq::Severity::kError) << d.Format();
    EXPECT_TRUE(report.ok()) << Report(report);
    EXPECT_EQ(report.tests_failed, 0) << Report(report);
    EXPECT_EQ(report.tests_passed, CountTestLines(table)) << Report(report);
    if (table.parent_path().filename() != "_base") ++top_level;
  }
  EXPECT_GE(top_level, 5);
}

TEST(Golden, EveryGoldenFilePasses) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(ortaq_test::SourceDir() / "corpora"))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::set<std::string> names;
  for (const fs::path& file : files) names.insert(file.filename().string());
  for (const std::string& to : kTargets)
    EXPECT_TRUE(names.count("kk-Cyrl--" + to + ".tsv")) << "no golden file for " << to;

  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    // Count the cases: every line that is not empty, a comment or an @set line.
    const std::string text = ortaq_test::ReadFile(file);
    int cases = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty() && line[0] != '#' && line.rfind("@set", 0) != 0) ++cases;
      start = end + 1;
    }
    const ortaq::CheckReport report = ortaq::RunGoldenFile(file.string(), {});
    EXPECT_TRUE(report.ok()) << Report(report);
    EXPECT_EQ(report.tests_failed, 0) << Report(report);
    // The project's floor: 150 cases for each Kazakh Cyrillic table, 100 for every other direction.
    const bool from_cyrillic = file.filename().string().rfind("kk-Cyrl--", 0) == 0;
    EXPECT_GE(report.tests_passed, from_cyrillic ? 150 : 100);
    EXPECT_EQ(report.tests_passed, cases);
  }
}

}  // namespace
