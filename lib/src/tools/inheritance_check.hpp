// What `ortaq check` says about a table that inherits another: the letters it writes alike that
// its parent kept apart (words then collide: І and Ы both as ı make іле and ыле one word), and
// the inherited options it left with nothing to do (every rule that used them overridden).
#ifndef ORTAQ_TOOLS_INHERITANCE_CHECK_HPP_
#define ORTAQ_TOOLS_INHERITANCE_CHECK_HPP_

#include <string_view>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "table/table_loader.hpp"

namespace ortaq {

// Adds warnings at the table's own lines. `corpus` (may be empty) is text in the source
// alphabet from which an example word is taken for each pair of merged letters.
void CheckInheritance(const LoadedTable& loaded, const Options& options, std::string_view corpus,
                      std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq

#endif  // ORTAQ_TOOLS_INHERITANCE_CHECK_HPP_
