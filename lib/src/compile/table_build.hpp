// From a table file (or text, or a list of table files) to the compiled stages a
// Transliterator runs. A table with `@chain` becomes one stage per chained table; options set
// by the user go to every stage that declares them.
#ifndef ORTAQ_COMPILE_TABLE_BUILD_HPP_
#define ORTAQ_COMPILE_TABLE_BUILD_HPP_

#include <memory>
#include <string>
#include <vector>

#include "compile/compiler.hpp"
#include "compile/lexicon_rules.hpp"
#include "fast/fast_tables.hpp"

namespace ortaq {

// One table of a chain: its rules, and the accelerator built from them (null for the reference
// engine, which is the same engine without it).
struct CompiledStage {
  std::unique_ptr<const CompiledTable> rules;
  std::unique_ptr<const FastTables> fast;
};

struct BuiltTable {
  std::vector<CompiledStage> stages;
  TableInfo info;
  Settings settings;  // every option of every stage, with the value in force
};

// The merged stages of a loaded table: itself, or the tables its @chain names (recursively).
Status ExpandStages(const LoadedTable& loaded, const Options& options, std::vector<TableAst>* stages,
                    std::vector<Diagnostic>* diagnostics, int depth = 0);

// Loads each file as a stage (for chains found by FindChain).
Status LoadStageFiles(const std::vector<std::string>& paths, const Options& options, std::vector<TableAst>* stages,
                      std::vector<Diagnostic>* diagnostics);

// What a list of stages converts from and to, and the union of their options.
TableInfo InfoOfStages(const std::vector<TableAst>& stages, const std::string& path, const std::string& title);

// A chain table's own @status, @date and @sources into the info of its stages.
void CopyProvenance(const TableAst& own, TableInfo* info);

// Compiles the stages with the user's settings. `reference_engine` leaves out the fast tables
// (for tests that compare them with the rule engine: api/test_hooks.hpp). A stage with a
// @lexicon needs `speller`; without one such a stage is an error.
Status BuildStages(const std::vector<TableAst>& stages, TableInfo info, const Options& options, bool reference_engine,
                   BuiltTable* out, std::vector<Diagnostic>* diagnostics, const LexiconSpeller& speller = {});

// A table named by @chain or by @lexicon's `via`: a path (relative to `dir`) or an id FROM--TO
// on the search path; "" when there is none.
std::string ResolveTableEntry(const std::string& name, const std::string& dir, const Options& options);

// The file `<from>--<to>.tbl` on the search path, or "" (no messages, no listing).
std::string FindTableFile(std::string_view from, std::string_view to, const Options& options);

// A path of tables from `from` to `to` through other alphabets (at most three tables), shortest
// first; empty when there is none.
std::vector<std::string> FindChain(std::string_view from, std::string_view to, const Options& options);

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_TABLE_BUILD_HPP_
