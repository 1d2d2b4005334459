// "Did you mean": close matches for mistyped alphabet ids, table options, subcommands and flags,
// and the forgiving reading of ids (kk-cyrl is kk-Cyrl, cta2024 is cta-2024).
#ifndef ORTAQ_TOOLS_SUGGEST_HPP_
#define ORTAQ_TOOLS_SUGGEST_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace ortaq::cli {

// Levenshtein distance over bytes, letters compared without case.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when close enough to be a likely typo (at most 2 edits and
// less than half the word); "" otherwise.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" for the closest candidate, or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

// Reads an alphabet id the way people type it. An id spelled exactly is kept; otherwise one
// that equals a known id without regard to case, '-' and '_' is replaced by it (kk-cyrl,
// KK-CYRL, cta2024). Paths (with '/' or ending in .tbl) and "auto" are kept. Prints an error
// and returns false when the id is unknown but close to a known one, or when it could be
// more than one; an unknown id with nothing close is kept, for the library to report.
bool ReadAlphabetId(const std::string& flag, std::string* id, const std::vector<std::string>& known);

// Every alphabet id some table on the search path converts from or to, sorted.
std::vector<std::string> KnownAlphabetIds();

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_SUGGEST_HPP_
