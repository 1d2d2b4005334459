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

// A guess of which alphabet a text is written in, among the sources ortaq reads:
// kk-Cyrl, kk-Latn-2017, kk-Latn-2018, kk-Latn-2021 and tr-Latn.
struct ORTAQ_API Detection {
  std::string id;            // the best guess; "" when the text has no letters to go by
  double confidence = 0.0;   // 0..1: how far the best score is ahead of the second
  std::vector<std::pair<std::string, double>> scores;  // every candidate, best first
};

// Decides from letters and letter pairs that only one alphabet uses (Kazakh Cyrillic letters;
// 2018 acute letters á ǵ ń ó ú ý; 2021 ä ñ ū; 2017 letter + apostrophe; Turkish c ç â î û and
// the absence of q, x, w) and from frequent function words. Reads at most the first 1 MiB.
[[nodiscard]] ORTAQ_API Detection DetectSource(std::string_view text) noexcept;

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

  // The share of unchanged tokens in percent: 100 when there were no tokens.
  [[nodiscard]] double Share() const noexcept;
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
