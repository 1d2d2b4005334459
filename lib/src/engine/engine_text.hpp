// What the engine reads around a position of its input: bounded windows, word starts, the
// source-script check of look-alike repair, foreign words and combining marks. Shared by the
// rule step (engine/rule_step), the fast run's guards (engine/fast_guards.hpp) and the driver
// (engine/engine.cpp); it remembers the last word it judged, so one is made per conversion.
#ifndef ORTAQ_ENGINE_ENGINE_TEXT_HPP_
#define ORTAQ_ENGINE_ENGINE_TEXT_HPP_

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "compile/compiled_table.hpp"
#include "engine/engine.hpp"
#include "engine/engine_window.hpp"
#include "fast/fast_tables.hpp"
#include "text/pass_through.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {

class EngineText {
 public:
  // `fast` may be null (the reference engine); it only makes MarkAt cheaper.
  EngineText(const CompiledTable& table, const FastTables* fast, const EngineInput& input)
      : t_(table), f_(fast), in_(input) {}

  const CompiledTable& table() const { return t_; }
  const EngineInput& input() const { return in_; }
  bool repair() const { return repair_; }

  // The letter a key or context compares: the look-alike repaired (inside a word of the source
  // script), folded and lowercased.
  char32_t Key(char32_t cp, std::size_t pos) const {
    if (repair_ && cp < 0x800 && t_.lookalike[cp] != 0 && LookalikeApplies(cp, pos)) cp = t_.lookalike[cp];
    return t_.SourceLower(cp);
  }

  // Whether the look-alike reading of cp applies at pos: for the @capital-harmony capital, in a
  // word with no letter of its back class; for the other look-alikes, in a word of the source
  // script.
  bool LookalikeApplies(char32_t cp, std::size_t pos) const {
    return cp == t_.harmony_capital ? FrontWord(pos) : InSourceWord(pos);
  }

  // Whether the word around `pos` (read within the window) has no letter of the harmony's back
  // class, and the capital at `pos` is not followed by a vowel (no Kazakh word begins with і and
  // a vowel: Iá, Iis are Иә, Иіс). The capital itself reads as its case pair, no back vowel.
  bool FrontWord(std::size_t pos) const {
    const Window w = WindowAt(pos);
    const CharSet& back = t_.sets[static_cast<std::size_t>(t_.harmony_back)];
    char32_t cp;
    std::size_t at = pos;
    // A one-letter word (Russian И) is not judged by harmony.
    if (!w.Next(&at, &cp) || !w.Next(&at, &cp) || !unicode::IsWordChar(cp)) {
      at = pos;
      return w.Prev(&at, &cp) && unicode::IsWordChar(cp) && FrontLetters(w, pos, back);
    }
    if (t_.vowel_set >= 0 && t_.sets[static_cast<std::size_t>(t_.vowel_set)].Contains(t_.SourceLower(cp))) return false;
    return FrontLetters(w, pos, back);
  }

  // No letter of `back` in the word around `pos`.
  bool FrontLetters(const Window& w, std::size_t pos, const CharSet& back) const {
    char32_t cp;
    std::size_t at = pos;
    while (w.Prev(&at, &cp) && unicode::IsWordChar(cp))
      if (back.Contains(t_.SourceLower(cp))) return false;
    at = pos;
    while (w.Next(&at, &cp) && unicode::IsWordChar(cp))
      if (back.Contains(t_.SourceLower(cp))) return false;
    return true;
  }

  // Whether the word around `pos` is written in the source script, but for look-alike letters:
  // some letters of the source script, and no other letters but look-alikes. Decided once per
  // word, reading at most kWordScan bytes either side of `pos`.
  bool InSourceWord(std::size_t pos) const {
    if (pos >= word_lo_ && pos < word_hi_) return word_verdict_;
    // The scan starts on a character: a window edge inside one would read as an ill-formed byte,
    // that is as a word end that is not there, and a word so "seen whole" would be remembered
    // with the wrong verdict.
    std::size_t scan_lo = pos > kWordScan ? pos - kWordScan : 0;
    while (scan_lo < pos && utf8::IsContinuation(in_.data[scan_lo])) ++scan_lo;
    const Window w{in_.data, scan_lo, std::min(in_.size, pos + kWordScan)};
    std::size_t lo = pos, hi = pos;
    char32_t cp;
    std::size_t at = pos;
    // Whether each end of the word was seen (a non-letter inside the scan), not the scan's edge.
    bool left_end = false, right_end = false;
    while (true) {
      if (!w.Prev(&at, &cp)) break;
      if (!unicode::IsWordChar(cp)) {
        left_end = true;
        break;
      }
      lo = at;
    }
    at = pos;
    while (true) {
      if (!w.Next(&at, &cp)) break;
      if (!unicode::IsWordChar(cp)) {
        right_end = true;
        break;
      }
      hi = at;
    }
    std::size_t native = 0, other = 0;
    for (at = lo; at < hi;) {
      if (!w.Next(&at, &cp)) break;
      if (unicode::IsMark(cp)) continue;
      if (cp < 0x800 && t_.lookalike[cp] != 0) continue;
      if (unicode::ScriptOf(cp) == t_.lookalike_script) ++native;
      else ++other;
    }
    const bool verdict = native > 0 && other == 0;
    // Remember the verdict for the whole word only when both its ends were seen and it is no
    // longer than the scan: then every letter of it sees the same word. Other words are judged
    // from each letter's own window, so that a stream (which starts afresh at each chunk)
    // agrees with a whole-buffer conversion.
    if (left_end && right_end && hi - lo <= kWordScan) {
      word_lo_ = lo;
      word_hi_ = std::max(hi, pos + 1);
      word_verdict_ = verdict;
    }
    return verdict;
  }

  bool AtWordStart(std::size_t p) const {
    char32_t cp;
    const Window w = WindowAt(p);
    return !(w.PeekPrev(p, &cp) && unicode::IsWordChar(cp));
  }

  bool AtTokenStart(std::size_t p) const {
    char32_t cp;
    const Window w = WindowAt(p);
    return !w.PeekPrev(p, &cp) || MayStartTokenAfter(cp);
  }

  // The end of the word at p when it is foreign (a @foreign-letters letter, or a `foreign`
  // word), else 0. A word running past the window is not judged.
  std::size_t ForeignWordEnd(std::size_t p) const {
    const Window w = WindowAt(p);
    char32_t cp;
    char32_t lowered[kContextWindow];
    std::size_t count = 0, at = p;
    bool foreign_letter = false;
    for (;;) {
      std::size_t next = at;
      if (!w.Next(&next, &cp)) {
        if (!(in_.final && at == in_.size)) return 0;
        break;
      }
      if (!unicode::IsWordChar(cp)) break;
      const char32_t lower = t_.SourceLower(cp);
      if (t_.foreign_letters.Contains(lower)) foreign_letter = true;
      if (count < kContextWindow) lowered[count++] = lower;
      at = next;
    }
    if (at == p) return 0;
    if (foreign_letter) return at;
    const std::u32string_view word(lowered, count);
    for (const std::u32string& sequence : t_.foreign_sequences)
      if (word.find(sequence) != std::u32string_view::npos) return at;
    if (count <= t_.max_foreign_letters && t_.foreign_words.count(std::u32string_view(lowered, count))) return at;
    return 0;
  }

  // Counts the look-alike letters read as source letters in a match [p, end).
  void CountRepairs(std::size_t p, std::size_t end) const {
    if (!repair_ || !in_.stats) return;
    const Window w = WindowAt(p);
    char32_t cp;
    for (std::size_t at = p; at < end;) {
      const std::size_t start = at;
      if (!w.Next(&at, &cp)) break;
      if (cp < 0x800 && t_.lookalike[cp] != 0 && cp != t_.harmony_capital && InSourceWord(start)) ++in_.stats->repaired_letters;
    }
  }

  // Whether a combining mark starts at `pos` (cheap for the common case of none).
  bool MarkAt(std::size_t pos) const {
    if (pos >= in_.size) return false;
    const unsigned char b = in_.data[pos];
    if (b < 0xCC) return false;  // below U+0300
    if (b < 0xE0) {
      if (pos + 1 >= in_.size) return false;
      const char32_t cp = ((b & 0x1Fu) << 6) | (in_.data[pos + 1] & 0x3Fu);
      return f_ ? f_->fast2[cp].mark : unicode::IsMark(cp);
    }
    const utf8::Decoded d = utf8::Decode(in_.data + pos, in_.data + in_.size);
    return d.length > 0 && unicode::IsMark(d.code_point);
  }

  Window WindowAt(std::size_t p) const {
    const std::size_t lo = p > kContextWindow ? p - kContextWindow : 0;
    const std::size_t hi = std::min(in_.size, p + t_.max_key_bytes + kContextWindow);
    return Window{in_.data, lo, hi};
  }


  // The character at `at` when it is ASCII or of two bytes (what the guards look at); false for
  // anything else, which makes a guard unsure.
  bool QuickCharAt(std::size_t at, char32_t* cp) const {
    const unsigned char b = in_.data[at];
    if (b < 0x80) {
      *cp = b;
      return true;
    }
    if (b < 0xC2 || b >= 0xE0 || at + 1 >= in_.size || !utf8::IsContinuation(in_.data[at + 1])) return false;
    *cp = ((b & 0x1Fu) << 6) | (in_.data[at + 1] & 0x3Fu);
    return true;
  }
  // The same for the character that ends at `at` (at > 0).
  bool QuickCharBefore(std::size_t at, char32_t* cp) const {
    const unsigned char b = in_.data[at - 1];
    if (b < 0x80) {
      *cp = b;
      return true;
    }
    if (!utf8::IsContinuation(b) || at < 2 || in_.data[at - 2] < 0xC2 || in_.data[at - 2] >= 0xE0) return false;
    *cp = ((in_.data[at - 2] & 0x1Fu) << 6) | (b & 0x3Fu);
    return true;
  }
  // A look-alike the engine would read as another letter, depending on its word.
  bool Repairable(char32_t cp) const {
    return repair_ && cp < 0x800 && (cp < 0x80 ? t_.ascii_lookalike[cp] : t_.lookalike[cp] != 0);
  }

  // AtWordStart, without building a window for the common cases.
  bool AtWordStartQuick(std::size_t p) const {
    if (p == 0) return true;
    char32_t cp;
    return QuickCharBefore(p, &cp) ? !unicode::IsWordChar(cp) : AtWordStart(p);
  }

 private:
  const CompiledTable& t_;
  const FastTables* f_;
  const EngineInput& in_;
  const bool repair_ = t_.repair_lookalikes;
  // The last word judged by InSourceWord.
  mutable std::size_t word_lo_ = 1, word_hi_ = 0;
  mutable bool word_verdict_ = false;
};

}  // namespace ortaq

#endif  // ORTAQ_ENGINE_ENGINE_TEXT_HPP_
