#include "fast/word_cache.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::word_cache {
namespace {

using Kind = ContextItem::Kind;

// Slots of 64 bytes (a power of two of them, at most 3/4 full): 2 MiB per cache (the command
// stays within its 16 MiB), for up to 24 Ki distinct tokens, the common words of half a
// megabyte of running Kazakh text.
constexpr std::size_t kSlots = std::size_t{1} << 15;
constexpr std::size_t kMaxEntries = kSlots / 4 * 3;

bool IsSpace(unsigned char b) { return b == ' ' || b == '\n' || b == '\t' || b == '\r'; }
bool IsTail(unsigned char b) {
  return b == ',' || b == '.' || b == '!' || b == '?' || b == ';' || b == ':' || b == ')' || b == '"';
}

// The characters a token's rules may read outside its letters: the white space around it and
// the punctuation of its tail.
constexpr std::array<char32_t, 12> kOutside = {U' ', U'\n', U'\t', U'\r', U',', U'.', U'!', U'?', U';', U':', U')', U'"'};

std::uint64_t Hash(std::string_view key) {
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

std::size_t TokenEnd(const unsigned char* data, std::size_t size, std::size_t p, std::size_t limit) {
  if (p == 0 || !IsSpace(data[p - 1])) return 0;
  const std::size_t hi = std::min(size, p + kMaxTokenBytes);
  std::size_t at = p, letters = 0, capitals = 0;
  while (at < hi) {
    const unsigned char b = data[at];
    char32_t cp;
    if (b < 0x80) {
      if (!((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) break;
      cp = b;
      ++at;
    } else {
      if (b < 0xC2 || b >= 0xE0 || at + 1 >= hi || !utf8::IsContinuation(data[at + 1])) return 0;
      cp = ((b & 0x1Fu) << 6) | (data[at + 1] & 0x3Fu);
      if (!unicode::IsWordChar(cp) || unicode::IsMark(cp)) return 0;
      at += 2;
    }
    if (unicode::IsUpper(cp)) ++capitals;
    else if (!unicode::IsLower(cp)) return 0;
    ++letters;
  }
  if (letters == 0 || (capitals > 0 && letters < 2)) return 0;
  for (int tail = 0; tail < 4 && at < hi && IsTail(data[at]); ++tail) ++at;
  if (at >= hi || at > limit || !IsSpace(data[at])) return 0;
  return at;
}

bool Cache::Find(std::string_view key, Hit* hit) const {
  if (slots_.empty()) return false;
  const Slot& slot = slots_[FindSlot(key, Hash(key))];
  if (!slot.used) return false;
  hit->output = std::string_view(slot.bytes + slot.key_size, slot.output_size);
  hit->counted = slot.counted;
  hit->counts = slot.counts;
  return true;
}

void Cache::Add(std::string_view key, std::string_view output, const Counts* counts) {
  if (key.size() + output.size() > kSlotBytes) return;  // rare: long words are not cached
  if (slots_.empty()) slots_.resize(kSlots);
  const std::uint64_t hash = Hash(key);
  Slot& slot = slots_[FindSlot(key, hash)];
  // Full: the words already kept stay. The common ones come early in any text, and emptying the
  // cache would throw them away with the rest.
  if (!slot.used && entries_ >= kMaxEntries) return;
  if (!slot.used) ++entries_;
  slot.hash = static_cast<std::uint32_t>(hash >> 32);
  slot.key_size = static_cast<std::uint8_t>(key.size());
  slot.output_size = static_cast<std::uint8_t>(output.size());
  std::memcpy(slot.bytes, key.data(), key.size());
  std::memcpy(slot.bytes + key.size(), output.data(), output.size());
  slot.counted = counts != nullptr;
  slot.counts = counts ? *counts : Counts{};
  slot.used = true;
}

std::size_t Cache::FindSlot(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.used) return i;
    if (slot.hash == tag && slot.key_size == key.size() && std::memcmp(slot.bytes, key.data(), key.size()) == 0)
      return i;
  }
}

}  // namespace ortaq::word_cache
