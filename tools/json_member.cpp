#include "json_member.hpp"

#include <cstdint>

namespace ortaq::cli {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::size_t at() const { return at_; }
  bool done() const { return at_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[at_]; }
  void SkipSpace() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++at_;
  }
  bool Take(char c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }

  // A string at the cursor, unescaped into *out (when not null). "" or what is wrong.
  std::string String(std::string* out) {
    if (!Take('"')) return "expected a string";
    while (!done()) {
      const char c = text_[at_++];
      if (c == '"') return "";
      if (static_cast<unsigned char>(c) < 0x20) return "control character inside a string";
      if (c != '\\') {
        if (out) *out += c;
        continue;
      }
      if (done()) break;
      const char e = text_[at_++];
      const char* simple = "\"\\/bfnrt";
      const char* meaning = "\"\\/\b\f\n\r\t";
      if (const char* s = std::char_traits<char>::find(simple, 8, e)) {
        if (out) *out += meaning[s - simple];
        continue;
      }
      if (e != 'u') return "unknown escape in a string";
      std::uint32_t cp = 0;
      if (!Hex4(&cp)) return "\\u needs four hex digits";
      if (cp >= 0xD800 && cp < 0xDC00) {  // a high surrogate: its low half must follow
        std::uint32_t low = 0;
        if (!Take('\\') || !Take('u') || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF)
          return "unpaired surrogate in a \\u escape";
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else if (cp >= 0xDC00 && cp < 0xE000) {
        return "unpaired surrogate in a \\u escape";
      }
      if (out) AppendUtf8(cp, out);
    }
    return "unterminated string";
  }

  // Any value at the cursor, skipped. "" or what is wrong.
  std::string Value(int depth = 0) {
    if (depth > 512) return "nested too deeply";
    SkipSpace();
    const char c = peek();
    if (c == '"') return String(nullptr);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++at_;
      SkipSpace();
      if (Take(close)) return "";
      for (;;) {
        if (c == '{') {
          SkipSpace();
          if (std::string e = String(nullptr); !e.empty()) return e;
          SkipSpace();
          if (!Take(':')) return "expected ':'";
        }
        if (std::string e = Value(depth + 1); !e.empty()) return e;
        SkipSpace();
        if (Take(close)) return "";
        if (!Take(',')) return std::string("expected ',' or '") + close + "'";
      }
    }
    // A number or a literal: the characters that can make one.
    const std::size_t start = at_;
    while (!done() && std::string_view("+-.0123456789eEtruefalsn").find(peek()) != std::string_view::npos) ++at_;
    return at_ > start ? "" : "expected a value";
  }

 private:
  bool Hex4(std::uint32_t* value) {
    for (int i = 0; i < 4; ++i) {
      const char h = peek();
      int digit;
      if (h >= '0' && h <= '9') digit = h - '0';
      else if (h >= 'a' && h <= 'f') digit = h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') digit = h - 'A' + 10;
      else return false;
      *value = *value * 16 + static_cast<std::uint32_t>(digit);
      ++at_;
    }
    return true;
  }
  static void AppendUtf8(std::uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::string FindJsonStringMember(std::string_view record, std::string_view key, JsonMember* member,
                                 std::size_t* error_at) {
  *member = JsonMember{};
  Scanner s(record);
  auto fail = [&](std::string what) {
    *error_at = s.at();
    return what;
  };
  s.SkipSpace();
  if (!s.Take('{')) return fail("expected a JSON object");
  s.SkipSpace();
  if (!s.Take('}')) {
    for (;;) {
      s.SkipSpace();
      std::string name;
      if (std::string e = s.String(&name); !e.empty()) return fail(e);
      s.SkipSpace();
      if (!s.Take(':')) return fail("expected ':'");
      s.SkipSpace();
      const std::size_t begin = s.at();
      // The first member of that name counts; a later duplicate is copied like the rest.
      const bool wanted = !member->found && name == key && s.peek() == '"';
      std::string text;
      if (std::string e = wanted ? s.String(&text) : s.Value(); !e.empty()) return fail(e);
      if (wanted) {
        member->found = true;
        member->begin = begin;
        member->end = s.at();
        member->text = std::move(text);
      }
      s.SkipSpace();
      if (s.Take('}')) break;
      if (!s.Take(',')) return fail("expected ',' or '}'");
    }
  }
  s.SkipSpace();
  if (!s.done()) return fail("text after the JSON object");
  return "";
}

}  // namespace ortaq::cli
