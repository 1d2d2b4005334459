#include "markup/markup_text.hpp"

namespace ortaq::markup_detail {

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return Lower(x) == Lower(y); });
}

bool StartsWithIgnoreCase(std::string_view s, std::size_t pos, std::string_view prefix) {
  return pos <= s.size() && s.size() - pos >= prefix.size() && EqualsIgnoreCase(s.substr(pos, prefix.size()), prefix);
}

std::size_t FindIgnoreCase(std::string_view s, std::string_view needle, std::size_t from, std::size_t limit) {
  for (std::size_t i = from; i < limit && limit - i >= needle.size(); ++i)
    if (Lower(s[i]) == Lower(needle[0]) && EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
  return kNpos;
}

bool IsBlank(std::string_view s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (!IsSpace(s[i])) return false;
  return true;
}

Line LineAt(std::string_view s, std::size_t begin) {
  Line line;
  line.begin = begin;
  const std::size_t newline = s.find('\n', begin);
  line.next = newline == kNpos ? s.size() : newline + 1;
  line.content_end = newline == kNpos ? s.size() : newline;
  if (line.content_end > begin && s[line.content_end - 1] == '\r') --line.content_end;
  return line;
}

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

void CopyReferences(std::string_view s, std::size_t begin, std::size_t end, ReferenceRules rules, Paint* paint) {
  // Searched up to `end` only: a search to the end of the document from every text node made
  // a document without '&' take time in the square of its length.
  const std::string_view range = s.substr(0, end);
  for (std::size_t i = range.find('&', begin); i != std::string_view::npos; i = range.find('&', i + 1)) {
    const std::size_t length = ReferenceLength(s, i, end, rules);
    if (length == 0) continue;
    paint->Copy(i, i + length);
    i += length - 1;
  }
}

}  // namespace ortaq::markup_detail
