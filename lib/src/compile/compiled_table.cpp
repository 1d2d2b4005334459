// The small methods of the compiled table's parts (compiled_table.hpp).
#include "compile/compiled_table.hpp"

#include <algorithm>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {

bool CharSet::Contains(char32_t c) const { return std::binary_search(letters.begin(), letters.end(), c); }

std::uint32_t TrieNode::Child(char32_t c) const {
  auto it = std::lower_bound(children.begin(), children.end(), c,
                             [](const std::pair<char32_t, std::uint32_t>& p, char32_t v) { return p.first < v; });
  return (it != children.end() && it->first == c) ? it->second : 0;
}

void CodePointMap::Set(char32_t c, std::uint32_t value) {
  std::uint16_t& page = page_of_[c >> 8];
  if (page == 0) {
    page = static_cast<std::uint16_t>(pages_.size());
    pages_.emplace_back();
    pages_.back().fill(0);
  }
  pages_[page][c & 0xFF] = value;
}

char32_t CompiledTable::SourceLowerSlow(char32_t c) const {
  for (const auto& [from, to] : folds)
    if (from == c) {
      c = to;
      break;
    }
  for (const auto& [upper, lower] : source_lower)
    if (upper == c) return lower;
  return unicode::ToLower(c);
}

std::string CompiledTable::TargetUpper(std::string_view text) const {
  std::string out;
  for (char32_t c : utf8::DecodeValid(text)) {
    char32_t upper = 0;
    for (const auto& [l, u] : target_upper)
      if (l == c) upper = u;
    utf8::Append(out, upper ? upper : unicode::ToUpper(c));
  }
  return unicode::ToNfc(out);
}

std::string CompiledTable::TargetTitle(std::string_view text) const {
  std::u32string letters = utf8::DecodeValid(text);
  for (char32_t& c : letters) {
    if (!unicode::IsWordChar(c)) continue;
    c = utf8::DecodeValid(TargetUpper(utf8::Encode(std::u32string(1, c))))[0];
    break;
  }
  return unicode::ToNfc(utf8::Encode(letters));
}

}  // namespace ortaq
