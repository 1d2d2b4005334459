// The state of a Comparison while the corpus is read, shared by comparison.cpp (reading) and
// measures.cpp (the figures computed at the end).
#ifndef ORTAQ_COMPARE_COMPARISON_IMPL_HPP_
#define ORTAQ_COMPARE_COMPARISON_IMPL_HPP_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compare/keyboard.hpp"
#include "compare/letters.hpp"
#include "compare/word_table.hpp"
#include "ortaq/compare.hpp"

namespace ortaq {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

namespace compare {

struct ProposalState {
  Proposal proposal;
  RunningCounts counts;              // of the converted running text
  std::vector<std::string> outputs;  // per word form: the lowercase form converted on its own
};

// A letter of the source alphabet seen in the corpus, in lowercase, with its capital.
struct SourceLetter {
  std::string lower, upper;
  std::uint64_t count = 0;
};

// Converts each item on its own (joined by line breaks into one conversion).
Status ConvertEach(const Transliterator& t, const std::vector<std::string_view>& items,
                   std::vector<std::string>* outputs);

// What every proposal's figures are computed from.
struct Corpus {
  const RunningCounts& source;
  const std::vector<std::string_view>& forms;  // distinct lowercase word forms
  const std::vector<std::uint64_t>& form_counts;
  // Whether each form is written in the corpus's main script alone: the word-level measures
  // read only these, so that a typo with a Latin look-alike (бip for бір) or a foreign word
  // is not taken for a word the proposal merged.
  const std::vector<bool>& clean;
  const std::vector<SourceLetter>& letters;      // letters of the corpus's main script
  const std::vector<Keyboard>& keyboards;
  const CompareOptions& options;
};

Status MeasureProposal(const Corpus& corpus, const ProposalState& state, ProposalReport* report);
// Keystrokes for the letters of `counts` that are in `letters` (any letter when it is empty).
std::vector<KeyboardStat> MeasureKeyboards(const std::vector<Keyboard>& keyboards, const RunningCounts& counts,
                                           const std::u32string& letters);

}  // namespace compare

// Hidden: Comparison is exported (ORTAQ_API) and its nested class would be too.
struct __attribute__((visibility("hidden"))) Comparison::Impl {
  std::vector<compare::ProposalState> proposals;
  CompareOptions options;
  std::string pending;              // the start of a line not yet ended
  std::uint64_t file_offset = 0;    // bytes of the current file before `pending`
  std::uint64_t file_lines = 0;     // lines of the current file before `pending`
  compare::RunningCounts source;
  compare::WordTable forms;  // distinct lowercase word forms
  std::vector<std::uint64_t> form_counts;
  compare::WordBuffer word_buffer;               // the lowercase words of a piece
  std::vector<std::string_view> chunk_words;     // ... one by one
  std::vector<std::string> converted;                // per proposal, reused
  std::vector<SampleLine> samples_all_differ, samples_some_differ;
  bool finished = false;

  Status Process(std::string_view lines);
  void CollectSamples(std::string_view lines);
};

}  // namespace ortaq

#endif  // ORTAQ_COMPARE_COMPARISON_IMPL_HPP_
