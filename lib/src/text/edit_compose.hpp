// Composes edit spans across a chain of conversions: spans mapping source → middle and spans
// mapping middle → output become spans mapping source → output. Works incrementally, so a
// chained Stream can report spans as its stages produce them.
#ifndef ORTAQ_TEXT_EDIT_COMPOSE_HPP_
#define ORTAQ_TEXT_EDIT_COMPOSE_HPP_

#include <cstdint>
#include <deque>

#include "ortaq/ortaq.hpp"

namespace ortaq {

class EditComposer {
 public:
  // Spans of the first conversion (source → middle) and of the second (middle → output), each
  // in order, offsets ignored: only lengths and `changed` matter.
  void AddFirst(const EditSpan& span);
  void AddSecond(const EditSpan& span);
  // Appends to *out every composed span whose middle text both lists now cover. Unchanged
  // text is kept as fine as both lists allow; changed pieces are grouped until their middle
  // boundaries meet.
  void Drain(EditList* out);
  // At the end of both conversions: drains, then appends what only one side has left
  // (deletions at the very end of the first, insertions at the end of the second).
  void Finish(EditList* out);

 private:
  struct Piece {
    std::uint64_t outer;   // source length (first list) or output length (second list)
    std::uint64_t middle;  // middle length
    bool changed;
  };
  std::deque<Piece> first_, second_;
};

}  // namespace ortaq

#endif  // ORTAQ_TEXT_EDIT_COMPOSE_HPP_
