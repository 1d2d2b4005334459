#include "engine.hpp"

#include <algorithm>
#include <cstring>

#include "unicode.hpp"
#include "utf8.hpp"

namespace ortaq {
namespace {

using Kind = ContextItem::Kind;

enum class CaseForm { kLower, kTitle, kUpper };

// The bytes the engine may look at around one position: [lo, hi).
struct Window {
  const unsigned char* data;
  std::size_t lo, hi;

  // Reads the character starting at *pos; false at the window's edge.
  bool Next(std::size_t* pos, char32_t* cp) const {
    if (*pos >= hi) return false;
    const utf8::Decoded d = utf8::Decode(data + *pos, data + hi);
    if (d.length == 0) return false;  // cut off by the edge
    *cp = d.code_point;
    *pos += static_cast<std::size_t>(d.length > 0 ? d.length : -d.length);
    return true;
  }
  bool PeekNext(std::size_t pos, char32_t* cp) const { return Next(&pos, cp); }

  // Reads the character ending at *pos; false at the window's edge.
  bool Prev(std::size_t* pos, char32_t* cp) const {
    if (*pos <= lo) return false;
    std::size_t start = *pos - 1;
    while (start > lo && utf8::IsContinuation(data[start]) && *pos - start < 4) --start;
    if (utf8::IsContinuation(data[start])) {
      // A continuation byte with no lead byte in reach: one ill-formed byte.
      *cp = 0xFFFD;
      *pos -= 1;
      return true;
    }
    const utf8::Decoded d = utf8::Decode(data + start, data + *pos);
    if (d.length > 0 && start + static_cast<std::size_t>(d.length) == *pos) {
      *cp = d.code_point;
      *pos = start;
    } else {
      *cp = 0xFFFD;
      *pos -= 1;
    }
    return true;
  }
  bool PeekPrev(std::size_t pos, char32_t* cp) const { return Prev(&pos, cp); }
};

// Appends to a string through a raw pointer: the string is sized ahead (and grown
// geometrically when a long output needs it), then cut to what was written.
class Writer {
 public:
  Writer(std::string& out, std::size_t input_bytes) : out_(out), start_(out.size()) {
    out_.resize(start_ + input_bytes + input_bytes / 2 + kSlack);
    at_ = out_.data() + start_;
    end_ = out_.data() + out_.size();
  }
  void Put(const char* p, std::size_t n) {
    Reserve(n);
    std::memcpy(at_, p, n);
    at_ += n;
  }
  // `p` may be read 8 bytes past its start (the fast-path pool is padded for this).
  void PutPadded(const char* p, std::size_t n) {
    Reserve(8);
    std::memcpy(at_, p, 8);
    at_ += n;
  }
  void Finish() { out_.resize(static_cast<std::size_t>(at_ - out_.data())); }

 private:
  static constexpr std::size_t kSlack = 64;
  void Reserve(std::size_t n) {
    if (static_cast<std::size_t>(end_ - at_) >= n) return;
    const std::size_t used = static_cast<std::size_t>(at_ - out_.data());
    out_.resize(std::max(out_.size() * 2, used + n + kSlack));
    at_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  std::size_t start_;
  char* at_;
  char* end_;
};

class Converter {
 public:
  Converter(const CompiledTable& table, InvalidInputPolicy policy, const EngineInput& input, std::string* output,
            EditList* edits)
      : t_(table), policy_(policy), in_(input), out_(*output), edits_(edits) {}

  EngineResult Run() {
    const unsigned char* data = in_.data;
    const std::size_t lookahead = LookaheadBytes(t_);
    const std::size_t limit = in_.final ? in_.size : (in_.size > lookahead ? in_.size - lookahead : 0);
    std::size_t p = in_.begin;
    std::size_t run = p;  // start of the text being copied through
    Writer w(out_, limit > p ? limit - p : 0);
    auto flush = [&](std::size_t end) {
      if (end > run) {
        w.Put(reinterpret_cast<const char*>(data + run), end - run);
        if (edits_) edits_->Add(end - run, end - run, false);
      }
    };
    const FastEntry* fast2 = t_.fast2.data();
    const char* pool = t_.fast_pool.data();
    while (p < limit) {
      const unsigned char b = data[p];
      char32_t cp;
      std::size_t length;
      // Two-byte letters: decided by one table read unless the letter needs its neighbours.
      if (b >= 0xC2 && b < 0xE0 && p + 1 < in_.size && utf8::IsContinuation(data[p + 1])) {
        const FastEntry& e = fast2[((b & 0x1Fu) << 6) | (data[p + 1] & 0x3Fu)];
        if (e.kind == FastEntry::kCopy) {
          p += 2;
          continue;
        }
        if (e.kind == FastEntry::kReplace && !MarkAt(p + 2)) {
          flush(p);
          w.PutPadded(pool + e.offset, e.length);
          if (edits_) edits_->Add(2, e.length, true);
          p += 2;
          run = p;
          continue;
        }
      }
      if (b < 0x80) {
        if (!t_.ascii_start[b]) {
          ++p;
          continue;
        }
        cp = b;
        length = 1;
      } else {
        const utf8::Decoded d = utf8::Decode(data + p, data + in_.size);
        if (d.length <= 0) {
          // Ill-formed, or (only when final) a sequence cut off by the end of the input.
          const std::size_t bad = d.length < 0 ? static_cast<std::size_t>(-d.length) : in_.size - p;
          flush(p);
          if (policy_ == InvalidInputPolicy::kError) {
            w.Finish();
            return EngineResult{p, true};
          }
          if (policy_ == InvalidInputPolicy::kReplace) {
            w.Put("\xEF\xBF\xBD", 3);
            if (edits_) edits_->Add(bad, 3, true);
          } else if (edits_) {
            edits_->Add(bad, 0, true);
          }
          p += bad;
          run = p;
          continue;
        }
        cp = d.code_point;
        length = static_cast<std::size_t>(d.length);
        if (t_.start.Get(cp) == 0 && t_.exception_start.Get(cp) == 0) {
          p += length;
          continue;
        }
      }
      std::size_t consumed = 0;
      std::uint32_t output = 0;
      CaseForm form = CaseForm::kLower;
      if (Match(p, cp, length, &consumed, &output, &form)) {
        flush(p);
        const OutputForms& forms = t_.outputs[output];
        const std::string& text = form == CaseForm::kLower ? forms.lower : form == CaseForm::kTitle ? forms.title : forms.upper;
        if (MarkAt(p + consumed)) {
          // Combining marks after a converted letter may compose with it (а + U+0301 became
          // a + U+0301, which is á): take them into the match and write the NFC form.
          const Window window = WindowAt(p);
          std::size_t end = p + consumed;
          char32_t mark;
          for (std::size_t next = end; window.Next(&next, &mark) && unicode::IsMark(mark);) end = next;
          std::string composed = text;
          composed.append(reinterpret_cast<const char*>(data + p + consumed), end - p - consumed);
          composed = unicode::ToNfc(composed);
          w.Put(composed.data(), composed.size());
          if (edits_) edits_->Add(end - p, composed.size(), true);
          p = end;
          run = p;
          continue;
        }
        w.Put(text.data(), text.size());
        if (edits_) edits_->Add(consumed, text.size(), true);
        p += consumed;
        run = p;
      } else {
        p += length;
      }
    }
    flush(p);
    w.Finish();
    return EngineResult{p, false};
  }


 private:
  // Whether a combining mark starts at `pos` (cheap for the common case of none).
  bool MarkAt(std::size_t pos) const {
    if (pos >= in_.size) return false;
    const unsigned char b = in_.data[pos];
    if (b < 0xCC) return false;  // below U+0300
    if (b < 0xE0) {
      if (pos + 1 >= in_.size) return false;
      return t_.fast2[((b & 0x1Fu) << 6) | (in_.data[pos + 1] & 0x3Fu)].mark;
    }
    const utf8::Decoded d = utf8::Decode(in_.data + pos, in_.data + in_.size);
    return d.length > 0 && unicode::IsMark(d.code_point);
  }

  Window WindowAt(std::size_t p) const {
    const std::size_t lo = p > kContextWindow ? p - kContextWindow : 0;
    const std::size_t hi = std::min(in_.size, p + t_.max_key_bytes + kContextWindow);
    return Window{in_.data, lo, hi};
  }

  bool IsVowel(char32_t lower) const { return t_.vowel_set >= 0 && t_.sets[static_cast<std::size_t>(t_.vowel_set)].Contains(lower); }

  bool Test(const CompiledItem& item, char32_t lower) const {
    switch (item.kind) {
      case Kind::kLetter: return lower == item.letter;
      case Kind::kNotLetter: return lower != item.letter;
      case Kind::kClass: return t_.sets[item.set].Contains(lower);
      case Kind::kNotClass: return !t_.sets[item.set].Contains(lower);
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
            const char32_t lower = t_.SourceLower(cp);
            pos = at;
            if (IsVowel(lower)) {
              if (!t_.sets[item.set].Contains(lower)) return false;
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
            if (!Test(item, t_.SourceLower(cp))) break;
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
    if (!t_.case_auto || !unicode::IsUpper(first)) return CaseForm::kLower;
    const OutputForms& forms = t_.outputs[output];
    if (forms.title == forms.upper) return CaseForm::kUpper;
    if (second) {
      if (unicode::IsUpper(*second)) return CaseForm::kUpper;
      if (unicode::IsLower(*second)) return CaseForm::kTitle;
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

  bool MatchException(std::size_t p, const Window& w, std::size_t* consumed, std::uint32_t* output, CaseForm* form) const {
    char32_t cp;
    if (w.PeekPrev(p, &cp) && unicode::IsWordChar(cp)) return false;  // not at a word start
    char32_t lowered[kContextWindow];
    std::size_t count = 0, upper = 0, lower = 0;
    bool first_upper = false;
    std::size_t at = p;
    for (;;) {
      std::size_t next = at;
      if (!w.Next(&next, &cp)) {
        // The word must end before the edge, or at the true end of the input.
        if (!(in_.final && at == in_.size)) return false;
        break;
      }
      if (!unicode::IsWordChar(cp)) break;
      if (count == t_.max_exception_letters) return false;
      if (unicode::IsUpper(cp)) {
        ++upper;
        if (count == 0) first_upper = true;
      } else if (unicode::IsLower(cp)) {
        ++lower;
      }
      lowered[count++] = t_.SourceLower(cp);
      at = next;
    }
    auto it = t_.exceptions.find(std::u32string_view(lowered, count));
    if (it == t_.exceptions.end()) return false;
    if (upper == 0) *form = CaseForm::kLower;
    else if (lower == 0 && count > 1) *form = CaseForm::kUpper;
    else if (first_upper && upper == 1) *form = count > 1 ? CaseForm::kTitle : CaseForm::kUpper;
    else return false;  // mixed case: not this word
    if (!t_.case_auto && *form != CaseForm::kLower) return false;
    *consumed = at - p;
    *output = it->second;
    return true;
  }

  bool Match(std::size_t p, char32_t first, std::size_t first_length, std::size_t* consumed, std::uint32_t* output,
             CaseForm* form) const {
    const Window w = WindowAt(p);
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
      const std::uint32_t child = t_.nodes[node].Child(t_.SourceLower(cp));
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

  const CompiledTable& t_;
  InvalidInputPolicy policy_;
  const EngineInput& in_;
  std::string& out_;
  EditList* edits_;
};

}  // namespace

std::size_t LookaheadBytes(const CompiledTable& table) { return table.max_key_bytes + kContextWindow + 4; }

EngineResult RunEngine(const CompiledTable& table, InvalidInputPolicy policy, const EngineInput& input,
                       std::string* output, EditList* edits) {
  Converter converter(table, policy, input, output, edits);
  return converter.Run();
}

}  // namespace ortaq
