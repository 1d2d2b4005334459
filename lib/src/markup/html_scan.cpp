#include "markup/html_scan.hpp"

namespace ortaq::markup_detail {

Token Other(std::size_t end) {
  Token token;
  token.kind = TokenKind::kOther;
  token.end = end;
  return token;
}

std::size_t EndAfter(std::string_view s, std::string_view terminator, std::size_t from, std::size_t limit) {
  const std::size_t at = s.substr(0, limit).find(terminator, std::min(from, limit));
  return at == kNpos ? limit : at + terminator.size();
}

std::size_t DoctypeEnd(std::string_view s, std::size_t from, std::size_t limit) {
  int depth = 0;
  for (std::size_t i = from; i < limit; ++i) {
    if (s[i] == '[') ++depth;
    else if (s[i] == ']' && depth > 0) --depth;
    else if (s[i] == '>' && depth == 0) return i + 1;
  }
  return limit;
}

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

Token Unterminated(Token token, std::size_t limit, Dialect dialect) {
  if (dialect == Dialect::kMarkdown) return Token{};
  token.end = limit;
  return token;
}

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

bool IsVoidElement(std::string_view name) {
  static constexpr std::array<std::string_view, 15> kVoid = {"area",  "base",   "br",   "col",   "embed",
                                                              "hr",    "img",    "input", "keygen", "link",
                                                              "meta",  "param",  "source", "track", "wbr"};
  return IsOneOf(name, kVoid, true);
}

bool IsRawTextElement(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kRawText = {"script", "style", "xmp", "iframe", "noembed", "noframes"};
  return IsOneOf(name, kRawText, true);
}

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

std::size_t FindEndTag(std::string_view s, std::string_view name, std::size_t from, std::size_t limit) {
  const std::string_view range = s.substr(0, limit);
  for (std::size_t at = range.find("</", from); at != kNpos; at = range.find("</", at + 2)) {
    const std::size_t after = at + 2 + name.size();
    if (!StartsWithIgnoreCase(range, at + 2, name)) continue;
    if (after >= limit || IsSpace(s[after]) || s[after] == '/' || s[after] == '>') return at;
  }
  return limit;
}

namespace {

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

}  // namespace

void SegmentHtml(std::string_view s, Dialect dialect, Paint* paint) { HtmlSegmenter(s, dialect, paint).Run(); }

}  // namespace ortaq::markup_detail
