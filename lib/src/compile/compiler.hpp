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

// The table after inheritance (a TableAst of its own, `path` set): a child's option, class,
// rule (same key, condition and context) or exception replaces its base's; the tests and the
// @chain are the child's own.

TableAst MergeLayers(const LoadedTable& table);

TableInfo InfoOf(const TableAst& table);

using Settings = std::vector<std::pair<std::string, std::string>>;

// Checks settings against the table's options (unknown names or values: kInvalidArgument) and
// returns the full list, defaults filled in.
Status ResolveSettings(const TableAst& table, const Settings& requested, Settings* resolved);

// The engine's own rules that users can switch off (Options).
struct EngineSwitches {
  bool pass_through = true;       // URLs, e-mail addresses, @handles, #hashtags, paths, Roman numerals
  bool foreign_words = true;      // words with @foreign-letters or listed as `foreign`
  bool repair_lookalikes = true;  // @lookalike letters inside words of the source script
  bool convert_hashtags = true;   // #hashtags in the source script are converted
};

// Compiles with resolved settings. Returns nullptr when an error diagnostic was added.
std::unique_ptr<CompiledTable> Compile(const TableAst& table, const Settings& resolved,
                                       std::vector<Diagnostic>* diagnostics,
                                       const EngineSwitches& switches = EngineSwitches());

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_COMPILER_HPP_
