// Markup-aware conversion (ortaq/markup.hpp): what each format converts, byte-exact copies of
// everything else, -{…}- spans, edit spans and the position of invalid UTF-8.
//
// Two tables are used. The real kk-Cyrl → cta-2024 table shows what users see. A "swap case"
// table built here turns every ASCII letter into the other case: with it, Latin text that is
// converted changes visibly, so any tag, attribute name, URL or entity converted by mistake
// would show in the byte-exact comparisons.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ortaq/markup.hpp"
#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

using ortaq::EditList;
using ortaq::EditSpan;
using ortaq::Format;
using ortaq::MarkupSegment;
using ortaq::Options;
using ortaq::SegmentKind;
using ortaq::Status;
using ortaq::StatusCode;
using ortaq::Transliterator;
using ortaq_test::Describe;
using ortaq_test::SpansCover;
using ortaq_test::SpansEqual;

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

// a ↔ A, …, z ↔ Z; nothing else.
const Transliterator& SwapCase() {
  static const std::shared_ptr<const Transliterator> t = [] {
    std::string table = "@from src\n@to dst\n@case none\n";
    for (char c = 'a'; c <= 'z'; ++c) {
      const char upper = static_cast<char>(c - 'a' + 'A');
      table += std::string{c, ' ', '>', ' ', upper, '\n', upper, ' ', '>', ' ', c, '\n'};
    }
    Status status;
    auto built = Transliterator::FromText(table, "swapcase.tbl", Options{}, &status);
    if (!built) ADD_FAILURE() << "the swap-case table does not compile: " << Describe(status);
    return built;
  }();
  if (!t) std::abort();
  return *t;
}

std::string Plain(const Transliterator& t, std::string_view text) {
  std::string out;
  const Status status = t.Transliterate(text, &out);
  EXPECT_TRUE(status.ok()) << Describe(status);
  return out;
}

std::vector<MarkupSegment> Segments(Format format, std::string_view input) {
  std::vector<MarkupSegment> segments;
  const Status status = ortaq::SegmentMarkup(format, input, &segments);
  EXPECT_TRUE(status.ok()) << Describe(status);
  return segments;
}

// The texts of the segments of one kind, in order.
std::vector<std::string> TextsOf(Format format, std::string_view input, SegmentKind kind) {
  std::vector<std::string> texts;
  for (const MarkupSegment& s : Segments(format, input))
    if (s.kind == kind) texts.emplace_back(input.substr(s.begin, s.end - s.begin));
  return texts;
}

std::vector<std::string> Converted(Format format, std::string_view input) {
  return TextsOf(format, input, SegmentKind::kConvert);
}

// The segments cover the input exactly, in order, none empty, neighbours of different kinds.
::testing::AssertionResult SegmentsCover(const std::vector<MarkupSegment>& segments, std::size_t size) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const MarkupSegment& s = segments[i];
    if (s.begin != at || s.end <= s.begin)
      return ::testing::AssertionFailure() << "segment " << i << " [" << s.begin << "," << s.end << ") after " << at;
    if (i > 0 && segments[i - 1].kind == s.kind)
      return ::testing::AssertionFailure() << "segments " << i - 1 << " and " << i << " have the same kind";
    at = s.end;
  }
  if (at != size) return ::testing::AssertionFailure() << "the segments end at " << at << " of " << size;
  return ::testing::AssertionSuccess();
}

// Removing the converted text (and the -{…}- markers) from the input, and what it became from
// the output, leaves the same bytes; and each converted segment became exactly what
// Transliterate gives for it alone.
::testing::AssertionResult OnlyTextChanged(const Transliterator& t, Format format, std::string_view input,
                                           std::string_view output, const EditList& edits) {
  const std::vector<MarkupSegment> segments = Segments(format, input);
  if (auto covered = SegmentsCover(segments, input.size()); !covered) return covered;
  std::string input_rest, output_rest, rebuilt;
  for (const MarkupSegment& s : segments) {
    const std::string_view source = input.substr(s.begin, s.end - s.begin);
    const std::uint64_t out_begin = edits.SourceToOutput(s.begin);
    const std::uint64_t out_end = edits.SourceToOutput(s.end);
    const std::string_view became = output.substr(out_begin, out_end - out_begin);
    switch (s.kind) {
      case SegmentKind::kCopy:
        input_rest += source;
        output_rest += became;
        rebuilt += source;
        break;
      case SegmentKind::kConvert:
        if (became != Plain(t, source))
          return ::testing::AssertionFailure() << "the text \"" << source << "\" became \"" << became << "\"";
        rebuilt += became;
        break;
      case SegmentKind::kMarker:
        if (!became.empty()) return ::testing::AssertionFailure() << "the marker at " << s.begin << " was kept";
        break;
    }
  }
  if (input_rest != output_rest)
    return ::testing::AssertionFailure() << "outside the converted text, the input has\n"
                                         << input_rest << "\nbut the output has\n"
                                         << output_rest;
  if (rebuilt != output) return ::testing::AssertionFailure() << "the output is not the sum of its segments";
  return ::testing::AssertionSuccess();
}

// Converts with edits and checks the invariants every conversion must keep.
std::string Convert(const Transliterator& t, Format format, std::string_view input) {
  std::string output;
  EditList edits;
  const Status status = ortaq::TransliterateMarkup(t, format, input, &output, &edits);
  EXPECT_TRUE(status.ok()) << Describe(status);
  EXPECT_TRUE(SpansCover(edits, input, output));
  EXPECT_TRUE(OnlyTextChanged(t, format, input, output, edits));
  std::string without_edits;
  EXPECT_TRUE(ortaq::TransliterateMarkup(t, format, input, &without_edits).ok());
  EXPECT_EQ(without_edits, output);
  return output;
}

std::string Cyr(Format format, std::string_view input) { return Convert(Cta(), format, input); }
std::string Swap(Format format, std::string_view input) { return Convert(SwapCase(), format, input); }

// ---- API -------------------------------------------------------------------------------------

TEST(MarkupApi, ParsesFormatNames) {
  const std::vector<std::pair<std::string, Format>> names = {
      {"text", Format::kText}, {"html", Format::kHtml}, {"xml", Format::kXml},
      {"markdown", Format::kMarkdown}, {"md", Format::kMarkdown}, {"srt", Format::kSrt}};
  for (const auto& [name, expected] : names) {
    Format format = Format::kSrt == expected ? Format::kText : Format::kSrt;
    EXPECT_TRUE(ortaq::ParseFormat(name, &format)) << name;
    EXPECT_EQ(format, expected) << name;
    Format again = Format::kText;
    EXPECT_TRUE(ortaq::ParseFormat(ortaq::FormatName(expected), &again));
    EXPECT_EQ(again, expected);
  }
  for (const char* bad : {"", "HTML", "htm", "txt", "markdown ", "vtt"}) {
    Format format = Format::kXml;
    EXPECT_FALSE(ortaq::ParseFormat(bad, &format)) << bad;
    EXPECT_EQ(format, Format::kXml) << "an unknown name leaves the format alone";
  }
}

TEST(MarkupApi, RefusesMisuse) {
  EXPECT_EQ(ortaq::TransliterateMarkup(Cta(), Format::kHtml, "x", nullptr).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ortaq::SegmentMarkup(Format::kHtml, "x", nullptr).code(), StatusCode::kInvalidArgument);
  std::string out;
  EXPECT_EQ(ortaq::TransliterateMarkup(Cta(), static_cast<Format>(99), "x", &out).code(), StatusCode::kInvalidArgument);
}

TEST(MarkupApi, EmptyInput) {
  for (Format format : {Format::kText, Format::kHtml, Format::kXml, Format::kMarkdown, Format::kSrt}) {
    std::string out = "stale";
    EditList edits;
    EXPECT_TRUE(ortaq::TransliterateMarkup(Cta(), format, "", &out, &edits).ok());
    EXPECT_EQ(out, "");
    EXPECT_TRUE(edits.empty());
    EXPECT_TRUE(Segments(format, "").empty());
  }
}

// ---- Text and -{…}- spans --------------------------------------------------------------------

TEST(MarkupText, UserSpanIsCopiedAndItsMarkersRemoved) {
  EXPECT_EQ(Cyr(Format::kText, "-{Қазақ}- Қазақ"), "Қазақ Qazaq");
  std::string out;
  EditList edits;
  ASSERT_TRUE(ortaq::TransliterateMarkup(Cta(), Format::kText, "-{Қазақ}- Қазақ", &out, &edits).ok());
  ASSERT_GE(edits.spans().size(), 3u);
  const auto& s = edits.spans();
  // "-{" → nothing, "Қазақ" copied (10 bytes), "}-" → nothing.
  EXPECT_TRUE(s[0].changed && s[0].source_begin == 0 && s[0].source_end == 2 && s[0].output_end == 0);
  EXPECT_TRUE(!s[1].changed && s[1].source_begin == 2 && s[1].source_end == 12 && s[1].output_end == 10);
  EXPECT_TRUE(s[2].changed && s[2].source_begin == 12 && s[2].source_end == 14 && s[2].output_begin == 10 &&
              s[2].output_end == 10);
}

TEST(MarkupText, UnterminatedSpanIsOrdinaryText) {
  EXPECT_EQ(Cyr(Format::kText, "-{Қазақ"), "-{Qazaq");
  EXPECT_EQ(Cyr(Format::kText, "Қазақ }- -{ Қазақ"), "Qazaq }- -{ Qazaq");
  EXPECT_EQ(Cyr(Format::kText, "-{Қазақ}- -{Қазақ"), "Қазақ -{Qazaq");
}

TEST(MarkupText, SpansDoNotNestAndMayBeEmptyOrLong) {
  EXPECT_EQ(Cyr(Format::kText, "а-{}-б"), "ab");
  EXPECT_EQ(Cyr(Format::kText, "-{а -{б}- в}-"), "а -{б v}-");
  EXPECT_EQ(Cyr(Format::kText, "-{Қазақ\nтілі}-\nҚазақ"), "Қазақ\nтілі\nQazaq");
  EXPECT_EQ(Cyr(Format::kText, "-{-}- -{}}- -{{}-"), "- } {");
}

TEST(MarkupText, WithoutSpansIsExactlyTransliterate) {
  const std::string text = "\xEF\xBB\xBFШЫМКЕНТ, Шымкент.\r\nБіз ертең { - } барамыз.\n";
  std::string out;
  EditList edits, plain_edits;
  ASSERT_TRUE(ortaq::TransliterateMarkup(Cta(), Format::kText, text, &out, &edits).ok());
  std::string plain;
  ASSERT_TRUE(Cta().Transliterate(text, &plain, &plain_edits).ok());
  EXPECT_EQ(out, plain);
  EXPECT_TRUE(SpansEqual(plain_edits, edits));
}

// ---- HTML ------------------------------------------------------------------------------------

TEST(MarkupHtml, ConvertsTextNodesAndReadableAttributesOnly) {
  const std::string input =
      "<!DOCTYPE html>\n"
      "<html lang=\"kk\">\n"
      "<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"description\" content=\"Қазақ тілі\">\n"
      "<meta name=\"keywords\" content=\"Қазақ\">\n"
      "<title>Қазақ &amp; тіл</title>\n"
      "<style>p::before { content: \"Қазақ\"; }</style>\n"
      "<script>var s = \"Қазақ < тіл\"; // </b>\n</script>\n"
      "</head>\n"
      "<body>\n"
      "<!-- Қазақ түсініктеме -->\n"
      "<p title=\"Қазақстан\" class=\"Қазақ\" data-x=\"Қазақ\">Біз &#1178;азақ&nbsp;тілінде <b>сөйлейміз</b>.</p>\n"
      "<img src=\"Қазақ.png\" alt=\"Қазақ жері\">\n"
      "<input placeholder='Іздеу' value=\"Іздеу\">\n"
      "<a href=\"https://kk.wikipedia.org/wiki/Қазақстан\" aria-label=Қазақстан>Қазақстан</a>\n"
      "<pre>Шымкент <code>қала = 1</code></pre>\n"
      "</body>\n"
      "</html>\n";
  const std::string expected =
      "<!DOCTYPE html>\n"
      "<html lang=\"kk\">\n"
      "<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"description\" content=\"Qazaq tili\">\n"
      "<meta name=\"keywords\" content=\"Қазақ\">\n"
      "<title>Qazaq &amp; til</title>\n"
      "<style>p::before { content: \"Қазақ\"; }</style>\n"
      "<script>var s = \"Қазақ < тіл\"; // </b>\n</script>\n"
      "</head>\n"
      "<body>\n"
      "<!-- Қазақ түсініктеме -->\n"
      "<p title=\"Qazaqstan\" class=\"Қазақ\" data-x=\"Қазақ\">Biz &#1178;azaq&nbsp;tilinde <b>söyleymiz</b>.</p>\n"
      "<img src=\"Қазақ.png\" alt=\"Qazaq jeri\">\n"
      "<input placeholder='İzdeu' value=\"Іздеу\">\n"
      "<a href=\"https://kk.wikipedia.org/wiki/Қазақстан\" aria-label=Qazaqstan>Qazaqstan</a>\n"
      "<pre>Şımkent <code>қала = 1</code></pre>\n"
      "</body>\n"
      "</html>\n";
  EXPECT_EQ(Cyr(Format::kHtml, input), expected);
}

TEST(MarkupHtml, LeavesAllMarkupOfLatinTextUntouched) {
  const std::string input =
      "<!DOCTYPE html>\n"
      "<html lang=\"en\"><head><title>Page Title &amp; more</title>\n"
      "<meta name=\"Description\" content=\"About this page\"><meta name=\"keywords\" content=\"latin\">\n"
      "<script type=\"text/javascript\">if (a < b) { alert(\"Hello\"); }</SCRIPT >\n"
      "<style>p { color: red; }</style><?php echo 'x'; ?></head>\n"
      "<body class=\"main\"><!-- a comment --><![CDATA[ data ]]>\n"
      "<p id=\"intro\" TITLE=\"Intro text\" data-x=\"Data\">Hello &amp; welcome&nbsp;home &#x41A; &copy2024 &notit AT&T</p>\n"
      "<img src=\"logo.png\" alt=\"Logo\"><input type=text placeholder=\"Search &quot;here&quot;\" value=\"Value\">\n"
      "<a href=\"https://example.com/Path\" aria-label=\"Go home\">Home</a>\n"
      "<pre>Preformatted <code>x = y</code> text</pre>\n"
      "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see <samp>Output</samp> and <var>n</var>.</p>\n"
      "<div translate=\"no\" title=\"Kept\">Brand <p>Name<br>Line</div><span class=\"x notranslate\">Keep</span> After\n"
      "a < b <3 c</body></html>\n";
  const std::string expected =
      "<!DOCTYPE html>\n"
      "<html lang=\"en\"><head><title>pAGE tITLE &amp; MORE</title>\n"
      "<meta name=\"Description\" content=\"aBOUT THIS PAGE\"><meta name=\"keywords\" content=\"latin\">\n"
      "<script type=\"text/javascript\">if (a < b) { alert(\"Hello\"); }</SCRIPT >\n"
      "<style>p { color: red; }</style><?php echo 'x'; ?></head>\n"
      "<body class=\"main\"><!-- a comment --><![CDATA[ data ]]>\n"
      "<p id=\"intro\" TITLE=\"iNTRO TEXT\" data-x=\"Data\">hELLO &amp; WELCOME&nbsp;HOME &#x41A; &copy2024 &notIT at&t</p>\n"
      "<img src=\"logo.png\" alt=\"lOGO\"><input type=text placeholder=\"sEARCH &quot;HERE&quot;\" value=\"Value\">\n"
      "<a href=\"https://example.com/Path\" aria-label=\"gO HOME\">hOME</a>\n"
      "<pre>pREFORMATTED <code>x = y</code> TEXT</pre>\n"
      "<p>pRESS <kbd>Ctrl</kbd>+<kbd>C</kbd>, SEE <samp>Output</samp> AND <var>n</var>.</p>\n"
      "<div translate=\"no\" title=\"Kept\">Brand <p>Name<br>Line</div><span class=\"x notranslate\">Keep</span> aFTER\n"
      "A < B <3 C</body></html>\n";
  EXPECT_EQ(Swap(Format::kHtml, input), expected);
}

TEST(MarkupHtml, ReferencesAreSegmentsOfTheirOwn) {
  const std::string input = "<p title=\"a&amp;b\">Қ&amp;з&#1178;&#x41a;&nbsp;&nbsp x&T</p>";
  EXPECT_EQ(TextsOf(Format::kHtml, input, SegmentKind::kCopy),
            (std::vector<std::string>{"<p title=\"", "&amp;", "\">", "&amp;", "&#1178;&#x41a;&nbsp;&nbsp", "</p>"}));
  EXPECT_EQ(Converted(Format::kHtml, input), (std::vector<std::string>{"a", "b", "Қ", "з", " x&T"}));
}

TEST(MarkupHtml, ProtectedElementsNestAndClose) {
  // Elements inside a protected one are tracked, void elements and self-closing tags open
  // nothing, an end tag without a start tag is ignored, and an unclosed <li> closes with its list.
  EXPECT_EQ(Swap(Format::kHtml, "<code>a<br>b<img src=x>c<i/>d<code>e</code>f</code>g</kbd>h"),
            "<code>a<br>b<img src=x>c<i/>d<code>e</code>f</code>G</kbd>H");
  EXPECT_EQ(Swap(Format::kHtml, "<ul translate=no><li>a<li>b<ul><li>c</ul></ul>d"),
            "<ul translate=no><li>a<li>b<ul><li>c</ul></ul>D");
  EXPECT_EQ(Swap(Format::kHtml, "<VAR>x</var>y<Code title=t>z</CODE>w"), "<VAR>x</var>Y<Code title=t>z</CODE>W");
  // An element that is never closed protects the rest.
  EXPECT_EQ(Swap(Format::kHtml, "a<samp>b<p>c</p>d"), "A<samp>b<p>c</p>d");
}

TEST(MarkupHtml, UnterminatedMarkupIsCopiedToTheEnd) {
  EXPECT_EQ(Swap(Format::kHtml, "a<!-- b"), "A<!-- b");
  EXPECT_EQ(Swap(Format::kHtml, "a<p title=\"b"), "A<p title=\"b");
  EXPECT_EQ(Swap(Format::kHtml, "a<p b"), "A<p b");
  EXPECT_EQ(Swap(Format::kHtml, "a<script>b"), "A<script>b");
  EXPECT_EQ(Swap(Format::kHtml, "a<!x b"), "A<!x b");
  EXPECT_EQ(Swap(Format::kHtml, "a</>b</ x>c<!-->d<!--->e"), "A</>B</ x>C<!-->D<!--->E");
}

TEST(MarkupHtml, InvalidUtf8InTextReportsItsPlaceInTheWholeInput) {
  const std::string input = "<p>ok</p>\n<p title=\"x\">Қа\xFFзақ</p>";
  std::string out;
  const Status status = ortaq::TransliterateMarkup(Cta(), Format::kHtml, input, &out);
  ASSERT_EQ(status.code(), StatusCode::kInvalidInput) << Describe(status);
  EXPECT_EQ(status.position().byte_offset, input.find('\xFF'));
  EXPECT_EQ(status.position().line, 2u);
  EXPECT_EQ(status.position().column, 16u);  // <p title="x"> is 13 code points, then Қ, а
  EXPECT_NE(status.message().find("line 2, column 16 (byte offset 27)"), std::string::npos) << status.message();
}

TEST(MarkupHtml, InvalidUtf8InAttributeAndCopiedBytes) {
  std::string out;
  Status status = ortaq::TransliterateMarkup(Cta(), Format::kHtml, "<p>а</p><img alt=\"б\xC0\">", &out);
  ASSERT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(status.position().byte_offset, 21u);
  EXPECT_EQ(status.position().line, 1u);
  EXPECT_EQ(status.position().column, 20u);
  // Bytes that are copied are copied as they are, valid or not.
  status = ortaq::TransliterateMarkup(Cta(), Format::kHtml, "<!-- \xFF --><p class=\"\xFE\">а</p>", &out);
  ASSERT_TRUE(status.ok()) << Describe(status);
  EXPECT_EQ(out, "<!-- \xFF --><p class=\"\xFE\">a</p>");
}

TEST(MarkupHtml, ReplacePolicyAppliesToConvertedText) {
  Options options;
  options.invalid_input = ortaq::InvalidInputPolicy::kReplace;
  Status status;
  auto t = Transliterator::FromIds("kk-Cyrl", "cta-2024", options, &status);
  ASSERT_TRUE(t) << Describe(status);
  std::string out;
  EditList edits;
  const std::string input = "<b>а\xFF</b>";
  ASSERT_TRUE(ortaq::TransliterateMarkup(*t, Format::kHtml, input, &out, &edits).ok());
  EXPECT_EQ(out, "<b>a\xEF\xBF\xBD</b>");
  EXPECT_TRUE(SpansCover(edits, input, out));
}

TEST(MarkupHtml, UserSpansInTextAndAttributes) {
  EXPECT_EQ(Cyr(Format::kHtml, "<p title=\"-{Қазақ}- Қазақ\">-{Қа<b>зақ</b>}- Қазақ</p>"),
            "<p title=\"Қазақ Qazaq\">Қа<b>зақ</b> Qazaq</p>");
  // Markers inside copied markup are ordinary bytes.
  EXPECT_EQ(Cyr(Format::kHtml, "<!-- -{ --><p class=\"}-\">-{а</p>"), "<!-- -{ --><p class=\"}-\">-{a</p>");
}

// ---- XML -------------------------------------------------------------------------------------

TEST(MarkupXml, FollowsXmlRules) {
  const std::string input =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE doc [\n  <!ENTITY kz \"Kazakh > all\">\n]>\n"
      "<?pi some > thing ?>\n"
      "<doc xmlns:its=\"http://www.w3.org/2005/11/its\" Title=\"Upper\" title=\"Lower\">\n"
      "  <p alt='Alt' placeholder=\"Ph\" aria-label=\"Aria\">Text &kz; &#65; &amp <![CDATA[Data <b>]]></p>\n"
      "  <code>Code</code><script>Script</script><Script>Other</Script>\n"
      "  <name its:translate=\"no\">Name<b>Bold</b></name><br/>Tail\n"
      "  <empty/>Text<!-- Comment -->\n"
      "</doc>\n";
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE doc [\n  <!ENTITY kz \"Kazakh > all\">\n]>\n"
      "<?pi some > thing ?>\n"
      "<doc xmlns:its=\"http://www.w3.org/2005/11/its\" Title=\"Upper\" title=\"lOWER\">\n"
      "  <p alt='aLT' placeholder=\"pH\" aria-label=\"Aria\">tEXT &kz; &#65; &AMP <![CDATA[Data <b>]]></p>\n"
      "  <code>Code</code><script>Script</script><Script>oTHER</Script>\n"
      "  <name its:translate=\"no\">Name<b>Bold</b></name><br/>tAIL\n"
      "  <empty/>tEXT<!-- Comment -->\n"
      "</doc>\n";
  EXPECT_EQ(Swap(Format::kXml, input), expected);
}

TEST(MarkupXml, CyrillicDocument) {
  EXPECT_EQ(Cyr(Format::kXml, "<resources>\n  <string name=\"Қала\">Шымкент</string>\n  <Қала>Алматы</Қала>\n</resources>"),
            "<resources>\n  <string name=\"Қала\">Şımkent</string>\n  <Қала>Almatı</Қала>\n</resources>");
}

// ---- Markdown --------------------------------------------------------------------------------

TEST(MarkupMarkdown, ConvertsTextAndLeavesCodeAndTargets) {
  const std::string input =
      "# Қазақ тілі\n"
      "\n"
      "Біз `қазақ` тілінде **сөйлейміз**, ``код ` ішінде``.\n"
      "[Қазақ](https://kk.wikipedia.org/wiki/Қазақстан) және ![сурет](Қазақ.png \"Тақырып\").\n"
      "Сілтеме: <https://kk.wikipedia.org/wiki/Қазақ>, https://kk.wikipedia.org/wiki/Қала.\n"
      "\n"
      "```python\n"
      "print(\"Қазақ\")\n"
      "```\n"
      "\n"
      "~~~\n"
      "Қазақ ```\n"
      "~~~\n"
      "\n"
      "    Қазақ код\n"
      "\n"
      "- Бірінші _тізім_\n"
      "- [x] Екінші `код`\n"
      "  1. Үшінші\n"
      "\n"
      "> Дәйексөз <b>Қазақ</b> <!-- Қазақ\n"
      "> түсініктеме --> соңы\n";
  const std::string expected =
      "# Qazaq tili\n"
      "\n"
      "Biz `қазақ` tilinde **söyleymiz**, ``код ` ішінде``.\n"
      "[Qazaq](https://kk.wikipedia.org/wiki/Қазақстан) jäne ![suret](Қазақ.png \"Taqırıp\").\n"
      "Silteme: <https://kk.wikipedia.org/wiki/Қазақ>, https://kk.wikipedia.org/wiki/Қала.\n"
      "\n"
      "```python\n"
      "print(\"Қазақ\")\n"
      "```\n"
      "\n"
      "~~~\n"
      "Қазақ ```\n"
      "~~~\n"
      "\n"
      "    Қазақ код\n"
      "\n"
      "- Birinşi _tizim_\n"
      "- [x] Ekinşi `код`\n"
      "  1. Üşinşi\n"
      "\n"
      "> Däyeksöz <b>Qazaq</b> <!-- Қазақ\n"
      "> түсініктеме --> soñı\n";
  EXPECT_EQ(Cyr(Format::kMarkdown, input), expected);
}

TEST(MarkupMarkdown, LeavesAllSyntaxOfLatinTextUntouched) {
  const std::string input =
      "Title\n"
      "=====\n"
      "\n"
      "Some *emphasis*, a `Code Span`, \\`not code\\` and a [Link](http://Example.com/A_(b) 'Link Title').\n"
      "An ![Image](img/Logo.PNG), a [Ref][Label], <http://Auto.Link/X>, <Mail@Example.com>, www.Example.com/Page.\n"
      "Raw <span class=\"Red\">Inline</span> html, &amp; &#65; &copy (no ';' in Markdown).\n"
      "\n"
      "[Label]: https://Example.com/Ref \"Ref Title\"\n"
      "[Other]:\n"
      "  <https://Example.com/Other>\n"
      "  'Next Line Title'\n"
      "\n"
      "- Item [ ] One\n"
      "- [X] Done\n"
      "10) Ten\n"
      "\n"
      "        Indented Code\n"
      "\n"
      "<div Class=\"Box\">\n"
      "Inside <Code>Kept</Code> Div\n"
      "</div>\n"
      "\n"
      "<!--\n"
      "\n"
      "Comment\n"
      "-->\n"
      "<style>\n"
      "\n"
      "P { Color: Red }\n"
      "</style>\n"
      "Last <kbd>Ctrl</kbd> [^Note] line.\n"
      "\n"
      "[^Note]: Footnote Text\n";
  const std::string expected =
      "tITLE\n"
      "=====\n"
      "\n"
      "sOME *EMPHASIS*, A `Code Span`, \\`NOT CODE\\` AND A [lINK](http://Example.com/A_(b) 'lINK tITLE').\n"
      "aN ![iMAGE](img/Logo.PNG), A [rEF][lABEL], <http://Auto.Link/X>, <Mail@Example.com>, www.Example.com/Page.\n"
      "rAW <span class=\"Red\">iNLINE</span> HTML, &amp; &#65; &COPY (NO ';' IN mARKDOWN).\n"
      "\n"
      "[lABEL]: https://Example.com/Ref \"rEF tITLE\"\n"
      "[oTHER]:\n"
      "  <https://Example.com/Other>\n"
      "  'nEXT lINE tITLE'\n"
      "\n"
      "- iTEM [ ] oNE\n"
      "- [X] dONE\n"
      "10) tEN\n"
      "\n"
      "        Indented Code\n"
      "\n"
      "<div Class=\"Box\">\n"
      "iNSIDE <Code>Kept</Code> dIV\n"
      "</div>\n"
      "\n"
      "<!--\n"
      "\n"
      "Comment\n"
      "-->\n"
      "<style>\n"
      "\n"
      "P { Color: Red }\n"
      "</style>\n"
      "lAST <kbd>Ctrl</kbd> [^nOTE] LINE.\n"
      "\n"
      "[^nOTE]: fOOTNOTE tEXT\n";
  EXPECT_EQ(Swap(Format::kMarkdown, input), expected);
}

TEST(MarkupMarkdown, CodeBlocks) {
  // Indented lines continue a paragraph; after a blank line they are code, except in a list
  // item, whose content they continue.
  EXPECT_EQ(Swap(Format::kMarkdown, "Para\n    more\n\n    Code\n"), "pARA\n    MORE\n\n    Code\n");
  EXPECT_EQ(Swap(Format::kMarkdown, "- Item\n\n    More\n\n        Code\n"), "- iTEM\n\n    mORE\n\n        Code\n");
  EXPECT_EQ(Swap(Format::kMarkdown, "1. Step\n\n   ```sh\n   Make\n   ```\n2. Next\n"),
            "1. sTEP\n\n   ```sh\n   Make\n   ```\n2. nEXT\n");
  // A fence may interrupt a paragraph; a closing fence is at least as long as the opening one.
  EXPECT_EQ(Swap(Format::kMarkdown, "Text\n````\nA\n```\nB\n````\nText\n"), "tEXT\n````\nA\n```\nB\n````\ntEXT\n");
  // An unclosed fence runs to the end.
  EXPECT_EQ(Swap(Format::kMarkdown, "Text\n~~~\nA\n\nB\n"), "tEXT\n~~~\nA\n\nB\n");
  // "```a```" opens no fence: it is a code span.
  EXPECT_EQ(Swap(Format::kMarkdown, "```Span``` Text\n"), "```Span``` tEXT\n");
  // Inside a block quote.
  EXPECT_EQ(Swap(Format::kMarkdown, "> Q\n> ```\n> Code\n> ```\n> Q\n"), "> q\n> ```\n> Code\n> ```\n> q\n");
  // CRLF line ends, and a byte-order mark before a fence.
  EXPECT_EQ(Swap(Format::kMarkdown, "A\r\n```\r\nB\r\n```\r\nC\r\n"), "a\r\n```\r\nB\r\n```\r\nc\r\n");
  EXPECT_EQ(Swap(Format::kMarkdown, "\xEF\xBB\xBF```\nB\n```\nC\n"), "\xEF\xBB\xBF```\nB\n```\nc\n");
}

TEST(MarkupMarkdown, CodeSpans) {
  EXPECT_EQ(Swap(Format::kMarkdown, "a `b` c ``d`e`` f ` g"), "A `b` C ``d`e`` F ` G");
  EXPECT_EQ(Swap(Format::kMarkdown, "a `b\nc` d"), "A `b\nc` D");
  // A code span does not reach across a blank line.
  EXPECT_EQ(Swap(Format::kMarkdown, "a `b\n\nc` d"), "A `B\n\nC` D");
  // Runs with no closing run of their length are text.
  EXPECT_EQ(Swap(Format::kMarkdown, "a `` b ` c ``` d"), "A `` B ` C ``` D");
}

TEST(MarkupMarkdown, LinksAndImages) {
  EXPECT_EQ(Cyr(Format::kMarkdown, "[Қазақ](https://kk.wikipedia.org/wiki/Қазақстан)"),
            "[Qazaq](https://kk.wikipedia.org/wiki/Қазақстан)");
  EXPECT_EQ(Cyr(Format::kMarkdown, "![Қазақ жері](Қазақ.png)"), "![Qazaq jeri](Қазақ.png)");
  EXPECT_EQ(Cyr(Format::kMarkdown, "[Қала](<Қала мен дала.md> (Тақырып))"), "[Qala](<Қала мен дала.md> (Taqırıp))");
  EXPECT_EQ(Cyr(Format::kMarkdown, "Бет: https://kk.wikipedia.org/wiki/Қала»."), "Bet: https://kk.wikipedia.org/wiki/Қала».");
  // Reference labels are converted in definitions as in the references, code spans kept, so
  // that they still match; a title's character references are kept.
  EXPECT_EQ(Swap(Format::kMarkdown,
                 "See [`Box::New`] and [Ref Label].\n\n[`Box::New`]: https://X.org/Box\n[Ref Label]: /R 'T &amp; X'\n"),
            "sEE [`Box::New`] AND [rEF lABEL].\n\n[`Box::New`]: https://X.org/Box\n[rEF lABEL]: /R 't &amp; x'\n");
  // Not links: no '[' before the "](", or no closing ')'.
  EXPECT_EQ(Swap(Format::kMarkdown, "a](b) [c](d e"), "A](B) [C](D E");
  // A nested link text, a link in brackets.
  EXPECT_EQ(Swap(Format::kMarkdown, "[a [b] c](D) [[e](F)]"), "[A [B] C](D) [[E](F)]");
}

TEST(MarkupMarkdown, RawHtml) {
  // Tags are copied whole; text between them is Markdown text.
  EXPECT_EQ(Swap(Format::kMarkdown, "a <img src=\"X\" alt=\"Y\"> b <a href='Z'>c `D`</a>"),
            "A <img src=\"X\" alt=\"Y\"> B <a href='Z'>C `D`</a>");
  // Not tags in CommonMark: these stay text.
  EXPECT_EQ(Swap(Format::kMarkdown, "a <b c, d> e <f g=\"h> i"), "A <B C, D> E <F G=\"H> I");
  EXPECT_EQ(Swap(Format::kMarkdown, "x < y and z > w"), "X < Y AND Z > W");
  // A script block keeps its blank lines and its content.
  EXPECT_EQ(Swap(Format::kMarkdown, "<script>\nA\n\nB\n</script>\nC\n"), "<script>\nA\n\nB\n</script>\nc\n");
}

TEST(MarkupMarkdown, UserSpans) {
  EXPECT_EQ(Cyr(Format::kMarkdown, "-{Қазақ}- Қазақ `-{код}-`"), "Қазақ Qazaq `-{код}-`");
}

// ---- SRT -------------------------------------------------------------------------------------

TEST(MarkupSrt, ConvertsSubtitleTextOnly) {
  const std::string input =
      "\xEF\xBB\xBF" "1\r\n"
      "00:00:01,000 --> 00:00:02,500\r\n"
      "<i>Қазақ</i> тілі\r\n"
      "Шымкент {\\an8}қаласы\r\n"
      "\r\n"
      "2\r\n"
      "00:00:03,000 --> 00:00:04,000 X1:10 X2:20\r\n"
      "2024\r\n"
      "\r\n"
      "3\r\n"
      "00:00:05.000 --> 00:00:06.000\r\n"
      "-{Қазақ}- <font color=\"#fff\">Қазақ</font>\r\n";
  const std::string expected =
      "\xEF\xBB\xBF" "1\r\n"
      "00:00:01,000 --> 00:00:02,500\r\n"
      "<i>Qazaq</i> tili\r\n"
      "Şımkent {\\an8}qalası\r\n"
      "\r\n"
      "2\r\n"
      "00:00:03,000 --> 00:00:04,000 X1:10 X2:20\r\n"
      "2024\r\n"
      "\r\n"
      "3\r\n"
      "00:00:05.000 --> 00:00:06.000\r\n"
      "Қазақ <font color=\"#fff\">Qazaq</font>\r\n";
  EXPECT_EQ(Cyr(Format::kSrt, input), expected);
  // Numbers, timing lines and blank lines are copied; "2024" is subtitle text (no timing after it).
  EXPECT_EQ(Converted(Format::kSrt, input),
            (std::vector<std::string>{"Қазақ", " тілі\r\nШымкент ", "қаласы\r\n", "2024\r\n", " ", "Қазақ", "\r\n"}));
}

TEST(MarkupSrt, LatinSubtitlesKeepTheirStructure) {
  EXPECT_EQ(Swap(Format::kSrt, "1\n00:00:01,000 --> 00:00:02,000\nHello <b>World</b>\n{\\pos(1,2)}Line\n\n"),
            "1\n00:00:01,000 --> 00:00:02,000\nhELLO <b>wORLD</b>\n{\\pos(1,2)}lINE\n\n");
}

// ---- Every format ----------------------------------------------------------------------------

// Random documents made of each format's syntax: the segments always cover the input, the
// edit spans cover input and output, and nothing outside the converted text changes.
TEST(MarkupAllFormats, RandomDocumentsKeepTheInvariants) {
  const std::vector<std::string> pieces = {
      "Қазақ", "Abc", " ", "\n", "\r\n", "\n\n", "<", ">", "</", "<p>", "<p title=\"T\">", "</p>", "<code>", "</code>",
      "<br>", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE x>", "<script>", "</script>", "&amp;", "&#65;",
      "&", ";", "\"", "'", "=", "`", "``", "```", "~~~", "    ", "- ", "1. ", "> ", "# ", "[", "]", "(", ")",
      "](", "[x]: ", "http://a.b/Ц", "www.x", "<a@b>", "\\", "-{", "}-", "{\\an8}", "1\n", "00:00:01,000 --> 00:00:02,000",
      "translate=no ", "\xEF\xBB\xBF", "*", "_", "|"};
  std::mt19937 random(20240607);
  for (Format format : {Format::kText, Format::kHtml, Format::kXml, Format::kMarkdown, Format::kSrt}) {
    for (int doc = 0; doc < 400; ++doc) {
      std::string input;
      const int count = static_cast<int>(random() % 40);
      for (int i = 0; i < count; ++i) input += pieces[random() % pieces.size()];
      SCOPED_TRACE(std::string(ortaq::FormatName(format)) + " document: " + input);
      EXPECT_TRUE(SegmentsCover(Segments(format, input), input.size()));
      Swap(format, input);
      Cyr(format, input);
    }
  }
}

TEST(MarkupAllFormats, LongInputsStayFast) {
  // Inputs that would make a naive scanner quadratic: many '<' without '>', many '[', many
  // "-{" without "}-". A quarter megabyte each: quadratic work would take minutes, and the
  // test's timeout would catch it.
  for (const std::string& unit : {std::string("a <b "), std::string("[Қ] "), std::string("-{ "), std::string("<p x=")}) {
    std::string input;
    while (input.size() < (1u << 18)) input += unit;
    for (Format format : {Format::kText, Format::kHtml, Format::kXml, Format::kMarkdown, Format::kSrt}) {
      std::string out;
      EXPECT_TRUE(ortaq::TransliterateMarkup(Cta(), format, input, &out).ok());
    }
  }
}

}  // namespace
