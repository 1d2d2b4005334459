// A proposal's letters, found by converting each letter of the source alphabet on its own:
// one letter (plain a-z, with a diacritic, or a special letter such as ı ə ŋ), a letter with an
// apostrophe (2017's a'), or a digraph (sh for ш: two letters for one source letter that
// stands for one sound). A source letter for two sounds (я → ya) gives two letters, no digraph.
#ifndef ORTAQ_COMPARE_UNITS_HPP_
#define ORTAQ_COMPARE_UNITS_HPP_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compare/comparison_impl.hpp"

namespace ortaq::compare {

struct Unit {
  std::string lower, upper, kind;
  std::vector<std::string> sources;  // source letters written with it
};

struct Units {
  std::vector<Unit> units;                  // the inventory, in source-letter order
  std::vector<std::string> multi;           // digraphs and apostrophe letters, longest first
  std::unordered_map<std::string, std::string> digraph_kind;  // multi unit → its kind
  std::unordered_map<std::string, std::string> output_of;     // source letter → its output
  // Pairs of single letters written with one capital (2018: ı and i are both I), "I ← ı i".
  std::vector<std::string> case_collisions;
};

Status FindUnits(const Transliterator& t, const std::vector<SourceLetter>& letters, Units* units);

// "plain", "diacritic" or "special" for one letter (with its marks).
std::string KindOfLetter(std::string_view letter);

// Splits lowercase output into the proposal's letters: a digraph or apostrophe letter where one
// is written, else one letter with its marks. Calls f(unit, is_multi).
template <typename F>
void Segment(std::string_view text, const std::vector<std::string>& multi, F f) {
  const CodePointClass* low = LowCodePointClasses();
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool matched = false;
    for (const std::string& m : multi) {
      if (text.compare(pos, m.size(), m) == 0) {
        f(std::string_view(m), true);
        pos += m.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    std::size_t next = pos + 1;
    while (next < text.size() && utf8::IsContinuation(static_cast<unsigned char>(text[next]))) ++next;
    auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    auto* end = begin + text.size();
    const utf8::Decoded d = DecodeFast(begin + pos, end);
    if (d.length > 0 && ClassOf(low, d.code_point).letter) {
      // The letter and the combining marks after it.
      while (next < text.size()) {
        const utf8::Decoded m = DecodeFast(begin + next, end);
        if (m.length <= 0 || !ClassOf(low, m.code_point).mark) break;
        next += m.length;
      }
      f(text.substr(pos, next - pos), false);
    }
    pos = next;
  }
}

}  // namespace ortaq::compare

#endif  // ORTAQ_COMPARE_UNITS_HPP_
