// The fast path against the reference engine where real text leaves the pair-table blocks:
// each hard case put at every offset from the start of the text (so that it meets the edges
// of 16- and 32-byte blocks at every byte), and engine/path_stats, which counts which path
// decided each byte and why the blocks stopped.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/test_hooks.hpp"
#include "engine/path_stats.hpp"
#include "ortaq/ortaq.hpp"

namespace {

using ortaq::path_stats::Cause;
using ortaq::test_hooks::Engine;

std::shared_ptr<const ortaq::Transliterator> Load(const std::string& from, const std::string& to, Engine engine) {
  ortaq::Status status;
  auto t = ortaq::test_hooks::FromIds(from, to, ortaq::Options{}, engine, &status);
  EXPECT_TRUE(t) << status.message();
  return t;
}

std::string Convert(const ortaq::Transliterator& t, const std::string& text) {
  std::string out;
  const ortaq::Status status = t.Transliterate(text, &out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

// The path counts of one conversion of `text` by kk-Cyrl → cta-2024 (and its output).
ortaq::path_stats::Counts Record(const std::string& text, std::string* out = nullptr) {
  auto t = Load("kk-Cyrl", "cta-2024", Engine::kFast);
  ortaq::path_stats::Counts counts;
  ortaq::path_stats::Recording on(&counts);
  const std::string converted = Convert(*t, text);
  if (out) *out = converted;
  return counts;
}

// Text around the cases: Kazakh with the guarded letters е, і, х and a Cyrillic-typed numeral.
const std::string kBefore = "Біздің елімізде ХХ ғасырда жер мен ел туралы көп жазылды, ";
const std::string kAfter = " деп жазды ол өз хатында ертемен.";

const std::vector<std::string> kCases = {
    "😀",                                    // an emoji (four bytes)
    "сүйемін😀😀👍",                          // emoji right after letters
    "«Қазақстан»",                           // two-byte punctuation at both ends
    "«тіл» — «ел»…",                         // with three-byte dash and ellipsis
    "https://kaspi.kz/shop/item?id=42",      // a URL
    "мына сілтеме: www.egov.kz/cms/kk екен", // a URL without its scheme, inside a sentence
    "жазыңыз: info@mail.kz немесе @aidana",  // an e-mail address and a handle
    "#тіл #Astana #ҚазақТілі",               // hashtags in both scripts
    "сoл, бaлa, кеpек, Coл",                 // Latin o a p C typed inside Cyrillic words
    "ХІV ғасыр, ХIX, XX ғасыр",              // numerals, Cyrillic and Latin
    "премьер съезд Трухачёв парашют",        // е after ь ъ, ё ю after ж ч ш щ (guards)
    "ьеЪЕьЕъе ь е",                          // е after the signs at every block edge
    "—е…е«е😀еь\u0301е",                    // е after a dash, ellipsis, «, an emoji, a mark
    "ПРЕМЬЕР ОБЪЕКТ Премьер",                // capitals
    "2024-12-06, 10:30, 99.5%!!!",           // digits and ASCII punctuation runs
    "ok, super товар!!! 5/5",                // Latin words in Cyrillic text
    "а\u0301ға",                             // a combining mark
    "жаңа\nжол\n\nқысқа\n",                  // short lines
};

// Every case at every offset 0..40 from the start and with text after it, and alone (ending
// the input: the tail), gives the reference engine's bytes.
TEST(FastBlocks, HardCasesAtEveryBlockOffset) {
  for (const char* to : {"cta-2024", "kk-Latn-2021", "kk-Latn-2018", "cta-1991"}) {
    auto fast = Load("kk-Cyrl", to, Engine::kFast);
    auto reference = Load("kk-Cyrl", to, Engine::kReference);
    for (const std::string& c : kCases) {
      for (std::size_t shift = 0; shift <= 40; ++shift) {
        // Pad with whole characters (ASCII spaces and two-byte letters) to move the case.
        std::string pad;
        for (std::size_t i = 0; i < shift; ++i) pad += (i % 3 == 2) ? "ш" : " ";
        for (const std::string& text : {pad + c + kAfter, kBefore + pad + c, pad + c}) {
          ASSERT_EQ(Convert(*fast, text), Convert(*reference, text)) << to << " on \"" << text << "\"";
        }
      }
    }
  }
}

TEST(PathStats, BytesAddUpAndCleanTextStaysOnBlocks) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "Біздің ауылда бәрі де жақсы болады, балалар мектепке барады. ";
  ortaq::path_stats::Counts counts = Record(text);
  EXPECT_EQ(counts.input_bytes, text.size());
  EXPECT_EQ(counts.block_bytes + counts.character_bytes + counts.rule_bytes, counts.input_bytes);
  EXPECT_EQ(counts.block_bytes, text.size());
  // Nothing is counted once the Recording is gone.
  ortaq::path_stats::Counts later;
  { ortaq::path_stats::Recording on(&later); }
  EXPECT_EQ(ortaq::path_stats::Active(), nullptr);
  Convert(*Load("kk-Cyrl", "cta-2024", Engine::kFast), text);
  EXPECT_EQ(later.input_bytes, 0u);
}

// е, guarded for ъ ь before it, needs no check in a block (pair_table::kPrevChecked): text
// whose only guarded letter is е is decided by blocks with no guard read.
TEST(PathStats, BlocksHoldingYeNeedNoGuardCheck) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Ертең мен сен келе ме екен, ЕРТЕҢ ЕЛГЕ. ";
  const ortaq::path_stats::Counts counts = Record(text);
  EXPECT_EQ(counts.block_bytes, text.size());
  EXPECT_EQ(counts.guard_checked_bytes, 0u);
}

// Each kind of stop is put down to its cause, and the output stays the reference engine's.
TEST(PathStats, StopsAreCountedByCause) {
  const std::string words = "Біздің ауылда бәрі де жақсы болады, балалар мектепке барады ";
  struct Case {
    std::string inside;
    Cause cause;
  };
  const std::vector<Case> cases = {
      {"😀", Cause::kFourByte},
      {"сoл", Cause::kLookalike},
      {"Kaspi", Cause::kLatinLetter},
      {"https://kaspi.kz", Cause::kTokenRisk},
  };
  for (const Case& c : cases) {
    const std::string text = words + words + c.inside + " " + words + words;
    std::string out;
    const ortaq::path_stats::Counts counts = Record(text, &out);
    EXPECT_EQ(out, Convert(*Load("kk-Cyrl", "cta-2024", Engine::kReference), text));
    EXPECT_EQ(counts.input_bytes, text.size()) << c.inside;
    EXPECT_EQ(counts.block_bytes + counts.character_bytes + counts.rule_bytes, counts.input_bytes) << c.inside;
    EXPECT_GE(counts.stops[static_cast<std::size_t>(c.cause)], 1u)
        << c.inside << ": expected a stop for " << ortaq::path_stats::Name(c.cause);
    EXPECT_GT(counts.character_bytes + counts.rule_bytes, 0u) << c.inside;
    EXPECT_LT(counts.character_bytes + counts.rule_bytes, text.size() / 2) << c.inside;
  }
}

// « » are copied by the blocks, and so are the dash and the ellipsis but where a block's edge
// falls inside one (a block must end on a character): no other stop.
TEST(PathStats, QuotesAndDashesStayOnBlocks) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Ол «Қазақстан» — деп айтты; «жаңа» кітап… ";
  const ortaq::path_stats::Counts counts = Record(text);
  EXPECT_EQ(counts.stops[static_cast<std::size_t>(Cause::kTwoByteOther)], 0u);
  std::uint64_t other_stops = 0;
  for (std::size_t k = 0; k < ortaq::path_stats::kCauses; ++k)
    if (k != static_cast<std::size_t>(Cause::kThreeByte)) other_stops += counts.stops[k];
  EXPECT_EQ(other_stops, 0u);
  EXPECT_GT(counts.block_bytes, text.size() * 9 / 10);
}

}  // namespace
