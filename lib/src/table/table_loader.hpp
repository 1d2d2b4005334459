// Reads table files and follows `@inherit`, producing the layers of a table: the bases first,
// the table itself last. Cycles and missing bases are errors at the `@inherit` line.
#ifndef ORTAQ_TABLE_TABLE_LOADER_HPP_
#define ORTAQ_TABLE_TABLE_LOADER_HPP_

#include <string>
#include <vector>

#include "table/table_ast.hpp"

namespace ortaq {

struct LoadedTable {
  std::vector<TableAst> layers;  // bases first; the requested table last
  std::string path;              // the requested file ("" for text)
};

// Both return false when any error diagnostic was added (the table must not be used then).
bool LoadTableFile(const std::string& path, const std::vector<std::string>& search_path, LoadedTable* table,
                   std::vector<Diagnostic>* diagnostics);
bool LoadTableText(std::string_view text, std::string_view name, const std::vector<std::string>& search_path,
                   LoadedTable* table, std::vector<Diagnostic>* diagnostics);

// Reads a whole file; false with *error set when it cannot.
bool ReadFile(const std::string& path, std::string* contents, std::string* error);

}  // namespace ortaq

#endif  // ORTAQ_TABLE_TABLE_LOADER_HPP_
