// The conflict check of a compiled table's rules (see rule_conflicts.hpp).
#include "compile/rule_conflicts.hpp"

#include <algorithm>
#include <map>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

// Whether no character can satisfy both items (each compared at the same distance from the focus).
bool Disjoint(const CompiledTable& table, const CompiledItem& a, const CompiledItem& b) {
  using K = ContextItem::Kind;
  auto positive = [&](const CompiledItem& i, std::vector<char32_t>* letters) {
    if (i.kind == K::kLetter) {
      *letters = {i.letter};
      return true;
    }
    if (i.kind == K::kClass || i.kind == K::kNearestVowel) {
      *letters = table.sets[i.set].letters;
      return true;
    }
    return false;
  };
  auto negative = [&](const CompiledItem& i, std::vector<char32_t>* letters) {
    if (i.kind == K::kNotLetter) {
      *letters = {i.letter};
      return true;
    }
    if (i.kind == K::kNotClass) {
      *letters = table.sets[i.set].letters;
      return true;
    }
    return false;
  };
  if (a.kind == K::kNearestVowel || b.kind == K::kNearestVowel) {
    if (a.kind != b.kind) return false;  // different reach: no claim
  }
  std::vector<char32_t> pa, pb;
  const bool a_pos = positive(a, &pa), b_pos = positive(b, &pb);
  if (a_pos && b_pos) {
    for (char32_t c : pa)
      if (std::binary_search(pb.begin(), pb.end(), c) || std::find(pb.begin(), pb.end(), c) != pb.end()) return false;
    return true;
  }
  std::vector<char32_t> n;
  if (a_pos && negative(b, &n))
    return std::all_of(pa.begin(), pa.end(), [&](char32_t c) { return std::find(n.begin(), n.end(), c) != n.end(); });
  if (b_pos && negative(a, &n))
    return std::all_of(pb.begin(), pb.end(), [&](char32_t c) { return std::find(n.begin(), n.end(), c) != n.end(); });
  auto all_word = [](const std::vector<char32_t>& letters) {
    return std::all_of(letters.begin(), letters.end(), [](char32_t c) { return unicode::IsWordChar(c); });
  };
  if (a.kind == K::kBoundary && b_pos) return all_word(pb);
  if (b.kind == K::kBoundary && a_pos) return all_word(pa);
  return false;
}

bool SidesDisjoint(const CompiledTable& table, const std::vector<CompiledItem>& a, const std::vector<CompiledItem>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const bool a_fixed = a[i].quantifier == Quantifier::kOne || a[i].quantifier == Quantifier::kPlus;
    const bool b_fixed = b[i].quantifier == Quantifier::kOne || b[i].quantifier == Quantifier::kPlus;
    if (!a_fixed || !b_fixed) return false;
    if (Disjoint(table, a[i], b[i])) return true;
    // After a variable-width or zero-width item the next items no longer line up.
    if (a[i].quantifier != Quantifier::kOne || b[i].quantifier != Quantifier::kOne) return false;
    if (a[i].kind == ContextItem::Kind::kBoundary || b[i].kind == ContextItem::Kind::kBoundary) return false;
    if (a[i].kind == ContextItem::Kind::kNearestVowel || b[i].kind == ContextItem::Kind::kNearestVowel) return false;
  }
  return false;
}

}  // namespace

int CheckRuleConflicts(const CompiledTable& table, const SourceFile* own_file, std::vector<Diagnostic>* diagnostics) {
  int errors = 0;
  std::map<std::u32string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < table.rules.size(); ++i) by_key[table.rules_source[i].key].push_back(i);
  for (const auto& [key, all] : by_key) {
    // Rules of one key and one specificity whose nearest left item is a different plain letter
    // can never meet: compare within such buckets, and each other rule with all (this keeps a
    // table of many thousand rules for one key from taking quadratic time).
    std::map<std::pair<int, char32_t>, std::vector<std::size_t>> buckets;  // (specificity, letter)
    std::map<int, std::vector<std::size_t>> others;                        // by specificity
    for (std::size_t index : all) {
      const CompiledRule& r = table.rules[index];
      if (!r.left.empty() && r.left[0].kind == ContextItem::Kind::kLetter && r.left[0].quantifier == Quantifier::kOne)
        buckets[{r.specificity, r.left[0].letter}].push_back(index);
      else
        others[r.specificity].push_back(index);
    }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    auto all_pairs = [&](const std::vector<std::size_t>& v) {
      for (std::size_t x = 0; x < v.size(); ++x)
        for (std::size_t y = x + 1; y < v.size(); ++y) pairs.emplace_back(v[x], v[y]);
    };
    for (const auto& [spec, v] : others) all_pairs(v);
    for (const auto& [bucket, v] : buckets) {
      all_pairs(v);
      auto other = others.find(bucket.first);
      if (other != others.end())
        for (std::size_t a : v)
          for (std::size_t b : other->second) pairs.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(pairs.begin(), pairs.end());  // report in rule order
    for (const auto& [first, second] : pairs) {
      {
        const CompiledRule& a = table.rules[first];
        const CompiledRule& b = table.rules[second];
        if (a.specificity != b.specificity) continue;
        if (a.output == b.output) continue;  // either may apply: the result is the same
        if (SidesDisjoint(table, a.left, b.left) || SidesDisjoint(table, a.right, b.right)) continue;
        const Rule& ra = *a.source;
        const Rule& rb = *b.source;
        const bool b_later = std::make_pair(rb.loc.file.get() == own_file, rb.loc.line) >=
                             std::make_pair(ra.loc.file.get() == own_file, ra.loc.line);
        const Rule& later = b_later ? rb : ra;
        const Rule& earlier = b_later ? ra : rb;
        ++errors;
        diagnostics->push_back(later.loc.Error("conflicting rules for '" + utf8::Encode(key) +
                                               "': this rule and the rule at " + earlier.loc.Where() +
                                               " can apply at the same place with contexts of equal length; make "
                                               "one context longer or the two contexts exclusive"));
        diagnostics->push_back(earlier.loc.Make(Severity::kNote, "the other rule of the conflict"));
      }
    }
  }
  return errors;
}

}  // namespace ortaq
