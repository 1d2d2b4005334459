// Rules of one key and one context length that could both apply at the same place and give
// different outputs are an error citing both lines (tables/README.md: nothing may depend on the
// order of lines). Run once the rules are compiled, before the trie is built.
#ifndef ORTAQ_COMPILE_RULE_CONFLICTS_HPP_
#define ORTAQ_COMPILE_RULE_CONFLICTS_HPP_

#include <vector>

#include "compile/compiled_table.hpp"

namespace ortaq {

// Appends an error (and a note at the other rule) per conflict; returns the number of errors.
// `own_file`: the table's own file, whose rules are reported as the later of a pair.
int CheckRuleConflicts(const CompiledTable& table, const SourceFile* own_file, std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_RULE_CONFLICTS_HPP_
