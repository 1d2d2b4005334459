// Parses the text of one `.tbl` file into a TableAst. `@inherit` is recorded, not followed:
// the loader does that. Errors are diagnostics with file:line:col; parsing goes on after an
// error so that one run reports every broken line.
#ifndef ORTAQ_TABLE_TABLE_PARSER_HPP_
#define ORTAQ_TABLE_TABLE_PARSER_HPP_

#include <string_view>
#include <vector>

#include "table/table_ast.hpp"

namespace ortaq {

// Returns the table; appends problems to *diagnostics. The table is usable only when no error
// was appended.
TableAst ParseTable(std::string_view text, std::string_view file_name, std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq

#endif  // ORTAQ_TABLE_TABLE_PARSER_HPP_
