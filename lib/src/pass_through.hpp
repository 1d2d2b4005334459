// Tokens the engine copies unchanged whatever the table says: URLs, e-mail addresses,
// @handles, #hashtags, file paths and Roman numerals. A table is about letters of a language;
// these are not words of any language, and converting them breaks them.
#ifndef ORTAQ_PASS_THROUGH_HPP_
#define ORTAQ_PASS_THROUGH_HPP_

#include <cstddef>

namespace ortaq {

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

}  // namespace ortaq

#endif  // ORTAQ_PASS_THROUGH_HPP_
