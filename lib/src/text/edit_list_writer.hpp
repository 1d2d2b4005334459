// The library's side of the public EditList: how the engine, a Stream and markup add spans.
// Users only read an EditList, so these are not in ortaq/ortaq.hpp.
#ifndef ORTAQ_TEXT_EDIT_LIST_WRITER_HPP_
#define ORTAQ_TEXT_EDIT_LIST_WRITER_HPP_

#include <cstdint>

#include "ortaq/ortaq.hpp"

namespace ortaq {

class EditListWriter {
 public:
  // Appends a span after the last one; adjacent unchanged spans are merged.
  static void Add(EditList* list, std::uint64_t source_length, std::uint64_t output_length, bool changed);
  // Appends a span with absolute offsets (a Stream's spans continue across calls).
  static void Append(EditList* list, const EditSpan& span);
};

}  // namespace ortaq

#endif  // ORTAQ_TEXT_EDIT_LIST_WRITER_HPP_
