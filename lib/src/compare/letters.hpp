// What `ortaq compare` counts as a letter, an apostrophe and a word, and the running counts
// of a text (the source or one proposal's output) read piece by piece.
#ifndef ORTAQ_COMPARE_LETTERS_HPP_
#define ORTAQ_COMPARE_LETTERS_HPP_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ortaq::compare {

// ' ’ ʼ ʻ: the marks proposals write after a letter (2017 a', Uzbek oʻ). ʼ and ʻ are Unicode
// letters (Lm); here they are apostrophes, never letters.
bool IsApostrophe(char32_t cp);
// A letter: Unicode L* but the apostrophes above. Combining marks are not letters.
bool IsLetter(char32_t cp);
bool IsMark(char32_t cp);

// What IsLetter, IsMark and IsApostrophe answer for one code point, and its lowercase.
struct CodePointClass {
  bool letter = false, mark = false, apostrophe = false;
  char32_t lower = 0;
};
// The classes of U+0000..U+07FF (Latin, Cyrillic and the combining marks: nearly every character
// of a Turkic text), built once, so that the loops over running text do not ask ICU per character.
inline constexpr char32_t kClassTableSize = 0x800;
const CodePointClass* LowCodePointClasses();
CodePointClass ClassOf(char32_t cp);
inline CodePointClass ClassOf(const CodePointClass* low, char32_t cp) {
  return cp < kClassTableSize ? low[cp] : ClassOf(cp);
}

// Room for the lowercase words of a piece of text, reused from piece to piece; not cleared, so
// that only the pages the words take are ever touched.
class WordBuffer {
 public:
  char* Room(std::size_t bytes) {
    if (bytes > size_) {
      // Left uninitialised (it is written before it is read); not make_unique_for_overwrite,
      // which the libc++ of Debian's emscripten (the web build) lacks.
      data_ = std::unique_ptr<char[]>(new char[bytes]);
      size_ = bytes;
    }
    return data_.get();
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
};

// Counts of a text, added to piece by piece (pieces end at line ends).
struct RunningCounts {
  std::uint64_t bytes = 0, lines = 0;
  std::uint64_t letters = 0;          // letters (a letter with combining marks counts once)
  std::uint64_t non_ascii_letters = 0;  // letters other than a-z A-Z, or a-z with a mark
  std::uint64_t words = 0;            // runs of letters, marks and apostrophes after a letter
  std::uint64_t words_with_non_ascii = 0;
  std::uint64_t apostrophes = 0;      // apostrophes right after a letter
  std::array<std::uint64_t, 0x800> frequency_low{};  // letters, marks and apostrophes after a letter, by code point (< U+0800)
  std::unordered_map<char32_t, std::uint64_t> frequency_high;

  // Adds `text`, which must be valid UTF-8.
  void Add(std::string_view text);
  // Adds `text` and calls on_word(word) for each of its words lowercased code point by code
  // point (a mark or an apostrophe right after a letter stays in the word): the source's counts
  // and its word forms in one pass. The words are views into `buffer`, valid until it is reused.
  template <typename F>
  void AddWithWords(std::string_view text, WordBuffer& buffer, F on_word) {
    Scan<true>(text, &buffer, on_word);
  }
  std::uint64_t Frequency(char32_t cp) const;
  // Calls f(cp, count) for every letter and mark seen.
  template <typename F>
  void ForEachFrequency(F f) const {
    for (char32_t cp = 0; cp < frequency_low.size(); ++cp) {
      if (frequency_low[cp] != 0) f(cp, frequency_low[cp]);
    }
    for (const auto& [cp, n] : frequency_high) f(cp, n);
  }

 private:
  template <bool kWords, typename F>
  void Scan(std::string_view text, WordBuffer* buffer, F on_word);
};

// The lowercase form of valid UTF-8 text, code point by code point.
std::string Lowercase(std::string_view text);
// What a word becomes when typed without marks (SMS, URLs, e-mail): marks removed, apostrophes
// removed, ı → i, ə → e, ŋ → n and other letters with no ASCII base mapped to the nearest.
std::string AsciiFold(std::string_view word);

// Splits valid UTF-8 into letters: a letter with the combining marks after it.
// Non-letters are skipped.
template <typename F>
void ForEachLetter(std::string_view text, F f);

}  // namespace ortaq::compare

#include "compare/letters_inl.hpp"

#endif  // ORTAQ_COMPARE_LETTERS_HPP_
