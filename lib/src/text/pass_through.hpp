// Tokens the engine copies unchanged whatever the table says: URLs, e-mail addresses,
// @handles, #hashtags, file paths and Roman numerals. A table is about letters of a language;
// these are not words of any language, and converting them breaks them.
//
// The one definition of the pass-through grammar: the engine applies it (engine/engine.cpp),
// the compiler and the fast tables derive from it which bytes they must leave to the engine.
// The user's own `-{...}-` spans, which markup also reads, are in text/user_span.hpp.
#ifndef ORTAQ_TEXT_PASS_THROUGH_HPP_
#define ORTAQ_TEXT_PASS_THROUGH_HPP_

#include <cstddef>
#include <cstdint>

namespace ortaq {

// Whether a token may begin with ASCII byte c. Letters begin URLs, e-mail addresses and paths;
// I V X L C D M begin numerals. Digits are left out: numbers pass through anyway, and a token
// starting with one is rarely a URL or an address.
constexpr bool MayBeginToken(unsigned char c) {
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return letter || c == '@' || c == '#' || c == '/' || c == '~' || c == '.' || c == '\\';
}

enum class TokenKind { kNone, kUrl, kEmail, kHandle, kHashtag, kPath, kRoman };

struct ProtectedToken {
  TokenKind kind = TokenKind::kNone;
  std::size_t end = 0;       // first byte after the token
  bool open_ended = false;   // the token reaches `hi`: it goes on until white space
};

// Classifies the token starting at data[p] (the caller has checked that a token may start
// there), reading no further than data[hi).
ProtectedToken ClassifyToken(const unsigned char* data, std::size_t p, std::size_t hi);

// False when no token can start with these two bytes (ClassifyToken would say kNone whatever
// follows): a full stop or a slash before white space, say. True when unsure. Lets the engine's
// fast paths copy the punctuation that ends most sentences without a closer look.
bool TokenMayStartWith(unsigned char first, unsigned char second);

// White space ends a URL, an e-mail address or a path.
bool IsTokenSpace(char32_t c);

// Whether a token may start right after `previous` (white space or opening punctuation).
bool MayStartTokenAfter(char32_t previous);

// Rules out, for a stretch of text at a time, that a token begins there with an ASCII letter,
// so that the letters of a Latin-script text need not each be looked at as a possible token
// start. Every token ClassifyToken protects that begins with a letter holds one of these
// within the window it reads, before the first white space: '@', ':', '/', '\\', a '.' before
// an ASCII letter or digit, "www.", or two Roman capitals in a row. Each byte is searched at
// most once per conversion, and only within a window of a letter that asks (the queries move
// forward; one that goes back starts the search again from there).
class TokenIndicators {
 public:
  // `window`: how far past a token's start ClassifyToken may read.
  TokenIndicators(const unsigned char* data, std::size_t size, std::size_t window)
      : data_(data), size_(size), window_(window) {}
  // False when no letter in [from, to) can begin a protected token; true when one may.
  bool MayStartIn(std::size_t from, std::size_t to);

 private:
  bool IndicatorAt(std::size_t q) const;
  // The first indicator in [from, limit), or `limit` when there is none there.
  std::size_t NextIndicator(std::size_t from, std::size_t limit);

  const unsigned char* data_;
  std::size_t size_, window_;
  std::size_t scan_from_ = SIZE_MAX, scanned_to_ = 0, found_ = SIZE_MAX;
};

}  // namespace ortaq

#endif  // ORTAQ_TEXT_PASS_THROUGH_HPP_
