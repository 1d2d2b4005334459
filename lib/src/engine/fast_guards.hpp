// The fast run's guards: the cheap checks that a guarded fast decision (FastEntry::Guard)
// still holds at a position, that is that no rule or exception the decision left out can
// apply there. Each must fire whenever the rule step could decide otherwise (fast/README.md).
// Header-only: they are called for every guarded letter of the fast run and must inline.
#ifndef ORTAQ_ENGINE_FAST_GUARDS_HPP_
#define ORTAQ_ENGINE_FAST_GUARDS_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "engine/engine_text.hpp"
#include "fast/fast_tables.hpp"
#include "fast/pair_table.hpp"
#include "fast/trigger_scan.hpp"

namespace ortaq {

class FastGuards {
 public:
  FastGuards(const EngineText& text, const FastTables& fast)
      : text_(text), t_(text.table()), f_(&fast), in_(text.input()) {}

  // Whether a guarded fast decision (FastEntry::Guard) holds for the letter of `length` bytes
  // (1 for ASCII) at p. `checked` leaves out guards the caller knows to hold (kTriggerNear,
  // when no trigger is near a whole block).
  bool GuardsHold(const FastEntry& e, std::size_t p, std::uint8_t checked = 0xFF, std::size_t length = 2) const {
    const std::uint8_t guards = e.guards & checked;
    // The opening first: it is cheap and seldom true, where a word start is a coin toss.
    if ((guards & FastEntry::kAtWordStart) && ExceptionMayOpenAt(e, p, length) && text_.AtWordStartQuick(p)) return false;
    if ((guards & FastEntry::kNextIsChild) && NextMayContinueKey(e, p + length)) return false;
    if ((guards & FastEntry::kTriggerNear) && TriggerNear(p)) return false;
    if ((guards & FastEntry::kPrevChar) &&
        NeighbourMayMatch(e.prev_set, e.prev_boundary, e.prev_mask, p, /*before=*/true))
      return false;
    if ((guards & FastEntry::kNextChar) &&
        NeighbourMayMatch(e.next_set, e.next_boundary, e.next_mask, p + length, /*before=*/false))
      return false;
    return true;
  }

  // Whether a one-item context holds for the character before `at` (before) or at `at`: its
  // key is in guard set `set`, or it is no letter while a boundary would do (true when unsure).
  // `mask` picks the same answer out of neighbour_bits when it is not 0.
  bool NeighbourMayMatch(std::uint32_t set, bool boundary, std::uint32_t mask, std::size_t at, bool before) const {
    char32_t cp;
    if (before) {
      if (at == 0) return boundary;  // the edge: nothing there for a class, a boundary holds
      if (!text_.QuickCharBefore(at, &cp)) return true;
    } else {
      if (at >= in_.size) return in_.final ? boundary : true;
      if (!text_.QuickCharAt(at, &cp)) return true;
    }
    if (mask != 0) return (f_->neighbour_bits[cp] & mask) != 0;
    if (text_.Repairable(cp)) return true;
    if (boundary && !unicode::IsWordChar(cp)) return true;
    return set != FastEntry::kNoSet && f_->guard_sets[set].Contains(t_.SourceLower(cp));
  }


  // Whether an exception word may begin with the letter of `length` bytes at p and the
  // character after it (true when unsure); by the entry's opening_mask when it has one.
  bool ExceptionMayOpenAt(const FastEntry& e, std::size_t p, std::size_t length) const {
    if (e.opening_mask == 0) return ExceptionMayOpenAt(p, length);
    const std::size_t at = p + length;
    if (at >= in_.size) return !in_.final || (e.opening_mask & kNeighbourNotWord);
    char32_t cp;
    return !text_.QuickCharAt(at, &cp) || (f_->neighbour_bits[cp] & e.opening_mask) != 0;
  }
  bool ExceptionMayOpenAt(std::size_t p, std::size_t length) const {
    const char32_t letter = length == 1 ? in_.data[p] : ((in_.data[p] & 0x1Fu) << 6) | (in_.data[p + 1] & 0x3Fu);
    const char32_t first = t_.SourceLower(letter);
    const std::size_t at = p + length;
    char32_t second = 0;  // the word ends after the first letter
    if (at >= in_.size) {
      if (!in_.final) return true;
    } else {
      char32_t cp;
      if (!text_.QuickCharAt(at, &cp) || text_.Repairable(cp) || unicode::IsMark(cp)) return true;
      if (unicode::IsWordChar(cp)) second = t_.SourceLower(cp);
    }
    const auto& openings = t_.exception_openings;
    return std::binary_search(openings.begin(), openings.end(), std::make_pair(first, second)) ||
           std::binary_search(openings.begin(), openings.end(), std::make_pair(first, CompiledTable::kAnyLetter));
  }

  // Whether the character at `at` may go on with the key at trie node `node` (true when unsure).
  bool NextMayContinueKey(const FastEntry& e, std::size_t at) const {
    if (at >= in_.size) return !in_.final;
    char32_t cp;
    if (!text_.QuickCharAt(at, &cp)) return true;
    if (e.child_mask != 0) return (f_->neighbour_bits[cp] & e.child_mask) != 0;
    return text_.Repairable(cp) || t_.nodes[e.guard_node].Child(t_.SourceLower(cp)) != 0;
  }

  // Whether a letter some context rule needs (FastTables::trigger_pairs) starts anywhere in
  // the window the rules of a letter at p could read. Scans each byte once per conversion:
  // positions only grow.
  bool TriggerNear(std::size_t p) const { return TriggerNear(p, p); }
  // The same for any letter starting in [first, last].
  bool TriggerNear(std::size_t first, std::size_t last) const {
    if (f_->trigger_pairs.empty()) return false;
    const std::size_t lo = first > kContextWindow ? first - kContextWindow : 0;
    const std::size_t hi = std::min(in_.size, last + t_.max_key_bytes + kContextWindow + 1);
    const unsigned char* d = in_.data;
    if (f_->trigger_pair_list.count > 0) {
      // Every trigger from trigger_from_ on is visited in order, each found by a vectorised
      // scan ahead from the one before (so each byte is read once): last_trigger_ is the
      // latest visited, next_trigger_ the one after it (SIZE_MAX: none up to the end).
      if (trigger_from_ == SIZE_MAX || lo < trigger_from_) {
        trigger_from_ = lo;
        last_trigger_ = SIZE_MAX;
        next_trigger_ = trigger_scan::FirstPair(f_->trigger_pair_list, d, in_.size, lo);
      }
      while (next_trigger_ < hi) {
        last_trigger_ = next_trigger_;
        next_trigger_ = trigger_scan::FirstPair(f_->trigger_pair_list, d, in_.size, next_trigger_ + 1);
      }
      return last_trigger_ != SIZE_MAX && last_trigger_ >= lo;
    }
    if (trigger_scan_ == SIZE_MAX || trigger_scan_ < lo) trigger_scan_ = lo;
    const std::uint64_t* bits = f_->trigger_pairs.data();
    for (; trigger_scan_ < hi; ++trigger_scan_) {
      const std::uint32_t after = trigger_scan_ + 1 < in_.size ? d[trigger_scan_ + 1] : 0;
      const std::uint32_t index = d[trigger_scan_] | (after << 8);
      if ((bits[index / 64] >> (index % 64)) & 1) last_trigger_ = trigger_scan_;
    }
    return last_trigger_ != SIZE_MAX && last_trigger_ >= lo;
  }

 private:
  const EngineText& text_;
  const CompiledTable& t_;
  const FastTables* f_;
  const EngineInput& in_;
  // TriggerNear's scan: the next byte to look at, and the last trigger found before it.
  mutable std::size_t trigger_scan_ = SIZE_MAX, last_trigger_ = SIZE_MAX;
  // The vectorised scan's (trigger_scan::Pairs): where its visits began, and the next trigger.
  mutable std::size_t trigger_from_ = SIZE_MAX, next_trigger_ = SIZE_MAX;
};

}  // namespace ortaq

#endif  // ORTAQ_ENGINE_FAST_GUARDS_HPP_
