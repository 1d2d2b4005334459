#include "text/pass_through.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

#if defined(__SSE2__)
#define ORTAQ_TOKEN_SCAN_SSE2 1
#include <emmintrin.h>
#endif

namespace ortaq {
namespace {

// What a byte may be part of, for TokenIndicators (and the capitals of Roman numerals for
// ClassifyToken): most bytes are none of these.
enum : std::uint8_t { kSign = 1, kDot = 2, kRoman = 4 };
constexpr std::array<std::uint8_t, 256> kIndicatorClass = [] {
  std::array<std::uint8_t, 256> c{};
  for (unsigned char b : {'@', ':', '/', '\\'}) c[b] = kSign;
  c['.'] = kDot;
  for (unsigned char b : {'I', 'V', 'X', 'L', 'C', 'D', 'M'}) c[b] = kRoman;
  return c;
}();

bool IsAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool StartsWithNoCase(const unsigned char* data, std::size_t p, std::size_t hi, std::string_view prefix) {
  if (hi - p < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(data[p + i]) != prefix[i]) return false;
  return true;
}

// The end of the run of non-space characters from p. *at_edge tells whether the run reached
// `hi` (it may go on) rather than white space or ill-formed bytes. The end is always on a
// character boundary: a character cut by `hi` is left out.
std::size_t TokenEnd(const unsigned char* data, std::size_t p, std::size_t hi, bool* at_edge = nullptr) {
  std::size_t at = p;
  if (at_edge) *at_edge = false;
  while (at < hi) {
    const utf8::Decoded d = utf8::Decode(data + at, data + hi);
    if (d.length == 0) break;  // cut by the edge
    // Ill-formed bytes end the token: the engine reports or replaces them as anywhere else.
    if (d.length < 0 || IsTokenSpace(d.code_point)) return at;
    at += static_cast<std::size_t>(d.length);
  }
  if (at_edge) *at_edge = true;
  return at;
}

bool IsAsciiWord(unsigned char c) { return std::isalnum(c) || c == '_'; }

// @name and #tag: the sign, then letters, digits and '_' in any script.
std::size_t NameEnd(const unsigned char* data, std::size_t p, std::size_t hi) {
  std::size_t at = p + 1;
  while (at < hi) {
    const utf8::Decoded d = utf8::Decode(data + at, data + hi);
    if (d.length <= 0) break;
    const char32_t c = d.code_point;
    if (!(c == U'_' || (c < 128 && std::isalnum(static_cast<int>(c))) || unicode::IsWordChar(c))) break;
    at += static_cast<std::size_t>(d.length);
  }
  return at;
}

bool IsRomanLetter(unsigned char c) { return kIndicatorClass[c] == kRoman; }

// A well-formed Roman numeral (I to MMMCMXCIX) in capitals.
bool IsRomanNumeral(std::string_view s) {
  static constexpr std::string_view kThousands[] = {"", "M", "MM", "MMM"};
  static constexpr std::string_view kHundreds[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
  static constexpr std::string_view kTens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
  static constexpr std::string_view kOnes[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  if (s.empty()) return false;
  // Greedy: take the longest valid group at each order of magnitude.
  auto take = [&](const std::string_view* groups, int count) {
    std::size_t best = 0;
    for (int i = 1; i < count; ++i)
      if (s.substr(0, groups[i].size()) == groups[i] && groups[i].size() > best) best = groups[i].size();
    s.remove_prefix(best);
  };
  take(kThousands, 4);
  take(kHundreds, 10);
  take(kTens, 10);
  take(kOnes, 10);
  return s.empty();
}

}  // namespace

bool IsTokenSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000;
}

bool MayStartTokenAfter(char32_t previous) {
  return IsTokenSpace(previous) || previous == U'(' || previous == U'[' || previous == U'{' || previous == U'<' ||
         previous == U'"' || previous == U'\'' || previous == U'«' || previous == U'“' || previous == U'‘' ||
         previous == U'„' || previous == U'>';
}

bool TokenMayStartWith(unsigned char first, unsigned char second) {
  const bool space = second == ' ' || second == '\t' || second == '\n' || second == '\r';
  switch (first) {
    case '.': return second == '.' || second == '/';  // ./ and ../ paths only
    case '~': return second == '/';                   // ~/ paths only
    case '/':                                         // a path needs something after the slash,
    case '@':                                         // a handle or a hashtag a name
    case '#': return !space;
    default: return true;  // letters begin schemes, numerals, addresses, domains and paths
  }
}

bool TokenIndicators::IndicatorAt(std::size_t q) const {
  switch (kIndicatorClass[data_[q]]) {
    case kSign:
      return true;
    case kDot:
      if (q + 1 < size_ && IsAsciiWord(data_[q + 1])) return true;  // a domain, a file name
      return q >= 3 && std::tolower(data_[q - 3]) == 'w' && std::tolower(data_[q - 2]) == 'w' &&
             std::tolower(data_[q - 1]) == 'w';
    case kRoman: {
      // Two capitals or more from a token start (not inside a word), not followed by a letter
      // or an apostrophe (ClassifyToken's test): words in capitals (DIŞ, MIDI) are common in
      // some texts.
      if (q > 0 && (IsRomanLetter(data_[q - 1]) || IsAsciiWord(data_[q - 1]))) return false;
      std::size_t end = q;
      while (end < size_ && end - q < 16 && IsRomanLetter(data_[end])) ++end;
      if (end - q < 2) return false;
      if (end >= size_ || end - q >= 16) return true;
      const unsigned char next = data_[end];
      if (next < 0x80) return !unicode::IsWordChar(next) && next != '\'' && next != '`';  // a digit may follow
      const utf8::Decoded d = utf8::Decode(data_ + end, data_ + size_);
      return d.length <= 0 || !unicode::IsWordChar(d.code_point);
    }
    default:
      return false;
  }
}

std::size_t TokenIndicators::NextIndicator(std::size_t from, std::size_t limit) {
  // What is known: the first indicator at or after scan_from_ is found_, or there is none in
  // [scan_from_, scanned_to_).
  if (scan_from_ == SIZE_MAX || from < scan_from_ || (found_ != SIZE_MAX && found_ < from)) {
    scanned_to_ = from;
    found_ = SIZE_MAX;
  }
  scan_from_ = from;
  if (found_ != SIZE_MAX) return std::min(found_, limit);
  std::size_t q = std::max(scanned_to_, from);
  auto found = [&](std::size_t at) {
    found_ = at;
    scanned_to_ = at + 1;
    return std::min(at, limit);
  };
#if ORTAQ_TOKEN_SCAN_SSE2
  // Sixteen bytes at a time: the signs and dots, and Roman capitals with another after them,
  // are candidates that IndicatorAt then judges.
  const auto any_of = [](__m128i v, std::initializer_list<char> bytes) {
    __m128i hit = _mm_setzero_si128();
    for (char b : bytes) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(b)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; q + 16 <= limit && q + 17 <= size_; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data_ + q));
    const unsigned signs = any_of(v, {'@', ':', '/', '\\', '.'});
    const unsigned roman = any_of(v, {'I', 'V', 'X', 'L', 'C', 'D', 'M'}) |
                           (IsRomanLetter(data_[q + 16]) ? 1u << 16 : 0u);
    for (unsigned candidates = signs | (roman & (roman >> 1)); candidates != 0; candidates &= candidates - 1) {
      const std::size_t at = q + static_cast<std::size_t>(std::countr_zero(candidates));
      if (IndicatorAt(at)) return found(at);
    }
  }
#endif
  for (; q < limit; ++q)
    if (kIndicatorClass[data_[q]] != 0 && IndicatorAt(q)) return found(q);
  scanned_to_ = std::max(scanned_to_, limit);
  return limit;
}

bool TokenIndicators::MayStartIn(std::size_t from, std::size_t to) {
  // ClassifyToken reads at most window_ bytes from a token's start, which lies before `to`.
  const std::size_t limit = std::min(size_, to + window_);
  const std::size_t indicator = NextIndicator(from, limit);
  if (indicator < to) return true;
  if (indicator >= limit) return false;
  // Past the stretch: a token begun in it reaches the indicator only if no white space comes
  // first.
  for (std::size_t q = to; q < indicator; ++q)
    if (IsAsciiSpace(data_[q])) return false;
  return true;
}

ProtectedToken ClassifyToken(const unsigned char* data, std::size_t p, std::size_t hi) {
  ProtectedToken token;
  if (p >= hi) return token;
  const unsigned char first = data[p];
  auto whole = [&](TokenKind kind) {
    token.kind = kind;
    token.end = TokenEnd(data, p, hi, &token.open_ended);
    return token;
  };
  // URLs by their scheme or www.
  for (std::string_view prefix : {"http://", "https://", "ftp://", "mailto:", "www.", "file://"})
    if (StartsWithNoCase(data, p, hi, prefix) && hi - p > prefix.size()) return whole(TokenKind::kUrl);
  if (first == '@' || first == '#') {
    const std::size_t end = NameEnd(data, p, hi);
    if (end == p + 1 || end == hi) return token;  // a lone sign, or a name running off the window
    token.kind = first == '@' ? TokenKind::kHandle : TokenKind::kHashtag;
    token.end = end;
    return token;
  }
  // Paths: /abs, ~/home, ./rel, ../up, C:\dir. A slash before a word in the text ("тілі
  // /әдебиет") is punctuation: an absolute path starts with an ASCII name or has two slashes.
  if (first == '/' && p + 1 < hi && !IsAsciiWord(data[p + 1]) && data[p + 1] != '.') {
    bool at_edge = false;
    const std::size_t end = TokenEnd(data, p, hi, &at_edge);
    const std::string_view text(reinterpret_cast<const char*>(data + p), end - p);
    if (!at_edge && text.find('/', 1) != std::string_view::npos && text.find('/', 1) + 1 < text.size()) {
      token.kind = TokenKind::kPath;
      token.end = end;
    }
    return token;
  }
  if ((first == '/' && p + 1 < hi && (IsAsciiWord(data[p + 1]) || data[p + 1] == '.')) ||
      StartsWithNoCase(data, p, hi, "~/") || StartsWithNoCase(data, p, hi, "./") ||
      StartsWithNoCase(data, p, hi, "../") ||
      (std::isalpha(first) && hi - p > 3 && data[p + 1] == ':' && data[p + 2] == '\\'))
    return whole(TokenKind::kPath);
  // Roman numerals: capitals I V X L C D M forming a numeral, not followed by a letter.
  if (IsRomanLetter(first)) {
    std::size_t end = p;
    while (end < hi && IsRomanLetter(data[end])) ++end;
    char32_t next = 0;
    bool next_is_letter = false;
    if (end < hi) {
      const utf8::Decoded d = utf8::Decode(data + end, data + hi);
      next = d.length > 0 ? d.code_point : 0;
      next_is_letter = d.length > 0 && unicode::IsWordChar(next);
    } else {
      return token;  // runs off the window: undecided, not protected
    }
    // Two letters at least: a lone capital (I, V, C, M) is too often a letter of the text
    // (2017 Kazakh I'ran, C'), and an apostrophe after the run means a letter too.
    const bool apostrophe = next == U'\'' || next == U'\u2019' || next == U'\u02BC' || next == U'`' || next == U'\u00B4';
    if (!next_is_letter && !apostrophe && end - p >= 2 &&
        IsRomanNumeral(std::string_view(reinterpret_cast<const char*>(data + p), end - p))) {
      token.kind = TokenKind::kRoman;
      token.end = end;
      return token;
    }
  }
  if (!IsAsciiWord(first)) return token;
  // E-mail addresses and relative paths: look at the whole token.
  bool at_edge = false;
  const std::size_t end = TokenEnd(data, p, hi, &at_edge);
  if (at_edge) return token;  // too long to see whole: not protected
  const std::string_view text(reinterpret_cast<const char*>(data + p), end - p);
  const std::size_t at = text.find('@');
  if (at != std::string_view::npos && at > 0) {
    const std::string_view local = text.substr(0, at), domain = text.substr(at + 1);
    const bool local_ok = local.find_first_not_of(
                              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-") == std::string_view::npos;
    const std::size_t dot = domain.rfind('.');
    if (local_ok && dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
        std::isalpha(static_cast<unsigned char>(domain[dot + 1]))) {
      token.kind = TokenKind::kEmail;
      token.end = end;
      return token;
    }
  }
  // Bare domain names (kaspi.kz, example.com/page): ASCII labels, the last a common top-level
  // domain.
  {
    std::string_view host = text.substr(0, text.find('/'));
    while (!host.empty() && std::strchr(".,;:!?)]}»\"'", host.back()) != nullptr) host.remove_suffix(1);
    const std::size_t dot = host.rfind('.');
    const bool ascii = host.find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == std::string_view::npos;
    if (ascii && dot != std::string_view::npos && dot > 0) {
      std::string tld(host.substr(dot + 1));
      for (char& c : tld) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      static constexpr std::string_view kTlds[] = {"kz", "com", "org", "net", "ru", "ua", "uz", "kg", "tr", "az",
                                                   "io", "info", "edu", "gov", "de", "uk", "us", "eu"};
      for (std::string_view known : kTlds) {
        if (tld == known) {
          token.kind = TokenKind::kUrl;
          token.end = end;
          return token;
        }
      }
    }
  }
  // dir/file.ext: a slash inside, and a file name with an extension at the end.
  const std::size_t slash = text.find('/');
  if (slash != std::string_view::npos && slash > 0) {
    std::string_view tail = text;
    while (!tail.empty() && std::strchr(".,;:!?)]}»\"'", tail.back()) != nullptr) tail.remove_suffix(1);
    const std::size_t last_slash = tail.rfind('/');
    const std::size_t dot = tail.rfind('.');
    if (last_slash != std::string_view::npos && dot != std::string_view::npos && dot > last_slash + 1 &&
        tail.size() - dot - 1 >= 1 && tail.size() - dot - 1 <= 5) {
      token.kind = TokenKind::kPath;
      token.end = end;
      return token;
    }
  }
  return token;
}

}  // namespace ortaq
