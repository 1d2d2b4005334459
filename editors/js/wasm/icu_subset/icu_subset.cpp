// The ICU functions of icu_subset/unicode/*.h, answered from the tables gen_unicode_data.cpp
// writes from the native build's ICU (ORTAQ_UNICODE_DATA names the generated file).
#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>

#include "text/utf8.hpp"  // the library's own UTF-8 (lib/src/text)
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/uscript.h"

namespace {

struct Run {
  char32_t start;
  int value;
};
struct Pair {
  char32_t from, to;
};
struct Decomposition {
  char32_t code_point;
  int offset, length;
};
struct Composition {
  char32_t first, second, composite;
};
struct CharName {
  char32_t code_point;
  const char* name;
};

#include ORTAQ_UNICODE_DATA

constexpr char32_t kMaxCodePoint = 0x10FFFF;

template <std::size_t N>
int RunValue(const Run (&runs)[N], UChar32 c) {
  if (c < 0 || static_cast<char32_t>(c) > kMaxCodePoint) return 0;
  const auto after = std::upper_bound(std::begin(runs), std::end(runs), static_cast<char32_t>(c),
                                      [](char32_t cp, const Run& run) { return cp < run.start; });
  return std::prev(after)->value;
}

template <std::size_t N>
UChar32 MapCase(const Pair (&pairs)[N], UChar32 c) {
  const auto it = std::lower_bound(std::begin(pairs), std::end(pairs), static_cast<char32_t>(c),
                                   [](const Pair& pair, char32_t cp) { return pair.from < cp; });
  return it != std::end(pairs) && it->from == static_cast<char32_t>(c) ? static_cast<UChar32>(it->to) : c;
}

// Hangul syllables are composed and decomposed by the algorithm of Unicode §3.12.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

void Decompose(char32_t c, std::u32string& out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    const char32_t index = c - kSBase;
    out += kLBase + index / kNCount;
    out += kVBase + (index % kNCount) / kTCount;
    if (index % kTCount != 0) out += kTBase + index % kTCount;
    return;
  }
  const auto it = std::lower_bound(std::begin(kDecompositions), std::end(kDecompositions), c,
                                   [](const Decomposition& d, char32_t cp) { return d.code_point < cp; });
  if (it == std::end(kDecompositions) || it->code_point != c) {
    out += c;
    return;
  }
  out.append(kDecompositionData + it->offset, static_cast<std::size_t>(it->length));
}

char32_t ComposePair(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 && second > kTBase &&
      second < kTBase + kTCount)
    return first + (second - kTBase);
  const auto it = std::lower_bound(std::begin(kCompositions), std::end(kCompositions), Composition{first, second, 0},
                                   [](const Composition& a, const Composition& b) {
                                     return a.first != b.first ? a.first < b.first : a.second < b.second;
                                   });
  if (it != std::end(kCompositions) && it->first == first && it->second == second) return it->composite;
  return 0;
}

// Canonical decomposition, then the canonical ordering of each run of combining marks.
std::u32string Nfd(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) Decompose(c, out);
  for (std::size_t i = 0; i < out.size();) {
    if (u_getCombiningClass(static_cast<UChar32>(out[i])) == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < out.size() && u_getCombiningClass(static_cast<UChar32>(out[end])) != 0) ++end;
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(end),
                     [](char32_t a, char32_t b) {
                       return u_getCombiningClass(static_cast<UChar32>(a)) < u_getCombiningClass(static_cast<UChar32>(b));
                     });
    i = end;
  }
  return out;
}

// The canonical composition algorithm (Unicode §3.11, D117) over NFD text.
std::u32string Nfc(const std::u32string& text) {
  const std::u32string d = Nfd(text);
  std::u32string out;
  out.reserve(d.size());
  std::size_t starter = std::u32string::npos;
  int last_class = -1;  // of the last character after the starter; -1 when none
  for (char32_t c : d) {
    const int cc = u_getCombiningClass(static_cast<UChar32>(c));
    if (starter != std::u32string::npos && (last_class == -1 || (last_class != 0 && last_class < cc))) {
      if (const char32_t composite = ComposePair(out[starter], c)) {
        out[starter] = composite;
        continue;
      }
    }
    if (cc == 0) {
      starter = out.size();
      last_class = -1;
    } else {
      last_class = cc;
    }
    out += c;
  }
  return out;
}

// ICU's loose matching of property value names: case, spaces, '-' and '_' ignored.
std::string Loose(const char* name) {
  std::string out;
  for (const char* p = name; *p; ++p) {
    if (*p == ' ' || *p == '-' || *p == '_') continue;
    out += static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
  }
  return out;
}

}  // namespace

int8_t u_charType(UChar32 c) { return static_cast<int8_t>(RunValue(kCategoryRuns, c)); }
UBool u_isupper(UChar32 c) { return u_charType(c) == U_UPPERCASE_LETTER; }
UBool u_islower(UChar32 c) { return u_charType(c) == U_LOWERCASE_LETTER; }
UBool u_istitle(UChar32 c) { return u_charType(c) == U_TITLECASE_LETTER; }
UChar32 u_tolower(UChar32 c) { return MapCase(kToLower, c); }
UChar32 u_toupper(UChar32 c) { return MapCase(kToUpper, c); }
uint8_t u_getCombiningClass(UChar32 c) { return static_cast<uint8_t>(RunValue(kCombiningClassRuns, c)); }

UScriptCode uscript_getScript(UChar32 c, UErrorCode* error) {
  if (error == nullptr || U_FAILURE(*error)) return USCRIPT_INVALID_CODE;
  if (c < 0 || static_cast<char32_t>(c) > kMaxCodePoint) {
    *error = U_ILLEGAL_ARGUMENT_ERROR;
    return USCRIPT_INVALID_CODE;
  }
  return static_cast<UScriptCode>(RunValue(kScriptRuns, c));
}

const char* uscript_getName(UScriptCode code) {
  if (code < 0 || code >= static_cast<int>(std::size(kScriptLongNames))) return nullptr;
  return kScriptLongNames[code];
}

int32_t u_getIntPropertyValue(UChar32 c, UProperty which) {
  if (which == UCHAR_BLOCK) return RunValue(kBlockRuns, c);
  if (which == UCHAR_SCRIPT) return RunValue(kScriptRuns, c);
  return 0;
}

const char* u_getPropertyValueName(UProperty property, int32_t value, UPropertyNameChoice choice) {
  if (property == UCHAR_BLOCK && choice == U_LONG_PROPERTY_NAME && value >= 0 &&
      value < static_cast<int32_t>(std::size(kBlockNames)))
    return kBlockNames[value];
  if (property == UCHAR_SCRIPT && value >= 0 && value < static_cast<int32_t>(std::size(kScriptLongNames)))
    return choice == U_LONG_PROPERTY_NAME ? kScriptLongNames[value] : kScriptShortNames[value];
  return nullptr;
}

int32_t u_getPropertyValueEnum(UProperty property, const char* alias) {
  if (property != UCHAR_SCRIPT || alias == nullptr) return -1;
  const std::string wanted = Loose(alias);
  for (std::size_t s = 0; s < std::size(kScriptLongNames); ++s) {
    if ((kScriptLongNames[s] && Loose(kScriptLongNames[s]) == wanted) ||
        (kScriptShortNames[s] && Loose(kScriptShortNames[s]) == wanted))
      return static_cast<int32_t>(s);
  }
  return -1;
}

int32_t u_charName(UChar32 code, UCharNameChoice, char* buffer, int32_t length, UErrorCode* error) {
  if (error == nullptr || U_FAILURE(*error)) return 0;
  const auto it = std::lower_bound(std::begin(kCharNames), std::end(kCharNames), static_cast<char32_t>(code),
                                   [](const CharName& n, char32_t cp) { return n.code_point < cp; });
  if (it == std::end(kCharNames) || it->code_point != static_cast<char32_t>(code)) return 0;
  const auto size = static_cast<int32_t>(std::strlen(it->name));
  if (size >= length) {
    *error = U_BUFFER_OVERFLOW_ERROR;
    return size;
  }
  std::memcpy(buffer, it->name, static_cast<std::size_t>(size) + 1);
  return size;
}

namespace icu {

UnicodeString UnicodeString::fromUTF8(StringPiece utf8) { return UnicodeString(ortaq::utf8::DecodeValid(utf8.view())); }

std::string& UnicodeString::toUTF8String(std::string& out) const {
  for (char32_t c : code_points_) ortaq::utf8::Append(out, c);
  return out;
}

const Normalizer2* Normalizer2::getNFCInstance(UErrorCode&) {
  static const Normalizer2 nfc(true);
  return &nfc;
}

const Normalizer2* Normalizer2::getNFDInstance(UErrorCode&) {
  static const Normalizer2 nfd(false);
  return &nfd;
}

UnicodeString Normalizer2::normalize(const UnicodeString& text, UErrorCode&) const {
  return UnicodeString(compose_ ? Nfc(text.code_points()) : Nfd(text.code_points()));
}

UBool Normalizer2::isNormalized(const UnicodeString& text, UErrorCode& error) const {
  return normalize(text, error).code_points() == text.code_points();
}

}  // namespace icu
