#include "text/edit_compose.hpp"

#include <algorithm>

#include "text/edit_list_writer.hpp"

namespace ortaq {

void EditComposer::AddFirst(const EditSpan& s) {
  first_.push_back(Piece{s.source_end - s.source_begin, s.output_end - s.output_begin, s.changed});
}

void EditComposer::AddSecond(const EditSpan& s) {
  second_.push_back(Piece{s.output_end - s.output_begin, s.source_end - s.source_begin, s.changed});
}

void EditComposer::Drain(EditList* out) {
  for (;;) {
    if (first_.empty() || second_.empty()) return;
    Piece& a = first_.front();
    Piece& b = second_.front();
    if (!a.changed && !b.changed) {
      // Copied through both times: lengths are equal on every side, so any slice is exact.
      const std::uint64_t k = std::min(a.middle, b.middle);
      EditListWriter::Add(out, k, k, false);
      a.outer -= k;
      a.middle -= k;
      b.outer -= k;
      b.middle -= k;
      if (a.middle == 0) first_.pop_front();
      if (b.middle == 0) second_.pop_front();
      continue;
    }
    // A changed group: take pieces from the list that is behind (in middle bytes) until both
    // reach the same middle boundary. Work on indices first: if a list runs out before the
    // boundary is reached, wait for more spans.
    std::size_t ia = 0, ib = 0;
    std::uint64_t a_used = 0, b_used = 0;        // of the piece at ia / ib, when sliced
    std::int64_t balance = 0;                    // middle consumed by first minus by second
    std::uint64_t source = 0, output = 0;
    bool took = false;
    for (;;) {
      if (balance == 0 && took) break;
      const bool take_first = balance < 0 || (balance == 0 && ia < first_.size() && first_[ia].changed);
      if (take_first) {
        if (ia >= first_.size()) return;
        const Piece& p = first_[ia];
        std::uint64_t mid = p.middle - a_used;
        std::uint64_t src = p.outer - (p.changed ? 0 : a_used);
        if (!p.changed && balance < 0 && mid > static_cast<std::uint64_t>(-balance)) {
          mid = static_cast<std::uint64_t>(-balance);  // slice the copied text
          src = mid;
          a_used += mid;
        } else {
          ++ia;
          a_used = 0;
        }
        source += src;
        balance += static_cast<std::int64_t>(mid);
      } else {
        if (ib >= second_.size()) return;
        const Piece& p = second_[ib];
        std::uint64_t mid = p.middle - b_used;
        std::uint64_t dst = p.outer - (p.changed ? 0 : b_used);
        if (!p.changed && balance > 0 && mid > static_cast<std::uint64_t>(balance)) {
          mid = static_cast<std::uint64_t>(balance);
          dst = mid;
          b_used += mid;
        } else {
          ++ib;
          b_used = 0;
        }
        output += dst;
        balance -= static_cast<std::int64_t>(mid);
      }
      took = true;
    }
    // Commit: drop what the group consumed, keep the sliced remainders.
    first_.erase(first_.begin(), first_.begin() + static_cast<std::ptrdiff_t>(ia));
    second_.erase(second_.begin(), second_.begin() + static_cast<std::ptrdiff_t>(ib));
    if (a_used > 0) {
      first_.front().outer -= a_used;
      first_.front().middle -= a_used;
    }
    if (b_used > 0) {
      second_.front().outer -= b_used;
      second_.front().middle -= b_used;
    }
    EditListWriter::Add(out, source, output, true);
  }
}

void EditComposer::Finish(EditList* out) {
  Drain(out);
  for (const Piece& p : first_) EditListWriter::Add(out, p.outer, 0, true);
  for (const Piece& p : second_) EditListWriter::Add(out, 0, p.outer, true);
  first_.clear();
  second_.clear();
}

}  // namespace ortaq
