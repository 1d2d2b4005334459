// Markup-aware conversion: the segmenters that find the human-readable text of HTML, XML,
// Markdown and SRT documents, and the driver that converts only that text.
//
// Every segmenter paints a kind (convert, copy, marker) on each input byte; the driver then
// converts each run of "convert" bytes on its own. Painting keeps the formats independent and
// turns nesting (a code span in a list item in a block quote) into a matter of painting order.
// Everything the segmenters look for is ASCII, so every boundary lies next to an ASCII byte and
// never splits a UTF-8 sequence.
//
// The file is long because the segmenters share the HTML tag scanner and the painter, and the
// project keeps private declarations out of the public headers; its sections follow one another
// in the order they are used: helpers, painting, HTML scanning, HTML/XML, Markdown, SRT, the
// -{…}- spans, and the public functions.
#include "ortaq/markup.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <optional>

#include "text/edit_list_writer.hpp"
#include "text/user_span.hpp"

namespace ortaq {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// ---- ASCII helpers ---------------------------------------------------------------------------

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsBlankChar(char c) { return c == ' ' || c == '\t'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return Lower(x) == Lower(y); });
}

bool StartsWithIgnoreCase(std::string_view s, std::size_t pos, std::string_view prefix) {
  return pos <= s.size() && s.size() - pos >= prefix.size() && EqualsIgnoreCase(s.substr(pos, prefix.size()), prefix);
}

// The first `needle` (ASCII, matched ignoring case) that lies wholly in [from, limit), or kNpos.
std::size_t FindIgnoreCase(std::string_view s, std::string_view needle, std::size_t from, std::size_t limit) {
  for (std::size_t i = from; i < limit && limit - i >= needle.size(); ++i)
    if (Lower(s[i]) == Lower(needle[0]) && EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
  return kNpos;
}

// Only spaces, tabs and line-end bytes in [begin, end).
bool IsBlank(std::string_view s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (!IsSpace(s[i])) return false;
  return true;
}

// One line: [begin, content_end) is its text, [content_end, next) its "\n" or "\r\n" (if any).
struct Line {
  std::size_t begin = 0;
  std::size_t content_end = 0;
  std::size_t next = 0;
};

Line LineAt(std::string_view s, std::size_t begin) {
  Line line;
  line.begin = begin;
  const std::size_t newline = s.find('\n', begin);
  line.next = newline == kNpos ? s.size() : newline + 1;
  line.content_end = newline == kNpos ? s.size() : newline;
  if (line.content_end > begin && s[line.content_end - 1] == '\r') --line.content_end;
  return line;
}

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
constexpr std::array<std::string_view, 106> kLegacyReferences = {
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
std::size_t ReferenceLength(std::string_view s, std::size_t pos, std::size_t limit, ReferenceRules rules) {
  std::size_t p = pos + 1;
  if (p < limit && s[p] == '#') {
    ++p;
    const bool hex = p < limit && (s[p] == 'x' || s[p] == 'X');
    if (hex) ++p;
    const std::size_t digits = p;
    while (p < limit && (hex ? IsHexDigit(s[p]) : IsDigit(s[p]))) ++p;
    if (p == digits) return 0;
    if (p < limit && s[p] == ';') return p + 1 - pos;
    return rules == ReferenceRules::kHtml ? p - pos : 0;
  }
  const std::size_t name = p;
  while (p < limit && IsAlnum(s[p])) ++p;
  if (p == name || !IsAlpha(s[name])) return 0;
  if (p < limit && s[p] == ';') return p + 1 - pos;
  if (rules == ReferenceRules::kStrict) return 0;
  // Browsers take the longest legacy name that the letters start with ("&notit" is "&not" "it").
  for (std::size_t length = std::min<std::size_t>(p - name, 6); length >= 2; --length)
    if (std::binary_search(kLegacyReferences.begin(), kLegacyReferences.end(), s.substr(name, length)))
      return 1 + length;
  return 0;
}

// Paints every character reference in [begin, end) as copied: references are never decoded.
void CopyReferences(std::string_view s, std::size_t begin, std::size_t end, ReferenceRules rules, Paint* paint) {
  for (std::size_t i = s.find('&', begin); i < end; i = s.find('&', i + 1)) {
    const std::size_t length = ReferenceLength(s, i, end, rules);
    if (length == 0) continue;
    paint->Copy(i, i + length);
    i += length - 1;
  }
}

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

Token Other(std::size_t end) {
  Token token;
  token.kind = TokenKind::kOther;
  token.end = end;
  return token;
}

// Where `terminator` ends, searching [from, limit); `limit` when it never does: an unterminated
// comment or declaration runs to the end, as in a browser.
std::size_t EndAfter(std::string_view s, std::string_view terminator, std::size_t from, std::size_t limit) {
  const std::size_t at = s.substr(0, limit).find(terminator, std::min(from, limit));
  return at == kNpos ? limit : at + terminator.size();
}

// An XML doctype's end: the first '>' outside its internal subset [...].
std::size_t DoctypeEnd(std::string_view s, std::size_t from, std::size_t limit) {
  int depth = 0;
  for (std::size_t i = from; i < limit; ++i) {
    if (s[i] == '[') ++depth;
    else if (s[i] == ']' && depth > 0) --depth;
    else if (s[i] == '>' && depth == 0) return i + 1;
  }
  return limit;
}

// "<!" comments, CDATA sections and declarations.
Token ScanBang(std::string_view s, std::size_t lt, std::size_t limit, Dialect dialect) {
  const std::string_view rest = s.substr(0, limit);
  const std::size_t p = lt + 2;
  if (rest.substr(p).starts_with("--")) {
    const std::size_t body = p + 2;
    // HTML and CommonMark end "<!-->" and "<!--->" at once.
    if (dialect != Dialect::kXml && rest.substr(body).starts_with(">")) return Other(body + 1);
    if (dialect != Dialect::kXml && rest.substr(body).starts_with("->")) return Other(body + 2);
    return Other(EndAfter(s, "-->", body, limit));
  }
  if (rest.substr(p).starts_with("[CDATA[")) return Other(EndAfter(s, "]]>", p + 7, limit));
  if (dialect == Dialect::kXml) return Other(DoctypeEnd(s, p, limit));
  if (dialect == Dialect::kMarkdown && !(p < limit && IsAlpha(s[p]))) return Token{};
  return Other(EndAfter(s, ">", p, limit));  // HTML: a doctype or a "bogus comment"
}

bool IsNameStart(char c, Dialect dialect) {
  return IsAlpha(c) || (dialect == Dialect::kXml && (c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80));
}

// CommonMark's tag names, attribute names and unquoted values; HTML and XML take more.
bool IsMarkdownTagName(std::string_view name) {
  return !name.empty() && IsAlpha(name[0]) &&
         std::all_of(name.begin(), name.end(), [](char c) { return IsAlnum(c) || c == '-'; });
}
bool IsMarkdownAttributeName(std::string_view name) {
  return !name.empty() && (IsAlpha(name[0]) || name[0] == '_' || name[0] == ':') &&
         std::all_of(name.begin(), name.end(), [](char c) { return IsAlnum(c) || c == '_' || c == '.' || c == ':' || c == '-'; });
}
bool IsMarkdownUnquotedValue(std::string_view value) {
  return !value.empty() && value.find_first_of("\"'=<>`") == kNpos;
}

// A tag that runs into `limit`: HTML and XML copy the rest; in Markdown it is text.
Token Unterminated(Token token, std::size_t limit, Dialect dialect) {
  if (dialect == Dialect::kMarkdown) return Token{};
  token.end = limit;
  return token;
}

// A start or end tag whose name starts at `name_begin`, with its attributes.
Token ScanTag(std::string_view s, std::size_t name_begin, std::size_t limit, Dialect dialect, TokenKind kind) {
  Token token;
  token.kind = kind;
  std::size_t p = name_begin;
  while (p < limit && !IsSpace(s[p]) && s[p] != '/' && s[p] != '>') ++p;
  token.name = s.substr(name_begin, p - name_begin);
  if (dialect == Dialect::kMarkdown && !IsMarkdownTagName(token.name)) return Token{};
  while (true) {
    const std::size_t before_space = p;
    while (p < limit && IsSpace(s[p])) ++p;
    if (p >= limit) return Unterminated(std::move(token), limit, dialect);
    if (s[p] == '>') {
      token.end = p + 1;
      return token;
    }
    if (s[p] == '/') {
      if (p + 1 < limit && s[p + 1] == '>') {
        token.self_closing = true;
        token.end = p + 2;
        return token;
      }
      if (dialect == Dialect::kMarkdown) return Token{};
      ++p;
      continue;
    }
    // CommonMark wants a space before each attribute, and no attributes on an end tag.
    if (dialect == Dialect::kMarkdown && (p == before_space || kind == TokenKind::kEndTag)) return Token{};
    Attribute attribute;
    const std::size_t attribute_begin = p++;  // HTML reads a leading '=' as part of the name
    while (p < limit && !IsSpace(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=') ++p;
    attribute.name = s.substr(attribute_begin, p - attribute_begin);
    if (dialect == Dialect::kMarkdown && !IsMarkdownAttributeName(attribute.name)) return Token{};
    std::size_t q = p;
    while (q < limit && IsSpace(s[q])) ++q;
    if (q < limit && s[q] == '=') {
      ++q;
      while (q < limit && IsSpace(s[q])) ++q;
      if (q >= limit) return Unterminated(std::move(token), limit, dialect);
      if (s[q] == '"' || s[q] == '\'') {
        const std::size_t close = s.substr(0, limit).find(s[q], q + 1);
        if (close == kNpos) return Unterminated(std::move(token), limit, dialect);
        attribute.value_begin = q + 1;
        attribute.value_end = close;
        p = close + 1;
      } else {
        attribute.value_begin = q;
        while (q < limit && !IsSpace(s[q]) && s[q] != '>') ++q;
        attribute.value_end = q;
        p = q;
        if (dialect == Dialect::kMarkdown &&
            !IsMarkdownUnquotedValue(s.substr(attribute.value_begin, q - attribute.value_begin)))
          return Token{};
      }
      attribute.has_value = true;
    }
    token.attributes.push_back(attribute);
  }
}

// The markup construct that starts at s[lt] ('<') and ends by `limit`, or kNone.
Token ScanMarkup(std::string_view s, std::size_t lt, std::size_t limit, Dialect dialect) {
  const std::size_t p = lt + 1;
  if (p >= limit) return Token{};
  const char c = s[p];
  if (c == '!') return ScanBang(s, lt, limit, dialect);
  if (c == '?') return Other(EndAfter(s, dialect == Dialect::kHtml ? ">" : "?>", p + 1, limit));
  if (c == '/') {
    if (p + 1 < limit && IsNameStart(s[p + 1], dialect)) return ScanTag(s, p + 1, limit, dialect, TokenKind::kEndTag);
    if (dialect != Dialect::kHtml) return Token{};
    // HTML ignores "</>" and reads "</" followed by anything else up to '>' as a bogus comment.
    if (p + 1 < limit && s[p + 1] == '>') return Other(p + 2);
    return Other(EndAfter(s, ">", p + 1, limit));
  }
  if (IsNameStart(c, dialect)) return ScanTag(s, p, limit, dialect, TokenKind::kStartTag);
  return Token{};
}

bool SameName(std::string_view a, std::string_view b, bool ignore_case) {
  return ignore_case ? EqualsIgnoreCase(a, b) : a == b;
}

template <std::size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& names, bool ignore_case) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return SameName(name, n, ignore_case); });
}

std::optional<std::string_view> AttributeValue(std::string_view s, const Token& tag, std::string_view name,
                                               bool ignore_case) {
  for (const Attribute& a : tag.attributes)
    if (a.has_value && SameName(a.name, name, ignore_case)) return s.substr(a.value_begin, a.value_end - a.value_begin);
  return std::nullopt;
}

std::string_view TrimSpace(std::string_view v) {
  while (!v.empty() && IsSpace(v.front())) v.remove_prefix(1);
  while (!v.empty() && IsSpace(v.back())) v.remove_suffix(1);
  return v;
}

bool HasClassToken(std::string_view classes, std::string_view token) {
  for (std::size_t i = 0; i < classes.size();) {
    while (i < classes.size() && IsSpace(classes[i])) ++i;
    std::size_t j = i;
    while (j < classes.size() && !IsSpace(classes[j])) ++j;
    if (classes.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

// HTML elements that have no end tag, so that they never open a protected region.
bool IsVoidElement(std::string_view name) {
  static constexpr std::array<std::string_view, 15> kVoid = {"area",  "base",   "br",   "col",   "embed",
                                                              "hr",    "img",    "input", "keygen", "link",
                                                              "meta",  "param",  "source", "track", "wbr"};
  return IsOneOf(name, kVoid, true);
}

// HTML elements whose content the tokenizer reads as raw text up to their end tag.
bool IsRawTextElement(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kRawText = {"script", "style", "xmp", "iframe", "noembed", "noframes"};
  return IsOneOf(name, kRawText, true);
}

// Whether the element a start tag opens is protected with all its content and attributes: code
// (its text is meant to be typed, not read as prose), or marked not to be translated.
bool StartsProtectedElement(std::string_view s, const Token& tag, Dialect dialect) {
  const bool ignore_case = dialect != Dialect::kXml;
  static constexpr std::array<std::string_view, 4> kCode = {"code", "kbd", "samp", "var"};
  static constexpr std::array<std::string_view, 2> kScript = {"script", "style"};
  if (IsOneOf(tag.name, kCode, ignore_case)) return true;
  // In HTML and Markdown the tokenizer skips script and style content as raw text.
  if (dialect == Dialect::kXml && IsOneOf(tag.name, kScript, false)) return true;
  for (const Attribute& a : tag.attributes) {
    if (!a.has_value) continue;
    const std::string_view value = TrimSpace(s.substr(a.value_begin, a.value_end - a.value_begin));
    std::string_view name = a.name;
    // XML vocabularies use the ITS form, its:translate="no".
    if (dialect == Dialect::kXml && name.find(':') != kNpos) name = name.substr(name.rfind(':') + 1);
    if (SameName(name, "translate", ignore_case) && EqualsIgnoreCase(value, "no")) return true;
    if (SameName(name, "class", ignore_case) && HasClassToken(value, "notranslate")) return true;
  }
  return false;
}

// The start of the end tag "</name" (followed by space, '/' or '>') at or after `from`, or `limit`.
std::size_t FindEndTag(std::string_view s, std::string_view name, std::size_t from, std::size_t limit) {
  const std::string_view range = s.substr(0, limit);
  for (std::size_t at = range.find("</", from); at != kNpos; at = range.find("</", at + 2)) {
    const std::size_t after = at + 2 + name.size();
    if (!StartsWithIgnoreCase(range, at + 2, name)) continue;
    if (after >= limit || IsSpace(s[after]) || s[after] == '/' || s[after] == '>') return at;
  }
  return limit;
}

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

// ---- HTML and XML ----------------------------------------------------------------------------

class HtmlSegmenter {
 public:
  HtmlSegmenter(std::string_view s, Dialect dialect, Paint* paint)
      : s_(s), dialect_(dialect), paint_(paint), protected_(dialect == Dialect::kHtml) {}

  void Run() {
    std::size_t text_begin = 0;
    for (std::size_t lt = s_.find('<'); lt != kNpos; lt = s_.find('<', lt + 1)) {
      const Token token = ScanMarkup(s_, lt, s_.size(), dialect_);
      if (token.kind == TokenKind::kNone) continue;  // a '<' in text
      Text(text_begin, lt);
      paint_->Copy(lt, token.end);
      text_begin = Handle(token);
      lt = text_begin - 1;  // the loop looks on from text_begin (a token is never empty)
    }
    Text(text_begin, s_.size());
  }

 private:
  ReferenceRules references() const { return dialect_ == Dialect::kHtml ? ReferenceRules::kHtml : ReferenceRules::kStrict; }

  void Text(std::size_t begin, std::size_t end) {
    if (begin >= end) return;
    if (protected_.active()) paint_->Copy(begin, end);
    else CopyReferences(s_, begin, end, references(), paint_);
  }

  // Updates the state after a token (already painted as copied); returns where text resumes.
  std::size_t Handle(const Token& token) {
    if (token.kind == TokenKind::kEndTag) protected_.Close(token.name);
    if (token.kind != TokenKind::kStartTag) return token.end;
    const bool protects = StartsProtectedElement(s_, token, dialect_);
    if (!protects && !protected_.active()) ConvertAttributes(token);
    const bool is_void = dialect_ == Dialect::kHtml && IsVoidElement(token.name);
    if (!token.self_closing && !is_void) protected_.Open(token.name, protects);
    if (dialect_ == Dialect::kHtml && IsRawTextElement(token.name)) {
      const std::size_t close = FindEndTag(s_, token.name, token.end, s_.size());
      paint_->Copy(token.end, close);
      return close;
    }
    return token.end;
  }

  void ConvertAttributes(const Token& tag) {
    for (const Attribute& a : tag.attributes) {
      if (!a.has_value || !IsReadable(tag, a)) continue;
      paint_->Convert(a.value_begin, a.value_end);
      CopyReferences(s_, a.value_begin, a.value_end, references(), paint_);
    }
  }

  bool IsReadable(const Token& tag, const Attribute& a) const {
    const bool html = dialect_ == Dialect::kHtml;
    static constexpr std::array<std::string_view, 3> kReadable = {"title", "alt", "placeholder"};
    if (IsOneOf(a.name, kReadable, html)) return true;
    if (!html) return false;
    if (EqualsIgnoreCase(a.name, "aria-label")) return true;
    if (!EqualsIgnoreCase(a.name, "content") || !EqualsIgnoreCase(tag.name, "meta")) return false;
    const std::optional<std::string_view> name = AttributeValue(s_, tag, "name", true);
    return name && EqualsIgnoreCase(TrimSpace(*name), "description");
  }

  std::string_view s_;
  Dialect dialect_;
  Paint* paint_;
  ProtectedElements protected_;
};

// ---- Markdown --------------------------------------------------------------------------------
//
// A line-based pass finds the blocks (code blocks, headings, HTML blocks, paragraphs, list and
// quote markers) after CommonMark, simplified where the simplification can only leave more text
// unconverted, never convert code. Each run of inline text (a paragraph, a heading, an HTML
// block) is then scanned for code spans, raw HTML, link destinations, autolinks and references.

// Columns of indentation from `p` (a tab goes to the next multiple of 4); *first is the first
// byte that is not a space or tab.
std::size_t Indentation(std::string_view s, std::size_t p, std::size_t end, std::size_t* first) {
  std::size_t column = 0;
  while (p < end && IsBlankChar(s[p])) {
    column = s[p] == '\t' ? column + 4 - column % 4 : column + 1;
    ++p;
  }
  *first = p;
  return column;
}

// The end of a list marker ("-", "+", "*", "1.", "1)") at p, which a space, tab or the end of
// the line must follow; kNpos if there is none.
std::size_t ListMarkerEnd(std::string_view s, std::size_t p, std::size_t end) {
  std::size_t q = p;
  if (q < end && (s[q] == '-' || s[q] == '+' || s[q] == '*')) {
    ++q;
  } else {
    while (q < end && q - p < 9 && IsDigit(s[q])) ++q;
    if (q == p || q >= end || (s[q] != '.' && s[q] != ')')) return kNpos;
    ++q;
  }
  return (q == end || IsBlankChar(s[q])) ? q : kNpos;
}

bool IsAtxHeading(std::string_view s, std::size_t p, std::size_t end) {
  std::size_t q = p;
  while (q < end && s[q] == '#') ++q;
  return q > p && q - p <= 6 && (q == end || IsBlankChar(s[q]));
}

// The end condition of an HTML block that may hold blank lines (CommonMark types 1 to 5) starting
// at p, or "" when no such block starts there.
std::string_view HtmlBlockEnd(std::string_view s, std::size_t p, std::size_t end) {
  static constexpr std::array<std::string_view, 4> kRaw = {"script", "pre", "style", "textarea"};
  static constexpr std::array<std::string_view, 4> kRawEnd = {"</script>", "</pre>", "</style>", "</textarea>"};
  if (p >= end || s[p] != '<') return {};
  for (std::size_t i = 0; i < kRaw.size(); ++i) {
    const std::size_t after = p + 1 + kRaw[i].size();
    if (StartsWithIgnoreCase(s, p + 1, kRaw[i]) && (after >= end || IsSpace(s[after]) || s[after] == '>'))
      return kRawEnd[i];
  }
  const std::string_view rest = s.substr(p, end - p);
  if (rest.starts_with("<!--")) return "-->";
  if (rest.starts_with("<?")) return "?>";
  if (rest.starts_with("<![CDATA[")) return "]]>";
  if (rest.size() > 2 && rest[1] == '!' && IsAlpha(rest[2])) return ">";
  return {};
}

class MarkdownSegmenter {
 public:
  MarkdownSegmenter(std::string_view s, Paint* paint) : s_(s), paint_(paint), protected_(true) {}

  void Run() {
    // A byte-order mark would hide a heading or a fence on the first line.
    const std::size_t start = s_.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    paint_->Copy(0, start);
    for (std::size_t pos = start; pos < s_.size();) {
      const Line line = LineAt(s_, pos);
      Block(line);
      pos = line.next;
    }
    EndUnit();
    if (protected_.active()) paint_->Copy(protected_begin_, s_.size());
  }

 private:
  struct Fence {
    char mark;
    std::size_t length;
  };

  // ---- blocks ----

  void Block(const Line& line) {
    if (fence_) return FencedLine(line);
    if (!html_block_end_.empty()) return HtmlBlockLine(line);
    const std::size_t content = QuoteMarkers(line);
    if (IsBlank(s_, content, line.content_end)) {
      EndUnit();
      in_paragraph_ = false;
      previous_blank_ = true;
      return;
    }
    Content(line, content);
    previous_blank_ = false;
  }

  void FencedLine(const Line& line) {
    paint_->Copy(line.begin, line.next);
    std::size_t p = line.begin;
    while (p < line.content_end && (IsBlankChar(s_[p]) || s_[p] == '>')) ++p;
    std::size_t q = p;
    while (q < line.content_end && s_[q] == fence_->mark) ++q;
    if (q - p >= fence_->length && IsBlank(s_, q, line.content_end)) {
      fence_.reset();
      in_paragraph_ = false;
    }
  }

  void HtmlBlockLine(const Line& line) {
    unit_end_ = line.next;
    if (FindIgnoreCase(s_, html_block_end_, line.begin, line.content_end) != kNpos) {
      html_block_end_ = {};
      EndUnit();
    }
  }

  // Paints the block-quote markers at the start of the line; returns where its content starts.
  std::size_t QuoteMarkers(const Line& line) {
    std::size_t p = line.begin;
    while (true) {
      std::size_t q;
      if (Indentation(s_, p, line.content_end, &q) > 3 || q >= line.content_end || s_[q] != '>') return p;
      paint_->Copy(q, q + 1);
      p = q + 1;
      if (p < line.content_end && s_[p] == ' ') ++p;
    }
  }

  void Content(const Line& line, std::size_t content) {
    std::size_t p;
    const std::size_t indent = Indentation(s_, content, line.content_end, &p);
    // A list item ends at a line indented less than its content, unless that line continues a
    // paragraph ("lazy" continuation).
    if (previous_blank_ || !in_paragraph_)
      while (!lists_.empty() && lists_.back() > indent) lists_.pop_back();
    const std::size_t base = lists_.empty() ? 0 : lists_.back();
    if (!in_paragraph_ && indent >= base + 4) {  // indented code block
      EndUnit();
      paint_->Copy(line.begin, line.next);
      return;
    }
    // Fences are taken at any indentation: a fence missed would convert code.
    if (OpensFence(line, p)) return;
    if (indent < base + 4) p = ListMarkers(line, p, indent);
    if (IsBlank(s_, p, line.content_end)) {  // an empty list item
      in_paragraph_ = false;
      return;
    }
    if (OpensFence(line, p) || OpensHeading(line, p) || OpensHtmlBlock(line, p)) return;
    // Paragraph text.
    if (!in_paragraph_ || unit_begin_ == kNpos) {
      EndUnit();
      StartUnit(p, line.next, true);
    }
    unit_end_ = line.next;
    in_paragraph_ = true;
  }

  // An ATX heading is inline text of its own.
  bool OpensHeading(const Line& line, std::size_t p) {
    if (!IsAtxHeading(s_, p, line.content_end)) return false;
    EndUnit();
    StartUnit(p, line.next, false);
    EndUnit();
    in_paragraph_ = false;
    return true;
  }

  // An HTML block that may hold blank lines is one run of inline text up to its end condition,
  // so that a comment or a script with blank lines in it stays whole.
  bool OpensHtmlBlock(const Line& line, std::size_t p) {
    const std::string_view end = HtmlBlockEnd(s_, p, line.content_end);
    if (end.empty()) return false;
    EndUnit();
    StartUnit(p, line.next, false);
    in_paragraph_ = false;
    if (FindIgnoreCase(s_, end, p + 1, line.content_end) == kNpos) html_block_end_ = end;
    else EndUnit();
    return true;
  }

  // Paints the list markers at p (there may be several: "- 1. text") and a task-list box after
  // them; returns where the item's text starts.
  std::size_t ListMarkers(const Line& line, std::size_t p, std::size_t indent) {
    std::size_t column = indent;
    bool first = true;
    for (std::size_t marker_end; (marker_end = ListMarkerEnd(s_, p, line.content_end)) != kNpos;) {
      if (first) {
        EndUnit();
        in_paragraph_ = false;
        while (!lists_.empty() && lists_.back() > column) lists_.pop_back();
        first = false;
      }
      paint_->Copy(p, marker_end);
      std::size_t text;
      const std::size_t spaces = Indentation(s_, marker_end, line.content_end, &text);
      column += (marker_end - p) + ((text == line.content_end || spaces > 4) ? 1 : spaces);
      lists_.push_back(column);
      p = text;
    }
    if (!first && p + 3 <= line.content_end && s_[p] == '[' && s_[p + 2] == ']' &&
        (s_[p + 1] == ' ' || s_[p + 1] == 'x' || s_[p + 1] == 'X') &&
        (p + 3 == line.content_end || IsBlankChar(s_[p + 3]))) {
      paint_->Copy(p, p + 3);
      std::size_t text;
      Indentation(s_, p + 3, line.content_end, &text);
      p = text;
    }
    return p;
  }

  bool OpensFence(const Line& line, std::size_t p) {
    if (p >= line.content_end || (s_[p] != '`' && s_[p] != '~')) return false;
    std::size_t q = p;
    while (q < line.content_end && s_[q] == s_[p]) ++q;
    if (q - p < 3) return false;
    // A backtick fence's info string has no backtick ("```a```" is a code span).
    if (s_[p] == '`' && s_.substr(q, line.content_end - q).find('`') != kNpos) return false;
    EndUnit();
    paint_->Copy(line.begin, line.next);
    fence_ = Fence{s_[p], q - p};
    in_paragraph_ = false;
    return true;
  }

  void StartUnit(std::size_t begin, std::size_t end, bool paragraph) {
    unit_begin_ = begin;
    unit_end_ = end;
    unit_is_paragraph_ = paragraph;
  }

  void EndUnit() {
    if (unit_begin_ != kNpos && unit_begin_ < unit_end_) Inline(unit_begin_, unit_end_, unit_is_paragraph_);
    unit_begin_ = kNpos;
  }

  // ---- inlines ----

  void Inline(std::size_t begin, std::size_t end, bool paragraph) {
    std::size_t i = paragraph ? LinkDefinitions(begin, end) : begin;
    int open_brackets = 0;
    while (i < end) {
      switch (s_[i]) {
        case '\\':
          i += (i + 1 < end && IsAsciiPunct(s_[i + 1])) ? 2 : 1;
          break;
        case '`':
          i = CodeSpan(i, end);
          break;
        case '<':
          i = Angle(i, end);
          break;
        case '&': {
          const std::size_t length = ReferenceLength(s_, i, end, ReferenceRules::kStrict);
          paint_->Copy(i, i + length);
          i += std::max<std::size_t>(length, 1);
          break;
        }
        case '[':
          ++open_brackets;
          ++i;
          break;
        case ']':
          if (open_brackets > 0) {
            --open_brackets;
            if (i + 1 < end && s_[i + 1] == '(') {
              const std::size_t tail = LinkTail(i + 1, end);
              if (tail != kNpos) {
                i = tail;
                break;
              }
            }
          }
          ++i;
          break;
        default:
          i = MaybeBareUrl(i, begin, end);
      }
    }
  }

  // A code span: a run of backticks up to the next run of the same length. A run without a
  // closer means no later run has that length, so the failed searches stay few.
  std::size_t CodeSpan(std::size_t i, std::size_t end) {
    std::size_t run_end = i;
    while (run_end < end && s_[run_end] == '`') ++run_end;
    const std::size_t length = run_end - i;
    for (std::size_t j = s_.find('`', run_end); j < end; j = s_.find('`', j)) {
      std::size_t k = j;
      while (k < end && s_[k] == '`') ++k;
      if (k - j == length) {
        paint_->Copy(i, k);
        return k;
      }
      j = k;
    }
    return run_end;  // no closing run: the backticks are text
  }

  // '<': an autolink, raw HTML, or text.
  std::size_t Angle(std::size_t i, std::size_t end) {
    if (const std::size_t autolink = AutolinkEnd(i, end); autolink != kNpos) {
      paint_->Copy(i, autolink);
      return autolink;
    }
    // Every construct ends with a '>'; without one ahead (prose such as "a < b"), skip the scan
    // so that a long paragraph with many '<' stays linear.
    if (next_gt_ == kNpos || next_gt_ < i) next_gt_ = std::min(s_.find('>', i), s_.size());
    if (next_gt_ >= end && !s_.substr(i, end - i).starts_with("<!") && !s_.substr(i, end - i).starts_with("<?"))
      return i + 1;
    const Token token = ScanMarkup(s_, i, end, Dialect::kMarkdown);
    if (token.kind == TokenKind::kNone) return i + 1;
    paint_->Copy(i, token.end);
    if (token.kind == TokenKind::kEndTag) {
      const bool was_active = protected_.active();
      protected_.Close(token.name);
      if (was_active && !protected_.active()) paint_->Copy(protected_begin_, i);
    }
    if (token.kind != TokenKind::kStartTag) return token.end;
    const bool protects = StartsProtectedElement(s_, token, Dialect::kMarkdown);
    if (!token.self_closing && !IsVoidElement(token.name)) {
      if (protects && !protected_.active()) protected_begin_ = token.end;
      protected_.Open(token.name, protects);
    }
    if (IsRawTextElement(token.name)) {
      const std::size_t close = FindEndTag(s_, token.name, token.end, end);
      paint_->Copy(token.end, close);
      return close;
    }
    return token.end;
  }

  // The end of the autolink <scheme:…> or <user@host> at i, or kNpos.
  std::size_t AutolinkEnd(std::size_t i, std::size_t end) const {
    const std::size_t p = i + 1;
    std::size_t close = p;
    while (close < end && !IsSpace(s_[close]) && s_[close] != '<' && s_[close] != '>') ++close;
    if (close >= end || s_[close] != '>' || close == p) return kNpos;
    const std::string_view body = s_.substr(p, close - p);
    // URI: a scheme of 2 to 32 characters and a colon.
    std::size_t k = 0;
    if (IsAlpha(body[0])) {
      while (k < body.size() && (IsAlnum(body[k]) || body[k] == '+' || body[k] == '.' || body[k] == '-')) ++k;
      if (k >= 2 && k <= 32 && k < body.size() && body[k] == ':') return close + 1;
    }
    // E-mail: ASCII only, an '@' with something on both sides.
    const std::size_t at = body.find('@');
    if (at == kNpos || at == 0 || at + 1 == body.size()) return kNpos;
    const bool ascii = std::all_of(body.begin(), body.end(), [](char c) {
      return IsAlnum(c) || std::string_view(".!#$%&'*+/=?^_`{|}~-@").find(c) != kNpos;
    });
    return ascii ? close + 1 : kNpos;
  }

  // Link reference definitions at the start of a paragraph; returns where its text starts.
  std::size_t LinkDefinitions(std::size_t begin, std::size_t end) {
    std::size_t p = begin;
    for (std::size_t next; (next = LinkDefinition(p, end)) != kNpos;) {
      p = next;
      // The next one may follow on the next line, after quote markers and indentation.
      while (p < end && (IsBlankChar(s_[p]) || s_[p] == '>')) ++p;
    }
    return p;
  }

  // One "[label]: destination 'title'" at p: paints the destination (and the title's quotes) as
  // copied and returns the start of the next line; kNpos if there is no definition at p.
  std::size_t LinkDefinition(std::size_t p, std::size_t end) {
    std::size_t q = p;
    while (q < end && IsBlankChar(s_[q])) ++q;
    if (q >= end || s_[q] != '[') return kNpos;
    const std::size_t label = q + 1;
    std::size_t r = label;
    while (r < end && s_[r] != ']') {
      if (s_[r] == '[' || r - label > 999) return kNpos;
      r += (s_[r] == '\\' && r + 1 < end) ? 2 : 1;
    }
    // "[^1]: text" is a footnote, whose text is read.
    if (r >= end || r + 1 >= end || s_[r + 1] != ':' || IsBlank(s_, label, r) || s_[label] == '^') return kNpos;
    const std::size_t colon = r + 1;
    const std::size_t destination = SkipSpaceAndOneLineEnd(colon + 1, end);
    const std::size_t destination_end = DestinationEnd(destination, end, /*allow_empty=*/false);
    if (destination_end == kNpos) return kNpos;
    const std::size_t title = SkipSpaceAndOneLineEnd(destination_end, end);
    if (title > destination_end && title < end && (s_[title] == '"' || s_[title] == '\'' || s_[title] == '(')) {
      const std::size_t title_close = TitleClose(title, end);
      if (title_close != kNpos) {
        const Line rest = LineAt(s_, title_close);
        if (IsBlank(s_, title_close + 1, rest.content_end)) {
          Label(label, r);
          CopyOutsideTitle(colon, title, title_close, title_close + 1);
          return std::min(rest.next, end);
        }
      }
    }
    const Line rest = LineAt(s_, destination_end);
    if (!IsBlank(s_, destination_end, rest.content_end)) return kNpos;
    Label(label, r);
    paint_->Copy(colon, destination_end);
    return std::min(rest.next, end);
  }

  // A definition's label must still match the references to it after conversion, and those
  // are converted as inline text (code spans in them kept): so the label is converted the same way.
  void Label(std::size_t begin, std::size_t end) { Inline(begin, end, /*paragraph=*/false); }

  // Paints [begin, end) as copied except the text of the title between its delimiters at
  // `title` and `title_close`; character references in the title are copied too.
  void CopyOutsideTitle(std::size_t begin, std::size_t title, std::size_t title_close, std::size_t end) {
    paint_->Copy(begin, title + 1);
    CopyReferences(s_, title + 1, title_close, ReferenceRules::kStrict, paint_);
    paint_->Copy(title_close, end);
  }

  // "(destination 'title')" after a link's or image's ']': paints all but the title's text as
  // copied; returns its end, or kNpos if it is not one.
  std::size_t LinkTail(std::size_t open, std::size_t end) {
    const std::size_t destination = SkipSpaceAndOneLineEnd(open + 1, end);
    const std::size_t destination_end = DestinationEnd(destination, end, /*allow_empty=*/true);
    if (destination_end == kNpos) return kNpos;
    std::size_t p = SkipSpaceAndOneLineEnd(destination_end, end);
    std::size_t title = kNpos, title_close = kNpos;
    if (p > destination_end && p < end && (s_[p] == '"' || s_[p] == '\'' || s_[p] == '(')) {
      title = p;
      title_close = TitleClose(p, end);
      if (title_close == kNpos) return kNpos;
      p = SkipSpaceAndOneLineEnd(title_close + 1, end);
    }
    if (p >= end || s_[p] != ')') return kNpos;
    if (title == kNpos) paint_->Copy(open, p + 1);
    else CopyOutsideTitle(open, title, title_close, p + 1);
    return p + 1;
  }

  std::size_t SkipSpaceAndOneLineEnd(std::size_t p, std::size_t end) const {
    while (p < end && IsBlankChar(s_[p])) ++p;
    if (p < end && s_[p] == '\r') ++p;
    if (p < end && s_[p] == '\n') ++p;
    while (p < end && IsBlankChar(s_[p])) ++p;
    return p;
  }

  // The end of a link destination at p: <…> or a run without spaces whose parentheses balance.
  std::size_t DestinationEnd(std::size_t p, std::size_t end, bool allow_empty) const {
    if (p < end && s_[p] == '<') {
      for (std::size_t q = p + 1; q < end; ++q) {
        if (s_[q] == '\\' && q + 1 < end) ++q;
        else if (s_[q] == '>') return q + 1;
        else if (s_[q] == '<' || s_[q] == '\n') return kNpos;
      }
      return kNpos;
    }
    int depth = 0;
    std::size_t q = p;
    while (q < end && !IsSpace(s_[q]) && static_cast<unsigned char>(s_[q]) >= 0x20) {
      if (s_[q] == '\\' && q + 1 < end) {
        q += 2;
        continue;
      }
      if (s_[q] == '(') ++depth;
      if (s_[q] == ')' && depth-- == 0) break;
      ++q;
    }
    if (depth > 0 || (q == p && !allow_empty)) return kNpos;
    return q;
  }

  // The closing quote or parenthesis of the title that opens at p, or kNpos.
  std::size_t TitleClose(std::size_t p, std::size_t end) const {
    const char close = s_[p] == '(' ? ')' : s_[p];
    for (std::size_t q = p + 1; q < end; ++q) {
      if (s_[q] == '\\' && q + 1 < end) ++q;
      else if (s_[q] == close) return q;
    }
    return kNpos;
  }

  // A bare URL (GitHub's "extended autolinks") at i is copied; returns where scanning goes on.
  std::size_t MaybeBareUrl(std::size_t i, std::size_t begin, std::size_t end) {
    const char c = Lower(s_[i]);
    if (c != 'h' && c != 'f' && c != 'w') return i + 1;
    if (i > begin && !IsSpace(s_[i - 1]) && std::string_view("*_~(['\"").find(s_[i - 1]) == kNpos) return i + 1;
    static constexpr std::array<std::string_view, 4> kPrefixes = {"https://", "http://", "ftp://", "www."};
    const auto prefix = std::find_if(kPrefixes.begin(), kPrefixes.end(),
                                     [&](std::string_view p) { return StartsWithIgnoreCase(s_, i, p); });
    if (prefix == kPrefixes.end()) return i + 1;
    std::size_t j = i;
    while (j < end && !IsSpace(s_[j]) && s_[j] != '<') ++j;
    j = TrimUrlEnd(i, j);
    if (j <= i + prefix->size()) return i + 1;
    paint_->Copy(i, j);
    return j;
  }

  // Trailing punctuation ends a sentence rather than the URL; so does a ')' that closes nothing.
  std::size_t TrimUrlEnd(std::size_t begin, std::size_t end) const {
    static constexpr std::array<std::string_view, 4> kClosing = {"\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xA6"};
    while (end > begin) {
      const std::string_view url = s_.substr(begin, end - begin);
      const char last = url.back();
      if (std::string_view("?!.,:;*_~'\"").find(last) != kNpos) {
        --end;
      } else if (last == ')' && std::count(url.begin(), url.end(), ')') > std::count(url.begin(), url.end(), '(')) {
        --end;
      } else if (const auto it = std::find_if(kClosing.begin(), kClosing.end(), [&](std::string_view q) { return url.ends_with(q); });
                 it != kClosing.end()) {
        end -= it->size();
      } else {
        break;
      }
    }
    return end;
  }

  std::string_view s_;
  Paint* paint_;

  // Block state.
  std::optional<Fence> fence_;
  std::string_view html_block_end_;  // set inside an HTML block that ends at this string
  bool in_paragraph_ = false;
  bool previous_blank_ = true;
  std::vector<std::size_t> lists_;  // content columns of the open list items
  std::size_t unit_begin_ = kNpos;  // the inline text being collected: [unit_begin_, unit_end_)
  std::size_t unit_end_ = 0;
  bool unit_is_paragraph_ = false;  // link reference definitions may start it

  // Inline state of the current block.
  std::size_t next_gt_ = kNpos;  // the next '>' at or after the last '<' looked at; the input's size if none

  // Raw HTML state; it persists across blocks, as a browser's would.
  ProtectedElements protected_;
  std::size_t protected_begin_ = 0;
};

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
      HtmlSegmenter(input, Dialect::kHtml, &paint).Run();
      break;
    case Format::kXml:
      HtmlSegmenter(input, Dialect::kXml, &paint).Run();
      break;
    case Format::kMarkdown:
      MarkdownSegmenter(input, &paint).Run();
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
                           EditList* edits) {
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
        const Status status = t.Transliterate(text, &converted, edits ? &segment_edits : nullptr);
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
