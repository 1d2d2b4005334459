#include "compare/word_table.hpp"

#include <algorithm>
#include <cstring>

namespace ortaq::compare {
namespace {

constexpr std::size_t kBlockBytes = 1 << 20;
constexpr std::size_t kInitialSlots = 1 << 12;

}  // namespace

// Eight bytes at a time, multiplied and folded, so that the low bits used as the slot index
// depend on every byte.
std::uint64_t WordTable::HashOf(std::string_view word) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = word.size() * kMultiplier;
  std::size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    h = (h ^ chunk) * kMultiplier;
    h ^= h >> 29;
  }
  if (i < word.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, word.data() + i, word.size() - i);
    h = (h ^ chunk) * kMultiplier;
    h ^= h >> 29;
  }
  h *= kMultiplier;
  return h ^ (h >> 32);
}

std::uint32_t WordTable::Intern(std::string_view word, std::uint64_t hash, bool copy) {
  if (2 * (words_.size() + 1) > slots_.size()) Rehash(std::max(kInitialSlots, 2 * slots_.size()));
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.id_plus_one == 0) {
      words_.push_back(copy ? Store(word) : word);
      word_hashes_.push_back(hash);
      slot = {tag, static_cast<std::uint32_t>(words_.size())};
      return slot.id_plus_one - 1;
    }
    if (slot.tag == tag && words_[slot.id_plus_one - 1] == word) return slot.id_plus_one - 1;
  }
}

std::string_view WordTable::Store(std::string_view word) {
  if (word.size() > block_free_) {
    const std::size_t size = std::max(kBlockBytes, word.size());
    blocks_.push_back(std::unique_ptr<char[]>(new char[size]));
    block_next_ = blocks_.back().get();
    block_free_ = size;
  }
  char* at = block_next_;
  if (!word.empty()) std::memcpy(at, word.data(), word.size());
  block_next_ += word.size();
  block_free_ -= word.size();
  return {at, word.size()};
}

void WordTable::Reserve(std::size_t count) {
  std::size_t slot_count = kInitialSlots;
  while (slot_count < 2 * (count + 1)) slot_count *= 2;
  if (slot_count > slots_.size()) Rehash(slot_count);
  words_.reserve(count);
  word_hashes_.reserve(count);
}

void WordTable::Rehash(std::size_t slot_count) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slot_count, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id_plus_one == 0) continue;
    std::size_t i = word_hashes_[slot.id_plus_one - 1] & mask;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace ortaq::compare
