#include "compare/letters.hpp"

#include <unicode/uchar.h>

namespace ortaq::compare {

bool IsApostrophe(char32_t cp) { return cp == 0x27 || cp == 0x2019 || cp == 0x02BC || cp == 0x02BB; }

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return !IsApostrophe(cp) && unicode::IsWordChar(cp) && !unicode::IsMark(cp);
}

bool IsMark(char32_t cp) { return cp >= 0x300 && unicode::IsMark(cp); }

CodePointClass ClassOf(char32_t cp) {
  return {IsLetter(cp), IsMark(cp), IsApostrophe(cp), unicode::ToLower(cp)};
}

const CodePointClass* LowCodePointClasses() {
  static const std::array<CodePointClass, kClassTableSize> table = [] {
    std::array<CodePointClass, kClassTableSize> t{};
    for (char32_t cp = 0; cp < kClassTableSize; ++cp) t[cp] = ClassOf(cp);
    return t;
  }();
  return table.data();
}

std::uint64_t RunningCounts::Frequency(char32_t cp) const {
  if (cp < frequency_low.size()) return frequency_low[cp];
  auto it = frequency_high.find(cp);
  return it == frequency_high.end() ? 0 : it->second;
}

void RunningCounts::Add(std::string_view text) {
  Scan<false>(text, nullptr, [](std::string_view) {});
}

std::string Lowercase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : utf8::DecodeValid(text)) utf8::Append(out, unicode::ToLower(cp));
  return out;
}

namespace {

std::string AsciiFoldSlow(std::string_view word) {
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

// What each code point below U+0800 folds to on its own, and whether that is what it folds to
// in any word: true unless its decomposition keeps a character that canonical reordering could
// move (combining class != 0) — the marks it moves are all removed.
struct FoldEntry {
  std::string text;
  bool alone = false;
};

const std::array<FoldEntry, kClassTableSize>& FoldTable() {
  static const std::array<FoldEntry, kClassTableSize> table = [] {
    std::array<FoldEntry, kClassTableSize> t{};
    for (char32_t cp = 0; cp < kClassTableSize; ++cp) {
      std::string text;
      utf8::Append(text, cp);
      bool alone = true;
      for (char32_t d : utf8::DecodeValid(unicode::ToNfd(text))) {
        if (u_getCombiningClass(static_cast<UChar32>(d)) != 0 && !IsMark(d) && !IsApostrophe(d)) alone = false;
      }
      t[cp] = {AsciiFoldSlow(text), alone};
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string AsciiFold(std::string_view word) {
  // NFD decomposes each code point on its own and then only reorders marks, which the fold
  // removes: folding code point by code point gives the same text.
  const std::array<FoldEntry, kClassTableSize>& table = FoldTable();
  std::string out;
  out.reserve(word.size());
  auto* p = reinterpret_cast<const unsigned char*>(word.data());
  auto* end = p + word.size();
  while (p < end) {
    const utf8::Decoded d = DecodeFast(p, end);
    if (d.length <= 0 || d.code_point >= kClassTableSize || !table[d.code_point].alone) return AsciiFoldSlow(word);
    out += table[d.code_point].text;
    p += d.length;
  }
  return out;
}

}  // namespace ortaq::compare
