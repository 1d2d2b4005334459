// The distinct word forms of a corpus, each stored once and numbered in order of first use:
// an open-addressing hash table of 8-byte slots (part of the hash and the number) over words
// kept in large blocks. A running word costs one hash, no allocation and, when words are
// interned in batches, memory reads that overlap (the slots of the coming words are prefetched).
// Memory is touched sparingly: fresh pages cost more than the lookups on this path.
#ifndef ORTAQ_COMPARE_WORD_TABLE_HPP_
#define ORTAQ_COMPARE_WORD_TABLE_HPP_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace ortaq::compare {

class WordTable {
 public:
  // The number of `word`, which is copied in when it is new (numbers count up from 0).
  std::uint32_t Intern(std::string_view word) { return Intern(word, HashOf(word), true); }
  // Intern for a word that outlives the table: its view is kept, the text is not copied.
  std::uint32_t InternView(std::string_view word) { return Intern(word, HashOf(word), false); }
  // Interns every word of `words` in order and calls f(number) for each.
  template <typename F>
  void InternAll(const std::vector<std::string_view>& words, F f);
  // Room for `count` words without growing.
  void Reserve(std::size_t count);
  std::size_t size() const { return words_.size(); }
  // Every word by number; the views stay valid as long as the table.
  const std::vector<std::string_view>& words() const { return words_; }

 private:
  struct Slot {
    std::uint32_t tag = 0;      // the hash's high half
    std::uint32_t id_plus_one = 0;  // 0: empty
  };
  static std::uint64_t HashOf(std::string_view word);
  std::uint32_t Intern(std::string_view word, std::uint64_t hash, bool copy);
  std::string_view Store(std::string_view word);
  void Rehash(std::size_t slot_count);

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::string_view> words_;
  std::vector<std::uint64_t> word_hashes_;  // by number, for rehashing
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_next_ = nullptr;   // where the next word goes in blocks_.back()
  std::size_t block_free_ = 0;   // bytes left after it
  std::vector<std::uint64_t> hashes_;  // of a batch
};

template <typename F>
void WordTable::InternAll(const std::vector<std::string_view>& words, F f) {
  constexpr std::size_t kAhead = 16;
  hashes_.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) hashes_[i] = HashOf(words[i]);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + kAhead < words.size() && !slots_.empty()) {
      __builtin_prefetch(&slots_[hashes_[i + kAhead] & (slots_.size() - 1)]);
    }
    f(Intern(words[i], hashes_[i], true));
  }
}

}  // namespace ortaq::compare

#endif  // ORTAQ_COMPARE_WORD_TABLE_HPP_
