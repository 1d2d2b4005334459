// Byte-level helpers of the engine: a bounded view for reading context, and an output writer.
#ifndef ORTAQ_ENGINE_ENGINE_WINDOW_HPP_
#define ORTAQ_ENGINE_ENGINE_WINDOW_HPP_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "text/utf8.hpp"

namespace ortaq {

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
    // Most conversions write about as many bytes as they read (Cyrillic to Latin writes fewer);
    // more room is made when an output needs it.
    out_.resize(start_ + input_bytes + kSlack);
    at_ = out_.data() + start_;
    end_ = out_.data() + out_.size();
  }
  // Writes over whatever `out` holds, from its start: what is there already need not be
  // cleared and filled again (a line at a time into one string, that is most of its room).
  struct Overwrite {};
  Writer(std::string& out, std::size_t input_bytes, Overwrite) : out_(out), start_(0) {
    if (out_.size() < input_bytes + kSlack) out_.resize(input_bytes + kSlack);
    at_ = out_.data();
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

  // Makes room for n more bytes (growing geometrically).
  void Reserve(std::size_t n) {
    if (static_cast<std::size_t>(end_ - at_) >= n) return;
    Grow(n);
  }
  // For the engine's block loops, which keep their own cursor `at`: it again, with at least
  // `room` bytes after it (making room for `grow` when there are fewer).
  char* WithRoom(char* at, std::size_t room, std::size_t grow) {
    if (static_cast<std::size_t>(end_ - at) >= room) return at;
    at_ = at;
    Reserve(grow);
    return at_;
  }
  // Raw access for the engine's tight loop: write at Cursor(), then Advance to the new end.
  char* Cursor() const { return at_; }
  char* End() const { return end_; }
  void SetCursor(char* at) { at_ = at; }

 private:
  // Enough for the engine's largest step (a pair-table block) without growing, even for the
  // shortest input.
  static constexpr std::size_t kSlack = 128;
  // Doubles what this writer has written, not the whole string: a stream that appends each
  // chunk's output to one long string would otherwise zero-fill all of it again whenever a
  // chunk outgrows its room (the string's own capacity still grows geometrically).
  void Grow(std::size_t n) {
    const std::size_t used = static_cast<std::size_t>(at_ - out_.data());
    out_.resize(used + std::max(used - start_, n) + kSlack);
    at_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  std::size_t start_;
  char* at_;
  char* end_;
};

}  // namespace ortaq

#endif  // ORTAQ_ENGINE_ENGINE_WINDOW_HPP_
