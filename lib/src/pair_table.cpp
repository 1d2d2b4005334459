#include "pair_table.hpp"

#include <array>
#include <bitset>

#include "compiled_table.hpp"
#include "pass_through.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ortaq::pair_table {
namespace {

bool IsContinuation(unsigned b) { return (b & 0xC0) == 0x80; }

// Which blocks of 64 code points reached by a three-byte lead and its first continuation
// (U+0800..U+FFFF) hold a combining mark. Unicode data, the same for every table: computed once.
const std::bitset<1024>& ThreeByteMarkBlocks() {
  static const std::bitset<1024> blocks = [] {
    std::bitset<1024> b;
    for (char32_t block = 0x800 >> 6; block < 1024; ++block)
      for (char32_t c = block << 6; c < (block + 1) << 6; ++c)
        if (unicode::IsMark(c)) {
          b.set(block);
          break;
        }
    return b;
  }();
  return blocks;
}

std::uint64_t Entry(const char* output, std::size_t length, std::uint8_t flags) {
  std::array<unsigned char, 8> bytes{};
  std::memcpy(bytes.data(), output, length);
  bytes[6] = flags;
  bytes[7] = static_cast<unsigned char>(length);
  std::uint64_t e;
  std::memcpy(&e, bytes.data(), 8);
  return e;
}

std::uint64_t General(std::uint8_t extra = 0) { return Entry("", 0, static_cast<std::uint8_t>(kGeneral | extra)); }

// The entry for the character that starts with byte `a` when byte `b` follows it.
std::uint64_t EntryFor(const CompiledTable& t, unsigned a, unsigned b) {
  if (a < 0x80) {
    // A continuation byte after ASCII is ill-formed: the careful path reports or replaces it.
    if (!t.ascii_copy[a] || IsContinuation(b)) return General();
    const char c = static_cast<char>(a);
    return Entry(&c, 1, 0);
  }
  if (IsContinuation(a)) {
    // The tail of a two-byte letter, written with its lead. A second continuation would be
    // part of a longer (or ill-formed) sequence, which this table never handles.
    return IsContinuation(b) ? General() : Entry("", 0, 0);
  }
  if (a >= 0xC2 && a < 0xE0) {
    if (!IsContinuation(b)) return General();
    const char32_t cp = ((a & 0x1Fu) << 6) | (b & 0x3Fu);
    const FastEntry& e = t.fast2[cp];
    if (e.mark) return General(kMark);
    if (e.kind == FastEntry::kCopy) {
      const char bytes[2] = {static_cast<char>(a), static_cast<char>(b)};
      return Entry(bytes, 2, 0);
    }
    if (e.kind == FastEntry::kReplace && e.length <= kMaxOutput) return Entry(t.fast_pool.data() + e.offset, e.length, 0);
    return General();
  }
  if (a >= 0xE0 && a < 0xF0 && IsContinuation(b)) {
    const char32_t block = ((a & 0x0Fu) << 6) | (b & 0x3Fu);
    return General(ThreeByteMarkBlocks().test(block) ? kMark : 0);
  }
  // Four-byte characters (some supplementary marks exist) and bytes that never start one.
  return General(kMark);
}

}  // namespace

std::vector<std::uint64_t> Build(const CompiledTable& table) {
  // Row by row: most rows hold one or two distinct entries, so the table fills in a few
  // tens of microseconds (part of every table's load time).
  std::vector<std::uint64_t> entries(kEntries);
  const std::uint64_t general = General();
  const std::uint64_t nothing = Entry("", 0, 0);
  for (unsigned a = 0; a < 0x100; ++a) {
    std::uint64_t before_continuation, before_other;
    if (a < 0x80 && table.ascii_copy_unless_mark[a]) {
      const char c = static_cast<char>(a);
      const std::uint64_t copy = Entry(&c, 1, 0);
      for (unsigned b = 0; b < 0x100; ++b)
        entries[a | (b << 8)] = IsContinuation(b) || utf8::kMarkLead[b] ? general : copy;
      continue;
    } else if (a < 0x80 && !table.ascii_copy[a] && !table.ascii_start[a]) {
      // Not copied for what may follow it: the start of a pass-through token, or "-{".
      const char c = static_cast<char>(a);
      const std::uint64_t copy = Entry(&c, 1, 0);
      for (unsigned b = 0; b < 0x100; ++b) {
        const bool token = table.protect_start[a] && TokenMayStartWith(static_cast<unsigned char>(a), static_cast<unsigned char>(b));
        const bool user_span = table.pass_through && a == '-' && b == '{';
        entries[a | (b << 8)] = IsContinuation(b) || token || user_span ? general : copy;
      }
      continue;
    } else if (a < 0x80) {
      const char c = static_cast<char>(a);
      before_continuation = general;
      before_other = table.ascii_copy[a] ? Entry(&c, 1, 0) : general;
    } else if (IsContinuation(a)) {
      before_continuation = general;
      before_other = nothing;
    } else if (a >= 0xC2 && a < 0xF0) {
      for (unsigned b = 0; b < 0x100; ++b) entries[a | (b << 8)] = EntryFor(table, a, b);
      continue;
    } else {
      before_continuation = before_other = General(kMark);
    }
    for (unsigned b = 0; b < 0x100; ++b)
      entries[a | (b << 8)] = IsContinuation(b) ? before_continuation : before_other;
  }
  return entries;
}

}  // namespace ortaq::pair_table
