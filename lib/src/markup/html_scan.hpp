// The HTML tag scanner HTML, XML and Markdown's raw HTML share, and the HTML/XML segmenter.
#ifndef ORTAQ_MARKUP_HTML_SCAN_HPP_
#define ORTAQ_MARKUP_HTML_SCAN_HPP_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "markup/markup_text.hpp"

namespace ortaq::markup_detail {

// ---- HTML scanning ---------------------------------------------------------------------------

enum class Dialect {
  kHtml,      // HTML5 tokenizer rules, lenient, case-insensitive
  kXml,       // XML: case-sensitive, "?>" ends a processing instruction, no void elements
  kMarkdown,  // CommonMark raw HTML: a tag must be complete and well formed, or it is text
};

struct Attribute {
  std::string_view name;
  std::size_t value_begin = 0;  // the value without its quotes
  std::size_t value_end = 0;
  bool has_value = false;
};

enum class TokenKind {
  kNone,      // not markup: the '<' is text
  kOther,     // comment, CDATA section, processing instruction, declaration
  kStartTag,
  kEndTag,
};

struct Token {
  TokenKind kind = TokenKind::kNone;
  std::size_t end = 0;  // one past its last byte
  std::string_view name;
  bool self_closing = false;
  std::vector<Attribute> attributes;
};

Token Other(std::size_t end);

// Where `terminator` ends, searching [from, limit); `limit` when it never does: an unterminated
// comment or declaration runs to the end, as in a browser.
std::size_t EndAfter(std::string_view s, std::string_view terminator, std::size_t from, std::size_t limit);

// An XML doctype's end: the first '>' outside its internal subset [...].
std::size_t DoctypeEnd(std::string_view s, std::size_t from, std::size_t limit);

// "<!" comments, CDATA sections and declarations.
Token ScanBang(std::string_view s, std::size_t lt, std::size_t limit, Dialect dialect);

bool IsNameStart(char c, Dialect dialect);

// CommonMark's tag names, attribute names and unquoted values; HTML and XML take more.
bool IsMarkdownTagName(std::string_view name);
bool IsMarkdownAttributeName(std::string_view name);
bool IsMarkdownUnquotedValue(std::string_view value);

// A tag that runs into `limit`: HTML and XML copy the rest; in Markdown it is text.
Token Unterminated(Token token, std::size_t limit, Dialect dialect);

// A start or end tag whose name starts at `name_begin`, with its attributes.
Token ScanTag(std::string_view s, std::size_t name_begin, std::size_t limit, Dialect dialect, TokenKind kind);

// The markup construct that starts at s[lt] ('<') and ends by `limit`, or kNone.
Token ScanMarkup(std::string_view s, std::size_t lt, std::size_t limit, Dialect dialect);

bool SameName(std::string_view a, std::string_view b, bool ignore_case);

template <std::size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& names, bool ignore_case) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return SameName(name, n, ignore_case); });
}

std::optional<std::string_view> AttributeValue(std::string_view s, const Token& tag, std::string_view name,
                                               bool ignore_case);

std::string_view TrimSpace(std::string_view v);

bool HasClassToken(std::string_view classes, std::string_view token);

// HTML elements that have no end tag, so that they never open a protected region.
bool IsVoidElement(std::string_view name);

// HTML elements whose content the tokenizer reads as raw text up to their end tag.
bool IsRawTextElement(std::string_view name);

// Whether the element a start tag opens is protected with all its content and attributes: code
// (its text is meant to be typed, not read as prose), or marked not to be translated.
bool StartsProtectedElement(std::string_view s, const Token& tag, Dialect dialect);

// The start of the end tag "</name" (followed by space, '/' or '>') at or after `from`, or `limit`.
std::size_t FindEndTag(std::string_view s, std::string_view name, std::size_t from, std::size_t limit);

// Tracks the protected elements (see StartsProtectedElement) that are open. Once one is open,
// every element opened inside it is tracked too, so that an end tag finds its own start tag and
// an element left unclosed inside (a <p> or <li> without its end tag) is closed with its parent.
class ProtectedElements {
 public:
  explicit ProtectedElements(bool ignore_case) : ignore_case_(ignore_case) {}
  bool active() const { return !open_.empty(); }
  void Open(std::string_view name, bool protects) {
    if (protects || active()) open_.emplace_back(name);
  }
  void Close(std::string_view name) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (SameName(open_[i], name, ignore_case_)) {
        open_.resize(i);
        return;
      }
    }
  }

 private:
  bool ignore_case_;
  std::vector<std::string_view> open_;  // names, viewed in the input
};

// Paints the markup of an HTML or XML document as copied (segmenter below).
void SegmentHtml(std::string_view s, Dialect dialect, Paint* paint);

}  // namespace ortaq::markup_detail

#endif  // ORTAQ_MARKUP_HTML_SCAN_HPP_
