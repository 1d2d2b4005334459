// Template bodies of letters.hpp.
#ifndef ORTAQ_COMPARE_LETTERS_INL_HPP_
#define ORTAQ_COMPARE_LETTERS_INL_HPP_

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::compare {

// utf8::Decode with the two-byte sequences (Cyrillic, Latin with diacritics) decoded in place.
[[gnu::always_inline]] inline utf8::Decoded DecodeFast(const unsigned char* p, const unsigned char* end) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  if (b0 >= 0xC2 && b0 <= 0xDF && p + 1 < end && utf8::IsContinuation(p[1])) {
    return {static_cast<char32_t>((b0 & 0x1F) << 6 | (p[1] & 0x3F)), 2};
  }
  return utf8::Decode(p, end);
}

// Writes the UTF-8 form of scalar value `cp` at `out`; returns the end.
[[gnu::always_inline]] inline char* PutUtf8(char* out, char32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

template <bool kWords, typename F>
void RunningCounts::Scan(std::string_view text, WordBuffer* buffer, F on_word) {
  const CodePointClass* low = LowCodePointClasses();
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
  const auto count = [&](char32_t cp) {
    if (cp < frequency_low.size()) ++frequency_low[cp]; else ++frequency_high[cp];
  };
  // The lowercase words are written into `buffer` one after the other: a lowercase letter takes
  // at most 1.5 times the bytes of its letter (U+023A Ⱥ, 2 bytes → ⱥ, 3), so twice the text is
  // room enough.
  char* word = nullptr;
  if constexpr (kWords) {
    word = buffer->Room(2 * text.size() + 8);
  }
  char* out = word;
  bool word_after_letter = false;  // the word's last character is a letter (not a mark)
  // What a character that is not a letter does to the word: an apostrophe after a letter or a
  // mark stays in it, anything else ends it.
  const auto word_other = [&](char32_t cp, bool keep) {
    if (out == word) return;
    if (keep) {
      out = PutUtf8(out, cp);
    } else {
      on_word(std::string_view(word, static_cast<std::size_t>(out - word)));
      word = out;
    }
    word_after_letter = false;
  };
  while (p < end) {
    const unsigned char b = *p;
    if (b < 0x80) {
      ++p;
      if (((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
        ++letters;
        ++frequency_low[b];
        in_word = after_letter = after_ascii_letter = true;
        if constexpr (kWords) {
          *out++ = static_cast<char>(b | 0x20);
          word_after_letter = true;
        }
        continue;
      }
      if constexpr (kWords) word_other(b, b == '\'' && word_after_letter);
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
    const utf8::Decoded d = DecodeFast(p, end);
    p += d.length > 0 ? d.length : 1;
    const char32_t cp = d.code_point;
    const CodePointClass c = ClassOf(low, cp);
    if constexpr (kWords) {
      if (c.letter) {
        out = PutUtf8(out, c.lower);
        word_after_letter = true;
      } else {
        word_other(cp, c.mark || (word_after_letter && c.apostrophe));
      }
    }
    if (c.letter) {
      ++letters;
      ++non_ascii_letters;
      count(cp);
      in_word = word_non_ascii = after_letter = true;
      after_ascii_letter = false;
    } else if (in_word && c.mark) {
      count(cp);
      if (after_ascii_letter) ++non_ascii_letters;  // a-z with a mark is not a plain letter
      word_non_ascii = true;
      after_ascii_letter = false;
    } else if (after_letter && c.apostrophe) {
      ++apostrophes;
      count(cp);
      after_letter = after_ascii_letter = false;
    } else {
      end_word();
    }
  }
  end_word();
  if constexpr (kWords) {
    if (out != word) on_word(std::string_view(word, static_cast<std::size_t>(out - word)));
  }
}

template <typename F>
void ForEachLetter(std::string_view text, F f) {
  const CodePointClass* low = LowCodePointClasses();
  auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  auto* p = begin;
  auto* end = p + text.size();
  while (p < end) {
    const utf8::Decoded d = DecodeFast(p, end);
    const int length = d.length > 0 ? d.length : 1;
    if (!ClassOf(low, d.code_point).letter) { p += length; continue; }
    const unsigned char* start = p;
    p += length;
    while (p < end) {
      const utf8::Decoded m = DecodeFast(p, end);
      if (m.length <= 0 || !ClassOf(low, m.code_point).mark) break;
      p += m.length;
    }
    f(std::string_view(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p - start)));
  }
}

}  // namespace ortaq::compare

#endif  // ORTAQ_COMPARE_LETTERS_INL_HPP_
