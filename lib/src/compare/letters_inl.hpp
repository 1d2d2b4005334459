// Template bodies of letters.hpp.
#ifndef ORTAQ_COMPARE_LETTERS_INL_HPP_
#define ORTAQ_COMPARE_LETTERS_INL_HPP_

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::compare {

template <typename F>
void ForEachLowercaseWord(std::string_view text, std::string& buffer, F f) {
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = p + text.size();
  buffer.clear();
  bool after_letter = false;
  while (p < end) {
    const utf8::Decoded d = utf8::Decode(p, end);
    const int length = d.length > 0 ? d.length : 1;
    const char32_t cp = d.code_point;
    if (IsLetter(cp)) {
      utf8::Append(buffer, unicode::ToLower(cp));
      after_letter = true;
    } else if (!buffer.empty() && (IsMark(cp) || (after_letter && IsApostrophe(cp)))) {
      utf8::Append(buffer, cp);
      after_letter = false;
    } else if (!buffer.empty()) {
      f(std::string_view(buffer));
      buffer.clear();
      after_letter = false;
    }
    p += length;
  }
  if (!buffer.empty()) f(std::string_view(buffer));
  buffer.clear();
}

template <typename F>
void ForEachLetter(std::string_view text, F f) {
  auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  auto* p = begin;
  auto* end = p + text.size();
  while (p < end) {
    const utf8::Decoded d = utf8::Decode(p, end);
    const int length = d.length > 0 ? d.length : 1;
    if (!IsLetter(d.code_point)) { p += length; continue; }
    const unsigned char* start = p;
    p += length;
    while (p < end) {
      const utf8::Decoded m = utf8::Decode(p, end);
      if (m.length <= 0 || !IsMark(m.code_point)) break;
      p += m.length;
    }
    f(std::string_view(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p - start)));
  }
}

}  // namespace ortaq::compare

#endif  // ORTAQ_COMPARE_LETTERS_INL_HPP_
