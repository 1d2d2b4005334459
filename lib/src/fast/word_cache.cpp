#include "fast/word_cache.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::word_cache {
namespace {

using Kind = ContextItem::Kind;

// An index of 128 Ki entries (512 KiB, at most 3/4 full) and records in an arena of at most
// 2 MiB: up to 96 Ki distinct tokens, or about 70 Ki of running Kazakh text's (which has
// some 45 Ki distinct words in its first 1.7 MB), within the command's 16 MiB.
constexpr std::size_t kSlots = std::size_t{1} << 17;
constexpr std::size_t kMaxEntries = kSlots / 4 * 3;
constexpr std::size_t kMaxArenaBytes = std::size_t{2} << 20;

bool IsSpace(unsigned char b) { return b == ' ' || b == '\n' || b == '\t' || b == '\r'; }

// The characters a rule may read at most one of, as the last of its context: the white space
// around a token, which a rule so reads no further than, and common punctuation (more than
// needs be: the tables back to Cyrillic pass with it).
constexpr std::array<char32_t, 12> kOutside = {U' ', U'\n', U'\t', U'\r', U',', U'.', U'!', U'?', U';', U':', U')', U'"'};

std::uint64_t Load8(const char* at) {
  std::uint64_t v;
  std::memcpy(&v, at, 8);
  return v;
}
std::uint32_t Load4(const char* at) {
  std::uint32_t v;
  std::memcpy(&v, at, 4);
  return v;
}

// Whether the n bytes at a and b are equal (n >= 1), by loads of a fixed size that stay within
// the n bytes (the last ones overlapping): keys are short, and memcmp's call and its branches on
// the size took more than the comparing.
bool SameBytes(const char* a, const char* b, std::size_t n) {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (Load8(a + i) != Load8(b + i)) return false;
    return Load8(a + n - 8) == Load8(b + n - 8);
  }
  if (n >= 4) return Load4(a) == Load4(b) && Load4(a + n - 4) == Load4(b + n - 4);
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

}  // namespace

std::uint64_t Cache::Hash(std::string_view key) {
  const char* d = key.data();
  const std::size_t n = key.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n, v = 0;
  // Whole words of 8 bytes, then the last 8 (overlapping the one before): no copy of a
  // variable size, and no byte read outside the key.
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      h = (h ^ Load8(d + i)) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    v = Load8(d + n - 8);
  } else if (n >= 4) {
    v = Load4(d) | std::uint64_t{Load4(d + n - 4)} << 32;
  } else if (n > 0) {
    v = static_cast<unsigned char>(d[0]) | static_cast<unsigned char>(d[n / 2]) << 8 |
        static_cast<unsigned char>(d[n - 1]) << 16;
  }
  // fmix64 (MurmurHash3's finaliser): every bit of the key reaches the low bits, which pick
  // the slot.
  h ^= v;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

namespace {

// Whether a context item may match (and so read past) a character outside a token's letters.
bool MayMatchOutside(const CompiledTable& t, const CompiledItem& item) {
  switch (item.kind) {
    case Kind::kBoundary:
    case Kind::kNearestVowel: return false;  // they read word characters only
    case Kind::kLetter:
    case Kind::kClass:
      for (char32_t c : kOutside) {
        const char32_t lower = t.SourceLower(c);
        if (item.kind == Kind::kLetter ? item.letter == lower : t.InSet(item.set, lower)) return true;
      }
      return false;
    default: return true;  // ~x, ~C, and anything newer
  }
}

bool SideStaysNear(const CompiledTable& t, const std::vector<CompiledItem>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!MayMatchOutside(t, items[i])) continue;
    const bool one = items[i].quantifier == Quantifier::kOne || items[i].quantifier == Quantifier::kOptional;
    if (!one || i + 1 != items.size()) return false;
  }
  return true;
}

struct TableSlot {
  std::uint64_t serial = 0;
  std::unique_ptr<Cache> cache;  // null when the table is not eligible
};

}  // namespace

bool Eligible(const CompiledTable& t) {
  for (const CompiledRule& rule : t.rules)
    if (!SideStaysNear(t, rule.left) || !SideStaysNear(t, rule.right)) return false;
  for (const TrieNode& node : t.nodes)
    for (const auto& [letter, child] : node.children)
      if (letter == U' ' || letter == U'\n' || letter == U'\t' || letter == U'\r') return false;
  return true;
}

Cache* ForTable(const CompiledTable& t) {
  // The last few tables this thread used (a chain uses several in turn).
  thread_local std::array<TableSlot, 4> slots;
  thread_local std::size_t next_victim = 0;
  for (TableSlot& slot : slots)
    if (slot.serial == t.serial) return slot.cache.get();
  TableSlot& slot = slots[next_victim];
  next_victim = (next_victim + 1) % slots.size();
  slot.serial = t.serial;
  slot.cache = Eligible(t) ? std::make_unique<Cache>() : nullptr;
  return slot.cache.get();
}

namespace {

// What TokenEnd takes a character below U+0800 to be.
enum CharKind : std::uint8_t { kRefused = 0, kLower, kUpper, kOther };

// Read once per process (a constant table): the unicode:: questions for every character of one
// or two bytes, which TokenEnd would otherwise ask for each letter of each word.
const std::array<std::uint8_t, 0x800>& CharKinds() {
  static const std::array<std::uint8_t, 0x800> kinds = [] {
    std::array<std::uint8_t, 0x800> k{};
    for (char32_t cp = 0; cp < 0x800; ++cp) {
      if (unicode::IsWordChar(cp) && !unicode::IsMark(cp) && (unicode::IsUpper(cp) || unicode::IsLower(cp)))
        k[cp] = unicode::IsUpper(cp) ? kUpper : kLower;
      // Digits and punctuation, but not the braces of -{...}- spans (which read far ahead),
      // nor controls and white space.
      else if ((cp > 0x20 && cp < 0x7F && cp != '{' && cp != '}') || cp == U'\u00AB' || cp == U'\u00BB')
        k[cp] = kOther;
    }
    return k;
  }();
  return kinds;
}

#if defined(__SSE2__)
// Bit i set where byte i of the 48 at `in` is equal to `c`, or (with cmpgt) above it.
struct Masks48 {
  __m128i v[3];
  explicit Masks48(const unsigned char* in) {
    for (int i = 0; i < 3; ++i) v[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16 * i));
  }
  template <typename Op>
  std::uint64_t Where(Op op) const {
    std::uint64_t m = 0;
    for (int i = 0; i < 3; ++i) m |= std::uint64_t(static_cast<std::uint16_t>(_mm_movemask_epi8(op(v[i])))) << (16 * i);
    return m;
  }
};

// TokenEnd for a token of ASCII and two-byte characters with 48 bytes readable at p: its end
// (white space at it), 0 when it is not cacheable, kNotDecided when it holds anything else.
constexpr std::size_t kNotDecided = SIZE_MAX;
std::size_t AsciiTokenEnd(const unsigned char* data, std::size_t p, std::size_t limit) {
  static_assert(kMaxTokenBytes == 48, "three vectors");
  const Masks48 m(data + p);
  auto eq = [](char c) { return [c](__m128i x) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); }; };
  auto range = [](char lo, char hi) {
    return [lo, hi](__m128i x) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
  };
  const std::uint64_t space = m.Where(eq(' ')) | m.Where(eq('\n')) | m.Where(eq('\t')) | m.Where(eq('\r'));
  if (space == 0) return 0;  // longer than kMaxTokenBytes
  const unsigned length = static_cast<unsigned>(std::countr_zero(space));
  if (length == 0 || p + length > limit) return 0;
  const std::uint64_t in_token = (std::uint64_t{1} << length) - 1;
  // Characters of two bytes: each lead byte (C2-DF) followed by a continuation (80-BF), and
  // looked up in the table one by one (few in a word). Anything else: the careful loop.
  std::uint64_t cased = 0, upper_pairs = 0;
  if (const std::uint64_t high = m.Where([](__m128i x) { return x; }) & in_token) {
    const std::uint64_t lead = m.Where(range(static_cast<char>(0xC2), static_cast<char>(0xDF))) & in_token;
    const std::uint64_t tail = m.Where([](__m128i x) { return _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(0xC0))); }) & in_token;
    if ((lead | tail) != high || (lead << 1) != tail) return kNotDecided;
    const std::array<std::uint8_t, 0x800>& kinds = CharKinds();
    for (std::uint64_t rest = lead; rest != 0; rest &= rest - 1) {
      const unsigned at = static_cast<unsigned>(std::countr_zero(rest));
      const std::uint8_t kind = kinds[((data[p + at] & 0x1Fu) << 6) | (data[p + at + 1] & 0x3Fu)];
      if (kind == kRefused) return 0;
      if (kind == kOther) continue;
      cased |= std::uint64_t{3} << at;  // both bytes: the letter before or after a neighbour
      if (kind == kUpper) upper_pairs |= std::uint64_t{1} << at;
    }
  }
  // Controls (below 0x21), braces, DEL: refused; letters cased; the rest other.
  const std::uint64_t refused = m.Where(range(0, 0x20)) | m.Where(eq('{')) | m.Where(eq('}')) | m.Where(eq(0x7F));
  if (refused & in_token) return 0;
  const std::uint64_t upper = m.Where(range('A', 'Z')) & in_token;
  cased |= upper | (m.Where(range('a', 'z')) & in_token);
  // A capital with no cased letter either side (the next character of a two-byte capital
  // starts two bytes on).
  if ((upper & ~(cased << 1) & ~(cased >> 1)) | (upper_pairs & ~(cased << 1) & ~(cased >> 2))) return 0;
  return p + length;
}
#endif

}  // namespace

std::size_t TokenEnd(const unsigned char* data, std::size_t size, std::size_t p, std::size_t limit) {
  if (p == 0 || !IsSpace(data[p - 1])) return 0;
#if defined(__SSE2__)
  if (p + kMaxTokenBytes <= size)
    if (const std::size_t end = AsciiTokenEnd(data, p, limit); end != kNotDecided) return end;
#endif
  const std::array<std::uint8_t, 0x800>& kinds = CharKinds();
  const std::size_t hi = std::min(size, p + kMaxTokenBytes);
  std::size_t at = p;
  // Whether the character before is a cased letter; whether a capital waits for one after it.
  bool after_letter = false, capital_alone = false;
  while (at < hi) {
    const unsigned char b = data[at];
    std::uint8_t kind;
    if (b < 0x80) {
      if (IsSpace(b)) break;
      kind = kinds[b];
      ++at;
    } else {
      if (b < 0xC2 || b >= 0xE0 || at + 1 >= hi || !utf8::IsContinuation(data[at + 1])) return 0;
      kind = kinds[((b & 0x1Fu) << 6) | (data[at + 1] & 0x3Fu)];
      at += 2;
    }
    if (kind == kRefused) return 0;
    if (kind == kOther) {
      if (capital_alone) return 0;
      after_letter = false;
      continue;
    }
    capital_alone = kind == kUpper && !after_letter;
    after_letter = true;
  }
  // Stopped at white space (not at hi), within the limit, with no capital alone.
  if (at == p || at >= hi || at > limit || capital_alone) return 0;
  return at;
}

bool Cache::Find(std::string_view key, std::uint64_t hash, Hit* hit) const {
  if (index_.empty()) return false;
  const std::size_t mask = index_.size() - 1;
  const std::uint32_t tag = Tag(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint32_t entry = index_[i];
    if (entry == 0) return false;
    if ((entry & ~kOffsetMask) != tag) continue;
    const unsigned char* record = arena_.get() + (entry & kOffsetMask) - 1;
    if (record[0] != key.size() || !SameBytes(reinterpret_cast<const char*>(record + kHeader), key.data(), key.size())) continue;
    hit->output = std::string_view(reinterpret_cast<const char*>(record + kHeader + key.size()), record[1]);
    hit->counted = record[2] != 0;
    hit->counts = Counts{record[3], record[4], record[5]};
    return true;
  }
}

void Cache::Add(std::string_view key, std::string_view output, const Counts* counts) {
  const std::size_t bytes = kHeader + key.size() + output.size();
  if (entries_ >= kMaxEntries || arena_size_ + bytes > kMaxArenaBytes) return;  // full: the words in stay
  // Rare: long outputs, and counts no token reaches, are not cached.
  if (key.size() > 255 || output.size() > 255) return;
  if (counts && (counts->repaired_letters > 255 || counts->protected_tokens > 255 || counts->foreign_words > 255)) return;
  if (index_.empty()) {
    index_.assign(kSlots, 0);
    // Not filled: its pages are taken as records fill them.
    arena_.reset(new unsigned char[kMaxArenaBytes + kOutputPadding]);
  }
  const std::uint64_t hash = Hash(key);
  const std::size_t mask = index_.size() - 1;
  std::size_t i = hash & mask;
  for (;; i = (i + 1) & mask) {
    const std::uint32_t entry = index_[i];
    if (entry == 0) break;
    const unsigned char* record = arena_.get() + (entry & kOffsetMask) - 1;
    if ((entry & ~kOffsetMask) == Tag(hash) && record[0] == key.size() &&
        SameBytes(reinterpret_cast<const char*>(record + kHeader), key.data(), key.size())) {
      // Kept without counts, now given them (the same output: the key decides it).
      if (counts && record[2] == 0 && record[1] == output.size()) {
        unsigned char* header = arena_.get() + (entry & kOffsetMask) - 1;
        header[2] = 1;
        header[3] = static_cast<unsigned char>(counts->repaired_letters);
        header[4] = static_cast<unsigned char>(counts->protected_tokens);
        header[5] = static_cast<unsigned char>(counts->foreign_words);
      }
      return;
    }
  }
  const std::size_t at = arena_size_;
  arena_size_ += bytes;
  unsigned char* record = arena_.get() + at;
  const Counts c = counts ? *counts : Counts{};
  const unsigned char header[kHeader] = {
      static_cast<unsigned char>(key.size()), static_cast<unsigned char>(output.size()),
      static_cast<unsigned char>(counts != nullptr), static_cast<unsigned char>(c.repaired_letters),
      static_cast<unsigned char>(c.protected_tokens), static_cast<unsigned char>(c.foreign_words)};
  std::memcpy(record, header, kHeader);
  std::memcpy(record + kHeader, key.data(), key.size());
  std::memcpy(record + kHeader + key.size(), output.data(), output.size());
  // What a fixed-size copy of the output reads past it is always written (kOutputPadding).
  std::memset(record + bytes, 0, kOutputPadding);
  index_[i] = Tag(hash) | static_cast<std::uint32_t>(at + 1);
  ++entries_;
}

}  // namespace ortaq::word_cache
