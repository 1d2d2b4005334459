#include "fast/word_cache.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::word_cache {
namespace {

using Kind = ContextItem::Kind;

// An index of 128 Ki entries (1 MiB, at most 3/4 full) and records in an arena of at most
// 2 MiB: up to 96 Ki distinct tokens, or about 70 Ki of running Kazakh text's (which has
// some 45 Ki distinct words in its first 1.7 MB), within the command's 16 MiB.
constexpr std::size_t kSlots = std::size_t{1} << 17;
constexpr std::size_t kMaxEntries = kSlots / 4 * 3;
constexpr std::size_t kMaxArenaBytes = std::size_t{2} << 20;

bool IsSpace(unsigned char b) { return b == ' ' || b == '\n' || b == '\t' || b == '\r'; }
bool IsTail(unsigned char b) {
  return b == ',' || b == '.' || b == '!' || b == '?' || b == ';' || b == ':' || b == ')' || b == '"';
}

// The characters a token's rules may read outside its letters: the white space around it and
// the punctuation of its tail.
constexpr std::array<char32_t, 12> kOutside = {U' ', U'\n', U'\t', U'\r', U',', U'.', U'!', U'?', U';', U':', U')', U'"'};

}  // namespace

std::uint64_t Cache::Hash(std::string_view key) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, key.data() + i, 8);
    h = (h ^ v) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  std::uint64_t v = 0;
  std::memcpy(&v, key.data() + i, key.size() - i);
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
enum LetterKind : std::uint8_t { kNotLetter = 0, kLower = 1, kUpper = 2 };

// Read once per process (a constant table): the unicode:: questions for every character of one
// or two bytes, which TokenEnd would otherwise ask for each letter of each word.
const std::array<std::uint8_t, 0x800>& LetterKinds() {
  static const std::array<std::uint8_t, 0x800> kinds = [] {
    std::array<std::uint8_t, 0x800> k{};
    for (char32_t cp = 0; cp < 0x800; ++cp) {
      if (cp < 0x80 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) continue;
      if (!unicode::IsWordChar(cp) || unicode::IsMark(cp)) continue;
      k[cp] = unicode::IsUpper(cp) ? kUpper : unicode::IsLower(cp) ? kLower : kNotLetter;
    }
    return k;
  }();
  return kinds;
}

}  // namespace

std::size_t TokenEnd(const unsigned char* data, std::size_t size, std::size_t p, std::size_t limit) {
  if (p == 0 || !IsSpace(data[p - 1])) return 0;
  const std::array<std::uint8_t, 0x800>& kinds = LetterKinds();
  const std::size_t hi = std::min(size, p + kMaxTokenBytes);
  std::size_t at = p, letters = 0;
  // Whether the character before is a letter; whether a capital waits for a letter after it.
  bool after_letter = false, capital_alone = false;
  while (at < hi) {
    const unsigned char b = data[at];
    std::uint8_t kind;
    if (b < 0x80) {
      if (b == '\'') {
        // Apostrophes inside a word (2017's letters a' o' s'): read with it, like its letters.
        if (capital_alone) return 0;
        after_letter = false;
        ++at;
        continue;
      }
      kind = kinds[b];
      if (kind == kNotLetter) break;  // the token's tail, or its end
      ++at;
    } else {
      if (b < 0xC2 || b >= 0xE0 || at + 1 >= hi || !utf8::IsContinuation(data[at + 1])) return 0;
      kind = kinds[((b & 0x1Fu) << 6) | (data[at + 1] & 0x3Fu)];
      if (kind == kNotLetter) return 0;  // a mark, a letter without case, or not a letter
      at += 2;
    }
    capital_alone = kind == kUpper && !after_letter;
    after_letter = true;
    ++letters;
  }
  if (letters == 0 || capital_alone) return 0;
  for (int tail = 0; tail < 4 && at < hi && IsTail(data[at]); ++tail) ++at;
  if (at >= hi || at > limit || !IsSpace(data[at])) return 0;
  return at;
}

bool Cache::Find(std::string_view key, std::uint64_t hash, Hit* hit) const {
  if (index_.empty()) return false;
  const std::size_t mask = index_.size() - 1;
  const std::uint64_t tag = hash & ~kOffsetMask;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t entry = index_[i];
    if (entry == 0) return false;
    if ((entry & ~kOffsetMask) != tag) continue;
    const unsigned char* record = arena_.data() + (entry & kOffsetMask) - 1;
    if (record[0] != key.size() || std::memcmp(record + kHeader, key.data(), key.size()) != 0) continue;
    hit->output = std::string_view(reinterpret_cast<const char*>(record + kHeader + key.size()), record[1]);
    hit->counted = record[2] != 0;
    hit->counts = Counts{record[3], record[4], record[5]};
    return true;
  }
}

void Cache::Add(std::string_view key, std::string_view output, const Counts* counts) {
  const std::size_t bytes = kHeader + key.size() + output.size();
  if (entries_ >= kMaxEntries || arena_.size() + bytes > kMaxArenaBytes) return;  // full: the words in stay
  // Rare: long outputs, and counts no token reaches, are not cached.
  if (key.size() > 255 || output.size() > 255) return;
  if (counts && (counts->repaired_letters > 255 || counts->protected_tokens > 255 || counts->foreign_words > 255)) return;
  if (index_.empty()) {
    index_.assign(kSlots, 0);
    arena_.reserve(kMaxArenaBytes);  // its pages are taken as records fill them
  }
  const std::uint64_t hash = Hash(key);
  const std::size_t mask = index_.size() - 1;
  std::size_t i = hash & mask;
  for (;; i = (i + 1) & mask) {
    const std::uint64_t entry = index_[i];
    if (entry == 0) break;
    const unsigned char* record = arena_.data() + (entry & kOffsetMask) - 1;
    if ((entry & ~kOffsetMask) == (hash & ~kOffsetMask) && record[0] == key.size() &&
        std::memcmp(record + kHeader, key.data(), key.size()) == 0) {
      // Kept without counts, now given them (the same output: the key decides it).
      if (counts && record[2] == 0 && record[1] == output.size()) {
        unsigned char* header = arena_.data() + (entry & kOffsetMask) - 1;
        header[2] = 1;
        header[3] = static_cast<unsigned char>(counts->repaired_letters);
        header[4] = static_cast<unsigned char>(counts->protected_tokens);
        header[5] = static_cast<unsigned char>(counts->foreign_words);
      }
      return;
    }
  }
  const std::size_t at = arena_.size();
  arena_.resize(at + bytes);
  unsigned char* record = arena_.data() + at;
  const Counts c = counts ? *counts : Counts{};
  const unsigned char header[kHeader] = {
      static_cast<unsigned char>(key.size()), static_cast<unsigned char>(output.size()),
      static_cast<unsigned char>(counts != nullptr), static_cast<unsigned char>(c.repaired_letters),
      static_cast<unsigned char>(c.protected_tokens), static_cast<unsigned char>(c.foreign_words)};
  std::memcpy(record, header, kHeader);
  std::memcpy(record + kHeader, key.data(), key.size());
  std::memcpy(record + kHeader + key.size(), output.data(), output.size());
  index_[i] = (hash & ~kOffsetMask) | (at + 1);
  ++entries_;
}

}  // namespace ortaq::word_cache
