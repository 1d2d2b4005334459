// Detection's language knowledge, read from a data file (tables/detect/languages.txt; its
// format is described at the top of that file and in tables/README.md). The parser reports
// every broken line with file:line:col and goes on, so one run lists every mistake.
#ifndef ORTAQ_TOOLS_DETECT_MODEL_HPP_
#define ORTAQ_TOOLS_DETECT_MODEL_HPP_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ortaq/ortaq.hpp"

namespace ortaq::detect {

// A letter sequence: each slot is the set of letters it accepts; `^` and `$` tie it to the
// start and the end of a word.
struct Pattern {
  std::vector<std::u32string> slots;
  bool at_start = false;
  bool at_end = false;
  double weight = 0;
};

// "A long text in this language has one of these letters every `per` letters."
struct Expectation {
  std::u32string letters;
  double per = 0;
  double weight = 0;  // added for each expected occurrence that is missing
};

// A word with a letter of `first` and a letter of `second` (vowel harmony tests).
struct Mix {
  std::u32string first, second;
  double weight = 0;
};

struct Language {
  std::string id;    // "kk-Cyrl", "ky-Cyrl"...
  std::string name;  // for people
  bool converts = false;
  int script = -1;   // ICU UScriptCode
  std::unordered_set<char32_t> alphabet;
  std::vector<Pattern> patterns;  // single letters are one-slot patterns
  std::unordered_map<std::u32string, double> words;
  std::vector<Expectation> expectations;
  std::vector<Mix> mixes;
  // Indexes of `patterns` by a letter their first slot accepts.
  std::unordered_map<char32_t, std::vector<int>> patterns_by_first;
};

struct Model {
  std::vector<Language> languages;
  std::unordered_map<char32_t, char32_t> fold;  // apostrophe variants → the one the data uses
  double outside_alphabet = -3;  // a letter of the language's script that its alphabet lacks
  double other_script = -0.5;    // a letter of another script
  double softness = 2;           // score points per factor e of probability
  double least_fit = -1;         // best score per letter under which the text is "unknown"
};

// Parses the text of a detection data file. The model is usable only when no error was appended.
Model ParseModel(std::string_view text, std::string_view file_name, std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq::detect

#endif  // ORTAQ_TOOLS_DETECT_MODEL_HPP_
