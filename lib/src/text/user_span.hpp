// The `-{...}-` span: text the user marks to be copied as written, without its two markers.
// The one definition of the span's grammar, read by the engine (plain text), the fast tables
// (which leave "-{" to the engine) and markup (which paints spans before it converts).
//
// A span is "-{", then at most kMaxContentBytes bytes, then the first "}-" after the opening.
// A "-{" with no "}-" within that reach is ordinary text. The bound is what lets a stream decide
// a span without holding more than kReach bytes, and a typing session commit past an open one.
#ifndef ORTAQ_TEXT_USER_SPAN_HPP_
#define ORTAQ_TEXT_USER_SPAN_HPP_

#include <cstddef>
#include <string_view>

namespace ortaq::user_span {

inline constexpr std::string_view kOpen = "-{";
inline constexpr std::string_view kClose = "}-";
// The longest content a span may have, in bytes (more than a paragraph of Cyrillic).
inline constexpr std::size_t kMaxContentBytes = 512;
// From the first byte of "-{" to the byte after its "}-", at the most.
inline constexpr std::size_t kReach = kOpen.size() + kMaxContentBytes + kClose.size();
inline constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

// Whether bytes a, b are the opening marker.
constexpr bool Opens(unsigned char a, unsigned char b) { return a == kOpen[0] && b == kOpen[1]; }

// For the opening marker at text[open]: the position of the "}-" that closes it, or kNotFound
// when none does within kReach (then the opening is ordinary text, once text holds all of the
// reach: see Decided). `counts(q)` says whether a "}-" at q may close a span (markup leaves out
// markers inside tags or code); by default every one may.
template <typename Counts>
constexpr std::size_t FindClose(std::string_view text, std::size_t open, Counts counts) {
  const std::size_t end = open + kReach < text.size() ? open + kReach : text.size();
  for (std::size_t q = open + kOpen.size(); q + 1 < end; ++q)
    if (text[q] == kClose[0] && text[q + 1] == kClose[1] && counts(q)) return q;
  return kNotFound;
}
constexpr std::size_t FindClose(std::string_view text, std::size_t open) {
  return FindClose(text, open, [](std::size_t) { return true; });
}

// Whether `size` bytes of text after the opening at `open` are enough to know its close.
constexpr bool Decided(std::size_t size, std::size_t open) { return size >= open + kReach; }

}  // namespace ortaq::user_span

#endif  // ORTAQ_TEXT_USER_SPAN_HPP_
