// Edit spans in bytes, code points or UTF-16 code units, and mapping a cursor through them.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "capi/capi_internal.hpp"
#include "text/utf8.hpp"

using namespace ortaq;
using namespace ortaq::capi;

namespace {

// Counts the units of a text from its start to increasing byte offsets, reading each byte once.
// An ill-formed sequence counts as one unit: the one U+FFFD it is replaced with.
class UnitCounter {
 public:
  UnitCounter(std::string_view text, int unit) : text_(text), unit_(unit) {}

  std::uint64_t UnitsTo(std::uint64_t byte_offset) {
    if (unit_ == ORTAQ_UNIT_BYTES) return byte_offset;
    const auto* data = reinterpret_cast<const unsigned char*>(text_.data());
    const auto* end = data + text_.size();
    const std::size_t to = std::min<std::uint64_t>(byte_offset, text_.size());
    while (pos_ < to) {
      const utf8::Decoded d = utf8::Decode(data + pos_, end);
      const std::size_t length = d.length > 0 ? static_cast<std::size_t>(d.length)
                                 : d.length < 0 ? static_cast<std::size_t>(-d.length)
                                                : text_.size() - pos_;
      units_ += (unit_ == ORTAQ_UNIT_UTF16 && d.length == 4) ? 2 : 1;
      pos_ += length;
    }
    return units_;
  }

 private:
  std::string_view text_;
  int unit_;
  std::size_t pos_ = 0;
  std::uint64_t units_ = 0;
};

}  // namespace

extern "C" {

int ortaq_convert_spans(const ortaq_transliterator* t, const char* in, size_t len, int unit, char** out,
                        size_t* out_len, ortaq_span** spans, size_t* span_count, ortaq_error* err) {
  if (out) *out = nullptr;
  if (out_len) *out_len = 0;
  if (spans) *spans = nullptr;
  if (span_count) *span_count = 0;
  return Guarded(err, [&] {
    if (!t || !out || !out_len || !spans || !span_count)
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                  "ortaq_convert_spans: t, out, out_len, spans and span_count must not be NULL");
    if (!in && len > 0) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_convert_spans: in is NULL");
    if (unit != ORTAQ_UNIT_BYTES && unit != ORTAQ_UNIT_CODE_POINTS && unit != ORTAQ_UNIT_UTF16)
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_convert_spans: unknown unit " + std::to_string(unit));
    const std::string_view input(in ? in : "", len);
    std::string output;
    EditList edits;
    const Status status = t->t->Transliterate(input, &output, &edits);
    if (!status.ok()) return FromStatus(err, status);

    const std::vector<EditSpan>& byte_spans = edits.spans();
    ortaq_span* array = nullptr;
    if (!byte_spans.empty()) {
      array = static_cast<ortaq_span*>(std::malloc(byte_spans.size() * sizeof(ortaq_span)));
      if (!array) return Fail(err, ORTAQ_ERR_NO_MEMORY, "out of memory");
    }
    UnitCounter in_units(input, unit), out_units(output, unit);
    for (std::size_t i = 0; i < byte_spans.size(); ++i) {
      const EditSpan& s = byte_spans[i];
      ortaq_span& c = array[i];
      c.in_begin = in_units.UnitsTo(s.source_begin);
      c.in_end = in_units.UnitsTo(s.source_end);
      c.out_begin = out_units.UnitsTo(s.output_begin);
      c.out_end = out_units.UnitsTo(s.output_end);
      c.changed = s.changed ? 1 : 0;
    }
    char* copy = MallocCopy(output);
    if (!copy) {
      std::free(array);
      return Fail(err, ORTAQ_ERR_NO_MEMORY, "out of memory");
    }
    *out = copy;
    *out_len = output.size();
    *spans = array;
    *span_count = byte_spans.size();
    return Succeed(err);
  });
}

uint64_t ortaq_map_position(const ortaq_span* spans, size_t span_count, uint64_t position, int direction) {
  if (!spans || span_count == 0) return 0;
  const bool forward = direction != ORTAQ_OUTPUT_TO_INPUT;
  auto from_begin = [&](const ortaq_span& s) { return forward ? s.in_begin : s.out_begin; };
  auto from_end = [&](const ortaq_span& s) { return forward ? s.in_end : s.out_end; };
  auto to_begin = [&](const ortaq_span& s) { return forward ? s.out_begin : s.in_begin; };
  auto to_end = [&](const ortaq_span& s) { return forward ? s.out_end : s.in_end; };
  const ortaq_span& last = spans[span_count - 1];
  if (position >= from_end(last)) return to_end(last);
  // The last span that begins at or before the position (spans are in order).
  const ortaq_span* it = std::upper_bound(spans, spans + span_count, position,
                                          [&](std::uint64_t p, const ortaq_span& s) { return p < from_begin(s); });
  if (it == spans) return to_begin(spans[0]);
  const ortaq_span& s = *(it - 1);
  if (s.changed) return to_begin(s);
  return std::min(to_begin(s) + (position - from_begin(s)), to_end(s));
}

}  // extern "C"
