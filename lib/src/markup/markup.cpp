// Markup-aware conversion: the driver that converts only the human-readable text of HTML,
// XML, Markdown and SRT documents, the SRT segmenter and the -{…}- spans.
//
// Every segmenter paints a kind (convert, copy, marker) on each input byte (markup_text.hpp);
// the driver then converts each run of "convert" bytes on its own. Painting keeps the formats
// independent and turns nesting (a code span in a list item in a block quote) into a matter of
// painting order. Everything the segmenters look for is ASCII, so every boundary lies next to
// an ASCII byte and never splits a UTF-8 sequence. HTML and XML: html_scan; Markdown: markdown.
#include "ortaq/markup.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>

#include "markup/html_scan.hpp"
#include "markup/markdown.hpp"
#include "markup/markup_text.hpp"
#include "text/edit_list_writer.hpp"
#include "text/user_span.hpp"

namespace ortaq {
namespace {

using namespace markup_detail;

// ---- SRT -------------------------------------------------------------------------------------

// A timestamp "HH:MM:SS,mmm" (also with '.', or without hours or milliseconds) at p; its end or kNpos.
std::size_t TimestampEnd(std::string_view s, std::size_t p, std::size_t end) {
  int groups = 0;
  while (true) {
    const std::size_t digits = p;
    while (p < end && IsDigit(s[p])) ++p;
    if (p == digits) return kNpos;
    ++groups;
    if (p < end && s[p] == ':' && groups < 3) {
      ++p;
      continue;
    }
    break;
  }
  if (groups < 2) return kNpos;
  if (p < end && (s[p] == ',' || s[p] == '.') && p + 1 < end && IsDigit(s[p + 1])) {
    ++p;
    while (p < end && IsDigit(s[p])) ++p;
  }
  return p;
}

bool IsTimingLine(std::string_view s, const Line& line) {
  std::size_t p = line.begin;
  const std::size_t end = line.content_end;
  while (p < end && IsBlankChar(s[p])) ++p;
  p = TimestampEnd(s, p, end);
  if (p == kNpos) return false;
  while (p < end && IsBlankChar(s[p])) ++p;
  if (!s.substr(p, end - p).starts_with("-->")) return false;
  p += 3;
  while (p < end && IsBlankChar(s[p])) ++p;
  return TimestampEnd(s, p, end) != kNpos;
}

bool IsNumberLine(std::string_view s, const Line& line) {
  std::size_t p = line.begin;
  if (p == 0 && s.starts_with(kByteOrderMark)) p = kByteOrderMark.size();
  const std::string_view text = TrimSpace(s.substr(p, line.content_end - p));
  return !text.empty() && std::all_of(text.begin(), text.end(), IsDigit);
}

// Copies the formatting tags of a subtitle line: <i>, </font>, {\an8}, …
void CopySubtitleTags(std::string_view s, const Line& line, Paint* paint) {
  for (std::size_t p = line.begin; p < line.content_end; ++p) {
    const bool html = s[p] == '<' && p + 1 < line.content_end && (IsAlpha(s[p + 1]) || s[p + 1] == '/');
    const bool override_code = s[p] == '{' && p + 1 < line.content_end && s[p + 1] == '\\';
    if (!html && !override_code) continue;
    const std::size_t close = s.substr(0, line.content_end).find(html ? '>' : '}', p + 1);
    if (close == kNpos) continue;  // a lone '<' or '{' is text
    paint->Copy(p, close + 1);
    p = close;
  }
}

void SegmentSrt(std::string_view s, Paint* paint) {
  for (std::size_t pos = 0; pos < s.size();) {
    const Line line = LineAt(s, pos);
    const bool structure = IsBlank(s, line.begin, line.content_end) || IsTimingLine(s, line) ||
                           (IsNumberLine(s, line) && line.next < s.size() && IsTimingLine(s, LineAt(s, line.next)));
    if (structure) paint->Copy(line.begin, line.next);
    else CopySubtitleTags(s, line, paint);  // the line end stays with the text: a cue's lines convert together
    pos = line.next;
  }
}

// ---- -{…}- spans -----------------------------------------------------------------------------

// The spans' grammar is user_span's; here only markers whose two bytes are both still to be
// converted count (not those inside a tag, a code span or an SRT timing line).
void PaintUserSpans(std::string_view s, Paint* paint) {
  const auto counts = [paint](std::size_t at) { return paint->Converts(at) && paint->Converts(at + 1); };
  for (std::size_t open = s.find(user_span::kOpen); open != kNpos; open = s.find(user_span::kOpen, open + 1)) {
    if (!counts(open)) continue;
    const std::size_t close = user_span::FindClose(s, open, counts);
    if (close == user_span::kNotFound) continue;  // "-{" is ordinary text
    paint->Set(open, open + user_span::kOpen.size(), SegmentKind::kMarker);
    paint->Copy(open + user_span::kOpen.size(), close);
    paint->Set(close, close + user_span::kClose.size(), SegmentKind::kMarker);
    open = close + user_span::kClose.size() - 1;
  }
}

// ---- Driver ----------------------------------------------------------------------------------

std::vector<MarkupSegment> Segment(Format format, std::string_view input) {
  Paint paint(input.size(), SegmentKind::kConvert);
  switch (format) {
    case Format::kText:
      break;
    case Format::kHtml:
      SegmentHtml(input, Dialect::kHtml, &paint);
      break;
    case Format::kXml:
      SegmentHtml(input, Dialect::kXml, &paint);
      break;
    case Format::kMarkdown:
      SegmentMarkdown(input, &paint);
      break;
    case Format::kSrt:
      SegmentSrt(input, &paint);
      break;
  }
  PaintUserSpans(input, &paint);
  return paint.Segments();
}

bool IsKnownFormat(Format format) {
  return format == Format::kText || format == Format::kHtml || format == Format::kXml ||
         format == Format::kMarkdown || format == Format::kSrt;
}

// Rewrites the position of invalid UTF-8 found in the segment at `segment_begin` so that it
// counts from the start of the whole input.
Status InWholeInput(const Status& status, std::string_view input, std::size_t segment_begin) {
  if (status.code() != StatusCode::kInvalidInput) return status;
  InputPosition position;
  position.byte_offset = segment_begin + status.position().byte_offset;
  const std::size_t offset = static_cast<std::size_t>(std::min<std::uint64_t>(position.byte_offset, input.size()));
  const std::size_t line_start = offset == 0 ? 0 : input.rfind('\n', offset - 1) + 1;  // npos + 1 == 0
  position.line = 1 + static_cast<std::uint64_t>(std::count(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
  position.column = 1 + static_cast<std::uint64_t>(std::count_if(input.begin() + static_cast<std::ptrdiff_t>(line_start),
                                                                  input.begin() + static_cast<std::ptrdiff_t>(offset),
                                                                  [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  return Status::InvalidInput("invalid UTF-8 at line " + std::to_string(position.line) + ", column " +
                                  std::to_string(position.column) + " (byte offset " +
                                  std::to_string(position.byte_offset) + ")",
                              position);
}

}  // namespace

bool ParseFormat(std::string_view name, Format* format) noexcept {
  static constexpr std::array<std::pair<std::string_view, Format>, 6> kNames = {{{"text", Format::kText},
                                                                                 {"html", Format::kHtml},
                                                                                 {"xml", Format::kXml},
                                                                                 {"markdown", Format::kMarkdown},
                                                                                 {"md", Format::kMarkdown},
                                                                                 {"srt", Format::kSrt}}};
  for (const auto& [known, value] : kNames) {
    if (name == known) {
      if (format) *format = value;
      return true;
    }
  }
  return false;
}

std::string_view FormatName(Format format) noexcept {
  switch (format) {
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kXml: return "xml";
    case Format::kMarkdown: return "markdown";
    case Format::kSrt: return "srt";
  }
  return "";
}

Status SegmentMarkup(Format format, std::string_view input, std::vector<MarkupSegment>* segments) {
  if (!segments) return Status(StatusCode::kInvalidArgument, "segments must not be null");
  if (!IsKnownFormat(format)) return Status(StatusCode::kInvalidArgument, "unknown markup format");
  try {
    *segments = Segment(format, input);
    return Status();
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("internal error: ") + e.what());
  }
}

Status TransliterateMarkup(const Transliterator& t, Format format, std::string_view input, std::string* output,
                           EditList* edits, ConversionStats* stats) {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  if (!IsKnownFormat(format)) return Status(StatusCode::kInvalidArgument, "unknown markup format");
  try {
    const std::vector<MarkupSegment> segments = Segment(format, input);
    output->clear();
    output->reserve(input.size() + input.size() / 4);
    if (edits) edits->Clear();
    std::string converted;
    EditList segment_edits;
    for (const MarkupSegment& segment : segments) {
      const std::string_view text = input.substr(segment.begin, segment.end - segment.begin);
      const std::uint64_t output_begin = output->size();
      if (segment.kind == SegmentKind::kConvert) {
        const Status status = t.Transliterate(text, &converted, edits ? &segment_edits : nullptr, stats);
        if (!status.ok()) return InWholeInput(status, input, segment.begin);
        output->append(converted);
        if (edits) {
          for (EditSpan span : segment_edits.spans()) {
            span.source_begin += segment.begin;
            span.source_end += segment.begin;
            span.output_begin += output_begin;
            span.output_end += output_begin;
            EditListWriter::Append(edits, span);
          }
        }
      } else if (segment.kind == SegmentKind::kCopy) {
        output->append(text);
        if (edits) EditListWriter::Append(edits, EditSpan{segment.begin, segment.end, output_begin, output->size(), false});
      } else if (edits) {  // a marker: removed
        EditListWriter::Append(edits, EditSpan{segment.begin, segment.end, output_begin, output_begin, true});
      }
    }
    return Status();
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("internal error: ") + e.what());
  }
}

}  // namespace ortaq
