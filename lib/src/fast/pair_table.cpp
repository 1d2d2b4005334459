#include "fast/pair_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <bitset>
#include <string_view>

#include "compile/compiled_table.hpp"
#include "fast/fast_tables.hpp"
#include "text/pass_through.hpp"
#include "text/user_span.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::pair_table {
namespace {

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

// Whether lead `a` (0xE0-0xEF) and continuation `b` begin well-formed three-byte characters
// (not overlong, not surrogates) that the table copies, every one of the 64: no rule or
// exception starts with them. Rows holding a combining mark are left to the caller.
bool CopiedThreeByteRow(const CompiledTable& t, unsigned a, unsigned b) {
  if ((a == 0xE0 && b < 0xA0) || (a == 0xED && b >= 0xA0)) return false;
  const char32_t first = ((a & 0x0Fu) << 12) | ((b & 0x3Fu) << 6);
  if (t.start.BlockEmpty(first) && t.exception_start.BlockEmpty(first)) return true;  // most rows
  for (char32_t c = first; c < first + 64; ++c)
    if (t.start.Get(c) != 0 || t.exception_start.Get(c) != 0) return false;
  return true;
}

// The entry for a letter the fast table decided: written as it is (`self`, its own bytes),
// replaced, or guarded; kGeneral when it decided nothing or the output is longer than
// `max_output`. `flags` are added (kTokenLetter).
std::uint64_t DecidedEntry(const FastTables& f, const FastEntry& e, std::string_view self, std::size_t max_output,
                           std::uint8_t flags) {
  const auto guarded = static_cast<std::uint8_t>(kGuarded | flags);
  if (e.kind == FastEntry::kCopy) return Entry(self.data(), self.size(), flags);
  if (e.kind == FastEntry::kReplace && e.length <= max_output) return Entry(f.pool.data() + e.offset, e.length, flags);
  if (e.kind == FastEntry::kGeneral && e.guards != 0) {
    if (e.guarded_kind == FastEntry::kCopy) return Entry(self.data(), self.size(), guarded);
    if (e.guarded_kind == FastEntry::kReplace && e.guarded_length <= max_output)
      return Entry(f.pool.data() + e.guarded_offset, e.guarded_length, guarded);
  }
  return General();
}

// The entry for the two-byte letter of lead byte `a` (0xC2-0xDF) and continuation byte `b`.
std::uint64_t LetterEntry(const FastTables& f, unsigned a, unsigned b) {
  const FastEntry& e = f.fast2[((a & 0x1Fu) << 6) | (b & 0x3Fu)];
  if (e.mark) return General(kMark);
  const char bytes[2] = {static_cast<char>(a), static_cast<char>(b)};
  return DecidedEntry(f, e, std::string_view(bytes, 2), kMaxOutput, 0);
}

// The entry for ASCII letter `a`, flagged kTokenLetter where a pass-through token may begin
// with it; an output may not be longer than the pair table's room for one input byte.
std::uint64_t AsciiLetterEntry(const CompiledTable& t, const FastTables& f, unsigned a) {
  const char c = static_cast<char>(a);
  const std::uint8_t token = t.pass_through && t.protect_start[a] ? kTokenLetter : 0;
  return DecidedEntry(f, f.fast2[a], std::string_view(&c, 1), kMaxOutputPerByte, token);
}

// Joining pairs UnguardPrevChecks makes kGeneral for one letter, at most: each sends every
// place where a character ending in its first byte meets a letter of its lead to the careful
// path. A few pairs of rare letters (Russian ъ ь before е) cost far less than checking the
// guard of a common letter in every block; Kazakh ж ш before ю ё would not.
constexpr std::size_t kMaxJoiningPairs = 4;

// The code points U+0800-U+FFFF whose lowercase differs: the only ones, with the table's own
// folds and case pairs, that SourceLower maps elsewhere. Read once per process (unicode::
// ToLower, which the WebAssembly build's ICU subset has too).
const std::vector<char32_t>& ThreeByteCased() {
  static const std::vector<char32_t> cased = [] {
    std::vector<char32_t> v;
    for (char32_t c = 0x800; c <= 0xFFFF; ++c)
      if ((c < 0xD800 || c > 0xDFFF) && unicode::ToLower(c) != c) v.push_back(c);
    return v;
  }();
  return cased;
}

// Whether a three-byte character (which blocks may copy) may be one the guard set `set`
// names: the guard's neighbour bits cover only code points below U+0800.
bool ThreeByteNamed(const CompiledTable& t, const FastTables& f, std::uint32_t set) {
  if (set == FastEntry::kNoSet) return false;
  const CharSet& named = f.guard_sets[set];
  auto three_byte = [](char32_t c) { return c >= 0x800 && c <= 0xFFFF; };
  auto names = [&](char32_t c) { return three_byte(c) && named.Contains(t.SourceLower(c)); };
  for (const char32_t c : named.letters)
    if (three_byte(c)) return true;
  for (const auto& [from, to] : t.folds)
    if (names(from)) return true;
  for (const auto& [upper, lower] : t.source_lower)
    if (names(upper)) return true;
  for (const char32_t c : ThreeByteCased())
    if (names(c)) return true;
  return false;
}

// The two-byte letters guarded only by the character before them (FastEntry::kPrevChar, by
// neighbour bits, no word boundary) lose kGuarded, so that blocks holding them need no check
// (Kazakh е, guarded for ъ ь before it, is in almost every other block): the pairs that join
// a character the guard names to the letter become kGeneral, and the entry is kPrevChecked
// for the block that starts on it. Characters the pair table leaves to the careful path
// (look-alikes, marks, four-byte ones) stop a block by themselves.
void UnguardPrevChecks(const CompiledTable& t, const FastTables& f, std::vector<std::uint64_t>* entries) {
  if (f.neighbour_bits.empty()) return;
  std::vector<std::uint64_t>& table = *entries;
  for (unsigned a = 0xC2; a < 0xE0; ++a)
    for (unsigned b = 0x80; b < 0xC0; ++b) {
      const FastEntry& e = f.fast2[((a & 0x1Fu) << 6) | (b & 0x3Fu)];
      std::uint64_t& own = table[a | (b << 8)];
      if (e.guards != FastEntry::kPrevChar || e.prev_mask == 0 || e.prev_boundary ||
          (e.prev_mask & kNeighbourNotWord) || (own & kGeneralBit) || !(own & kGuardedBit))
        continue;
      // The pairs (last byte of a named character, this letter's lead) the blocks read.
      std::vector<std::uint32_t> joining;
      bool too_many = false;
      for (char32_t m = 0; m < 0x800 && !too_many; ++m) {
        if (!(f.neighbour_bits[m] & e.prev_mask)) continue;
        std::uint32_t index;
        if (m < 0x80) {
          index = m | (a << 8);  // the ASCII character's own entry, before this lead
          if (table[index] & kGeneralBit) continue;
        } else {
          const unsigned lead = 0xC0 | (m >> 6), last = 0x80 | (m & 0x3F);
          if (table[lead | (last << 8)] & kGeneralBit) continue;  // never inside a block
          index = last | (a << 8);
        }
        if (std::find(joining.begin(), joining.end(), index) == joining.end()) joining.push_back(index);
        too_many = joining.size() > kMaxJoiningPairs;
      }
      if (too_many || ThreeByteNamed(t, f, e.prev_set)) continue;
      for (const std::uint32_t index : joining) table[index] = General();
      own = (own & ~kGuardedBit) | kPrevCheckedBit;
    }
}

}  // namespace

std::vector<std::uint64_t> Build(const CompiledTable& table, const FastTables& fast) {
  // Most rows (one first byte, every second byte) hold just two entries: one before a
  // continuation byte and one before anything else. The table is filled in memory order, one
  // second byte at a time: a copy of those two-entry rows, then the rows that need more
  // patched in. (Filled row by row it would touch a new cache line with every entry; this
  // is part of every table's load time.)
  const std::uint64_t general = General();
  const std::uint64_t nothing = Entry("", 0, 0);
  std::array<std::uint64_t, 0x100> before_continuation, before_other;
  std::vector<unsigned> ascii_rows;  // ASCII whose entry depends on the byte after it
  // ASCII letters the fast table decides (AsciiLetterEntry): their entries, else kGeneral.
  std::array<std::uint64_t, 0x80> ascii_letters;
  ascii_letters.fill(general);
  for (unsigned a = 0; a < 0x100; ++a) {
    const char c = static_cast<char>(a);
    if (a < 0x80) {
      before_continuation[a] = general;  // a continuation after ASCII is ill-formed
      before_other[a] = fast.ascii_copy[a] ? Entry(&c, 1, 0) : general;
      if (!fast.ascii_copy[a] && std::isalpha(static_cast<int>(a))) {
        ascii_letters[a] = AsciiLetterEntry(table, fast, a);
        if (ascii_letters[a] != general) {
          ascii_rows.push_back(a);
          continue;
        }
      }
      if (fast.ascii_copy_unless_mark[a] || (!fast.ascii_copy[a] && !table.ascii_start[a])) ascii_rows.push_back(a);
    } else if (utf8::IsContinuation(static_cast<unsigned char>(a))) {
      // The tail of a two-byte letter, written with its lead. A second continuation would be
      // part of a longer (or ill-formed) sequence, which this table never handles.
      before_continuation[a] = general;
      before_other[a] = nothing;
    } else if (a >= 0xC2 && a < 0xE0) {
      before_continuation[a] = general;  // patched below
      before_other[a] = general;
    } else if (a >= 0xE0 && a < 0xF0) {
      before_continuation[a] = general;  // patched below
      before_other[a] = General(kMark);
    } else {  // four-byte characters (some supplementary marks exist) and bytes that never start one
      before_continuation[a] = before_other[a] = General(kMark);
    }
  }
  // Two-byte letters: lead 0xC2-0xDF, continuation.
  std::array<std::uint64_t, 30 * 64> letters;
  for (unsigned a = 0xC2; a < 0xE0; ++a)
    for (unsigned b = 0x80; b < 0xC0; ++b) letters[(a - 0xC2) * 64 + (b - 0x80)] = LetterEntry(fast, a, b);
  const auto& marks = ThreeByteMarkBlocks();
  const std::uint64_t maybe_mark = General(kMark);
  std::bitset<1024> copied_rows;  // three-byte rows (lead, first continuation) copied as they are
  for (unsigned a = 0xE0; a < 0xF0; ++a)
    for (unsigned b = 0x80; b < 0xC0; ++b)
      if (CopiedThreeByteRow(table, a, b)) copied_rows.set(((a & 0x0Fu) << 6) | (b & 0x3Fu));

  std::vector<std::uint64_t> entries(kEntries);
  for (unsigned b = 0; b < 0x100; ++b) {
    std::uint64_t* row = entries.data() + (b << 8);
    const bool continuation = utf8::IsContinuation(static_cast<unsigned char>(b));
    std::memcpy(row, continuation ? before_continuation.data() : before_other.data(), 0x100 * sizeof(std::uint64_t));
    for (unsigned a : ascii_rows) {
      if (continuation) continue;  // stays general
      const char c = static_cast<char>(a);
      if (ascii_letters[a] != general) {
        // A mark after a letter that starts keys may complete one (c + U+0327 > ç).
        row[a] = table.ascii_start[a] && utf8::kMarkLead[b] ? general : ascii_letters[a];
        continue;
      }
      bool leave = false;
      if (fast.ascii_copy_unless_mark[a]) {
        leave = utf8::kMarkLead[b];  // a mark may complete a key with this letter
      } else {
        // Not copied for what may follow it: the start of a pass-through token, or "-{".
        leave = (table.protect_start[a] && TokenMayStartWith(static_cast<unsigned char>(a), static_cast<unsigned char>(b))) ||
                (table.pass_through && user_span::Opens(static_cast<unsigned char>(a), static_cast<unsigned char>(b)));
      }
      row[a] = leave ? general : Entry(&c, 1, 0);
    }
    if (continuation) {
      // The last byte of a three-byte character (ThreeByteWhole checks that it is one).
      const char last = static_cast<char>(b);
      for (unsigned a = 0x80; a < 0xC0; ++a) row[a] = Entry(&last, 1, kThree);
      for (unsigned a = 0xC2; a < 0xE0; ++a) row[a] = letters[(a - 0xC2) * 64 + (b - 0x80)];
      for (unsigned a = 0xE0; a < 0xF0; ++a) {
        const char lead[2] = {static_cast<char>(a), static_cast<char>(b)};
        row[a] = marks.test(((a & 0x0Fu) << 6) | (b & 0x3Fu)) ? maybe_mark
                 : copied_rows.test(((a & 0x0Fu) << 6) | (b & 0x3Fu)) ? Entry(lead, 2, kThree)
                                                                    : general;
      }
    }
  }
  UnguardPrevChecks(table, fast, &entries);
  return entries;
}

bool ThreeByteWhole(const unsigned char* in, std::size_t n, std::size_t readable) {
  auto is_lead = [](unsigned char b) { return b >= 0xE0 && b < 0xF0; };
  for (std::size_t j = 0; j < n; ++j) {
    if (is_lead(in[j])) {
      if (j + 2 >= readable || !utf8::IsContinuation(in[j + 2])) return false;
    } else if (utf8::IsContinuation(in[j]) && j + 1 < readable && utf8::IsContinuation(in[j + 1])) {
      if (j == 0 || !is_lead(in[j - 1])) return false;
    }
  }
  return true;
}

}  // namespace ortaq::pair_table
