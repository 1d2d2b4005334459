// Parses a stem lexicon file (`@lexicon`, tables/README.md "Stem lexicons"): one word or stem a
// line, `!` comments, `-` marking where letters may follow or precede. Errors carry
// file:line:col; parsing goes on after an error so that one run reports every broken line.
#ifndef ORTAQ_TABLE_LEXICON_FILE_HPP_
#define ORTAQ_TABLE_LEXICON_FILE_HPP_

#include <string_view>
#include <vector>

#include "table/table_ast.hpp"

namespace ortaq {

// Appends the file's entries to *entries and its problems to *diagnostics; the entries are
// usable only when no error was appended.
void ParseLexiconFile(std::string_view text, std::string_view file_name, std::vector<LexiconEntry>* entries,
                      std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq

#endif  // ORTAQ_TABLE_LEXICON_FILE_HPP_
