// The compiled table's lookup structures, built last (see rule_trie.hpp).
#include "compile/rule_trie.hpp"

#include <algorithm>

#include "text/unicode.hpp"

namespace ortaq {

std::vector<char32_t> SourceCaseVariants(const CompiledTable& table, char32_t lower) {
  std::vector<char32_t> variants{lower};
  if (!table.case_auto) return variants;
  std::vector<char32_t> candidates{unicode::ToUpper(lower)};
  for (const auto& [upper, l] : table.source_lower)
    if (l == lower) candidates.push_back(upper);
  for (char32_t c : candidates)
    if (c != lower && table.SourceLower(c) == lower) variants.push_back(c);
  return variants;
}

void BuildRuleTrie(CompiledTable& table) {
  table.nodes.emplace_back();  // root
  for (std::uint32_t r = 0; r < table.rules.size(); ++r) {
    const std::u32string& key = table.rules_source[r].key;
    std::uint32_t node = 0;
    for (char32_t c : key) {
      std::uint32_t child = table.nodes[node].Child(c);
      if (child == 0) {
        child = static_cast<std::uint32_t>(table.nodes.size());
        table.nodes.emplace_back();
        auto& children = table.nodes[node].children;
        children.insert(std::lower_bound(children.begin(), children.end(), std::make_pair(c, 0u)), {c, child});
      }
      node = child;
    }
    table.nodes[node].rules.push_back(r);
    table.max_key_bytes = std::max(table.max_key_bytes, key.size() * 4);  // any case form fits
  }
  for (TrieNode& node : table.nodes) {
    std::stable_sort(node.rules.begin(), node.rules.end(), [&](std::uint32_t a, std::uint32_t b) {
      return table.rules[a].specificity > table.rules[b].specificity;
    });
  }
  for (const auto& [letter, node] : table.nodes[0].children) {
    for (char32_t variant : SourceCaseVariants(table, letter)) {
      table.start.Set(variant, node);
      if (variant < 128) table.ascii_start[variant] = true;
    }
  }
  // Folded letters start what the letter they are read as starts.
  for (const auto& [from, to] : table.folds) {
    const std::uint32_t node = table.nodes[0].Child(table.SourceLower(from));
    if (node == 0) continue;
    table.start.Set(from, node);
    if (from < 128) table.ascii_start[from] = true;
  }
  if (table.repair_lookalikes)
    for (unsigned char c = 0; c < 128; ++c)
      if (table.ascii_lookalike[c]) table.ascii_start[c] = true;
}

void BuildClassBits(CompiledTable& table) {
  if (table.sets.empty()) return;
  table.class_bits.assign(CompiledTable::kLowerTableSize, 0);
  for (std::size_t s = 0; s < table.sets.size() && s < 64; ++s)
    for (char32_t c : table.sets[s].letters)
      if (c < CompiledTable::kLowerTableSize) table.class_bits[c] |= std::uint64_t{1} << s;
}

}  // namespace ortaq
