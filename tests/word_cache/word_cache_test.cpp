// The word cache (lib/src/fast/word_cache) changes no byte: every table that reads Latin or CTA
// back to Cyrillic, on ../shared/corpora/kk-Cyrl and kk-mixed converted forward by ortaq, gives
// the reference engine's output whole, line by line, in 4 KiB stream chunks and with stats,
// with the cache cold and warm, and with two tables taking turns on one thread. Tables whose
// rules read past the white space around a word keep their words out of the cache.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "api/test_hooks.hpp"
#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

using ortaq::ConversionStats;
using ortaq::Options;
using ortaq::Status;
using ortaq::Transliterator;
using ortaq::test_hooks::Engine;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every .txt of the Kazakh corpora, in a fixed order.
std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  const fs::path root = ortaq_test::SourceDir() / ".." / "shared" / "corpora";
  for (const char* dir : {"kk-Cyrl", "kk-mixed"})
    for (const auto& entry : fs::directory_iterator(root / dir))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::shared_ptr<const Transliterator> Load(const std::string& from, const std::string& to, Engine engine) {
  Status status;
  auto t = ortaq::test_hooks::FromIds(from, to, Options{}, engine, &status);
  EXPECT_TRUE(t) << from << " → " << to << ": " << status.message();
  return t;
}

// A table given as text, for one engine.
std::shared_ptr<const Transliterator> LoadText(const std::string& table, Engine engine) {
  Status status;
  auto t = ortaq::test_hooks::FromText(table, "test.tbl", Options{}, engine, &status);
  EXPECT_TRUE(t) << status.message();
  return t;
}

std::string Convert(const Transliterator& t, const std::string& text, ConversionStats* stats = nullptr) {
  std::string out;
  const Status status = t.Transliterate(text, &out, nullptr, stats);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

std::string LineByLine(const Transliterator& t, const std::string& text) {
  std::string result, out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.size(), text.find('\n', at) == std::string::npos ? text.size() : text.find('\n', at) + 1);
    EXPECT_TRUE(t.Transliterate(std::string_view(text).substr(at, end - at), &out).ok());
    result += out;
    at = end;
  }
  return result;
}

std::string Streamed(const Transliterator& t, const std::string& text) {
  auto stream = t.NewStream();
  std::string result;
  for (std::size_t at = 0; at < text.size(); at += 4096)
    EXPECT_TRUE(stream->Write(std::string_view(text).substr(at, 4096), &result).ok());
  EXPECT_TRUE(stream->Finish(&result).ok());
  return result;
}

void ExpectSameStats(const ConversionStats& a, const ConversionStats& b, const std::string& what) {
  EXPECT_EQ(a.repaired_letters, b.repaired_letters) << what;
  EXPECT_EQ(a.protected_tokens, b.protected_tokens) << what;
  EXPECT_EQ(a.foreign_words, b.foreign_words) << what;
}

// The first line where two outputs differ, for the message.
std::string FirstDifference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  while (std::getline(sa, la) && std::getline(sb, lb))
    if (la != lb) return "\n  fast:      " + la + "\n  reference: " + lb;
  return " (lengths " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + ")";
}

class ReverseTables : public testing::TestWithParam<const char*> {};

TEST_P(ReverseTables, CacheGivesTheReferenceBytesOnTheCorpus) {
  const std::string latin = GetParam();
  auto forward = Load("kk-Cyrl", latin, Engine::kFast);
  auto fast = Load(latin, "kk-Cyrl", Engine::kFast);
  auto reference = Load(latin, "kk-Cyrl", Engine::kReference);
  // The other direction's table takes turns with this one on the same thread.
  auto other = Load(latin == "cta-2024" ? "kk-Latn-2021" : "cta-2024", "kk-Cyrl", Engine::kFast);
  ASSERT_TRUE(forward && fast && reference && other);
  for (const fs::path& file : CorpusFiles()) {
    const std::string text = Convert(*forward, ReadAll(file));
    ASSERT_FALSE(text.empty()) << file;
    const std::string what = latin + " → kk-Cyrl, " + file.filename().string();
    ConversionStats want_stats, cold_stats, warm_stats;
    const std::string want = Convert(*reference, text, &want_stats);
    const std::string cold = Convert(*fast, text, &cold_stats);
    EXPECT_TRUE(cold == want) << what << ", cold cache:" << FirstDifference(cold, want);
    ExpectSameStats(cold_stats, want_stats, what + ", cold cache");
    (void)Convert(*other, text);
    const std::string warm = Convert(*fast, text, &warm_stats);
    EXPECT_TRUE(warm == want) << what << ", warm cache:" << FirstDifference(warm, want);
    ExpectSameStats(warm_stats, want_stats, what + ", warm cache");
    const std::string lines = LineByLine(*fast, text);
    EXPECT_TRUE(lines == LineByLine(*reference, text)) << what << ", line by line";
    const std::string chunks = Streamed(*fast, text);
    EXPECT_TRUE(chunks == want) << what << ", 4 KiB chunks:" << FirstDifference(chunks, want);
  }
}

INSTANTIATE_TEST_SUITE_P(WordCache, ReverseTables,
                         testing::Values("kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017", "cta-2024"),
                         [](const testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// A rule whose context runs over the white space into the next word (`~z k q`): a word's output
// then depends on its neighbours, and the cache must not give the first one's output to the
// second. The foreign letter w turns the careful path (and with it the cache) on.
TEST(WordCache, RulesThatReadPastTheSpaceKeepWordsOutOfTheCache) {
  const std::string table =
      "@title reads past the space\n@from x-test\n@to y-test\n@foreign-letters w\n"
      "a > b\na > c / _ ~z k q\nk > k\n";
  auto fast = LoadText(table, Engine::kFast);
  auto reference = LoadText(table, Engine::kReference);
  ASSERT_TRUE(fast && reference);
  std::string text;
  for (int i = 0; i < 50; ++i) text += " ka kq\n ka kk\n";
  const std::string want = Convert(*reference, text);
  EXPECT_NE(want.find("kc"), std::string::npos);  // the rule applies somewhere...
  EXPECT_NE(want.find("kb"), std::string::npos);  // ...and not everywhere
  EXPECT_EQ(Convert(*fast, text), want);
  EXPECT_EQ(Convert(*fast, text), want);
}

// A lone capital takes its case from the words around it, so "I" is never cached, while "Ia"
// (two letters) is: both as the reference engine writes them, in any order.
TEST(WordCache, CaseFromNeighboursIsNeverCached) {
  auto fast = Load("kk-Latn-2021", "kk-Cyrl", Engine::kFast);
  auto reference = Load("kk-Latn-2021", "kk-Cyrl", Engine::kReference);
  ASSERT_TRUE(fast && reference);
  const std::string text = " BIR I BIR\n bır I bır\n Ia ia IA\n ŞAI Ş şai\n bır I bır\n BIR I BIR\n";
  const std::string want = Convert(*reference, text);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Convert(*fast, text), want);
  EXPECT_EQ(LineByLine(*fast, text), LineByLine(*reference, text));
}

}  // namespace

namespace {

// Apostrophes inside 2017 words are read with the word; a capital with an apostrophe but no
// letter next to it (O' alone, 'A) takes its case from the words around it and stays out of
// the cache, while O'zbek is cached. Every order, warm and cold, as the reference engine writes.
TEST(WordCache, ApostropheWordsTakeTheirOwnCaseOrNone) {
  auto fast = Load("kk-Latn-2017", "kk-Cyrl", Engine::kFast);
  auto reference = Load("kk-Latn-2017", "kk-Cyrl", Engine::kReference);
  ASSERT_TRUE(fast && reference);
  const std::string text =
      " O'ZBEK O' A' BIR\n o'zbek O' a' bir\n O'zbek A'bis'uly 'A A'B' a'B' aB' B'a\n"
      " S'ARA O'Z s'ara o'z S'ara O'z\n jyldyn' Qazaqstannyn', A'. O'!\n O'ZBEK O' A' BIR\n";
  const std::string want = Convert(*reference, text);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Convert(*fast, text), want);
  EXPECT_EQ(LineByLine(*fast, text), LineByLine(*reference, text));
}

// The same with a letter written as two: a capital alone (A, A', 'A, (A), A1) is BC or Bc after
// its neighbours, so caching it from its first place would show.
TEST(WordCache, CapitalAloneWithTwoLetterOutputFollowsItsNeighbours) {
  const std::string table = "@title two letters\n@from x-test\n@to y-test\n@foreign-letters w\na > bc\nä > de\nk > k\n";
  auto fast = LoadText(table, Engine::kFast);
  auto reference = LoadText(table, Engine::kReference);
  ASSERT_TRUE(fast && reference);
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += " KK A A' 'A A'K (A) A1 «A» A-k 1A Ä (Ä) Ä' KK\n Kk A A' 'A A'K (A) A1 «A» A-k 1A Ä (Ä) Ä' Kk\n";
  const std::string want = Convert(*reference, text);
  EXPECT_NE(want.find(" DE (DE) DE' KK"), std::string::npos) << want;
  EXPECT_NE(want.find(" De (De) De' Kk"), std::string::npos) << want;
  EXPECT_NE(want.find(" BC BC' 'BC BC'K (BC) BC1 «BC» BC-k 1BC"), std::string::npos) << want;
  EXPECT_NE(want.find(" Bc Bc' 'Bc Bc'K (Bc) Bc1 «Bc» Bc-k 1Bc"), std::string::npos) << want;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Convert(*fast, text), want);
}

// Words that touch the ends of a buffer or of a stream's chunks: converted the reference way
// whatever the chunk size, with the cache warm from whole-buffer runs first.
TEST(WordCache, WordsAtBufferAndChunkEdges) {
  auto fast = Load("kk-Latn-2018", "kk-Cyrl", Engine::kFast);
  auto reference = Load("kk-Latn-2018", "kk-Cyrl", Engine::kReference);
  ASSERT_TRUE(fast && reference);
  const std::string text =
      "sau bol, Qazaqstan! bala  bala\tbala\r\nbala,\" sau\n(bala) «bala» 2011-jyly -{bala}- {bala} bala";
  const std::string want = Convert(*reference, text);
  EXPECT_EQ(Convert(*fast, text), want);
  EXPECT_EQ(Convert(*fast, text), want);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    if (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) continue;  // inside « or »
    const std::string head = text.substr(0, cut), tail = text.substr(cut);
    EXPECT_EQ(Convert(*fast, head), Convert(*reference, head)) << cut;
    EXPECT_EQ(Convert(*fast, tail), Convert(*reference, tail)) << cut;
  }
  for (std::size_t chunk = 1; chunk <= 13; ++chunk) {
    auto stream = fast->NewStream();
    std::string out;
    for (std::size_t at = 0; at < text.size(); at += chunk)
      ASSERT_TRUE(stream->Write(std::string_view(text).substr(at, chunk), &out).ok());
    ASSERT_TRUE(stream->Finish(&out).ok());
    EXPECT_EQ(out, want) << "chunks of " << chunk;
  }
}

}  // namespace
