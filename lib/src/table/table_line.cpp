#include "table/table_line.hpp"

#include <algorithm>

namespace ortaq::table_syntax {
namespace {

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }
bool IsNameChar(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'-' || c == U'_';
}
int HexValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
  if (c >= U'A' && c <= U'F') return static_cast<int>(c - U'A' + 10);
  return -1;
}

}  // namespace

bool IsAsciiUpper(char32_t c) { return c >= U'A' && c <= U'Z'; }

bool IsName(std::u32string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsNameChar); }

std::string Trim(std::string s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

bool TableLine::Tokenize() {
  std::size_t i = 0;
  const std::size_t n = text.size();
  comment_start = n;
  while (i < n) {
    while (i < n && IsSpace(text[i])) ++i;
    if (i >= n) break;
    if (text[i] == U'!') {  // a comment starts at '!' at line start or after white space
      comment_start = i;
      comment = utf8::Encode(std::u32string_view(text).substr(i + 1));
      break;
    }
    Token token;
    token.column = static_cast<int>(i) + 1;
    token.begin = i;
    while (i < n && !IsSpace(text[i])) {
      if (text[i] == U'\\') {
        const int column = static_cast<int>(i) + 1;
        if (i + 1 >= n) {
          Error(column, "a backslash at the end of the line escapes nothing");
          return false;
        }
        const char32_t c = text[i + 1];
        if (c == U'u' || c == U'U') {
          const std::size_t digits = c == U'u' ? 4 : 8;
          char32_t value = 0;
          std::size_t j = i + 2;
          for (; j < n && j < i + 2 + digits; ++j) {
            const int h = HexValue(text[j]);
            if (h < 0) break;
            value = value * 16 + static_cast<char32_t>(h);
          }
          if (j != i + 2 + digits) {
            Error(column, c == U'u' ? "\\u must be followed by 4 hex digits" : "\\U must be followed by 8 hex digits");
            return false;
          }
          if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            Error(column, "escape names no Unicode scalar value");
            return false;
          }
          token.text.push_back(value);
          token.escaped.push_back(true);
          i = j;
          continue;
        }
        char32_t literal = c;
        if (c == U's')
          literal = U' ';
        else if (c == U't')
          literal = U'\t';
        token.text.push_back(literal);
        token.escaped.push_back(true);
        i += 2;
        continue;
      }
      token.text.push_back(text[i]);
      token.escaped.push_back(false);
      ++i;
    }
    token.end = i;
    tokens.push_back(std::move(token));
  }
  return true;
}

std::string TableLine::Span(std::size_t begin, std::size_t end) const {
  std::u32string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == U'\\' && i + 1 < end) {
      const char32_t c = text[i + 1];
      if (c == U'u' || c == U'U') {
        const std::size_t digits = c == U'u' ? 4 : 8;
        char32_t value = 0;
        for (std::size_t j = i + 2; j < i + 2 + digits && j < end; ++j)
          value = value * 16 + static_cast<char32_t>(HexValue(text[j]));
        out.push_back(value);
        i += 1 + digits;
        continue;
      }
      out.push_back(c == U's' ? U' ' : c == U't' ? U'\t' : c);
      ++i;
      continue;
    }
    out.push_back(text[i]);
  }
  return utf8::Encode(out);
}

bool TableLine::ParseGuards(std::size_t* index, std::vector<Guard>* guards) {
  while (*index < tokens.size() && tokens[*index].StartsWith(U'[')) {
    const Token& t = tokens[*index];
    if (t.text.back() != U']' || t.escaped.back()) {
      Error(t, "an option condition is written [name=value] with no spaces inside");
      return false;
    }
    std::u32string inner = t.text.substr(1, t.text.size() - 2);
    std::size_t start = 0;
    while (start <= inner.size()) {
      std::size_t comma = inner.find(U',', start);
      if (comma == std::u32string::npos) comma = inner.size();
      std::u32string part = inner.substr(start, comma - start);
      const std::size_t eq = part.find(U'=');
      if (eq == std::u32string::npos || eq == 0 || eq + 1 == part.size() || !IsName(part.substr(0, eq))) {
        Error(t.column + 1 + static_cast<int>(start), "expected name=value in an option condition");
        return false;
      }
      guards->push_back(Guard{utf8::Encode(part.substr(0, eq)), utf8::Encode(part.substr(eq + 1)),
                              Loc(t.column + 1 + static_cast<int>(start))});
      start = comma + 1;
    }
    ++*index;
  }
  return true;
}

std::size_t TableLine::FindArrow(std::size_t from) const {
  for (std::size_t i = from; i < tokens.size(); ++i)
    if (tokens[i].Is(U'>')) return i;
  return tokens.size();
}

// Splits an output token into literal text and `{option}` references.
std::optional<OutputTemplate> TableLine::OutputOf(const Token& t) {
  OutputTemplate parts;
  if (t.text.size() == 1 && t.text[0] == kEmptySet && !t.escaped[0]) return parts;
  std::u32string literal;
  auto flush = [&] {
    if (!literal.empty()) parts.push_back(OutputPart{utf8::Encode(literal), false, 0});
    literal.clear();
  };
  for (std::size_t k = 0; k < t.text.size(); ++k) {
    const char32_t c = t.text[k];
    if (t.escaped[k] || (c != U'{' && c != U'}')) {
      literal.push_back(c);
      continue;
    }
    const int column = t.column + static_cast<int>(k);
    if (c == U'}') {
      Error(column, "'}' without '{' (write \\} for a literal brace)");
      return std::nullopt;
    }
    std::size_t close = k + 1;
    while (close < t.text.size() && !(t.text[close] == U'}' && !t.escaped[close])) ++close;
    if (close >= t.text.size()) {
      Error(column, "'{' starts an option reference that is not closed with '}'");
      return std::nullopt;
    }
    std::u32string name = t.text.substr(k + 1, close - k - 1);
    if (!IsName(name)) {
      Error(column + 1, "an option reference is {name}, with the name of an @option");
      return std::nullopt;
    }
    flush();
    parts.push_back(OutputPart{utf8::Encode(name), true, column});
    k = close;
  }
  flush();
  return parts;
}

}  // namespace ortaq::table_syntax
