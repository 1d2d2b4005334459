// The engine's fastest path: one table read per input byte, no branch per character.
//
// Every byte of UTF-8 text can be classified by itself and the byte after it: a lead byte with
// its continuation names a whole two-byte letter, an ASCII byte is a character, and a
// continuation byte after a two-byte lead has already been accounted for. So the table is
// indexed by each *pair* of adjacent bytes, and its 8-byte entry holds what to write for the
// character starting there (up to 6 bytes, often none) and how long that is. Converting a block
// of 16 bytes is then 16 independent reads and stores, with only the output cursor carried from
// one to the next, instead of a decode-and-branch chain that stalls on every letter.
//
// An entry is marked kGeneral when the pair needs more than a lookup: a letter whose output
// depends on its neighbours, a byte no fast rule covers (four-byte characters, three-byte
// characters some rule reads, ill-formed sequences), or a combining mark (which may compose
// with the letter before it). A block that meets one is thrown away and redone by the engine's
// careful path; that keeps the output byte-identical to the reference engine.
//
// Three-byte characters no rule reads (the dashes and quotes of U+2000-U+206F, most often)
// are copied in two steps: the lead and its first continuation write those two bytes, and the
// pair of continuations after it writes the last byte. That last pair cannot tell whether a
// three-byte lead came before it (C3 A7 80 ends like E2 80 80), so both steps are marked
// kThree and a block holding one checks its bytes (ThreeByteWhole) before it is kept.
#ifndef ORTAQ_FAST_PAIR_TABLE_HPP_
#define ORTAQ_FAST_PAIR_TABLE_HPP_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ortaq {

struct CompiledTable;
struct FastTables;

namespace pair_table {

// Memory layout of an entry (as bytes, whatever the host's byte order):
//   bytes 0-5  the output (padding after it is never relied on)
//   byte 6     flags
//   byte 7     the output's length, 0-6 (the top byte of the value on little-endian hosts, so
//              one shift reads it)
inline constexpr std::uint8_t kGeneral = 1;  // the careful path must decide this pair
inline constexpr std::uint8_t kMark = 2;     // may begin a combining mark (also kGeneral)
// A letter with a guarded decision (FastEntry::guards): the entry writes what the full path
// would unless a guard says otherwise, which the engine checks before keeping the block.
inline constexpr std::uint8_t kGuarded = 4;
// A step of a three-byte character (see above): the block's bytes need a check.
inline constexpr std::uint8_t kThree = 8;
// An ASCII letter copied as it is, where pass-through tokens are on: a URL, an e-mail address
// or a Roman numeral may begin with it, which the engine rules out for the block as a whole
// (TokenIndicators) before it keeps the block.
inline constexpr std::uint8_t kTokenLetter = 16;
// A letter whose only guard is the character before it (FastEntry::kPrevChar), written
// without kGuarded: the pairs that join a character its guard names to it are kGeneral
// instead (UnguardPrevChecks in pair_table.cpp), so a block that holds both fails by itself.
// A block that starts on it has not read the character before: the engine checks the guard.
inline constexpr std::uint8_t kPrevChecked = 32;
inline constexpr std::size_t kMaxOutput = 6;
inline constexpr std::size_t kEntries = 0x10000;

inline constexpr bool kLittleEndian = std::endian::native == std::endian::little;
inline constexpr int kFlagShift = kLittleEndian ? 48 : 8;
inline constexpr std::uint64_t kGeneralBit = std::uint64_t{kGeneral} << kFlagShift;
inline constexpr std::uint64_t kMarkBit = std::uint64_t{kMark} << kFlagShift;
inline constexpr std::uint64_t kGuardedBit = std::uint64_t{kGuarded} << kFlagShift;
inline constexpr std::uint64_t kThreeBit = std::uint64_t{kThree} << kFlagShift;
inline constexpr std::uint64_t kTokenLetterBit = std::uint64_t{kTokenLetter} << kFlagShift;
inline constexpr std::uint64_t kPrevCheckedBit = std::uint64_t{kPrevChecked} << kFlagShift;

// What a block that was converted holds that its caller must check before keeping it.
struct BlockNotes {
  bool guarded = false;        // a letter with guards (kGuarded)
  bool token_letters = false;  // a letter a pass-through token may begin with (kTokenLetter)
};
// The notes of a block whose entries' flags, ORed, are `flags`.
inline BlockNotes NotesOf(std::uint64_t flags) {
  return BlockNotes{(flags & kGuardedBit) != 0, (flags & kTokenLetterBit) != 0};
}

// Builds the table from a compiled table and its fast tables, whose fast2 and ascii_copy are final.
std::vector<std::uint64_t> Build(const CompiledTable& table, const FastTables& fast);

// The pair at `at` as the table's index: at[0] | at[1] << 8 (one 16-bit load on most hosts).
inline std::uint32_t Index(const unsigned char* at) {
  if constexpr (kLittleEndian) {
    std::uint16_t v;
    std::memcpy(&v, at, 2);
    return v;
  } else {
    return at[0] | (std::uint32_t{at[1]} << 8);
  }
}

inline std::size_t OutputLength(std::uint64_t e) {
  if constexpr (kLittleEndian) return static_cast<std::size_t>(e >> 56);
  return static_cast<std::size_t>(e & 0xFF);
}

// Whether the three-byte characters among the first `n` bytes of `in` are whole, as the kThree
// entries assume: every three-byte lead has two continuations within the first `readable`
// bytes, and every pair of continuations follows a three-byte lead. (in[0] is never a
// continuation.) Rare enough to be a plain loop.
bool ThreeByteWhole(const unsigned char* in, std::size_t n, std::size_t readable);

// Bytes a block converts, and how far past its start it reads. The engine's careful path
// works in blocks of 16 (less is thrown away when one fails); whole inputs start with blocks
// of 32 (half the per-block work while they succeed).
inline constexpr std::size_t kBlock = 16;
inline constexpr std::size_t kWideBlock = 32;
constexpr std::size_t BlockReach(std::size_t block) { return block + 3; }
inline constexpr std::size_t kBlockReach = BlockReach(kBlock);
// Room a block (or a tail) needs in the output. No character writes more than 3 bytes for each
// of its own: a two-byte letter at most kMaxOutput (6), an ASCII letter at most 3 (the table
// leaves longer outputs to the careful path), a three-byte character 3 (2 + 1); so 3 bytes
// for each byte read, and the 8-byte store of the last output.
inline constexpr std::size_t kMaxOutputPerByte = 3;
static_assert(kMaxOutput <= 2 * kMaxOutputPerByte, "a two-byte letter's output fits its share");
constexpr std::size_t BlockRoom(std::size_t block) { return BlockReach(block) * kMaxOutputPerByte + 8; }
inline constexpr std::size_t kBlockRoom = BlockRoom(kBlock);
static_assert(BlockRoom(kWideBlock) <= 128, "the engine's Writer starts with 128 bytes to spare");

// Converts one block of kBlock bytes starting at `in` (a character boundary, never a
// continuation byte) into `out`, which has BlockRoom(kBlock) bytes of room. Returns the input
// bytes consumed (kBlock, or one more when the block ends inside a two-byte letter) and advances
// *out, or returns 0 when some pair in the block needs the careful path (then *out is unchanged
// and whatever was written past it is garbage). *notes tells what the caller checks before it
// keeps the output: guarded letters (kGuarded), letters a token may begin with (kTokenLetter).
template <std::size_t kBlock = pair_table::kBlock>
inline std::size_t ConvertBlock(const std::uint64_t* table, const unsigned char* in, char** out, BlockNotes* notes) {
  char* o = *out;
  std::uint64_t flags = 0;
  // Unrolled whole, wide blocks too (GCC stops at 16 by itself): a loop counter would cost
  // a third more instructions per byte.
#if defined(__GNUC__)
#pragma GCC unroll 32
#endif
  for (std::size_t j = 0; j < kBlock; ++j) {
    const std::uint64_t e = table[Index(in + j)];
    std::memcpy(o, &e, 8);
    o += OutputLength(e);
    flags |= e;
#if defined(__GNUC__)
    // Keeps the OR here: left to itself the compiler gathers all 16 entries first and spills
    // them to the stack, an extra store and load per byte.
    __asm__("" : "+r"(flags));
#endif
  }
  // The byte after the block: a continuation finishes the block's last letter (its pair says
  // whether it is well formed); otherwise it is the next block's first character, which must
  // not be a combining mark that would compose with this block's last letter. Checking the
  // pair after it too covers the letter that ends one byte later.
  // A continuation pair there (a three-byte character the block ends inside, or one
  // continuation too many) fails the block, so that the next one never starts on a continuation.
  const std::uint64_t next = table[Index(in + kBlock)];
  const std::uint64_t continues = -static_cast<std::uint64_t>((in[kBlock] & 0xC0) == 0x80);
  const std::uint64_t next_if_continues = next & continues;
  flags |= next_if_continues | ((next | table[Index(in + kBlock + 1)]) & kMarkBit);
  if ((flags & (kGeneralBit | kMarkBit)) | (next_if_continues & kThreeBit)) return 0;
  // A three-byte character must end by in[kBlock], the one byte a block may take past its end.
  if ((flags & kThreeBit) && !ThreeByteWhole(in, kBlock, kBlock + 1)) return 0;
  *out = o;
  *notes = NotesOf(flags);
  return kBlock + (continues & 1);
}

// Converts the last `n` (< kBlockReach) bytes of an input, from a character boundary to the
// very end: the same as a block, with a NUL standing for the byte after the end (any byte
// that is neither a continuation nor a mark would do). Returns false, with *out unchanged,
// when some pair needs the careful path. Short inputs, one line at a time say, would
// otherwise spend a good part of their time on the slower path.
inline bool ConvertTail(const std::uint64_t* table, const unsigned char* in, std::size_t n, char** out,
                        BlockNotes* notes) {
  char* o = *out;
  std::uint64_t flags = 0;
  auto put = [&](std::uint64_t e) {
    std::memcpy(o, &e, 8);
    o += OutputLength(e);
    flags |= e;
  };
  for (std::size_t j = 0; j + 1 < n; ++j) put(table[Index(in + j)]);
  if (n > 0) put(table[in[n - 1]]);  // the last byte, with the NUL after it
  if (flags & (kGeneralBit | kMarkBit)) return false;
  if ((flags & kThreeBit) && !ThreeByteWhole(in, n, n)) return false;
  *out = o;
  *notes = NotesOf(flags);
  return true;
}

}  // namespace pair_table
}  // namespace ortaq

#endif  // ORTAQ_FAST_PAIR_TABLE_HPP_
