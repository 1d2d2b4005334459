// ortaq tools — checking tables, running golden files, round trips and source detection:
// what the `ortaq check`, `test`, `roundtrip` and `detect` commands do, for programs.
//
//   ortaq::Detection guess = ortaq::DetectSource("Қазақстан Республикасы");
//   // guess.id == "kk-Cyrl"; guess.scores lists every candidate, best first
//   ortaq::CheckReport report = ortaq::CheckTable("my--table.tbl", ortaq::Options{});
//   for (const ortaq::Diagnostic& d : report.diagnostics) std::fprintf(stderr, "%s\n", d.Format().c_str());
//   auto there = ortaq::Transliterator::FromIds("kk-Cyrl", "kk-Latn-2021", {}, nullptr);
//   auto back = ortaq::Transliterator::FromIds("kk-Latn-2021", "kk-Cyrl", {}, nullptr);
//   ortaq::RoundTripReport trip;
//   if (there && back && ortaq::RoundTrip(*there, *back, "Қазақ тілі", &trip).ok()) {
//     std::printf("%.1f%% of words came back unchanged\n", trip.Share());
//   }
//
// The guarantees of ortaq/ortaq.hpp hold here too: nothing throws, prints or exits.
#ifndef ORTAQ_TOOLS_HPP_
#define ORTAQ_TOOLS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ortaq/export.h"
#include "ortaq/ortaq.hpp"

namespace ortaq {

// A guess of which alphabet a text is written in, among the sources ortaq reads (kk-Cyrl,
// kk-Latn-2017, kk-Latn-2018, kk-Latn-2021, cta-2024, cta-1991, tr-Latn), or of the language
// when it is one ortaq knows but does not convert.
struct ORTAQ_API Detection {
  std::string id;            // the alphabet to convert from; "" when the best guess is not one
                             // ortaq reads (see `language`), or nothing fits, or no letters
  double confidence = 0.0;   // 0..1: the probability the model gives its best guess (`language`)
  std::vector<std::pair<std::string, double>> scores;  // every language it knows, best first
  std::string language;      // the best guess, converted or not ("ky-Cyrl", "uz-Latn"...); ""
                             // when no language it knows fits the text
  std::uint64_t letters = 0; // letters read; 0 means nothing to go by
  std::string error;         // the detection data did not load (file:line:col); nothing detected
};

// Scores every language of the detection data (tables/detect/languages.txt, found like tables)
// by its letters, letter sequences, frequent words and expected letters. Reads at most the
// first 1 MiB. Never throws: an internal failure comes back in Detection::error.
[[nodiscard]] ORTAQ_API Detection DetectSource(std::string_view text);
// The same with the data file `data_file` (its errors come back in Detection::error).
[[nodiscard]] ORTAQ_API Detection DetectSource(std::string_view text, const std::string& data_file);

// The result of linting a table or running test cases.
struct ORTAQ_API CheckReport {
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
  int tests_passed = 0;
  int tests_failed = 0;
  [[nodiscard]] bool ok() const noexcept;  // no error diagnostics and no failed tests
};

// Lints a table file (design: parse, compile with every option value, inline tests, warnings
// for look-alike letters, letters outside the declared alphabets, non-NFC text, unused classes).
[[nodiscard]] ORTAQ_API CheckReport CheckTable(const std::string& path, const Options& options);
// For a table that inherits another, both also warn about letters it writes alike that its
// parent kept apart, and about inherited options it leaves with nothing to do; this one takes
// an example word for each such pair of letters from `corpus` (text in the source alphabet).
[[nodiscard]] ORTAQ_API CheckReport CheckTable(const std::string& path, const Options& options,
                                               std::string_view corpus);

// Runs a golden file `<from>--<to>.tsv` (`source<TAB>expected` lines; `#` comments; `@set K=V ...`
// sets options for the lines after it, `@set` alone restores the defaults). Failures are
// reported as diagnostics at the golden file's line.
[[nodiscard]] ORTAQ_API CheckReport RunGoldenFile(const std::string& path, const Options& options);

// ---- Round trip ---------------------------------------------------------------------------------
// Converting a text to another alphabet and back shows what the reverse table cannot restore.
// Word tokens are maximal runs of letters and combining marks; each token of the original is
// compared with the token at the same place in the text that came back.

struct ORTAQ_API RoundTripReport {
  std::uint64_t tokens = 0;     // word tokens read
  std::uint64_t unchanged = 0;  // of them, the ones that came back as they were
  // The changed tokens grouped by what changed: the differing middle of the word, "э → е" (the
  // common prefix and suffix taken off, code point by code point; ∅ for nothing), or
  // "(words split or joined)" for a line that came back with another number of words (all its
  // tokens count as changed; its example is the start of both lines).
  struct Cause {
    std::string cause;
    std::uint64_t count = 0;
    // "original → back" with the number of times, most frequent first (ties in text order).
    std::vector<std::pair<std::string, std::uint64_t>> examples;
  };
  std::vector<Cause> causes;  // most frequent first (ties in text order)
  // The tokens by script, the text's own being the script most of its letters are written in:
  std::uint64_t native_tokens = 0;     // all letters in the text's own script (Kazakh words)
  std::uint64_t native_unchanged = 0;  // of them, the ones that came back as they were
  std::uint64_t repair_tokens = 0;     // letters of the text's script and of another (ə for ә)
  std::uint64_t repair_changed = 0;    // of them, the ones that came back otherwise (repaired)
  std::uint64_t foreign_tokens = 0;    // no letter of the text's script (Latin words in Cyrillic)
  std::uint64_t foreign_changed = 0;   // of them, the ones that came back otherwise

  // The share of unchanged tokens in percent: 100 when there were no tokens.
  [[nodiscard]] double Share() const noexcept;
  // The same over the tokens written in the text's own script only.
  [[nodiscard]] double NativeShare() const noexcept;
};

// Converts `text` with `forward`, the result with `backward`, and adds what it finds to *report
// (counts are added, so several texts can go into one report). Lines are compared in pairs when
// both texts have as many lines, else the texts as a whole. On failure (the text is not valid
// UTF-8 for `forward`'s policy, or a conversion fails) returns that conversion's status and
// leaves *report as it was.
[[nodiscard]] ORTAQ_API Status RoundTrip(const Transliterator& forward, const Transliterator& backward, std::string_view text,
                 RoundTripReport* report);

}  // namespace ortaq

#endif  // ORTAQ_TOOLS_HPP_
