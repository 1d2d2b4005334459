// The subset of ICU the WebAssembly build uses (editors/js/wasm/icu_subset), compiled natively,
// behind plain functions so that icu_subset_test.cpp can hold it against the real ICU.
#include "icu_subset_probe.hpp"

#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/uscript.h"

namespace probe {
namespace {

std::string Normalize(const icu::Normalizer2* n, const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), error)
      .toUTF8String(out);
  return out;
}

}  // namespace

int CharType(char32_t c) { return u_charType(static_cast<UChar32>(c)); }
bool IsWordMask(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0; }
bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsTitle(char32_t c) { return u_istitle(static_cast<UChar32>(c)); }
char32_t ToLower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }
char32_t ToUpper(char32_t c) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))); }
int Script(char32_t c) {
  UErrorCode error = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &error);
}
int Block(char32_t c) { return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_BLOCK); }
std::string BlockName(int block) {
  const char* name = u_getPropertyValueName(UCHAR_BLOCK, block, U_LONG_PROPERTY_NAME);
  return name ? name : "(none)";
}
std::string ScriptName(int script) {
  const char* name = uscript_getName(static_cast<UScriptCode>(script));
  return name ? name : "(none)";
}
int ScriptFromName(const char* name) { return u_getPropertyValueEnum(UCHAR_SCRIPT, name); }
std::string CharName(char32_t c) {
  char buffer[128];
  UErrorCode error = U_ZERO_ERROR;
  const int32_t n = u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &error);
  return U_SUCCESS(error) && n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}
std::string Nfc(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  return Normalize(icu::Normalizer2::getNFCInstance(error), text);
}
std::string Nfd(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  return Normalize(icu::Normalizer2::getNFDInstance(error), text);
}

}  // namespace probe
