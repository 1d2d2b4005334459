// UTF-8 decoding and encoding with strict validation (Unicode 15 §3.9, Table 3-7).
// Ill-formed input is reported as the length of its maximal subpart, so callers can replace
// each maximal ill-formed subsequence with one U+FFFD, as ICU and WHATWG do.
#ifndef ORTAQ_TEXT_UTF8_HPP_
#define ORTAQ_TEXT_UTF8_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace ortaq::utf8 {

// Result of decoding at one position.
struct Decoded {
  char32_t code_point;
  // > 0: a valid sequence of this many bytes.
  // < 0: ill-formed; -length is the number of bytes of the maximal subpart to skip.
  // == 0: the sequence is a valid prefix cut off by the end of the buffer (need more bytes).
  int length;
};

inline Decoded Decode(const unsigned char* p, const unsigned char* end) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  int need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1; cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2; cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;        // no overlongs
    else if (b0 == 0xED) hi = 0x9F;   // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3; cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;        // no overlongs
    else if (b0 == 0xF4) hi = 0x8F;   // nothing past U+10FFFF
  } else {
    return {0xFFFD, -1};
  }
  const unsigned char* q = p + 1;
  for (int i = 0; i < need; ++i, ++q) {
    if (q >= end) return {0xFFFD, 0};
    const unsigned char b = *q;
    const unsigned char l = (i == 0) ? lo : 0x80;
    const unsigned char h = (i == 0) ? hi : 0xBF;
    if (b < l || b > h) return {0xFFFD, -static_cast<int>(q - p)};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1};
}

inline bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Lead bytes that can begin a combining mark: U+0300-U+036F (CC CD), U+0483-U+0489 (D2),
// Hebrew, Arabic, Syriac and NKo marks (D6-DF), and anything of three or four bytes.
inline constexpr std::array<bool, 256> kMarkLead = [] {
  std::array<bool, 256> t{};
  t[0xCC] = t[0xCD] = t[0xD2] = true;
  for (int b = 0xD6; b < 0x100; ++b) t[b] = true;
  return t;
}();

// Appends the UTF-8 form of `cp` (which must be a scalar value).
inline void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline std::string Encode(std::u32string_view text) {
  std::string out;
  for (char32_t cp : text) Append(out, cp);
  return out;
}

// Decodes text that is known to be valid (table text after validation).
inline std::u32string DecodeValid(std::string_view text) {
  std::u32string out;
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = p + text.size();
  while (p < end) {
    Decoded d = Decode(p, end);
    if (d.length <= 0) { out.push_back(0xFFFD); p += d.length < 0 ? -d.length : (end - p); continue; }
    out.push_back(d.code_point);
    p += d.length;
  }
  return out;
}

// Byte offset of the first ill-formed sequence, or npos if `text` is valid UTF-8.
inline std::size_t FindInvalid(std::string_view text) {
  auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  auto* p = begin;
  auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) { ++p; continue; }
    Decoded d = Decode(p, end);
    if (d.length <= 0) return static_cast<std::size_t>(p - begin);
    p += d.length;
  }
  return std::string_view::npos;
}

}  // namespace ortaq::utf8

#endif  // ORTAQ_TEXT_UTF8_HPP_
