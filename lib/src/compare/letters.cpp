#include "compare/letters.hpp"

#include <unicode/uchar.h>

namespace ortaq::compare {

bool IsApostrophe(char32_t cp) { return cp == 0x27 || cp == 0x2019 || cp == 0x02BC || cp == 0x02BB; }

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return !IsApostrophe(cp) && unicode::IsWordChar(cp) && !unicode::IsMark(cp);
}

bool IsMark(char32_t cp) { return cp >= 0x300 && unicode::IsMark(cp); }

std::uint64_t RunningCounts::Frequency(char32_t cp) const {
  if (cp < frequency_low.size()) return frequency_low[cp];
  auto it = frequency_high.find(cp);
  return it == frequency_high.end() ? 0 : it->second;
}

void RunningCounts::Add(std::string_view text) {
  bytes += text.size();
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = p + text.size();
  bool in_word = false, word_non_ascii = false;
  bool after_letter = false;        // the character before was a letter or a mark on one
  bool after_ascii_letter = false;  // ... an ASCII letter without a mark so far
  const auto end_word = [&] {
    if (in_word) {
      ++words;
      if (word_non_ascii) ++words_with_non_ascii;
    }
    in_word = word_non_ascii = after_letter = after_ascii_letter = false;
  };
  while (p < end) {
    const unsigned char b = *p;
    if (b < 0x80) {
      ++p;
      if (((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
        ++letters;
        ++frequency_low[b];
        in_word = after_letter = after_ascii_letter = true;
        continue;
      }
      if (b == '\n') ++lines;
      if (b == '\'' && after_letter) {
        ++apostrophes;
        ++frequency_low[b];
        after_letter = after_ascii_letter = false;
        continue;
      }
      end_word();
      continue;
    }
    const utf8::Decoded d = utf8::Decode(p, end);
    p += d.length > 0 ? d.length : 1;
    const char32_t cp = d.code_point;
    if (IsLetter(cp)) {
      ++letters;
      ++non_ascii_letters;
      if (cp < frequency_low.size()) ++frequency_low[cp]; else ++frequency_high[cp];
      in_word = word_non_ascii = after_letter = true;
      after_ascii_letter = false;
    } else if (in_word && IsMark(cp)) {
      if (cp < frequency_low.size()) ++frequency_low[cp]; else ++frequency_high[cp];
      if (after_ascii_letter) ++non_ascii_letters;  // a-z with a mark is not a plain letter
      word_non_ascii = true;
      after_ascii_letter = false;
    } else if (after_letter && IsApostrophe(cp)) {
      ++apostrophes;
      if (cp < frequency_low.size()) ++frequency_low[cp]; else ++frequency_high[cp];
      after_letter = after_ascii_letter = false;
    } else {
      end_word();
    }
  }
  end_word();
}

std::string Lowercase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : utf8::DecodeValid(text)) utf8::Append(out, unicode::ToLower(cp));
  return out;
}

std::string AsciiFold(std::string_view word) {
  std::string out;
  for (char32_t cp : utf8::DecodeValid(unicode::ToNfd(word))) {
    if (IsMark(cp) || IsApostrophe(cp)) continue;
    switch (cp) {
      case U'ı': cp = 'i'; break;
      case U'ə': case U'Ə': cp = cp == U'ə' ? 'e' : 'E'; break;
      case U'ŋ': cp = 'n'; break;
      case U'Ŋ': cp = 'N'; break;
      case U'ø': cp = 'o'; break;
      case U'Ø': cp = 'O'; break;
      case U'æ': out += "ae"; continue;
      case U'ß': out += "ss"; continue;
      default: break;
    }
    utf8::Append(out, cp);
  }
  return out;
}

}  // namespace ortaq::compare
