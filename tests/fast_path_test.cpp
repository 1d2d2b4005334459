// The engine's fast paths (pair-table blocks and their padded-free tail, the character-at-a-time
// tight loop, the two-byte table) against the reference engine, which has none of them: on
// generated text made to hit their edges (combining marks after letters and at block
// boundaries, three- and four-byte characters, ill-formed bytes, capitals, short and long
// inputs), for every shipped table.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "api/test_hooks.hpp"
#include "ortaq/ortaq.hpp"
#include "split_mix.hpp"
#include "test_util.hpp"

namespace ortaq {
// Test names and messages show the table, not the bytes of TableInfo.
void PrintTo(const TableInfo& table, std::ostream* os) { *os << table.from << "--" << table.to; }
}  // namespace ortaq

namespace {

using ortaq::InvalidInputPolicy;
using ortaq::Options;
using ortaq::Status;
using ortaq::Transliterator;
using ortaq::test_hooks::Engine;

// Pieces the generator strings together: letters of every source alphabet in both cases,
// combining marks, punctuation of one, two, three and four bytes, and ill-formed bytes.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces{
      // Kazakh Cyrillic, with the letters whose outputs are long or depend on neighbours.
      "а", "ә", "б", "ғ", "е", "ё", "и", "й", "і", "к", "қ", "ң", "о", "ө", "у", "ұ", "ү", "һ", "ц", "ч", "щ",
      "ъ", "ы", "ь", "э", "ю", "я", "А", "Ә", "Ё", "Ю", "Я", "Щ", "Ц", "Ұ", "І", "Ь",
      // Exception words, keys of two letters and trigger letters of context rules (2017, 2018).
      "ащы", "Ащы", "кеще", "КЕЩЕ", "коэффициент", "тұщы", "ий", "сц", "компьютер", "альбом", "ь", "Ь", "ъ",
      // Latin of the sources and targets.
      "a", "e", "o", "u", "i", "s", "n", "g", "c", "h", "y", "A", "I", "S", "á", "ó", "ú", "ý", "ń", "ǵ",
      "ı", "İ", "ş", "ç", "ğ", "ö", "ü", "ä", "ñ", "ï", "ū", "Ş", "Ü", "'", "’",
      // Combining marks: acute, grave, tilde, breve, diaeresis, caron, and a Cyrillic titlo.
      "\xCC\x81", "\xCC\x80", "\xCC\x83", "\xCC\x86", "\xCC\x88", "\xCC\x8C", "\xD2\x83",
      // Punctuation and space of every length.
      " ", " ", " ", "\n", ",", ".", "-", "(", "«", "»", "—", "…", "“", "”", "😀", "7", "\t",
      // Pass-through tokens and what only looks like their start.
      "/", "@", "#", "~", "./", "../", "~/", "-{", "}-", "-{Қазақ}-", "http://kk.kz/Қазақ", "#тег", "@адам", "XIV",
      "C:\\dir", "a@b.kz", "kaspi.kz", " /Қазақ/тарих ", " /әдебиет ", " @адам ", " #тег ", " ~/құжат ",
      "ана-сы", "келді. ", "келді.\n", "...",
      // Three-byte characters the pair table copies in two steps: a tenge sign, numero, a
      // zero-width joiner, a byte-order mark.
      "₸", "№", "\xE2\x80\x8D", "\xEF\xBB\xBF", "—«", "»—",
      // Ill-formed: a lone continuation, a lead without its continuation, bytes never used, one
      // continuation too many after two- and three-byte characters, a surrogate, an overlong form.
      "\x80", "\xD0", "\xC0", "\xFF", "\xE2\x80", "ә\x80", "—\x80", "—\x94\x80", "\xED\xA0\x80",
      "\xE0\x80\x80", "\xE2\x94",
  };
  return pieces;
}

using Rng = ortaq_test::SplitMix;

// Mostly well-formed letters in words (so that blocks succeed and then meet a problem), with
// the rarer pieces now and then.
std::string Generate(Rng& rng, std::size_t pieces) {
  const auto& all = Pieces();
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) {
    const std::uint64_t r = rng.Next();
    if (r % 4 == 0) {
      text += all[(r >> 8) % all.size()];
    } else {
      // A run of common letters of one script.
      static const char* const kCyrillic[] = {"а", "е", "қ", "ы", "н", "т", "к", "о", "у", "и", "й", "ө", "і"};
      static const char* const kLatin[] = {"a", "e", "q", "y", "n", "t", "r", "l", "s", "ı", "ö", "ü", "i"};
      const bool cyrillic = (r >> 4) % 3 != 0;
      const std::size_t letters = 1 + (r >> 8) % 9;
      for (std::size_t j = 0; j < letters; ++j) {
        const std::size_t k = (r >> (16 + j * 4)) % 13;
        text += cyrillic ? kCyrillic[k] : kLatin[k];
      }
    }
  }
  return text;
}

std::string Printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Whether `fast` gives the reference engine's output for `input`, both through Transliterate
// and through the engine's careful path from the start (TransliterateRange does not take
// Transliterate's whole-input path: its blocks, wide ones first); a failure says how not.
// A stream in chunks of 13 bytes too (without edit spans, which keep the engine off its blocks).
bool SameAsReference(const Transliterator& fast, const Transliterator& reference, const std::string& input) {
  std::string a, b, range, streamed;
  std::size_t stopped = 0;
  const bool ran = fast.Transliterate(input, &a).ok() && reference.Transliterate(input, &b).ok() &&
                   fast.TransliterateRange(input, 0, input.size(), &range, &stopped).ok() &&
                   ortaq_test::StreamFixed(fast, input, 13, &streamed, nullptr).ok();
  if (ran && a == b && range == b && streamed == b) return true;
  ADD_FAILURE() << "input     " << Printable(input) << "\nfast      " << Printable(a) << "\nrange     "
                << Printable(range) << "\nstreamed  " << Printable(streamed) << "\nreference " << Printable(b)
                << (ran ? "" : "\n(a conversion failed)");
  return false;
}

class FastPathTest : public ::testing::TestWithParam<ortaq::TableInfo> {};

TEST_P(FastPathTest, SameBytesAsTheReferenceEngine) {
  const ortaq::TableInfo& table = GetParam();
  for (const InvalidInputPolicy policy : {InvalidInputPolicy::kReplace, InvalidInputPolicy::kSkip}) {
    Options fast_options, reference_options;
    fast_options.invalid_input = reference_options.invalid_input = policy;
    Status status;
    auto fast = Transliterator::FromIds(table.from, table.to, fast_options, &status);
    ASSERT_NE(fast, nullptr) << status.message();
    auto reference =
        ortaq::test_hooks::FromIds(table.from, table.to, reference_options, Engine::kReference, &status);
    ASSERT_NE(reference, nullptr) << status.message();
    Rng rng{0x5EED0000u + static_cast<std::uint64_t>(policy)};
    int differences = 0;
    for (int i = 0; i < 1500 && differences < 5; ++i) {
      // Lengths from nothing to a few blocks, so that every input length meets the tail; now
      // and then longer than what the whole-input path converts on the stack (512 bytes).
      const std::string input = Generate(rng, i % 8 == 0 ? 40 + rng.Next() % 160 : rng.Next() % 40);
      if (!SameAsReference(*fast, *reference, input)) ++differences;
    }
  }
}

// A letter whose rule looks at the character before it is checked by one read of a bit table,
// one bit for each set of neighbours; a table with more sets than bits (here 40 letters, each
// written differently after its own neighbour) checks the rest by the sets themselves. Both
// must give the reference engine's output.
TEST(FastPath, NeighbourChecksBeyondTheBitsOfTheirTable) {
  constexpr int kLetters = 40;
  auto letter = [](int i) {
    std::string s;
    const char32_t cp = 0x430 + static_cast<char32_t>(i % kLetters);  // а-я, then ѐ-џ
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  };
  std::string table = "@from x\n@to y\n";
  for (int i = 0; i < kLetters; ++i) {
    const std::string own = std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i);
    table += letter(i) + " > " + own + "\n";
    table += letter(i) + " > Q" + std::to_string(i) + " / " + letter(i + 1) + " _\n";
  }
  Status status;
  auto fast = Transliterator::FromText(table, "neighbours.tbl", Options{}, &status);
  ASSERT_NE(fast, nullptr) << status.message();
  auto reference = ortaq::test_hooks::FromText(table, "neighbours.tbl", Options{}, Engine::kReference, &status);
  ASSERT_NE(reference, nullptr) << status.message();
  Rng rng{0xBEEF};
  int differences = 0, rule_hits = 0;
  for (int n = 0; n < 400 && differences < 5; ++n) {
    std::string input;
    const std::size_t length = rng.Next() % 120;
    for (std::size_t k = 0; k < length; ++k) {
      const std::uint64_t r = rng.Next();
      // Often the letter whose rule applies next, so that both outcomes of every check occur.
      input += r % 7 == 0 ? std::string(" ") : letter(static_cast<int>((r >> 8) % kLetters));
    }
    std::string a, b;
    ASSERT_TRUE(fast->Transliterate(input, &a).ok());
    ASSERT_TRUE(reference->Transliterate(input, &b).ok());
    rule_hits += b.find('Q') != std::string::npos;
    if (a != b) {
      ++differences;
      ADD_FAILURE() << "input    " << Printable(input) << "\nfast     " << a << "\nreference " << b;
    }
  }
  EXPECT_GT(rule_hits, 100) << "the context rules were hardly exercised";
}

// ASCII letters are decided by the pair table too: replaced (a > а), copied, or guarded (a
// neighbour rule, a longer key, an exception word), with and without pass-through tokens.
TEST(FastPath, AsciiLettersWithRulesAgreeWithTheReferenceEngine) {
  const char* table =
      "@from x\n@to y\n@case auto\nclass V = a e i o u\n"
      "a > а\nb > б\nd > д\ne > е\ng > г\nk > к\nl > л\nm > м\nn > н\no > о\nr > р\ns > с\nt > т\nu > у\n"
      "i > и\ni > й / V _\ny > ы\ny > й / _ V\nsh > ш\nc > ц\nch > ч\nexception tot > ТОТ\n";
  const char* const words[] = {"ai", "oy", "yo", "shash", "church", "tot", "Tot", "TOT", "totem", "iii", "kitap",
                               "Kitap", "KITAP", "bala", "http://x.kz/kitap", "a@b.kz", "XIV", "c\xCC\xA7", "é", "ш"};
  for (const bool pass_through : {false, true}) {
    SCOPED_TRACE(pass_through ? "pass-through" : "no pass-through");
    Options fast_options, reference_options;
    fast_options.pass_through = reference_options.pass_through = pass_through;
    Status status;
    auto fast = Transliterator::FromText(table, "ascii.tbl", fast_options, &status);
    ASSERT_NE(fast, nullptr) << status.message();
    auto reference = ortaq::test_hooks::FromText(table, "ascii.tbl", reference_options, Engine::kReference, &status);
    ASSERT_NE(reference, nullptr) << status.message();
    Rng rng{0xA5C11};
    int differences = 0;
    for (int n = 0; n < 600 && differences < 5; ++n) {
      std::string input;
      const std::size_t count = rng.Next() % 40;
      for (std::size_t k = 0; k < count; ++k) {
        const std::uint64_t r = rng.Next();
        input += words[(r >> 8) % (sizeof words / sizeof words[0])];
        input += r % 5 == 0 ? ". " : (r % 7 == 0 ? "\n" : " ");
      }
      // Half the inputs end with a letter: the last byte's pair is with the end.
      if (n % 2 == 0) input += words[n / 2 % 2];  // "ai" or "oy"
      if (!SameAsReference(*fast, *reference, input)) ++differences;
    }
  }
}

// Pair-table blocks copy the ASCII letters of Latin text even though a pass-through token may
// begin with one; they rule tokens out for the block as a whole by what every protected token
// holds near its start ('@', ':', '/', '\\', a '.' before a letter, "www.", two Roman capitals).
// Tokens of every kind, at every offset from a block's start, after words and long words, must
// be found as the reference engine finds them: the same output and the same count.
TEST(FastPath, TokensThatBeginWithALetterAreFoundInsideBlocks) {
  const char* const tokens[] = {
      "http://kk.kz/Қазақ", "HTTPS://Мысал.kz/жол", "www.kaspi.kz", "www. сайт", "mailto:адам@kk.kz",
      "adam@mail.kz", "kaspi.kz", "kaspi.kz/Қазақ", "C:\\Құжат", "docs/Қазақ.txt", "XIV", "MMXXIV.", "IV'te",
      "SIM", "DIŞ", "XC0", "XIV5.", "a.b", "3.5", "Ол.Ал", "ftp://x.kz/Ә", "file://Құжат"};
  const std::string long_word(300, 'q');
  for (const bool repair : {false, true}) {
    for (const auto& [from, to] : {std::pair{"kk-Cyrl", "cta-2024"}, std::pair{"tr-Latn", "cta-2024"},
                                   std::pair{"cta-2024", "tr-Latn"}}) {
      SCOPED_TRACE(std::string(from) + "--" + to + (repair ? " repair" : ""));
      Options fast_options, reference_options;
      fast_options.repair_lookalikes = reference_options.repair_lookalikes = repair;
      Status status;
      auto fast = Transliterator::FromIds(from, to, fast_options, &status);
      ASSERT_NE(fast, nullptr) << status.message();
      auto reference = ortaq::test_hooks::FromIds(from, to, reference_options, Engine::kReference, &status);
      ASSERT_NE(reference, nullptr) << status.message();
      int differences = 0;
      std::uint64_t protected_tokens = 0;
      for (const char* token : tokens) {
        for (std::size_t offset = 0; offset < 40 && differences < 5; ++offset) {
          for (const std::string& before : {std::string(offset, 'k'), std::string("bul ") + std::string(offset, 'z') + " ",
                                            long_word.substr(0, offset * 7) + " "}) {
            const std::string input = before + token + " Қазақ тілі " + token + "\nsoñ";
            std::string a, b;
            ortaq::ConversionStats fast_stats, reference_stats;
            ASSERT_TRUE(fast->Transliterate(input, &a, nullptr, &fast_stats).ok());
            ASSERT_TRUE(reference->Transliterate(input, &b, nullptr, &reference_stats).ok());
            protected_tokens += reference_stats.protected_tokens;
            // A stream sees the same text in pieces: its blocks meet the tokens at other offsets.
            std::string streamed;
            ASSERT_TRUE(ortaq_test::StreamFixed(*fast, input, 7 + offset, &streamed, nullptr).ok());
            if (streamed != b) {
              ++differences;
              ADD_FAILURE() << "input     " << Printable(input) << "\nstreamed  " << Printable(streamed)
                            << "\nreference " << Printable(b);
            }
            if (a != b || fast_stats.protected_tokens != reference_stats.protected_tokens) {
              ++differences;
              ADD_FAILURE() << "input     " << Printable(input) << "\nfast      " << Printable(a) << " ("
                            << fast_stats.protected_tokens << " tokens)\nreference " << Printable(b) << " ("
                            << reference_stats.protected_tokens << " tokens)";
            }
          }
        }
      }
      EXPECT_GT(protected_tokens, 1000u) << "the tokens were hardly protected";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryTable, FastPathTest, ::testing::ValuesIn(ortaq::ListTables(Options{})),
                         [](const ::testing::TestParamInfo<ortaq::TableInfo>& info) {
                           std::string name = info.param.from + "__" + info.param.to;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// Found by fuzzing: the reference engine did not compose a combining mark with the letter
// before it (it read the mark flags from the fast table, which it leaves empty).
TEST(FastPath, ReferenceEngineComposesMarksToo) {
  for (const bool reference : {false, true}) {
    Status status;
    auto t = ortaq::test_hooks::FromIds("kk-Cyrl", "cta-2024", Options{},
                                        reference ? Engine::kReference : Engine::kFast, &status);
    ASSERT_NE(t, nullptr);
    std::string out;
    ASSERT_TRUE(t->Transliterate("о\xCC\x83 н\xCC\x8C", &out).ok());
    EXPECT_EQ(out, "õ ň") << "reference engine: " << reference;
  }
}

}  // namespace

// Found by fuzzing: a look-alike word longer than the word scan, whose scan window began inside
// a Cyrillic letter. That cut read as a word end, the word was taken as seen whole and its
// verdict remembered, so the answer depended on which letter asked first: the reference engine
// (letter by letter) kept the Latin P's, the fast path (another order) repaired them.
TEST(FastPath, LookAlikeVerdictsDoNotDependOnTheOrderOfQuestions) {
  const std::string input = "ОЛPPPPp" + std::string(59, 'P') + "\n";
  std::string outputs[3];
  for (int k = 0; k < 3; ++k) {
    Status status;
    auto t = ortaq::test_hooks::FromIds("kk-Cyrl", "kk-Latn-2018", Options{}, k == 2 ? Engine::kReference : Engine::kFast,
                                        &status);
    ASSERT_NE(t, nullptr);
    ortaq::EditList edits;
    ASSERT_TRUE(t->Transliterate(input, &outputs[k], k == 1 ? &edits : nullptr).ok());
  }
  EXPECT_EQ(outputs[0], outputs[2]) << "fast and reference engines differ";
  EXPECT_EQ(outputs[1], outputs[2]) << "with edit spans and the reference engine differ";
  // Near the Cyrillic letters the word is read as Cyrillic; the last P, whose scan no longer
  // reaches them, stays as it is.
  EXPECT_EQ(outputs[2].substr(0, 8), "OLRRRRrR");
  EXPECT_EQ(outputs[2].substr(outputs[2].size() - 2), "P\n");
}
