// ortaq markup — converting only the human-readable text of HTML, XML, Markdown and SRT files.
//
//   auto t = ortaq::Transliterator::FromIds("kk-Cyrl", "kk-Latn-2021", {}, nullptr);
//   ortaq::Format format;
//   if (!t || !ortaq::ParseFormat("html", &format)) return;  // no table, or an unknown name
//   std::string out;
//   ortaq::EditList edits;
//   ortaq::Status status =
//       ortaq::TransliterateMarkup(*t, format, "<p title=\"Қазақ\">Қазақ <code>Қ</code></p>", &out, &edits);
//   // out == "<p title=\"Qazaq\">Qazaq <code>Қ</code></p>"
//
// A segmenter splits the input into segments that cover it exactly, in order: text that people
// read is converted, everything else is copied byte for byte. Each converted segment is given to
// Transliterator::Transliterate on its own, so rule contexts never reach across markup: a word
// split by a tag, as in Қа<b>зақ</b>, is converted as two words ("Қа" and "зақ"). That is rare
// in practice and is the price of never letting a rule see or change markup.
//
// What each format converts (everything not listed is copied byte for byte):
//
// kText      all of it.
//
// kHtml      Text nodes, and the values of the attributes title, alt, placeholder and
//            aria-label (any element), and content on <meta name="description">.
//            Copied unchanged: tags and every other attribute (href, class, data-*, …, even
//            when they hold Cyrillic); character references (&amp; &#1178; &#x41A; &nbsp;, and
//            the forms browsers read without ';': &#1178 and the legacy names such as &nbsp) —
//            never decoded, so a letter written as a reference stays as written; comments;
//            CDATA sections; processing instructions and <!…> declarations (doctype); the
//            content of <script>, <style>, <xmp>, <iframe>, <noembed> and <noframes>; the
//            content and attributes of <code>, <kbd>, <samp> and <var> elements, and of any
//            element with translate="no" or class="notranslate", with everything nested in them.
//            <pre> text is converted (a <code> inside it is not); so are <title> and <textarea>.
//            An element that is never closed protects the rest of the document. A tag, comment
//            or quoted attribute value that is never closed is copied to the end.
// kXml       As kHtml with XML's rules: names are case-sensitive; only title, alt and placeholder
//            attributes are converted; <script> and <style> are ordinary elements whose content
//            is copied (as for <code>); a CDATA section is copied whole (its text is not
//            converted); a processing instruction ends at "?>"; the doctype may have an internal
//            subset [...]; a character reference needs its ';'; translate="no" may carry a
//            prefix (its:translate="no"). Every other text node is converted, which suits
//            documents (XHTML, DocBook, SVG, string resources), not data or configuration files.
// kMarkdown  Paragraphs, headings, list items, block quotes, table cells, emphasis, link text,
//            image alt text, link titles ("title" in [a](url "title") and in definitions) and
//            reference labels. Labels are converted in "[label]: url" definitions as in the
//            [text][label] and [label] references to them (code spans in them kept), so that
//            they still match. Copied unchanged: code spans (`…`, ``…``); fenced code blocks
//            (``` and ~~~, fences and info string included, also inside lists and block quotes);
//            indented code blocks; link and image destinations (the "(url)" part, and the url of
//            a "[label]: url" definition); autolinks <https://…> and <user@host>; bare URLs
//            starting http://, https://, ftp:// or www. (as GitHub links them); raw HTML tags,
//            whole, attributes included; HTML comments, processing instructions, declarations
//            and CDATA; the content of <script> and <style>, and of <code>, <kbd>, <samp>, <var>
//            and translate="no" elements; character references (&amp; &#1178;); list markers,
//            task-list boxes ([ ] and [x]) and block-quote markers ('>'). Text between raw HTML
//            tags is converted as Markdown text. A backslash escape keeps the character after
//            it from starting markup (\` starts no code span). Not recognised, so converted as
//            text: YAML front matter, math ($…$), attribute lists ({#id}).
// kSrt       Subtitle text lines only. Copied unchanged: sequence numbers (a line of digits
//            followed by a timing line), timing lines ("00:00:01,000 --> 00:00:02,000", with
//            any position settings after them), blank lines, and the tags inside subtitle text
//            (<i>, </i>, <font color="…">, and {\an8}-style override codes). Line ends (LF or
//            CRLF) are kept as they are; the lines of one cue are converted together.
//
// A byte-order mark passes through unchanged in every format.
//
// In every format, kText included, a span marked -{…}- is never converted: its content is
// copied as is and the markers "-{" and "}-" are removed (as in MediaWiki's -{…}- syntax), so
// "-{Қазақ}- Қазақ" becomes "Қазақ Qazaq". Markers are recognised only in text that would be
// converted (a "-{" inside a code span or an attribute that is copied is ordinary text); a span
// may enclose markup, which stays as it is. Spans do not nest: the first "}-" ends the span.
// At most 512 bytes may stand between the markers, as in plain text: a "-{" with no "}-" within
// that is ordinary text (converted as the rest), and is no error.
//
// Invalid UTF-8 in converted text follows the Transliterator's InvalidInputPolicy; its position
// is reported for the whole input. Bytes that are copied are copied as they are, valid or not.
//
// The whole input is needed at once (a comment or a code block may run to its end); besides the
// input and the output, conversion uses about one byte per input byte. There is no Stream form.
//
// Guarantees, as for the rest of the library: nothing here throws, prints or exits, and a
// Transliterator may be shared by threads that call these functions at the same time.
#ifndef ORTAQ_MARKUP_HPP_
#define ORTAQ_MARKUP_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ortaq/export.h"
#include "ortaq/ortaq.hpp"

namespace ortaq {

enum class Format { kText, kHtml, kXml, kMarkdown, kSrt };

// Reads a format name as `--format` takes it: "text", "html", "xml", "markdown" (or "md"),
// "srt". Returns false, leaving *format alone, for any other name.
[[nodiscard]] ORTAQ_API bool ParseFormat(std::string_view name, Format* format) noexcept;

// The name ParseFormat reads for `format` ("text", "html", "xml", "markdown", "srt").
[[nodiscard]] ORTAQ_API std::string_view FormatName(Format format) noexcept;

// What TransliterateMarkup does with a segment.
enum class SegmentKind : unsigned char {
  kConvert,  // text people read: converted
  kCopy,     // markup, code, or the content of a -{…}- span: copied byte for byte
  kMarker,   // a "-{" or "}-" marker: removed from the output
};

// The input bytes [begin, end).
struct MarkupSegment {
  std::size_t begin = 0;
  std::size_t end = 0;
  SegmentKind kind = SegmentKind::kCopy;
};

// Splits `input` into segments that cover it exactly, in order, none empty; adjacent segments
// differ in kind. This is what TransliterateMarkup converts; it is public so that callers can
// highlight or count the convertible text. Fails only with kInvalidArgument (a Format value
// outside the enum) or kInternal (out of memory).
[[nodiscard]] ORTAQ_API Status SegmentMarkup(Format format, std::string_view input, std::vector<MarkupSegment>* segments);

// Converts only the human-readable text of `input` with `t`; everything else is copied byte for
// byte and -{…}- markers are removed. Replaces *output. When `edits` is not null it is filled
// with spans that map input to output over the whole input: copied segments are unchanged
// spans, markers are changed spans with no output, and converted segments contribute the spans
// Transliterate gives them, moved to their place. When `stats` is not null, what the engine's
// rules did in the converted segments is added to it, as Transliterate does.
// On invalid UTF-8 in converted text (with the kError policy) returns kInvalidInput whose
// position() is the byte offset, line and column in the whole input; *output is unspecified.
[[nodiscard]] ORTAQ_API Status TransliterateMarkup(const Transliterator& t, Format format, std::string_view input, std::string* output,
                           EditList* edits = nullptr, ConversionStats* stats = nullptr);

}  // namespace ortaq

#endif  // ORTAQ_MARKUP_HPP_
