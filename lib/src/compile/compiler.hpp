// Turns the layers of a table into a CompiledTable for one choice of option values.
// Semantics (tables/README.md): exceptions first; then the longest key; among rules with that
// key the one with the longest context; a tie that the contexts cannot tell apart is an error
// citing both lines. Nothing depends on the order of lines.
#ifndef ORTAQ_COMPILE_COMPILER_HPP_
#define ORTAQ_COMPILE_COMPILER_HPP_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compile/compiled_table.hpp"
#include "table/table_loader.hpp"

namespace ortaq {

// The table after inheritance: a child's option, class, rule (same key, condition and context)
// or exception replaces its base's.
struct MergedTable {
  std::string path;
  std::shared_ptr<const SourceFile> file;  // the table's own file
  std::string from, to, title;
  std::string status, date;              // the table's own provenance (not inherited)
  std::vector<SourceRecord> sources;
  std::vector<std::pair<std::pair<char32_t, char32_t>, SourceLoc>> merges;  // every layer's @merges
  bool case_auto = true;
  std::string vowel_class;
  SourceLoc vowel_loc;
  std::vector<CasePair> target_case_pairs, source_case_pairs;
  std::vector<std::pair<char32_t, SourceLoc>> source_alphabet, target_alphabet;
  std::vector<std::pair<std::pair<char32_t, char32_t>, SourceLoc>> folds, lookalikes;
  std::vector<std::pair<char32_t, SourceLoc>> foreign_letters;
  std::vector<std::pair<std::u32string, SourceLoc>> foreign_words, foreign_sequences;
  std::vector<OptionDef> options;
  std::vector<ClassDef> classes;
  std::vector<Rule> rules;
  std::vector<Exception> exceptions;
  std::vector<TestCase> tests;  // the table's own; a base's tests are not inherited
  std::vector<Inherit> chain;   // the table's own @chain (a chain table has no rules)
  std::vector<LexiconUse> lexicons;  // every layer's @lexicon, spelled into rules before compiling
  std::vector<CapitalHarmony> capital_harmony;
};

MergedTable MergeLayers(const LoadedTable& table);

TableInfo InfoOf(const MergedTable& table);

using Settings = std::vector<std::pair<std::string, std::string>>;

// Checks settings against the table's options (unknown names or values: kInvalidArgument) and
// returns the full list, defaults filled in.
Status ResolveSettings(const MergedTable& table, const Settings& requested, Settings* resolved);

// The engine's own rules that users can switch off (Options).
struct EngineSwitches {
  bool pass_through = true;       // URLs, e-mail addresses, @handles, #hashtags, paths, Roman numerals
  bool foreign_words = true;      // words with @foreign-letters or listed as `foreign`
  bool repair_lookalikes = true;  // @lookalike letters inside words of the source script
  bool convert_hashtags = true;   // #hashtags in the source script are converted
};

// Compiles with resolved settings. Returns nullptr when an error diagnostic was added.
std::unique_ptr<CompiledTable> Compile(const MergedTable& table, const Settings& resolved,
                                       std::vector<Diagnostic>* diagnostics,
                                       const EngineSwitches& switches = EngineSwitches());

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_COMPILER_HPP_
