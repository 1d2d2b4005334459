#include "engine/rule_step.hpp"

#include "text/unicode.hpp"

namespace ortaq {
namespace {

using Kind = ContextItem::Kind;

class RuleMatcher {
 public:
  explicit RuleMatcher(const EngineText& text) : text_(text), t_(text.table()), in_(text.input()) {}

 private:
  bool IsVowel(char32_t lower) const { return t_.vowel_set >= 0 && t_.InSet(static_cast<std::uint32_t>(t_.vowel_set), lower); }

  bool Test(const CompiledItem& item, char32_t lower) const {
    switch (item.kind) {
      case Kind::kLetter: return lower == item.letter;
      case Kind::kNotLetter: return lower != item.letter;
      case Kind::kClass: return t_.InSet(item.set, lower);
      case Kind::kNotClass: return !t_.InSet(item.set, lower);
      default: return false;
    }
  }

  // Matches context items outward from `pos` (backward when `left`).
  bool MatchSide(const std::vector<CompiledItem>& items, std::size_t pos, bool left, const Window& w) const {
    auto step = [&](std::size_t* at, char32_t* cp) { return left ? w.Prev(at, cp) : w.Next(at, cp); };
    for (const CompiledItem& item : items) {
      char32_t cp;
      switch (item.kind) {
        case Kind::kBoundary: {
          std::size_t at = pos;
          if (step(&at, &cp) && unicode::IsWordChar(cp)) return false;
          break;
        }
        case Kind::kNearestVowel: {
          for (;;) {
            std::size_t at = pos;
            if (!step(&at, &cp) || !unicode::IsWordChar(cp)) return false;
            const char32_t lower = text_.Key(cp, left ? at : pos);
            pos = at;
            if (IsVowel(lower)) {
              if (!t_.InSet(item.set, lower)) return false;
              break;
            }
          }
          break;
        }
        default: {
          const bool negative = item.kind == Kind::kNotLetter || item.kind == Kind::kNotClass;
          const std::size_t min = (item.quantifier == Quantifier::kOne || item.quantifier == Quantifier::kPlus) ? 1 : 0;
          const std::size_t max = (item.quantifier == Quantifier::kOne || item.quantifier == Quantifier::kOptional) ? 1 : SIZE_MAX;
          std::size_t count = 0;
          bool at_edge = false;
          while (count < max) {
            std::size_t at = pos;
            if (!step(&at, &cp)) {
              at_edge = true;
              break;
            }
            if (!Test(item, text_.Key(cp, left ? at : pos))) break;
            pos = at;
            ++count;
          }
          // "not x" holds at the edge of the text: nothing there is x.
          if (count < min && !(negative && at_edge)) return false;
        }
      }
    }
    return true;
  }

  // Case of the nearest word with two or more cased letters, looking one way from `pos`:
  // kUpper when all its cased letters are uppercase, kTitle otherwise, kLower when no such
  // word is within the window. One-letter words on the way are passed over.
  CaseForm NeighbourCase(std::size_t pos, bool forward, const Window& w) const {
    char32_t cp;
    std::size_t at = pos;
    auto step = [&] { return forward ? w.Next(&at, &cp) : w.Prev(&at, &cp); };
    bool more = step();
    // Leave the current word (nothing to leave for a one-letter word).
    while (more && unicode::IsWordChar(cp)) more = step();
    while (more) {
      while (more && !unicode::IsWordChar(cp)) more = step();
      if (!more) break;
      int cased = 0;
      bool all_upper = true;
      while (more && unicode::IsWordChar(cp)) {
        if (unicode::IsUpper(cp)) ++cased;
        else if (unicode::IsLower(cp)) { ++cased; all_upper = false; }
        more = step();
      }
      if (cased >= 2) return all_upper ? CaseForm::kUpper : CaseForm::kTitle;
    }
    return CaseForm::kLower;
  }

  // The case form for a key [p, end) whose first letter is `first` and second (if any) `second`.
  CaseForm ChooseCase(std::size_t p, std::size_t end, char32_t first, const char32_t* second, std::uint32_t output,
                      const Window& w) const {
    // The case of the letter as written: a @capital-harmony capital is read as a lowercase letter.
    char32_t written = first;
    for (std::size_t at0 = p; w.Next(&at0, &written);) break;
    if (!t_.case_auto || !unicode::IsUpper(written)) return CaseForm::kLower;
    const OutputForms& forms = t_.outputs[output];
    if (forms.title == forms.upper) return CaseForm::kUpper;
    if (second) {
      // A key of several letters shows its own case: the first cased letter after the first
      // (apostrophes and marks between are passed over: 2017 IʼA).
      char32_t c = *second;
      std::size_t at = p;
      w.Next(&at, &c);  // the first letter
      while (at < end && w.Next(&at, &c)) {
        if (unicode::IsUpper(c)) return CaseForm::kUpper;
        if (unicode::IsLower(c)) return CaseForm::kTitle;
      }
    }
    // The next letter of the word, then the previous one; combining marks are passed over.
    char32_t cp = 0;
    std::size_t at = end;
    while (w.Next(&at, &cp) && unicode::IsMark(cp)) {}
    if (at != end && unicode::IsWordChar(cp) && !unicode::IsMark(cp)) {
      if (unicode::IsUpper(cp)) return CaseForm::kUpper;
      if (unicode::IsLower(cp)) return CaseForm::kTitle;
    }
    at = p;
    while (w.Prev(&at, &cp) && unicode::IsMark(cp)) {}
    if (at != p && unicode::IsWordChar(cp) && !unicode::IsMark(cp)) {
      if (unicode::IsUpper(cp)) return CaseForm::kUpper;
      if (unicode::IsLower(cp)) return CaseForm::kTitle;
    }
    // A one-letter word takes its case from the nearest word with two or more letters.
    CaseForm next = NeighbourCase(end, /*forward=*/true, w);
    if (next != CaseForm::kLower) return next;
    CaseForm prev = NeighbourCase(p, /*forward=*/false, w);
    if (prev != CaseForm::kLower) return prev;
    return CaseForm::kTitle;
  }

  // The case form of letters whose case was counted: kLower, kTitle or kUpper; false for
  // mixed case, which no exception matches.
  bool WordCase(std::size_t count, std::size_t upper, std::size_t lower, bool first_upper, CaseForm* form) const {
    if (upper == 0) *form = CaseForm::kLower;
    else if (lower == 0 && count > 1) *form = CaseForm::kUpper;
    else if (first_upper && upper == 1) *form = count > 1 ? CaseForm::kTitle : CaseForm::kUpper;
    else return false;
    return t_.case_auto || *form == CaseForm::kLower;
  }

  // A whole-word exception at p, or else a stem exception (`word*`) that the word begins with.
  bool MatchException(std::size_t p, const Window& w, std::size_t* consumed, std::uint32_t* output, CaseForm* form) const {
    char32_t cp;
    if (w.PeekPrev(p, &cp) && unicode::IsWordChar(cp)) return false;  // not at a word start
    constexpr std::size_t kMax = kContextWindow;
    char32_t lowered[kMax];
    std::size_t ends[kMax];        // byte position after each letter
    std::size_t uppers[kMax + 1];  // uppercase letters among the first i
    std::size_t lowers[kMax + 1];
    uppers[0] = lowers[0] = 0;
    std::size_t count = 0;
    bool first_upper = false, whole_word = true;
    std::size_t at = p;
    for (;;) {
      std::size_t next = at;
      if (!w.Next(&next, &cp)) {
        // The word must end before the edge, or at the true end of the input.
        if (!(in_.final && at == in_.size)) whole_word = false;
        break;
      }
      if (!unicode::IsWordChar(cp)) break;
      if (count == t_.max_exception_letters) {
        whole_word = false;
        break;
      }
      const bool is_upper = unicode::IsUpper(cp), is_lower = unicode::IsLower(cp);
      if (count == 0) first_upper = is_upper;
      uppers[count + 1] = uppers[count] + (is_upper ? 1 : 0);
      lowers[count + 1] = lowers[count] + (is_lower ? 1 : 0);
      lowered[count] = text_.Key(cp, at);
      ends[count++] = next;
      at = next;
    }
    if (whole_word) {
      auto it = t_.exceptions.find(std::u32string_view(lowered, count));
      if (it != t_.exceptions.end() && WordCase(count, uppers[count], lowers[count], first_upper, form) &&
          (*form == CaseForm::kUpper || !t_.capitals_only_exceptions.contains(it->first))) {
        *consumed = at - p;
        *output = it->second;
        return true;
      }
    }
    // Stems: the longest one the word begins with, with a suffix after it.
    if (t_.stem_exceptions.empty() || count <= t_.min_stem_letters) return false;
    for (std::size_t n = count - 1; n >= t_.min_stem_letters && n > 0; --n) {
      auto it = t_.stem_exceptions.find(std::u32string_view(lowered, n));
      if (it == t_.stem_exceptions.end()) continue;
      // The stem takes the case of the whole word when that is all capitals.
      const bool word_upper = lowers[count] == 0 && count > 1;
      if (word_upper) *form = CaseForm::kUpper;
      else if (!WordCase(n, uppers[n], lowers[n], first_upper, form)) return false;
      *consumed = ends[n - 1] - p;
      *output = it->second;
      return true;
    }
    return false;
  }

 public:
  bool Match(std::size_t p, char32_t first, std::size_t first_length, std::size_t* consumed, std::uint32_t* output,
             CaseForm* form) const {
    const Window w = text_.WindowAt(p);
    if (t_.exception_start.Get(first) != 0 && MatchException(p, w, consumed, output, form)) return true;
    std::uint32_t node = t_.start.Get(first);
    if (node == 0) return false;
    struct Candidate {
      std::uint32_t node;
      std::size_t end;
    };
    Candidate candidates[64];
    std::size_t count = 0;
    std::size_t at = p + first_length;
    char32_t second = 0;
    bool has_second = false;
    if (!t_.nodes[node].rules.empty()) candidates[count++] = {node, at};
    for (;;) {
      if (t_.nodes[node].children.empty() || count == 64) break;
      std::size_t next = at;
      char32_t cp;
      if (!w.Next(&next, &cp)) break;
      const std::uint32_t child = t_.nodes[node].Child(text_.Key(cp, at));
      if (child == 0) break;
      if (!has_second) {
        second = cp;
        has_second = true;
      }
      node = child;
      at = next;
      if (!t_.nodes[node].rules.empty()) candidates[count++] = {node, at};
    }
    while (count > 0) {
      const Candidate& c = candidates[--count];
      for (std::uint32_t r : t_.nodes[c.node].rules) {
        const CompiledRule& rule = t_.rules[r];
        if (!MatchSide(rule.left, p, /*left=*/true, w) || !MatchSide(rule.right, c.end, /*left=*/false, w)) continue;
        *consumed = c.end - p;
        *output = rule.output;
        const bool key_has_second = c.end > p + first_length;
        *form = ChooseCase(p, c.end, first, key_has_second ? &second : nullptr, rule.output, w);
        return true;
      }
    }
    return false;
  }

 private:
  const EngineText& text_;
  const CompiledTable& t_;
  const EngineInput& in_;
};

}  // namespace

bool MatchRule(const EngineText& text, std::size_t p, char32_t first, std::size_t first_length, std::size_t* consumed,
               std::uint32_t* output, CaseForm* form) {
  return RuleMatcher(text).Match(p, first, first_length, consumed, output, form);
}

}  // namespace ortaq
