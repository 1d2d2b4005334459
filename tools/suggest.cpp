#include "suggest.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "cli_common.hpp"

namespace ortaq::cli {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Lower case without '-' and '_': the spelling two ids share when they differ only in those.
std::string Folded(std::string_view id) {
  std::string folded;
  for (char c : id)
    if (c != '-' && c != '_') folded += Lower(c);
  return folded;
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& c : candidates) {
    const std::size_t d = EditDistance(word, c);
    if (d < best_distance && d * 2 < std::max<std::size_t>(word.size(), 2)) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = ClosestMatch(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

std::vector<std::string> KnownAlphabetIds() {
  std::set<std::string> ids;
  for (const TableInfo& t : ListTables(Options{})) {
    ids.insert(t.from);
    ids.insert(t.to);
  }
  return {ids.begin(), ids.end()};
}

bool ReadAlphabetId(const std::string& flag, std::string* id, const std::vector<std::string>& known) {
  if (*id == "auto" || id->find('/') != std::string::npos ||
      (id->size() > 4 && id->compare(id->size() - 4, 4, ".tbl") == 0))
    return true;
  if (std::find(known.begin(), known.end(), *id) != known.end()) return true;
  std::vector<std::string> same;
  for (const std::string& k : known)
    if (Folded(k) == Folded(*id)) same.push_back(k);
  if (same.size() == 1) {
    *id = same.front();
    return true;
  }
  if (same.size() > 1) {
    std::string list;
    for (const std::string& s : same) list += (list.empty() ? "'" : ", '") + s + "'";
    PrintError(flag + " " + *id + " is ambiguous: it could be " + list);
    return false;
  }
  const std::string match = ClosestMatch(*id, known);
  if (match.empty()) return true;
  PrintError(flag + ": unknown alphabet '" + *id + "' (did you mean '" + match + "'?); 'ortaq list' shows them all");
  return false;
}

}  // namespace ortaq::cli
