// What every markup segmenter uses: ASCII helpers, lines, the painter that marks each input
// byte as converted, copied or a marker, and HTML character references.
#ifndef ORTAQ_MARKUP_MARKUP_TEXT_HPP_
#define ORTAQ_MARKUP_MARKUP_TEXT_HPP_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "ortaq/markup.hpp"

namespace ortaq::markup_detail {

inline constexpr std::size_t kNpos = std::string_view::npos;
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// ---- ASCII helpers ---------------------------------------------------------------------------

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool IsBlankChar(char c) { return c == ' ' || c == '\t'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsAsciiPunct(char c);
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

bool StartsWithIgnoreCase(std::string_view s, std::size_t pos, std::string_view prefix);

// The first `needle` (ASCII, matched ignoring case) that lies wholly in [from, limit), or kNpos.
std::size_t FindIgnoreCase(std::string_view s, std::string_view needle, std::size_t from, std::size_t limit);

// Only spaces, tabs and line-end bytes in [begin, end).
bool IsBlank(std::string_view s, std::size_t begin, std::size_t end);

// One line: [begin, content_end) is its text, [content_end, next) its "\n" or "\r\n" (if any).
struct Line {
  std::size_t begin = 0;
  std::size_t content_end = 0;
  std::size_t next = 0;
};

Line LineAt(std::string_view s, std::size_t begin);

// ---- Painting --------------------------------------------------------------------------------

class Paint {
 public:
  Paint(std::size_t size, SegmentKind initial) : kinds_(size, initial) {}

  void Set(std::size_t begin, std::size_t end, SegmentKind kind) {
    end = std::min(end, kinds_.size());
    if (begin < end) std::fill(kinds_.begin() + static_cast<std::ptrdiff_t>(begin), kinds_.begin() + static_cast<std::ptrdiff_t>(end), kind);
  }
  void Copy(std::size_t begin, std::size_t end) { Set(begin, end, SegmentKind::kCopy); }
  void Convert(std::size_t begin, std::size_t end) { Set(begin, end, SegmentKind::kConvert); }
  bool Converts(std::size_t i) const { return i < kinds_.size() && kinds_[i] == SegmentKind::kConvert; }

  // The runs of equal kinds, in order.
  std::vector<MarkupSegment> Segments() const {
    std::vector<MarkupSegment> segments;
    for (std::size_t i = 0; i < kinds_.size();) {
      std::size_t j = i + 1;
      while (j < kinds_.size() && kinds_[j] == kinds_[i]) ++j;
      segments.push_back(MarkupSegment{i, j, kinds_[i]});
      i = j;
    }
    return segments;
  }

 private:
  std::vector<SegmentKind> kinds_;
};

// ---- Character references --------------------------------------------------------------------

// The references HTML reads without their ';' (WHATWG "named character references" that have a
// legacy form). Sorted, for binary search.
inline constexpr std::array<std::string_view, 106> kLegacyReferences = {
    "AElig",  "AMP",    "Aacute", "Acirc",  "Agrave", "Aring",  "Atilde", "Auml",   "COPY",   "Ccedil", "ETH",
    "Eacute", "Ecirc",  "Egrave", "Euml",   "GT",     "Iacute", "Icirc",  "Igrave", "Iuml",   "LT",     "Ntilde",
    "Oacute", "Ocirc",  "Ograve", "Oslash", "Otilde", "Ouml",   "QUOT",   "REG",    "THORN",  "Uacute", "Ucirc",
    "Ugrave", "Uuml",   "Yacute", "aacute", "acirc",  "acute",  "aelig",  "agrave", "amp",    "aring",  "atilde",
    "auml",   "brvbar", "ccedil", "cedil",  "cent",   "copy",   "curren", "deg",    "divide", "eacute", "ecirc",
    "egrave", "eth",    "euml",   "frac12", "frac14", "frac34", "gt",     "iacute", "icirc",  "iexcl",  "igrave",
    "iquest", "iuml",   "laquo",  "lt",     "macr",   "micro",  "middot", "nbsp",   "not",    "ntilde", "oacute",
    "ocirc",  "ograve", "ordf",   "ordm",   "oslash", "otilde", "ouml",   "para",   "plusmn", "pound",  "quot",
    "raquo",  "reg",    "sect",   "shy",    "sup1",   "sup2",   "sup3",   "szlig",  "thorn",  "times",  "uacute",
    "ucirc",  "ugrave", "uml",    "uuml",   "yacute", "yen",    "yuml"};
static_assert(std::is_sorted(kLegacyReferences.begin(), kLegacyReferences.end()));

enum class ReferenceRules {
  kHtml,    // as browsers read text: numeric references and the legacy names need no ';'
  kStrict,  // XML and CommonMark: the ';' is required
};

// The length of the character reference that starts at s[pos] ('&') and ends by `limit`, or 0.
std::size_t ReferenceLength(std::string_view s, std::size_t pos, std::size_t limit, ReferenceRules rules);

// Paints every character reference in [begin, end) as copied: references are never decoded.
void CopyReferences(std::string_view s, std::size_t begin, std::size_t end, ReferenceRules rules, Paint* paint);

}  // namespace ortaq::markup_detail

#endif  // ORTAQ_MARKUP_MARKUP_TEXT_HPP_
