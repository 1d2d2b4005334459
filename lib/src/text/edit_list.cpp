// Offset mapping between input and output, in the spirit of ICU's Edits.
#include <algorithm>

#include "ortaq/ortaq.hpp"
#include "text/edit_list_writer.hpp"

namespace ortaq {

void EditListWriter::Add(EditList* list, std::uint64_t source_length, std::uint64_t output_length, bool changed) {
  if (source_length == 0 && output_length == 0) return;
  std::vector<EditSpan>& spans = list->spans_;
  const std::uint64_t source_begin = spans.empty() ? 0 : spans.back().source_end;
  const std::uint64_t output_begin = spans.empty() ? 0 : spans.back().output_end;
  if (!changed && !spans.empty() && !spans.back().changed) {
    spans.back().source_end += source_length;
    spans.back().output_end += output_length;
    return;
  }
  spans.push_back(EditSpan{source_begin, source_begin + source_length, output_begin,
                           output_begin + output_length, changed});
}

void EditListWriter::Append(EditList* list, const EditSpan& span) {
  if (span.source_begin == span.source_end && span.output_begin == span.output_end) return;
  std::vector<EditSpan>& spans = list->spans_;
  if (!span.changed && !spans.empty() && !spans.back().changed && spans.back().source_end == span.source_begin &&
      spans.back().output_end == span.output_begin) {
    spans.back().source_end = span.source_end;
    spans.back().output_end = span.output_end;
    return;
  }
  spans.push_back(span);
}

std::uint64_t EditList::SourceToOutput(std::uint64_t source_offset) const noexcept {
  if (spans_.empty()) return 0;
  // The first span that ends after the offset holds it.
  auto it = std::upper_bound(spans_.begin(), spans_.end(), source_offset,
                             [](std::uint64_t offset, const EditSpan& s) { return offset < s.source_end; });
  if (it == spans_.end()) return spans_.back().output_end;
  if (!it->changed) return it->output_begin + (source_offset - it->source_begin);
  return it->output_begin;
}

std::uint64_t EditList::OutputToSource(std::uint64_t output_offset) const noexcept {
  if (spans_.empty()) return 0;
  auto it = std::upper_bound(spans_.begin(), spans_.end(), output_offset,
                             [](std::uint64_t offset, const EditSpan& s) { return offset < s.output_end; });
  if (it == spans_.end()) return spans_.back().source_end;
  if (!it->changed) return it->source_begin + (output_offset - it->output_begin);
  return it->source_begin;
}

}  // namespace ortaq
