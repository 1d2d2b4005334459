// Thin wrappers over ICU for the character properties the engine and the table compiler need.
// Hot-path queries (IsWordChar, IsUpper, IsLower) answer from a table for the first 0x530 code
// points (Latin, Greek, Cyrillic) and ask ICU only beyond it.
#ifndef ORTAQ_TEXT_UNICODE_HPP_
#define ORTAQ_TEXT_UNICODE_HPP_

#include <string>
#include <string_view>

namespace ortaq::unicode {

// Letters and combining marks: the characters a word is made of.
bool IsWordChar(char32_t cp);
bool IsMark(char32_t cp);   // Mn, Mc or Me: combining marks
bool IsUpper(char32_t cp);  // Lu or Lt
bool IsLower(char32_t cp);  // Ll
// Simple (one-to-one) case mappings; the tables' own case pairs are applied on top of these.
char32_t ToLower(char32_t cp);
char32_t ToUpper(char32_t cp);

// NFC form of valid UTF-8 text.
std::string ToNfc(std::string_view text);
std::string ToNfd(std::string_view text);
bool IsNfc(std::string_view text);

enum class Script { kOther, kLatin, kCyrillic, kGreek, kCommon };
Script ScriptOf(char32_t cp);
const char* ScriptName(Script script);

// "U+04D9 CYRILLIC SMALL LETTER SCHWA"
std::string Describe(char32_t cp);

}  // namespace ortaq::unicode

#endif  // ORTAQ_TEXT_UNICODE_HPP_
