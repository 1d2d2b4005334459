// Comparing alphabet proposals: what each proposal does to the same corpus, counted.
//
//   ortaq::Status status;
//   std::vector<ortaq::Proposal> proposals;
//   for (const char* spec : {"cta-2024", "cta-2024:kk-i=ï", "kk-Latn-2018"}) {
//     ortaq::Proposal p;
//     status = ortaq::LoadProposal(spec, "kk-Cyrl", ortaq::Options{}, &p);
//     if (!status.ok()) { /* status.message() names the table or the setting */ }
//     proposals.push_back(std::move(p));
//   }
//   ortaq::Comparison comparison(std::move(proposals), ortaq::CompareOptions{});
//   const std::vector<std::string_view> pieces = {"Қазақ", "стан\n"};  // any size; lines may be cut
//   for (std::string_view chunk : pieces) {
//     status = comparison.Add(chunk);
//     if (!status.ok()) { /* invalid UTF-8: status.position() counts from the first byte added */ }
//   }
//   ortaq::CompareReport report;
//   status = comparison.Finish(&report);
//   std::string json = ortaq::FormatCompareReport(report, ortaq::CompareFormat::kJson);
//
// Memory: the corpus is read in pieces; what is kept is one entry per distinct word form
// (lowercase) and, per proposal, one output per distinct form and letter counts. A corpus of
// hundreds of MB therefore needs memory in proportion to its vocabulary, not its size.
//
// The measures and their exact definitions are in docs/compare.md; the JSON fields are listed
// there too. No function here throws; failures come back as a Status.
#ifndef ORTAQ_COMPARE_HPP_
#define ORTAQ_COMPARE_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ortaq/export.h"
#include "ortaq/ortaq.hpp"

namespace ortaq {

// One proposal: a table (id or .tbl path) with settings, as written on the command line.
struct Proposal {
  std::string id;  // as given: "cta-2024:kk-i=ï", "my.tbl"
  std::shared_ptr<const Transliterator> transliterator;
};

// Reads "TABLE[:KEY=VALUE,KEY=VALUE...]" where TABLE is a target id (converted from `from`)
// or the path of a .tbl file, and builds its transliterator with those settings.
ORTAQ_API Status LoadProposal(std::string_view spec, std::string_view from, const Options& options,
                              Proposal* proposal);

struct CompareOptions {
  int examples = 5;       // homograph / collision groups and diff words shown
  int sample_lines = 5;   // source lines where the proposals differ
  // Directory of xkb symbols files; empty: $ORTAQ_XKB_DIR, else /usr/share/X11/xkb/symbols.
  std::string xkb_dir;
};

// A letter of a proposal's output: one letter with its combining marks, or a digraph or an
// apostrophe letter (one source letter written with two characters).
struct LetterStat {
  std::string letter;        // lowercase
  std::string upper;         // its capital as the proposal writes it
  std::vector<char32_t> code_points;  // of the lowercase letter
  bool precomposed = true;   // one code point (digraphs and apostrophe letters: false)
  std::string block;         // Unicode block of its first code point, e.g. "Latin Extended-A"
  std::string kind;          // "plain" (a-z), "diacritic", "special" (ı ə ŋ), "apostrophe", "digraph"
  std::uint64_t count = 0;   // occurrences in the converted corpus (any case)
  std::string source;        // the source letters written with it, "и й" (two or more: merged)
  // Keystrokes for lowercase and capital on each layout of CompareReport::layouts; 0 = cannot type.
  std::vector<int> keys_lower, keys_upper;
};

// Source words that one output word stands for.
struct WordGroup {
  std::string output;                                        // lowercase
  std::vector<std::pair<std::string, std::uint64_t>> words;  // source forms (lowercase), count
  std::uint64_t count = 0;                                   // running words, all forms together
};

struct Overlap {
  std::string alphabet;                // "tr", "az", "uz"
  int shared = 0;                      // letters in both
  std::vector<std::string> only_proposal, only_reference;
};

struct KeyboardStat {
  std::string layout;                  // "tr", "tr(f)", "us(intl)", "kz(latin)", "kz"
  double keys_per_word = 0;            // keystrokes of the typeable letters / words
  double keys_per_letter = 0;
  std::vector<std::string> untypeable; // letters it cannot type at all
  double untypeable_per_100_letters = 0;
};

struct ProposalReport {
  std::string id;
  std::string table;                   // the table's title
  std::uint64_t letters = 0, words = 0, bytes = 0;
  std::uint64_t non_ascii_letters = 0, words_with_non_ascii_count = 0;
  double non_ascii_per_100_letters = 0, words_with_non_ascii = 0;  // share 0-1
  std::uint64_t digraphs = 0, false_digraphs = 0;
  double digraphs_per_100_letters = 0;
  std::vector<std::pair<std::string, std::uint64_t>> false_digraph_examples;  // word, count
  std::uint64_t apostrophes = 0;       // apostrophes after a letter that the source did not have
  double apostrophes_per_100_letters = 0;
  std::vector<LetterStat> inventory;   // most frequent first
  std::vector<std::string> case_collisions;  // "I ← ı i" (capital shared by two letters)
  std::uint64_t homograph_groups = 0;
  double homograph_running_share = 0;  // share of running words in a homograph group
  std::vector<WordGroup> homograph_examples;
  std::uint64_t ascii_fold_collisions = 0;
  double ascii_fold_running_share = 0;
  std::vector<WordGroup> ascii_fold_examples;  // words = the distinct outputs that collide
  double letters_change_percent = 0, bytes_change_percent = 0;  // against the source
  std::uint64_t outside_turkish = 0;
  double outside_turkish_per_100_letters = 0;
  std::vector<Overlap> overlap;
  std::vector<KeyboardStat> keyboards;
};

struct SourceReport {
  std::uint64_t letters = 0, words = 0, bytes = 0, lines = 0, distinct_words = 0;
  std::vector<KeyboardStat> keyboards;  // typing the source itself (kz is the Kazakh Cyrillic layout)
};

struct SampleLine {
  std::string source;
  std::vector<std::string> outputs;    // one per proposal
};

struct CompareReport {
  std::string from;
  std::vector<std::string> layouts;    // the keyboard layouts, in the order of LetterStat::keys_*
  SourceReport source;
  std::vector<ProposalReport> proposals;
  std::vector<SampleLine> samples;
  std::vector<std::string> notes;      // what could not be measured (a keyboard layout not installed)
};

// Words two proposals write differently.
struct DiffReport {
  std::string a, b;
  std::uint64_t words = 0, differing_words = 0;   // running words
  std::uint64_t distinct_words = 0, differing_distinct = 0;
  struct Entry {
    std::string source, a, b;
    std::uint64_t count = 0;
  };
  std::vector<Entry> entries;  // most frequent first
};

class ORTAQ_API Comparison {
 public:
  Comparison(std::vector<Proposal> proposals, CompareOptions options);
  ~Comparison();
  Comparison(const Comparison&) = delete;
  Comparison& operator=(const Comparison&) = delete;

  // Adds a piece of the corpus (UTF-8; a piece may end anywhere, even inside a character).
  // Invalid UTF-8 gives kInvalidInput with the position counted from the first byte added.
  Status Add(std::string_view chunk);
  // Marks the end of one file: a line is never joined across files.
  Status EndOfFile();
  // Computes the report (call once, after the last Add).
  Status Finish(CompareReport* report);
  // The words the first two proposals write differently (call after Finish); at most `limit`.
  Status Diff(std::size_t limit, DiffReport* diff);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

enum class CompareFormat { kText, kMarkdown, kCsv, kJson, kHtml };

// The format named "text", "markdown", "csv", "json" or "html"; false for any other name.
ORTAQ_API bool ParseCompareFormat(std::string_view name, CompareFormat* format);
ORTAQ_API std::string FormatCompareReport(const CompareReport& report, CompareFormat format);
ORTAQ_API std::string FormatDiffReport(const DiffReport& diff, CompareFormat format);

}  // namespace ortaq

#endif  // ORTAQ_COMPARE_HPP_
