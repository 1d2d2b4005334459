// The distinct word forms of a corpus, each stored once and numbered in order of first use:
// an open-addressing hash table of numbers over words kept in large blocks, so that looking up
// a running word costs one hash and (nearly always) one comparison, and no allocation.
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
  std::uint32_t Intern(std::string_view word);
  std::size_t size() const { return words_.size(); }
  // Every word by number; the views stay valid as long as the table.
  const std::vector<std::string_view>& words() const { return words_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id_plus_one = 0;  // 0: empty
  };
  std::string_view Store(std::string_view word);
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::string_view> words_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_next_ = nullptr;   // where the next word goes in blocks_.back()
  std::size_t block_free_ = 0;   // bytes left after it
};

}  // namespace ortaq::compare

#endif  // ORTAQ_COMPARE_WORD_TABLE_HPP_
