// Which path decided each byte of a conversion (the fast run's pair-table blocks, its loop a
// character at a time, or the rule engine), and what sent the blocks off: for the benchmark
// (bench/table_bench.cpp) and tests, never for users. Off unless a Recording is alive on the
// thread; the engine then reads one thread-local pointer per conversion and tests it where a
// run of blocks ends, so that counting costs nothing measurable when off.
//
//   path_stats::Counts counts;
//   { path_stats::Recording on(&counts); t->Transliterate(text, &out); }
//   counts.block_bytes * 100.0 / text.size()   // the block path's share
#ifndef ORTAQ_ENGINE_PATH_STATS_HPP_
#define ORTAQ_ENGINE_PATH_STATS_HPP_

#include <array>
#include <cstddef>
#include <cstdint>

namespace ortaq {
struct CompiledTable;
}

namespace ortaq::path_stats {

// What a block of the fast run stopped at: the character it could not decide, or why.
enum class Cause : std::uint8_t {
  kFourByte,       // emoji and other characters of four bytes
  kThreeByte,      // three-byte characters some rule reads or the block could not finish
  kTwoByteOther,   // two-byte characters that are not letters of the table (« » ° №, NBSP)
  kContextLetter,  // a two-byte letter whose output the careful path decides (context, key)
  kLookalike,      // an ASCII look-alike letter (repair on) next to a two-byte letter (сoл)
  kLatinLetter,    // any other ASCII letter the table leaves to the careful path (Latin words)
  kDigit,          // an ASCII digit
  kAsciiPunct,     // ASCII punctuation and symbols
  kWhiteSpace,     // white space and control characters
  kMark,           // a combining mark (may compose with the letter before it)
  kTokenRisk,      // a pass-through token may begin in the block (@ : / . www. after a letter)
  kGuard,          // a guarded letter whose guard fired (a trigger, key or exception near)
  kInputEnd,       // too few bytes left for a block, and the tail could not be decided
  kNoFastRun,      // the table takes no fast run (foreign-word checks)
  kCount
};
inline constexpr std::size_t kCauses = static_cast<std::size_t>(Cause::kCount);

struct Counts {
  std::uint64_t input_bytes = 0;      // bytes of input converted (the three below add up to it)
  std::uint64_t block_bytes = 0;      // decided by pair-table blocks (and their tails, prefixes)
  std::uint64_t character_bytes = 0;  // by the fast loop a character at a time
  std::uint64_t rule_bytes = 0;       // by the engine's careful path (rule steps, tokens, ...)
  // Bytes of blocks whose guarded letters (FastEntry::guards) were checked one at a time
  // before the block was kept (a block may be checked twice: wide, then ordinary).
  std::uint64_t guard_checked_bytes = 0;
  std::array<std::uint64_t, kCauses> stops{};      // blocks that stopped, by cause
  std::array<std::uint64_t, kCauses> off_bytes{};  // bytes after such a stop off the block path
};

// A short name for a cause, for tables.
const char* Name(Cause cause);

// The cause of a stop at the character at `p` of data[0, size) that the pair table could not
// decide (not used for guards or tokens, which the caller knows).
Cause ClassifyAt(const CompiledTable& table, const unsigned char* data, std::size_t size, std::size_t p);

// The counts the current thread records into, or null (the common case).
Counts* Active();

// Records every conversion on this thread into *counts while it lives.
class Recording {
 public:
  explicit Recording(Counts* counts);
  ~Recording();
  Recording(const Recording&) = delete;
  Recording& operator=(const Recording&) = delete;

 private:
  Counts* previous_;
};

}  // namespace ortaq::path_stats

#endif  // ORTAQ_ENGINE_PATH_STATS_HPP_
