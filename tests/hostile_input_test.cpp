// Hostile input for the library: NUL bytes, every kind of ill-formed UTF-8 (whole, and cut at
// every chunk boundary of a Stream), empty input, no final newline, a 64 MiB line, and hostile
// tables (cyclic @inherit and @chain, a 100k-letter class, a 10k-item context, a 10k-letter key,
// 100k rules, deep class includes, invalid UTF-8, a table over the 16 MiB limit). Each must give
// the right result or a clear error: never a crash or a hang. Sizes are chosen so that every
// test takes well under a few seconds in Release; ctest's TIMEOUT catches a hang.
#include <gtest/gtest.h>
#include <pthread.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

using ortaq::EditList;
using ortaq::InvalidInputPolicy;
using ortaq::Options;
using ortaq::Status;
using ortaq::StatusCode;
using ortaq::Transliterator;
using ortaq_test::Describe;
using ortaq_test::SpansCover;
using ortaq_test::SpansEqual;

const std::string kFffd = "\xEF\xBF\xBD";
const std::vector<std::string>& kTargets = ortaq_test::kKazakhTargets;
using ortaq_test::Convert;

std::shared_ptr<const Transliterator> Load(const std::string& to,
                                           InvalidInputPolicy policy = InvalidInputPolicy::kError) {
  return ortaq_test::LoadFromKazakh(to, {}, policy);
}


// Streams `input` in two chunks split at `split`.
Status StreamSplitAt(const Transliterator& t, std::string_view input, std::size_t split, std::string* output,
                     EditList* edits) {
  const std::size_t size = input.size();
  return ortaq_test::StreamInChunks(
      t, input, [split, size](std::size_t pos) { return pos == 0 && split > 0 ? split : size; }, output, edits);
}

// Compiles a table given as text (named t.tbl).
std::shared_ptr<const Transliterator> Compile(const std::string& text, Status* status, const Options& options = {}) {
  return Transliterator::FromText(text, "t.tbl", options, status);
}

std::string Utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// `prefix` followed by the number. (Not "literal" + std::to_string(n): GCC 12 warns about that
// with a false -Wrestrict, GCC bug 105329.)
std::string Numbered(std::string prefix, std::size_t n) { return prefix += std::to_string(n); }

// Letters without case, marks or special meaning: CJK Extension B and the planes after it
// (assigned ideographs and unassigned code points), 4 bytes each.
std::string PlaneTwoLetter(std::size_t i) { return Utf8(static_cast<char32_t>(0x20000 + i)); }

// ---- NUL bytes, empty input, no final newline ---------------------------------------------------

TEST(HostileText, NulBytesPassThrough) {
  constexpr char kInput[] = "\0Қаз\0ақ\0\0";
  constexpr char kExpected[] = "\0Qaz\0aq\0\0";
  const std::string input(kInput, sizeof kInput - 1);
  const std::string expected(kExpected, sizeof kExpected - 1);
  auto t = Load("cta-2024");
  ASSERT_NE(t, nullptr);
  EditList edits;
  EXPECT_EQ(Convert(*t, input, &edits), expected);
  EXPECT_TRUE(SpansCover(edits, input, expected));
  for (std::size_t chunk : {1, 2, 3, 5}) {
    std::string streamed;
    EditList stream_edits;
    ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, chunk, &streamed, &stream_edits).ok());
    EXPECT_EQ(streamed, expected) << "chunk " << chunk;
    EXPECT_TRUE(SpansEqual(edits, stream_edits)) << "chunk " << chunk;
  }
}

TEST(HostileText, EmptyInput) {
  for (const std::string& to : kTargets) {
    SCOPED_TRACE(to);
    auto t = Load(to);
    ASSERT_NE(t, nullptr);
    std::string output = "stale";
    EditList edits;  // holds the spans of an earlier conversion, which must go
    ASSERT_TRUE(t->Transliterate("қ", &output, &edits).ok());
    ASSERT_FALSE(edits.empty());
    output = "stale";
    ASSERT_TRUE(t->Transliterate("", &output, &edits).ok());
    EXPECT_EQ(output, "");
    EXPECT_TRUE(edits.empty());
    EXPECT_EQ(edits.SourceToOutput(0), 0u);
    // A stream that is only finished, and one given nothing but empty chunks.
    auto stream = t->NewStream();
    ASSERT_NE(stream, nullptr);
    std::string streamed;
    ASSERT_TRUE(stream->Finish(&streamed).ok());
    EXPECT_EQ(streamed, "");
    stream = t->NewStream();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(stream->Write("", &streamed).ok());
    ASSERT_TRUE(stream->Finish(&streamed).ok());
    EXPECT_EQ(streamed, "");
  }
}

TEST(HostileText, NoFinalNewline) {
  // The last word ends at the end of the input: exceptions, case and contexts still apply.
  auto t = Load("kk-Latn-2018");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Convert(*t, "Ащы"), "Ashshy");
  EXPECT_EQ(Convert(*t, "ШЫМКЕНТ"), "SHYMKENT");
  EXPECT_EQ(Convert(*t, "Я"), "Ia");
  const std::string text = "Шымкент, ШЫМКЕНТ, ащы, коэффициент, Я КЕЛДІМ, Я келдім, ауыл, тау";
  for (const std::string& to : kTargets) {
    SCOPED_TRACE(to);
    auto target = Load(to);
    ASSERT_NE(target, nullptr);
    const std::string without = Convert(*target, text);
    const std::string with = Convert(*target, text + "\n");
    EXPECT_EQ(without + "\n", with);
    for (std::size_t chunk : {1, 2, 3, 7, 64}) {
      std::string streamed;
      ASSERT_TRUE(ortaq_test::StreamFixed(*target, text, chunk, &streamed, nullptr).ok());
      EXPECT_EQ(streamed, without) << "chunk " << chunk;
    }
  }
}

// ---- ill-formed UTF-8 -------------------------------------------------------------------------------

struct IllFormed {
  const char* what;
  std::string bytes;
  int subparts;  // maximal subparts: U+FFFD written under kReplace (Unicode §3.9, WHATWG)
};

const std::vector<IllFormed>& IllFormedCases() {
  static const std::vector<IllFormed> cases{
      {"overlong 2-byte NUL", "\xC0\x80", 2},
      {"overlong 2-byte slash", "\xC1\xAF", 2},
      {"overlong 3-byte", "\xE0\x80\x80", 3},
      {"overlong 3-byte, E0 9F", "\xE0\x9F\xBF", 3},
      {"overlong 4-byte", "\xF0\x80\x80\x80", 4},
      {"overlong 4-byte, F0 8F", "\xF0\x8F\xBF\xBF", 4},
      {"encoded high surrogate", "\xED\xA0\x80", 3},
      {"encoded low surrogate", "\xED\xBF\xBF", 3},
      {"surrogate pair, CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 6},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 4},
      {"F5 lead byte", "\xF5\x80\x80\x80", 4},
      {"FE and FF", "\xFE\xFF", 2},
      {"lone continuation", "\x80", 1},
      {"lone continuations", "\x80\xBF\xA0", 3},
      {"2-byte lead, no continuation", "\xD0\x20", 1},  // D0 then a space: the space is kept
      {"3-byte lead, one continuation, then ASCII", "\xE2\x82\x41", 1},
      {"4-byte lead, two continuations, then a lead", "\xF0\x9F\x98\xD0\xB0", 1},  // then а
  };
  return cases;
}

// What the bytes after the ill-formed part of each case are (kept by every policy).
std::string Tail(const IllFormed& c) {
  const std::string& b = c.bytes;
  if (b == "\xD0\x20") return " ";
  if (b == "\xE2\x82\x41") return "A";
  if (b == "\xF0\x9F\x98\xD0\xB0") return "a";  // а converted
  return "";
}

TEST(HostileUtf8, ErrorPolicyReportsTheFirstBadByteWholeAndStreamedAtEverySplit) {
  auto t = Load("cta-2024");
  ASSERT_NE(t, nullptr);
  const std::string prefix = "Қаз\nақ ";  // the bad bytes are at byte 12, line 2, column 4
  for (const IllFormed& c : IllFormedCases()) {
    SCOPED_TRACE(c.what);
    const std::string input = prefix + c.bytes + "стан";
    std::string output;
    Status status = t->Transliterate(input, &output);
    ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
    EXPECT_EQ(status.position().byte_offset, prefix.size());
    EXPECT_EQ(status.position().line, 2u);
    EXPECT_EQ(status.position().column, 4u);
    for (std::size_t split = 0; split <= input.size(); ++split) {
      status = StreamSplitAt(*t, input, split, &output, nullptr);
      ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << "split " << split << ": " << Describe(status);
      EXPECT_EQ(status.position().byte_offset, prefix.size()) << "split " << split;
      EXPECT_EQ(status.position().line, 2u) << "split " << split;
      EXPECT_EQ(status.position().column, 4u) << "split " << split;
    }
  }
}

TEST(HostileUtf8, ReplaceWritesOneReplacementPerMaximalSubpartAtEverySplit) {
  auto replace = Load("cta-2024", InvalidInputPolicy::kReplace);
  auto skip = Load("cta-2024", InvalidInputPolicy::kSkip);
  ASSERT_NE(replace, nullptr);
  ASSERT_NE(skip, nullptr);
  for (const IllFormed& c : IllFormedCases()) {
    SCOPED_TRACE(c.what);
    const std::string input = "аб" + c.bytes + "в";
    std::string replacements;
    for (int i = 0; i < c.subparts; ++i) replacements += kFffd;
    const std::string expected = "ab" + replacements + Tail(c) + "v";
    EditList edits;
    EXPECT_EQ(Convert(*replace, input, &edits), expected);
    EXPECT_TRUE(SpansCover(edits, input, expected));
    // The bad bytes map to the first U+FFFD.
    EXPECT_EQ(edits.SourceToOutput(4), 2u);
    EXPECT_EQ(Convert(*skip, input), "ab" + Tail(c) + "v");
    for (std::size_t split = 0; split <= input.size(); ++split) {
      std::string streamed;
      EditList stream_edits;
      const Status status = StreamSplitAt(*replace, input, split, &streamed, &stream_edits);
      ASSERT_TRUE(status.ok()) << "split " << split << ": " << Describe(status);
      EXPECT_EQ(streamed, expected) << "split " << split;
      EXPECT_TRUE(SpansEqual(edits, stream_edits)) << "split " << split;
      ASSERT_TRUE(StreamSplitAt(*skip, input, split, &streamed, nullptr).ok());
      EXPECT_EQ(streamed, "ab" + Tail(c) + "v") << "split " << split;
    }
  }
}

// Text that may be passed through unconverted (web addresses, e-mail addresses) is still
// validated: ill-formed bytes inside it are reported, replaced or dropped like anywhere else,
// and the output stays valid UTF-8.
TEST(HostileUtf8, IllFormedBytesInsideAddressesAreNotPassedThrough) {
  auto error = Load("cta-2024");
  auto replace = Load("cta-2024", InvalidInputPolicy::kReplace);
  auto skip = Load("cta-2024", InvalidInputPolicy::kSkip);
  ASSERT_NE(error, nullptr);
  ASSERT_NE(replace, nullptr);
  ASSERT_NE(skip, nullptr);
  struct Case {
    std::string input;
    std::size_t bad_offset;
    std::string replaced, skipped;
  };
  const std::vector<Case> cases{
      {"www.example.kz\xFF", 14, "www.example.kz" + kFffd, "www.example.kz"},
      {"https://kk.wikipedia.org/\xC0\x80 қ", 25, "https://kk.wikipedia.org/" + kFffd + kFffd + " q",
       "https://kk.wikipedia.org/ q"},
      {"қ info@exam\xD8ple.kz", 12, "q info@exam" + kFffd + "ple.kz", "q info@example.kz"},
      {"http://x.kz/\xED\xA0\x80/", 12, "http://x.kz/" + kFffd + kFffd + kFffd + "/", "http://x.kz//"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.input));
    std::string output;
    const Status status = error->Transliterate(c.input, &output);
    EXPECT_EQ(status.code(), StatusCode::kInvalidInput) << "output: " << ::testing::PrintToString(output);
    EXPECT_EQ(status.position().byte_offset, c.bad_offset);
    EXPECT_EQ(Convert(*replace, c.input), c.replaced);
    EXPECT_EQ(Convert(*skip, c.input), c.skipped);
    std::string streamed;
    EXPECT_EQ(ortaq_test::StreamFixed(*error, c.input, 1, &streamed, nullptr).code(), StatusCode::kInvalidInput);
    ASSERT_TRUE(ortaq_test::StreamFixed(*replace, c.input, 1, &streamed, nullptr).ok());
    EXPECT_EQ(streamed, c.replaced);
  }
}

TEST(HostileUtf8, TruncatedAtTheEndOfTheInput) {
  // Every proper prefix of a multi-byte character, at the very end: one maximal subpart.
  auto error = Load("kk-Latn-2021");
  auto replace = Load("kk-Latn-2021", InvalidInputPolicy::kReplace);
  ASSERT_NE(error, nullptr);
  ASSERT_NE(replace, nullptr);
  for (const std::string character : {"ә", "₸", "😀", "\xEF\xBF\xBD"}) {
    for (std::size_t cut = 1; cut < character.size(); ++cut) {
      const std::string input = "Қазақ " + character.substr(0, cut);
      SCOPED_TRACE(::testing::PrintToString(input));
      std::string output;
      Status status = error->Transliterate(input, &output);
      ASSERT_EQ(status.code(), StatusCode::kInvalidInput);
      EXPECT_EQ(status.position().byte_offset, 11u);
      EXPECT_EQ(status.position().column, 7u);
      EXPECT_EQ(Convert(*replace, input), "Qazaq " + kFffd);
      for (std::size_t chunk = 1; chunk <= input.size(); ++chunk) {
        status = ortaq_test::StreamFixed(*error, input, chunk, &output, nullptr);
        ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << "chunk " << chunk;
        EXPECT_EQ(status.position().byte_offset, 11u) << "chunk " << chunk;
        ASSERT_TRUE(ortaq_test::StreamFixed(*replace, input, chunk, &output, nullptr).ok());
        EXPECT_EQ(output, "Qazaq " + kFffd) << "chunk " << chunk;
      }
    }
  }
}

TEST(HostileUtf8, ValidTextSplitInsideEveryCharacterIsNotAnError) {
  // 2-, 3- and 4-byte characters, a BOM, CRLF and combining marks: cut into three chunks at
  // every pair of places (so most cuts fall inside a character), the stream must wait for the
  // rest of the character, never report it as ill-formed, and give the whole-buffer bytes.
  const std::string input = "\xEF\xBB\xBF" "Ә₸😀\r\nа\xCC\x81Ұ😀қ";
  for (const std::string& to : {std::string("cta-2024"), std::string("kk-Latn-2017")}) {
    auto t = Load(to);
    ASSERT_NE(t, nullptr);
    EditList edits;
    const std::string expected = Convert(*t, input, &edits);
    for (std::size_t a = 0; a <= input.size(); ++a) {
      for (std::size_t b = a; b <= input.size(); ++b) {
        std::string output;
        EditList stream_edits;
        const Status status = ortaq_test::StreamInChunks(
            *t, input, [&](std::size_t pos) { return pos < a ? a - pos : pos < b ? b - pos : input.size(); }, &output,
            &stream_edits);
        ASSERT_TRUE(status.ok()) << to << " cuts " << a << ", " << b << ": " << Describe(status);
        ASSERT_EQ(output, expected) << to << " cuts " << a << ", " << b;
        ASSERT_TRUE(SpansEqual(edits, stream_edits)) << to << " cuts " << a << ", " << b;
      }
    }
  }
}

// Regression (found by fuzz_engine): a token that is passed through unconverted (a path, a web
// address) and is longer than the engine's window was cut at a byte count, inside a multi-byte
// character: valid text was then reported as invalid UTF-8 at byte 264 (kError), or written
// with broken characters (kReplace).
TEST(HostileUtf8, LongPassThroughTokensEndingInsideACharacterAreValid) {
  std::string euros, zhe;
  for (int i = 0; i < 120; ++i) {
    euros += "€";  // 3 bytes, and no table converts it
    zhe += "ж";
  }
  const std::vector<std::string> inputs{"/A" + euros, "https://x.kz/" + euros, "/home/" + euros + " қ",
                                        "https://x.kz/" + zhe, "a/b/" + zhe + "/c"};
  for (const std::string& to : kTargets) {
    for (const InvalidInputPolicy policy : {InvalidInputPolicy::kError, InvalidInputPolicy::kReplace}) {
      auto t = Load(to, policy);
      ASSERT_NE(t, nullptr);
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::string& input = inputs[i];
        SCOPED_TRACE(to + ", policy " + std::to_string(static_cast<int>(policy)) + ", input " + std::to_string(i));
        std::string output;
        EditList edits;
        const Status status = t->Transliterate(input, &output, &edits);
        if (!status.ok()) {
          ADD_FAILURE() << Describe(status);
          continue;
        }
        EXPECT_EQ(output.find(kFffd), std::string::npos) << "a U+FFFD in the output of valid text";
        EXPECT_TRUE(SpansCover(edits, input, output));
        if (input.find("ж") == std::string::npos && input.find("қ") == std::string::npos) {
          std::size_t same = 0;
          while (same < output.size() && same < input.size() && output[same] == input[same]) ++same;
          EXPECT_TRUE(output == input) << "the output differs from byte " << same << " on";
        }
        std::string streamed;
        EXPECT_TRUE(ortaq_test::StreamFixed(*t, input, 7, &streamed, nullptr).ok());
        EXPECT_TRUE(streamed == output) << "the stream differs";
      }
    }
  }
}

// Regression (found by fuzz_engine and fuzz_stream): a Stream given the whole text in one Write
// converts with final=false up to its look-ahead and the rest in Finish. Where a long word (a
// mixed-script word that look-alike repair reads, a Latin word) ends near that edge, the stream
// decided differently from the whole buffer. kk-Latn-2021, "CC" + 59 "p" + "фаl" padded with
// spaces to 333 bytes: Transliterate gives "SSrrr...rfal", the stream "SSppp...pfal" (the
// look-alikes are repaired in one and not the other); a Latin word between Cyrillic ones gives
// the same bytes but other spans. Every word length and text length around the edge is tried.
TEST(HostileText, LongWordsEndingAtAStreamsLookAheadEdge) {
  struct Case {
    std::string to, before, letter, after;
  };
  const std::vector<Case> cases{
      {"kk-Latn-2021", "CC", "p", "фаl"},  // Latin look-alikes (C, p) in a Cyrillic word
      {"cta-2024", "ал ", "e", "ал"},      // a Latin word between Cyrillic ones
  };
  for (const Case& c : cases) {
    auto t = Load(c.to);
    ASSERT_NE(t, nullptr);
    int failures = 0;
    for (int letters = 0; letters <= 80; ++letters) {
      std::string word = c.before;
      for (int i = 0; i < letters; ++i) word += c.letter;
      word += c.after;
      for (std::size_t size = 256; size <= 420 && failures < 5; ++size) {
        if (word.size() > size) continue;
        std::string input = word;
        input.resize(size, ' ');
        EditList edits;
        const std::string expected = Convert(*t, input, &edits);
        auto stream = t->NewStream();
        std::string output;
        EditList stream_edits;
        ASSERT_TRUE(stream->Write(input, &output, &stream_edits).ok());
        ASSERT_TRUE(stream->Finish(&output, &stream_edits).ok());
        const bool same_output = output == expected;
        const ::testing::AssertionResult same_spans = SpansEqual(edits, stream_edits);
        if (!same_output || !same_spans) {
          ++failures;
          ADD_FAILURE() << c.to << ": " << c.before << " + " << letters << " x " << c.letter << " + " << c.after
                        << ", padded to " << size << " bytes: "
                        << (same_output ? "same output, " : "output " + output.substr(0, 8) + " instead of " + expected.substr(0, 8) + ", ")
                        << (same_spans ? "same spans" : same_spans.message());
        }
      }
    }
  }
}

// ---- a very long line -------------------------------------------------------------------------------

TEST(HostileText, SixtyFourMebibyteLineStreamedIn64KiBChunks) {
  // One unit of text with no newline and no one-letter word at its edges, so that converting
  // it twice in a row gives its conversion twice (checked first). 64 MiB of it, in 64 KiB chunks
  // (which split characters, since the unit is not a multiple of 64 KiB), must convert to the
  // unit's conversion repeated. The input is never held whole: chunks are cut from a buffer.
  const std::string unit =
      "Қазақстан Республикасы — Орталық Азиядағы мемлекет, Шымкент ШЫМКЕНТ, ансамбль, сценарий, ащы, "
      "коэффициент, ұлт, ауыл, тау, Өскемен, Түркістан. ";
  auto t = Load("kk-Latn-2018");
  ASSERT_NE(t, nullptr);
  const std::string unit_out = Convert(*t, unit);
  ASSERT_EQ(Convert(*t, unit + unit + unit), unit_out + unit_out + unit_out) << "the unit is not self-contained";

  constexpr std::size_t kTotal = std::size_t{64} << 20;
  constexpr std::size_t kChunk = std::size_t{64} << 10;
  std::string buffer;
  while (buffer.size() < kChunk + unit.size()) buffer += unit;
  const std::size_t units = kTotal / unit.size();  // a whole number of units, ~64 MiB
  const std::size_t total = units * unit.size();

  auto stream = t->NewStream();
  ASSERT_NE(stream, nullptr);
  std::string output;
  output.reserve(units * unit_out.size());
  for (std::size_t pos = 0; pos < total; pos += kChunk) {
    const std::size_t n = std::min(kChunk, total - pos);
    const Status status = stream->Write(std::string_view(buffer).substr(pos % unit.size(), n), &output);
    ASSERT_TRUE(status.ok()) << "at byte " << pos << ": " << Describe(status);
  }
  ASSERT_TRUE(stream->Finish(&output).ok());
  ASSERT_EQ(output.size(), units * unit_out.size());
  std::size_t mismatches = 0, first_mismatch = 0;
  for (std::size_t i = 0; i < units; ++i) {
    if (std::string_view(output).substr(i * unit_out.size(), unit_out.size()) != unit_out && mismatches++ == 0)
      first_mismatch = i;
  }
  EXPECT_EQ(mismatches, 0u) << "first at unit " << first_mismatch << " of " << units;
}

// ---- hostile tables ---------------------------------------------------------------------------------

void ExpectRejected(const std::shared_ptr<const Transliterator>& t, const Status& status,
                    const std::string& message_part) {
  EXPECT_EQ(t, nullptr);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.code(), StatusCode::kInternal) << Describe(status);
  EXPECT_NE(status.message().find(message_part), std::string::npos)
      << "'" << message_part << "' not in: " << Describe(status);
}

TEST(HostileTables, CyclicInheritIsAnErrorNotARecursion) {
  ortaq_test::TempDir dir;
  const std::string head = "@from kk-Cyrl\n@to x\n";
  const std::string a = dir.Write("a.tbl", head + "@inherit b\nа > a\n");
  dir.Write("b.tbl", "@inherit a\nб > b\n");
  const std::string self = dir.Write("self.tbl", head + "@inherit self.tbl\n");
  // A longer ring: r0 -> r1 -> ... -> r5 -> r0.
  for (int i = 0; i < 6; ++i) dir.Write(Numbered("r", i) + ".tbl", head + Numbered("@inherit r", (i + 1) % 6) + "\n");
  for (const std::string& path : {a, self, (dir.path() / "r0.tbl").string()}) {
    SCOPED_TRACE(path);
    Status status;
    ExpectRejected(Transliterator::FromFile(path, {}, &status), status, "cyclic @inherit");
    EXPECT_EQ(status.code(), StatusCode::kTableError);
    const ortaq::CheckReport report = ortaq::CheckTable(path, {});
    EXPECT_FALSE(report.ok());
  }
  // Given as text, the table inherits a file that inherits itself.
  Status status;
  ExpectRejected(Compile(head + "@inherit " + self + "\n", &status), status, "cyclic @inherit");
}

TEST(HostileTables, InheritChainDeeperThanTheLimitIsAnError) {
  ortaq_test::TempDir dir;
  constexpr int kDepth = 40;
  for (int i = 0; i < kDepth; ++i) dir.Write(Numbered("d", i) + ".tbl", Numbered("@inherit d", i + 1) + "\n");
  dir.Write(Numbered("d", kDepth) + ".tbl", "а > a\n");
  const std::string top = dir.Write("top.tbl", "@from kk-Cyrl\n@to x\n@inherit d0\n");
  Status status;
  ExpectRejected(Transliterator::FromFile(top, {}, &status), status, "deeper than");
}

TEST(HostileTables, CyclicAndDeepChainsAreErrors) {
  ortaq_test::TempDir dir;
  const std::string x = dir.Write("x.tbl", "@from kk-Cyrl\n@to kk-Cyrl\n@chain y.tbl\n");
  dir.Write("y.tbl", "@from kk-Cyrl\n@to kk-Cyrl\n@chain x.tbl\n");
  const std::string own = dir.Write("own.tbl", "@from kk-Cyrl\n@to kk-Cyrl\n@chain own.tbl\n");
  for (const std::string& path : {x, own}) {
    SCOPED_TRACE(path);
    Status status;
    const auto t = Transliterator::FromFile(path, {}, &status);
    EXPECT_EQ(t, nullptr);
    EXPECT_EQ(status.code(), StatusCode::kTableError) << Describe(status);
  }
}

TEST(HostileTables, HundredThousandLetterClass) {
  std::string table = "@from src\n@to dst\n@case none\nclass Big =";
  for (std::size_t i = 0; i < 100000; ++i) {
    table += ' ';
    table += PlaneTwoLetter(i);
  }
  table += "\nа > A / Big _\nа > a\n";
  Status status;
  auto t = Compile(table, &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  const std::string input = PlaneTwoLetter(0) + "а" + PlaneTwoLetter(99999) + "а" + PlaneTwoLetter(100000) + "а.а";
  const std::string expected = PlaneTwoLetter(0) + "A" + PlaneTwoLetter(99999) + "A" + PlaneTwoLetter(100000) + "a.a";
  EXPECT_EQ(Convert(*t, input), expected);
  std::string streamed;
  ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, 1, &streamed, nullptr).ok());
  EXPECT_EQ(streamed, expected);
}

TEST(HostileTables, TenThousandItemContexts) {
  // Contexts far longer than the 256-byte window the engine reads: they compile (or are refused
  // with a message) and simply never match.
  std::string left, right, repeated;
  for (int i = 0; i < 10000; ++i) {
    left += "б ";
    if (i > 0) right += " в";  // one item fewer: the two rules for а do not conflict
    repeated += " ~г*";
  }
  const std::string table = "@from kk-Cyrl\n@to x\nа > 1 / " + left + "_\nа > 2 / _" + right + "\nе > 3 / _" + repeated +
                            "\nа > a\nе > e\n";
  Status status;
  auto t = Compile(table, &status);
  if (!t) {
    ExpectRejected(t, status, "");
    return;
  }
  std::string input = "бббба вввв е";
  EXPECT_EQ(Convert(*t, input), "ббббa вввв 3");  // ~г* matches nothing: the rule holds
  std::string streamed;
  ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, 1, &streamed, nullptr).ok());
  EXPECT_EQ(streamed, "ббббa вввв 3");
}

TEST(HostileTables, TenThousandLetterKey) {
  std::string key;
  for (int i = 0; i < 10000; ++i) key += "а";
  const std::string table = "@from kk-Cyrl\n@to x\n" + key + " > X\nа > a\n";
  Status status;
  auto t = Compile(table, &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  // The whole key matches (twice), then the rest goes letter by letter.
  const std::string input = key + key + "аа б";
  EXPECT_EQ(Convert(*t, input), "XXaa б");
  EXPECT_EQ(Convert(*t, "аааааа"), "aaaaaa");
  for (std::size_t chunk : {std::size_t{1000}, std::size_t{4096}, std::size_t{65536}}) {
    std::string streamed;
    EditList edits;
    ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, chunk, &streamed, &edits).ok());
    EXPECT_EQ(streamed, "XXaa б") << "chunk " << chunk;
    EXPECT_TRUE(SpansCover(edits, input, streamed));
  }
}

TEST(HostileTables, HundredThousandRulesInAnyOrder) {
  std::vector<std::size_t> order(100000);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937(7));
  std::string table = "@from src\n@to dst\n@case none\n";
  for (std::size_t i : order) table += PlaneTwoLetter(i) + Numbered(" > r", i % 1000) + "\n";
  Status status;
  auto t = Compile(table, &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, PlaneTwoLetter(0) + " " + PlaneTwoLetter(12345) + PlaneTwoLetter(99999) + "x"),
            "r0 r345r999x");
}

TEST(HostileTables, ManyRulesWithOneKey) {
  // Rules with one key and contexts of equal length are compared with each other for conflicts.
  std::string table = "@from src\n@to dst\n@case none\n";
  for (std::size_t i = 0; i < 2000; ++i) table += Numbered("а > ", i) + " / " + PlaneTwoLetter(i) + " _\n";
  table += "а > a\n";
  Status status;
  auto t = Compile(table, &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, PlaneTwoLetter(1999) + "а а"), PlaneTwoLetter(1999) + "1999 a");
}

// Regression: compiling these took minutes, because three steps compared every pair of items
// (10k rules of one key 2.4 s; 40k classes 5.2 s; 40k exceptions 5.1 s). The conflict check now
// compares only rules whose nearest context letters may meet, and merging uses maps. Not a
// wall-clock assertion: a return to quadratic time shows as a test that takes minutes.
TEST(HostileTables, FortyThousandRulesOfOneKeyClassesAndExceptions) {
  // 40,000: the letters of CJK Extension B (U+20000-U+2A6DF) run out at 42,720.
  constexpr std::size_t kCount = 40000;
  std::string table = "@from src\n@to dst\n@case none\n";
  for (std::size_t i = 0; i < kCount; ++i) {
    table += Numbered("а > ", i) + " / " + PlaneTwoLetter(i) + " _\n";
    table += Numbered("class C", i) + " = " + PlaneTwoLetter(i) + "\n";
    table += "exception б" + PlaneTwoLetter(i) + Numbered(" > e", i) + "\n";
  }
  table += "а > a\n";
  Status status;
  auto t = Compile(table, &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, PlaneTwoLetter(7) + "а а б" + PlaneTwoLetter(9)), PlaneTwoLetter(7) + "7 a e9");
}

TEST(HostileTables, ClassIncludeCycleIsAnError) {
  std::string table = "@from kk-Cyrl\n@to x\n";
  for (int i = 0; i < 1000; ++i) table += Numbered("class C", i) + Numbered(" = C", (i + 1) % 1000) + " а\n";
  table += "б > b / C0 _\n";
  Status status;
  ExpectRejected(Compile(table, &status), status, "includes itself");
}

// Runs `body` on a thread with a stack of `bytes` (macOS gives secondary threads 512 KiB, musl
// 128 KiB): the library may be called from such threads.
void RunWithStack(std::size_t bytes, const std::function<void()>& body) {
  pthread_attr_t attr;
  ASSERT_EQ(::pthread_attr_init(&attr), 0);
  ASSERT_EQ(::pthread_attr_setstacksize(&attr, bytes), 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(::pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&body)), 0);
  ::pthread_join(thread, nullptr);
  ::pthread_attr_destroy(&attr);
}

// Regression: class includes are resolved by recursion (Compiler::CompileClasses, one
// std::function frame per class), so a chain of classes that each include the next overflows the
// stack: 30000 classes (a 0.7 MB table) crash even the 8 MiB main thread; here 20000 classes on
// a 512 KiB thread. Expected: the table compiles (or is refused with a message), no crash.
TEST(HostileTables, LongChainOfClassIncludesDoesNotOverflowTheStack) {
  constexpr int kClasses = 20000;
  std::string table = "@from kk-Cyrl\n@to x\n";
  for (int i = 0; i < kClasses; ++i) table += Numbered("class C", i) + Numbered(" = C", i + 1) + "\n";
  table += Numbered("class C", kClasses) + " = а\nб > B / C0 _\nб > b\n";
  RunWithStack(std::size_t{512} << 10, [&] {
    Status status;
    auto t = Compile(table, &status);
    if (!t) {
      ExpectRejected(t, status, "");
      return;
    }
    EXPECT_EQ(Convert(*t, "аб б"), "аB b");
  });
}

// Regression: a rule with no context for a 2-byte letter, whose output is longer than 8 bytes,
// went through the engine's fast path, which copied only 8 bytes of the output (the rest of the
// output was NUL bytes) and checked room for only 8: a heap buffer overflow once the output
// outgrew the pre-sized buffer (ASan: heap-buffer-overflow in Writer::PutPadded, engine.cpp).
TEST(HostileTables, RuleOutputsLongerThanEightBytesAreWrittenWhole) {
  Status status;
  auto t = Compile("@from kk-Cyrl\n@to x\nа > abcdefghijklmnopqrstuvwxyz\nб > 0123456789\n", &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, "а"), "abcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(Convert(*t, "б"), "0123456789");
  std::string input, expected;
  for (int i = 0; i < 101; ++i) {
    input += "аб";
    expected += "abcdefghijklmnopqrstuvwxyz0123456789";
  }
  EXPECT_EQ(Convert(*t, input), expected);
  std::string streamed;
  ASSERT_TRUE(ortaq_test::StreamFixed(*t, input, 3, &streamed, nullptr).ok());
  EXPECT_EQ(streamed, expected);
}

TEST(HostileTables, InvalidUtf8AnywhereInATableIsAnError) {
  const std::vector<std::pair<std::string, std::string>> bad{
      {"in a key", "\xFF > x\n"},
      {"overlong in an output", "а > \xC0\x80\n"},
      {"a surrogate in a comment", "а > a ! \xED\xA0\x80\n"},
      {"above U+10FFFF in a class", "class V = \xF4\x90\x80\x80\n"},
      {"a lone continuation in a test", "test \x80 > x\n"},
      {"in an @inherit name", "@inherit _base/\xFE\n"},
      {"truncated at the end of the file", "а > a\n\xE2\x82"},
  };
  for (const auto& [what, body] : bad) {
    SCOPED_TRACE(what);
    Status status;
    ExpectRejected(Compile("@from kk-Cyrl\n@to x\n" + body, &status), status, "invalid UTF-8");
    EXPECT_EQ(status.code(), StatusCode::kTableError);
  }
  // A NUL byte is valid UTF-8: accepted or refused, but cleanly.
  Status status;
  auto t = Compile(std::string("@from kk-Cyrl\n@to x\nа > a") + '\0' + "b\n", &status);
  if (t) {
    std::string output;
    EXPECT_TRUE(t->Transliterate("а", &output).ok());
  } else {
    ExpectRejected(t, status, "");
  }
}

TEST(HostileTables, TablesOverSixteenMebibytesAreRefused) {
  ortaq_test::TempDir dir;
  const std::string header = "@from kk-Cyrl\n@to x\nа > a\n";
  const std::string filler = "! a comment line, to make the table big\n";
  auto write_table = [&](const std::string& name, std::size_t size) {
    const fs::path path = dir.path() / name;
    std::ofstream out(path, std::ios::binary);
    out << header;
    std::size_t written = header.size();
    while (written + filler.size() <= size) {
      out << filler;
      written += filler.size();
    }
    out << std::string(size - written, '\n');
    return path.string();
  };
  const std::string big = write_table("big.tbl", std::size_t{20} << 20);
  ASSERT_EQ(fs::file_size(big), std::size_t{20} << 20);
  Status status;
  ExpectRejected(Transliterator::FromFile(big, {}, &status), status, "16 MiB");
  // Inherited, and linted.
  const std::string child = dir.Write("child.tbl", "@from kk-Cyrl\n@to x\n@inherit big\n");
  ExpectRejected(Transliterator::FromFile(child, {}, &status), status, "16 MiB");
  const ortaq::CheckReport report = ortaq::CheckTable(big, {});
  EXPECT_FALSE(report.ok());
  // One byte over the limit is refused; exactly at the limit is read.
  const std::string over = write_table("over.tbl", (std::size_t{16} << 20) + 1);
  ExpectRejected(Transliterator::FromFile(over, {}, &status), status, "16 MiB");
  const std::string at = write_table("at.tbl", std::size_t{16} << 20);
  auto t = Transliterator::FromFile(at, {}, &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*t, "ааб"), "aaб");
}

}  // namespace
