// The directives that describe a table rather than convert with it: `@status`, `@date` and
// `@sources` (its provenance, shown by `ortaq list`) and `@merges` (letters written alike on
// purpose, which `ortaq check` then does not warn about). tables/README.md documents them.
#ifndef ORTAQ_TABLE_TABLE_HEADER_HPP_
#define ORTAQ_TABLE_TABLE_HEADER_HPP_

#include <string>
#include <utility>
#include <vector>

#include "table/table_ast.hpp"

namespace ortaq {

// A directive's arguments: each word with its column, and the raw text after the name (up to a
// comment) with the column where it starts.
struct HeaderArgs {
  std::vector<std::pair<std::u32string, int>> words;
  std::string rest;
  int rest_column = 0;
};

// The values `@status` takes, in the order of authority.
const std::vector<std::string>& TableStatuses();

// Parses `name` if it is one of these directives (returning true), adding errors at `at`'s
// line; false for any other directive.
bool ParseHeaderDirective(const std::string& name, const HeaderArgs& args, const SourceLoc& at, TableAst* table,
                          std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq

#endif  // ORTAQ_TABLE_TABLE_HEADER_HPP_
