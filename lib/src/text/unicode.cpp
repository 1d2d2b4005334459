#include "text/unicode.hpp"

#include <array>
#include <cstdio>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace ortaq::unicode {
namespace {

constexpr char32_t kTableLimit = 0x530;
enum : unsigned char { kWord = 1, kUpper = 2, kLower = 4, kMark = 8 };

bool IcuIsWordChar(char32_t cp) {
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

struct PropertyTable {
  std::array<unsigned char, kTableLimit> flags{};
  PropertyTable() {
    for (char32_t cp = 0; cp < kTableLimit; ++cp) {
      unsigned char f = 0;
      if (IcuIsWordChar(cp)) f |= kWord;
      if (u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp))) f |= kUpper;
      if (u_islower(static_cast<UChar32>(cp))) f |= kLower;
      if (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) f |= kMark;
      flags[cp] = f;
    }
  }
};

// Built when the library is loaded, so the hot path reads it without a guard check. Nothing
// in this library reads it during static initialisation.
const PropertyTable kProperties;

inline const PropertyTable& Properties() { return kProperties; }

}  // namespace

bool IsWordChar(char32_t cp) {
  if (cp < kTableLimit) return Properties().flags[cp] & kWord;
  return IcuIsWordChar(cp);
}

bool IsMark(char32_t cp) {
  if (cp < kTableLimit) return Properties().flags[cp] & kMark;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

bool IsUpper(char32_t cp) {
  if (cp < kTableLimit) return Properties().flags[cp] & kUpper;
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool IsLower(char32_t cp) {
  if (cp < kTableLimit) return Properties().flags[cp] & kLower;
  return u_islower(static_cast<UChar32>(cp));
}

char32_t ToLower(char32_t cp) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))); }
char32_t ToUpper(char32_t cp) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))); }

namespace {

// Normalises valid UTF-8 with one of ICU's normalisers; returns the text unchanged on failure.
std::string Normalize(const icu::Normalizer2* normalizer, UErrorCode error, std::string_view text) {
  if (U_FAILURE(error)) return std::string(text);
  icu::UnicodeString normalized = normalizer->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), error);
  if (U_FAILURE(error)) return std::string(text);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

}  // namespace

std::string ToNfc(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  return Normalize(nfc, error, text);
}

std::string ToNfd(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  return Normalize(nfd, error, text);
}

bool IsNfc(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return true;
  const bool result = nfc->isNormalized(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), error);
  return U_SUCCESS(error) ? result : true;
}

Script ScriptOf(char32_t cp) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &error);
  if (U_FAILURE(error)) return Script::kOther;
  switch (code) {
    case USCRIPT_LATIN: return Script::kLatin;
    case USCRIPT_CYRILLIC: return Script::kCyrillic;
    case USCRIPT_GREEK: return Script::kGreek;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: return Script::kCommon;
    default: return Script::kOther;
  }
}

const char* ScriptName(Script script) {
  switch (script) {
    case Script::kLatin: return "Latin";
    case Script::kCyrillic: return "Cyrillic";
    case Script::kGreek: return "Greek";
    case Script::kCommon: return "Common";
    case Script::kOther: break;
  }
  return "other";
}

std::string Describe(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  std::string out = buffer;
  char name[128];
  UErrorCode error = U_ZERO_ERROR;
  const int32_t length = u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name, sizeof name, &error);
  if (U_SUCCESS(error) && length > 0) {
    out += ' ';
    out.append(name, static_cast<std::size_t>(length));
  }
  return out;
}

}  // namespace ortaq::unicode
