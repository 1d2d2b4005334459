// -{...}- spans of any length up to user_span::kMaxContentBytes (512 bytes of content) are copied
// without their markers, alike in plain text (the engine, whole or streamed) and in every markup
// format (which paints the spans itself); past the bound, "-{" is ordinary text everywhere.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "ortaq/markup.hpp"
#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

using ortaq::Format;
using ortaq::Options;
using ortaq::Status;
using ortaq::Transliterator;
using ortaq_test::Describe;

const Transliterator& Cta() {
  static const std::shared_ptr<const Transliterator> t = [] {
    Status status;
    auto loaded = Transliterator::FromIds("kk-Cyrl", "cta-2024", Options{}, &status);
    if (!loaded) ADD_FAILURE() << "cannot load kk-Cyrl--cta-2024: " << Describe(status);
    return loaded;
  }();
  if (!t) std::abort();
  return *t;
}

// Kazakh text of exactly `bytes` bytes (each "Қазақ " is 11 bytes; ASCII x pads the rest).
std::string KazakhOfBytes(std::size_t bytes) {
  std::string text;
  while (text.size() + 11 <= bytes) text += "Қазақ ";
  text.append(bytes - text.size(), 'x');
  return text;
}

std::string Plain(std::string_view input) {
  std::string out;
  const Status status = Cta().Transliterate(input, &out);
  EXPECT_TRUE(status.ok()) << Describe(status);
  return out;
}

std::string Markup(Format format, std::string_view input) {
  std::string out;
  const Status status = ortaq::TransliterateMarkup(Cta(), format, input, &out);
  EXPECT_TRUE(status.ok()) << Describe(status);
  return out;
}

// Through a Stream, `chunk` bytes at a time (Write and Finish append to the output).
std::string Streamed(std::string_view input, std::size_t chunk) {
  auto stream = Cta().NewStream();
  std::string out;
  for (std::size_t at = 0; at < input.size(); at += chunk) {
    const Status status = stream->Write(input.substr(at, chunk), &out);
    EXPECT_TRUE(status.ok()) << Describe(status);
  }
  EXPECT_TRUE(stream->Finish(&out).ok());
  return out;
}

// EXPECT_EQ for long texts: the sizes and the first byte that differs, not both texts.
void ExpectSame(const std::string& actual, const std::string& expected, const std::string& what) {
  if (actual == expected) return;
  std::size_t at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
  ADD_FAILURE() << what << ": " << actual.size() << " bytes where " << expected.size() << " were expected; they differ from byte "
                << at << " on: \"" << actual.substr(at, 40) << "\" for \"" << expected.substr(at, 40) << "\"";
}

TEST(LongUserSpans, A300ByteSpanIsCopiedInPlainTextHtmlAndMarkdown) {
  const std::string content = KazakhOfBytes(300);
  ASSERT_EQ(content.size(), 300u);
  ASSERT_NE(Plain(content), content);  // the content would change if it were converted
  const std::string text = "Қазақ -{" + content + "}- Қазақ";
  const std::string expected = "Qazaq " + content + " Qazaq";
  ExpectSame(Plain(text), expected, "plain text");
  ExpectSame(Markup(Format::kText, text), expected, "--format=text");
  ExpectSame(Markup(Format::kHtml, "<p>" + text + "</p>"), "<p>" + expected + "</p>", "--format=html");
  ExpectSame(Markup(Format::kMarkdown, "# " + text + "\n"), "# " + expected + "\n", "--format=markdown");
  for (std::size_t chunk : {1u, 7u, 64u, 4096u}) ExpectSame(Streamed(text, chunk), expected, "chunks of " + std::to_string(chunk));
}

TEST(LongUserSpans, TheBoundIsTheSameEverywhere) {
  // 512 bytes of content: a span. 513: "-{" and "}-" are ordinary text and the content converts.
  for (const std::size_t bytes : {511u, 512u, 513u, 700u}) {
    const std::string content = KazakhOfBytes(bytes);
    const std::string text = "-{" + content + "}- Қазақ";
    const std::string expected = bytes <= 512 ? content + " Qazaq" : "-{" + Plain(content) + "}- Qazaq";
    const std::string what = std::to_string(bytes) + " bytes";
    ExpectSame(Plain(text), expected, what + ", plain text");
    ExpectSame(Markup(Format::kText, text), expected, what + ", --format=text");
    ExpectSame(Markup(Format::kHtml, "<p>" + text + "</p>"), "<p>" + expected + "</p>", what + ", --format=html");
    ExpectSame(Markup(Format::kMarkdown, text + "\n"), expected + "\n", what + ", --format=markdown");
    for (std::size_t chunk : {3u, 100u, 1000u})
      ExpectSame(Streamed(text, chunk), expected, what + ", chunks of " + std::to_string(chunk));
  }
}

TEST(LongUserSpans, AnUnclosedOpeningDoesNotHideALaterSpan) {
  // The first "-{" has no "}-" within reach; the second one has.
  const std::string text = "-{ " + KazakhOfBytes(600) + " -{Қазақ}- Қазақ";
  const std::string expected = "-{ " + Plain(KazakhOfBytes(600)) + " Қазақ Qazaq";
  ExpectSame(Plain(text), expected, "plain text");
  ExpectSame(Markup(Format::kText, text), expected, "--format=text");
  ExpectSame(Markup(Format::kHtml, text), expected, "--format=html");
  ExpectSame(Streamed(text, 5), expected, "chunks of 5");
}

}  // namespace
