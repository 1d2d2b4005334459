// The WebAssembly build's ICU subset answers as ICU does: every property the library asks, for
// every code point; NFC and NFD of every code point and of 300,000 random strings of letters,
// combining marks and Hangul jamo; script and block names. Prints the counts; exit 1 on any
// difference (the first few are printed).
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include "icu_subset_probe.hpp"

namespace {

int differences = 0;

void Differ(const std::string& what, char32_t c) {
  if (++differences <= 20) std::fprintf(stderr, "differs: %s at U+%04X\n", what.c_str(), static_cast<unsigned>(c));
}

std::string Utf8(const std::u32string& cps) {
  std::string out;
  icu::UnicodeString s;
  for (char32_t c : cps) s.append(static_cast<UChar32>(c));
  s.toUTF8String(out);
  return out;
}

std::string IcuNormalize(bool compose, const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(error) : icu::Normalizer2::getNFDInstance(error);
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(text), error).toUTF8String(out);
  return out;
}

}  // namespace

int main() {
  long checked = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    const auto u = static_cast<UChar32>(c);
    UErrorCode error = U_ZERO_ERROR;
    if (probe::CharType(c) != u_charType(u)) Differ("general category", c);
    if (probe::IsWordMask(c) != ((U_GET_GC_MASK(u) & (U_GC_L_MASK | U_GC_M_MASK)) != 0)) Differ("letter or mark", c);
    if (probe::IsUpper(c) != static_cast<bool>(u_isupper(u))) Differ("u_isupper", c);
    if (probe::IsLower(c) != static_cast<bool>(u_islower(u))) Differ("u_islower", c);
    if (probe::IsTitle(c) != static_cast<bool>(u_istitle(u))) Differ("u_istitle", c);
    if (probe::ToLower(c) != static_cast<char32_t>(u_tolower(u))) Differ("u_tolower", c);
    if (probe::ToUpper(c) != static_cast<char32_t>(u_toupper(u))) Differ("u_toupper", c);
    if (probe::Script(c) != uscript_getScript(u, &error)) Differ("script", c);
    if (probe::Block(c) != u_getIntPropertyValue(u, UCHAR_BLOCK)) Differ("block", c);
    const std::string name = probe::CharName(c);
    if (!name.empty()) {
      char buffer[128];
      error = U_ZERO_ERROR;
      const int32_t n = u_charName(u, U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &error);
      if (name != std::string(buffer, static_cast<std::size_t>(n))) Differ("name", c);
    }
    if (c < 0xD800 || c > 0xDFFF) {
      const std::string one = Utf8({c});
      if (probe::Nfc(one) != IcuNormalize(true, one)) Differ("NFC", c);
      if (probe::Nfd(one) != IcuNormalize(false, one)) Differ("NFD", c);
    }
    ++checked;
  }
  for (int b = 0; b <= u_getIntPropertyMaxValue(UCHAR_BLOCK); ++b) {
    const char* name = u_getPropertyValueName(UCHAR_BLOCK, b, U_LONG_PROPERTY_NAME);
    if (probe::BlockName(b) != (name ? name : "(none)")) Differ("block name", static_cast<char32_t>(b));
  }
  for (int s = 0; s < USCRIPT_CODE_LIMIT; ++s) {
    const char* name = uscript_getName(static_cast<UScriptCode>(s));
    if (probe::ScriptName(s) != (name ? name : "(none)")) Differ("script name", static_cast<char32_t>(s));
    if (name && probe::ScriptFromName(name) != u_getPropertyValueEnum(UCHAR_SCRIPT, name))
      Differ("script from name", static_cast<char32_t>(s));
  }
  for (const char* alias : {"Latin", "latn", "CYRILLIC", "Old_Turkic", "old turkic", "Cyrl", "no-such-script"})
    if (probe::ScriptFromName(alias) != u_getPropertyValueEnum(UCHAR_SCRIPT, alias)) Differ(alias, 0);

  // Random text where composition and reordering happen: letters, marks of several classes
  // (some of which compose), Hangul jamo and syllables.
  std::vector<char32_t> pool;
  for (char32_t c = 0x41; c <= 0x24F; ++c) pool.push_back(c);
  for (char32_t c = 0x300; c <= 0x36F; ++c) pool.push_back(c), pool.push_back(c);
  for (char32_t c = 0x391; c <= 0x3CE; ++c) pool.push_back(c);
  for (char32_t c = 0x400; c <= 0x52F; ++c) pool.push_back(c);
  for (char32_t c : {0x483, 0x484, 0x485, 0x486, 0x487, 0x591, 0x5B0, 0x64B, 0x93C, 0x94D, 0x1DC0, 0x20D0, 0x3099, 0x309A,
                     0x0B47, 0x0B3E, 0x0B56, 0x0B57, 0x0CC6, 0x0CC2, 0x0CD5, 0x1E00, 0x1EA0, 0x1F00, 0x212B, 0x2126})
    pool.push_back(c);
  for (char32_t c = 0x1100; c <= 0x1112; ++c) pool.push_back(c);
  for (char32_t c = 0x1161; c <= 0x1175; ++c) pool.push_back(c);
  for (char32_t c = 0x11A8; c <= 0x11C2; ++c) pool.push_back(c);
  for (char32_t c : {0xAC00, 0xAC01, 0xD7A3, 0xB098}) pool.push_back(c);
  std::mt19937 random(2026);
  long strings = 0;
  for (; strings < 300000; ++strings) {
    std::u32string s;
    const int length = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < length; ++i) s += pool[random() % pool.size()];
    const std::string text = Utf8(s);
    if (probe::Nfc(text) != IcuNormalize(true, text)) Differ("NFC of a string starting", s[0]);
    if (probe::Nfd(text) != IcuNormalize(false, text)) Differ("NFD of a string starting", s[0]);
  }
  std::printf("icu_subset_test: %ld code points, %ld random strings, %d differences\n", checked, strings, differences);
  return differences == 0 ? 0 : 1;
}
