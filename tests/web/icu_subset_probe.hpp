// Plain functions over the WebAssembly build's ICU subset (see icu_subset_probe.cpp).
#ifndef ORTAQ_TESTS_WEB_ICU_SUBSET_PROBE_HPP_
#define ORTAQ_TESTS_WEB_ICU_SUBSET_PROBE_HPP_

#include <string>

namespace probe {

int CharType(char32_t c);
bool IsWordMask(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsTitle(char32_t c);
char32_t ToLower(char32_t c);
char32_t ToUpper(char32_t c);
int Script(char32_t c);
int Block(char32_t c);
std::string BlockName(int block);
std::string ScriptName(int script);
int ScriptFromName(const char* name);
std::string CharName(char32_t c);  // "" for characters the subset keeps no name of
std::string Nfc(const std::string& text);
std::string Nfd(const std::string& text);

}  // namespace probe

#endif  // ORTAQ_TESTS_WEB_ICU_SUBSET_PROBE_HPP_
