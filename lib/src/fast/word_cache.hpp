// A cache of whole words for the engine's careful path: a word between white space (with a
// little punctuation after it) is converted once by the rule engine, and its output is then
// copied wherever the same bytes come again. For tables whose common letters all need a look at
// their neighbours (the Latin → Cyrillic tables, with their foreign-word checks and stem lexicon),
// where the pair table decides little.
//
//   word_cache::Cache* cache = word_cache::ForTable(table);        // nullptr: not for this table
//   const std::size_t end = word_cache::TokenEnd(data, size, p, limit);  // 0: not a cacheable word
//   if (end) if (const auto* hit = cache->Find(Key(data, p, end))) ...
//
// Why a hit gives the rule engine's bytes: the key holds the white space before and after the
// token, and ForTable accepts only tables whose rules read no further than that (Eligible), while
// TokenEnd accepts only words whose case the engine decides from the word's own letters.
//
// Each thread keeps its own caches (the compiled table stays immutable and shared), for the last
// few tables it used, each bounded in memory (2.5 MiB at most; the first words it meets stay).
#ifndef ORTAQ_FAST_WORD_CACHE_HPP_
#define ORTAQ_FAST_WORD_CACHE_HPP_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compile/compiled_table.hpp"

namespace ortaq::word_cache {

// What the engine's own rules counted while converting one token (ConversionStats).
struct Counts {
  std::uint32_t repaired_letters = 0;
  std::uint32_t protected_tokens = 0;
  std::uint32_t foreign_words = 0;
};

struct Hit {
  std::string_view output;
  Counts counts;
  bool counted = false;  // whether `counts` were recorded (the conversion that added it kept stats)
};

class Cache {
 public:
  static constexpr std::size_t kOutputPadding = 16;
  // The hash Find and Prefetch take (of a whole key).
  static std::uint64_t Hash(std::string_view key);
  // Starts reading the memory Find(key, hash) will read first (for a word further on).
  void Prefetch(std::uint64_t hash) const {
    if (!index_.empty()) __builtin_prefetch(&index_[hash & (index_.size() - 1)]);
  }
  // After Prefetch(hash), some time before: starts reading the record it points to.
  void PrefetchRecord(std::uint64_t hash) const {
    if (index_.empty()) return;
    const std::uint32_t entry = index_[hash & (index_.size() - 1)];
    if (entry != 0) __builtin_prefetch(arena_.get() + (entry & kOffsetMask) - 1);
  }
  // The output stored for `key` (whose Hash is `hash`), or nothing. The output stays valid as
  // long as the cache; kOutputPadding bytes after it may be read (copies of a fixed size).
  [[nodiscard]] bool Find(std::string_view key, std::uint64_t hash, Hit* hit) const;
  [[nodiscard]] bool Find(std::string_view key, Hit* hit) const { return Find(key, Hash(key), hit); }
  // Stores the output for `key` (a key already there keeps its output, which is the same, and
  // takes `counts` if it had none); nothing new once the cache is full.
  void Add(std::string_view key, std::string_view output, const Counts* counts);

 private:
  // An open-addressed index of 4-byte entries (ten bits of the hash, then where the word's
  // record begins in the arena, plus one; 0 when empty) and an arena of records, each a
  // header (kHeader bytes: key size, output size, counted, the three counts) then the key and
  // the output. About 30 bytes a word rather than a cache line: the distinct words of a few
  // megabytes of Kazakh fit (Kazakh builds many forms from each stem), and the index, read
  // first, is small enough to stay in the processor's caches longer.
  static constexpr std::size_t kHeader = 6;
  static constexpr unsigned kOffsetBits = 22;
  static constexpr std::uint32_t kOffsetMask = (std::uint32_t{1} << kOffsetBits) - 1;
  // The bits of an entry that come from the hash (its high half: the slot takes the low bits).
  static std::uint32_t Tag(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32) & ~kOffsetMask; }
  std::vector<std::uint32_t> index_;
  std::unique_ptr<unsigned char[]> arena_;  // kMaxArenaBytes and kOutputPadding
  std::size_t arena_size_ = 0;
  std::size_t entries_ = 0;
};

// The longest token, in bytes (its key adds the white space either side).
inline constexpr std::size_t kMaxTokenBytes = 48;

// Whether table `t` reads, for a token between white space, nothing past that white space: no
// key holds white space, and a context item that may match a character other than a word
// character reads one at most and is the last on its side.
bool Eligible(const CompiledTable& t);

// This thread's cache for `t`, or nullptr when the table is not Eligible.
Cache* ForTable(const CompiledTable& t);

// For a position p just after white space: the end of a cacheable token there (at most
// kMaxTokenBytes of cased letters, digits, ASCII punctuation but braces, « and »), which white
// space follows at or before `limit` and before `size`. 0 when there is none. Every capital has
// a cased letter right before or after it: the engine reads the case of a capital alone (I, or
// O in O' or (O)) from the words around it.
std::size_t TokenEnd(const unsigned char* data, std::size_t size, std::size_t p, std::size_t limit);

}  // namespace ortaq::word_cache

#endif  // ORTAQ_FAST_WORD_CACHE_HPP_
