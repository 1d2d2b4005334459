// ortaq::TypingSession from C++: the cases the corpus seldom has (text without white space,
// `-{` spans, URLs, chains over long words), each checked keystroke by keystroke against a
// whole conversion. The corpus itself is typed by capi_typing_test.c.
#include <gtest/gtest.h>

#include <string>

#include "ortaq/typing.hpp"

namespace {

std::shared_ptr<const ortaq::Transliterator> Open(const char* from, const char* to) {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds(from, to, {}, &status);
  EXPECT_TRUE(t) << status.message();
  return t;
}

std::string Convert(const ortaq::Transliterator& t, std::string_view text) {
  std::string out;
  EXPECT_TRUE(t.Transliterate(text, &out).ok());
  return out;
}

// Types `text` a character at a time; after each, committed + pending is the conversion of
// what was typed, committed only grows and stays a prefix of the whole text's conversion, and
// no more than `max_pending` bytes of input are pending. Returns the largest pending input.
std::size_t TypeAndCheck(const std::shared_ptr<const ortaq::Transliterator>& t, const std::string& text,
                         std::size_t max_pending) {
  ortaq::TypingSession session(t);
  const std::string whole = Convert(*t, text);
  std::string committed;
  std::size_t largest = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t n = 1;
    while (pos + n < text.size() && (static_cast<unsigned char>(text[pos + n]) & 0xC0) == 0x80) ++n;
    EXPECT_TRUE(session.Append(std::string_view(text).substr(pos, n)).ok());
    pos += n;
    const std::string typed = text.substr(0, pos);
    EXPECT_EQ(std::string(session.committed()) + std::string(session.pending()), Convert(*t, typed)) << typed;
    EXPECT_EQ(session.committed().substr(0, committed.size()), committed) << typed;
    EXPECT_EQ(whole.substr(0, session.committed().size()), session.committed()) << typed;
    committed = session.committed();
    const std::size_t pending = session.input_size() - session.committed_input_size();
    largest = std::max(largest, pending);
    EXPECT_LE(pending, max_pending) << typed;
    if (::testing::Test::HasFailure()) return largest;
  }
  EXPECT_TRUE(session.Flush().ok());
  EXPECT_EQ(session.committed(), whole);
  EXPECT_EQ(session.pending(), "");
  return largest;
}

TEST(TypingSession, HeaderExample) {
  auto t = Open("kk-Cyrl", "cta-2024");
  ortaq::TypingSession session(t);
  ASSERT_TRUE(session.Append("Сәлем ").ok());
  EXPECT_EQ(session.committed(), "Sälem ");
  EXPECT_EQ(session.pending(), "");
  ASSERT_TRUE(session.Append("ал").ok());
  EXPECT_EQ(session.committed(), "Sälem ");
  EXPECT_EQ(session.pending(), "al");
  ASSERT_TRUE(session.Backspace().ok());
  EXPECT_EQ(session.pending(), "a");
  ASSERT_TRUE(session.Flush().ok());
  EXPECT_EQ(session.committed(), "Sälem a");
  EXPECT_EQ(session.pending(), "");
  session.Reset();
  EXPECT_EQ(session.committed(), "");
}

TEST(TypingSession, TextWithoutWhiteSpaceStaysBounded) {
  // 3,000 letters in one token: committed by the engine's look-ahead, at most 1 KiB behind.
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "шақ";
  const std::size_t largest = TypeAndCheck(Open("kk-Cyrl", "cta-2024"), text, 1024 + 16);
  EXPECT_GT(largest, 1000u);  // it did wait for the look-ahead
}

TEST(TypingSession, ChainWithoutWhiteSpaceStaysBounded) {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "жүз";
  TypeAndCheck(Open("kk-Cyrl", "tr-Latn"), text, 4096 + 16);
}

TEST(TypingSession, LongTextReadsItsHistory) {
  // Longer than the history a session re-reads (512 bytes, 1.5 KiB for a chain), so that the
  // re-conversion starts inside the text: capitals, one-letter words and tokens throughout.
  std::string text;
  for (int i = 0; i < 12; ++i)
    text += "Я КЕЛДІМ, ал Ю ЖОҚ. Біз кеше Алматыдан Астанаға ұшақпен келдік; сайт https://example.kz/жаңа, "
            "XIX ғасыр -{Қазақ}- сөз ШЫМКЕНТ Шымкент щи Өскемен ЮНЕСКО ";
  TypeAndCheck(Open("kk-Cyrl", "cta-2024"), text, 64);
  TypeAndCheck(Open("kk-Cyrl", "tr-Latn"), text, 64);
  TypeAndCheck(Open("kk-Cyrl", "kk-Latn-2018"), text, 64);
}

TEST(TypingSession, OpenSpanWaitsForItsEnd) {
  auto t = Open("kk-Cyrl", "cta-2024");
  TypeAndCheck(t, "бір -{Қазақ сөз}- екі үш", 64);
  ortaq::TypingSession session(t);
  ASSERT_TRUE(session.Append("бір -{Қазақ сөз ").ok());
  EXPECT_EQ(session.committed(), "bir ");  // the span may still close
  ASSERT_TRUE(session.Append("}- ").ok());
  EXPECT_EQ(session.committed(), "bir Қазақ сөз  ");  // the span's own space, then the one after it
}

TEST(TypingSession, TokensAndCapitals) {
  auto t = Open("kk-Cyrl", "cta-2024");
  TypeAndCheck(t, "Сайт https://example.kz/шаш және XIX ғасыр, Я КЕЛДІМ. Я келдім, А Ә Б.", 64);
  TypeAndCheck(Open("kk-Cyrl", "tr-Latn"), "Я КЕЛДІМ, Ш ШЫМКЕНТ; Ю юрта.", 64);
}

TEST(TypingSession, BackspaceRetractsCommittedOutput) {
  auto t = Open("kk-Cyrl", "cta-2024");
  ortaq::TypingSession session(t);
  ASSERT_TRUE(session.Append("шаш шаш ").ok());
  EXPECT_EQ(session.committed(), "şaş şaş ");
  std::size_t deleted = 0;
  ASSERT_TRUE(session.Backspace(2, &deleted).ok());
  EXPECT_EQ(deleted, 2u);
  EXPECT_EQ(session.retracted(), 6u);  // the second word's "şaş " (6 bytes) was committed with its space
  EXPECT_EQ(session.committed(), "şaş ");
  EXPECT_EQ(session.pending(), "şa");
  ASSERT_TRUE(session.Backspace(100, &deleted).ok());
  EXPECT_EQ(deleted, 6u);
  EXPECT_EQ(session.committed(), "");
  EXPECT_EQ(session.pending(), "");
}

TEST(TypingSession, RuleReadingTheNextWordKeepsItPending) {
  // `а` before one character and б (a space, then a word starting with б): the next word decides, so no word start is committed.
  const char* table = "@title t\n@from xx\n@to yy\nа > a\nа > X / _ ~а б\nб > b\n";
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromText(table, "<text>", {}, &status);
  ASSERT_TRUE(t) << status.message();
  TypeAndCheck(t, "а а б а ба аб а", 64);
  ortaq::TypingSession session(t);
  ASSERT_TRUE(session.Append("а а ").ok());
  EXPECT_EQ(session.committed(), "");
  ASSERT_TRUE(session.Append("б").ok());
  EXPECT_EQ(session.pending(), "a X b");
}

TEST(TypingSession, NoTransliterator) {
  ortaq::TypingSession session(nullptr);
  EXPECT_EQ(session.Append("a").code(), ortaq::StatusCode::kInvalidArgument);
  EXPECT_EQ(session.Backspace().code(), ortaq::StatusCode::kInvalidArgument);
  EXPECT_EQ(session.Flush().code(), ortaq::StatusCode::kInvalidArgument);
  EXPECT_EQ(session.committed(), "");
}

}  // namespace
