// The accelerator's tables: what the rule engine would do, decided ahead for the characters
// whose result does not depend on their neighbours (or depends on them only through a cheap
// check). Built from a finished CompiledTable by BuildFastTables, never modified afterwards;
// the engine runs without them (the reference engine) and gives the same bytes. The invariants
// they keep with the rule engine are in fast/README.md.
#ifndef ORTAQ_FAST_FAST_TABLES_HPP_
#define ORTAQ_FAST_FAST_TABLES_HPP_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compile/compiled_table.hpp"
#include "fast/ascii_scan.hpp"
#include "fast/trigger_scan.hpp"

namespace ortaq {

// What the engine does with a two-byte UTF-8 letter (U+0080..U+07FF: Latin, Greek, Cyrillic)
// or an ASCII letter without looking anything else up: most letters of a text are decided by
// this table alone.
struct FastEntry {
  enum Kind : std::uint8_t {
    kGeneral = 0,  // exceptions, longer keys, contexts or case decisions: take the full path
    kCopy,         // no rule starts with this letter
    kReplace,      // one context-free rule whose case form is known: write `pool[offset, +length)`
  };
  Kind kind = kGeneral;
  bool mark = false;  // a combining mark: it may compose with the output before it
  std::uint8_t length = 0;
  std::uint32_t offset = 0;

  // A kGeneral letter whose full-path result is still known ahead unless one of these holds
  // (checked by the engine's character loop): then `guarded` is what it writes.
  enum Guard : std::uint8_t {
    kAtWordStart = 1,  // an exception word starts with it: only at a word start can one match
    kNextIsChild = 2,  // a longer key goes on from it: only if the next letter is in guard_node's children
    kTriggerNear = 4,  // its context rules each need a trigger letter (ь in 2018's а > á / _ C+ ь ~V)
    kPrevChar = 8,     // a rule looks only at the character before: is it in prev_set (or a non-letter)?
    kNextChar = 16,    // the same for the character after (next_set)
  };
  std::uint8_t guards = 0;  // 0: no guarded decision
  Kind guarded_kind = kGeneral;
  std::uint8_t guarded_length = 0;
  std::uint32_t guarded_offset = 0;
  std::uint32_t guard_node = 0;
  // kPrevChar / kNextChar: indices into FastTables::guard_sets (kNoSet: none), and whether a
  // word boundary (#) on that side would let a rule apply too.
  static constexpr std::uint32_t kNoSet = 0xFFFFFFFF;
  std::uint32_t prev_set = kNoSet, next_set = kNoSet;
  bool prev_boundary = false, next_boundary = false;
  // The same checks as bits of FastTables::neighbour_bits that make a rule possible (0: the
  // table has too many guard sets for bits; the engine reads guard_sets).
  std::uint32_t prev_mask = 0, next_mask = 0;
  // kAtWordStart: the characters after this letter with which an exception word may begin, as
  // neighbour bits (0: unknown, the engine searches exception_openings).
  std::uint32_t opening_mask = 0;
  // kNextIsChild: the letters that go on with guard_node's keys, as neighbour bits (0: the
  // engine searches the node's children).
  std::uint32_t child_mask = 0;
};

// FastTables::neighbour_bits: bits 0 to kNeighbourSetBits-1 stand for guard sets; the others
// for what makes a neighbour check unsure or lets a boundary (#) stand in for a letter.
inline constexpr unsigned kNeighbourSetBits = 29;
inline constexpr std::uint32_t kNeighbourMark = 1u << 29;        // a combining mark
inline constexpr std::uint32_t kNeighbourNotWord = 1u << 30;      // no word character: a boundary
inline constexpr std::uint32_t kNeighbourRepairable = 1u << 31;  // a look-alike the engine may repair

// Not copyable: the engine keeps pointers into it (the pair table's address even decides where
// short outputs are written); share it behind its unique_ptr.
struct FastTables {
  FastTables() = default;
  FastTables(const FastTables&) = delete;
  FastTables& operator=(const FastTables&) = delete;

  std::vector<FastEntry> fast2 = std::vector<FastEntry>(0x800);  // indexed by code point
  std::string pool;                       // the outputs of kReplace entries, padded by 8 bytes
  std::array<bool, 128> ascii_copy{};     // ASCII the tight loop copies without a look (no rule, no token)
  // ASCII whose only rules go on with a combining mark (c + U+0327 > ç): copied as well when
  // the next byte cannot begin a mark (utf8::kMarkLead), else left to the full path.
  std::array<bool, 128> ascii_copy_unless_mark{};
  // Letters that some context rule needs (kTriggerNear), as the first two bytes of their
  // UTF-8 forms in every case and look-alike spelling: a bitmap over pair_table::Index.
  std::vector<std::uint64_t> trigger_pairs;  // empty: no guarded letter depends on triggers
  trigger_scan::Pairs trigger_pair_list;     // the same pairs, when they are a few two-byte letters
  std::vector<CharSet> guard_sets;           // FastEntry::prev_set / next_set
  // For each code point below U+0800 (what a neighbour check decodes): a bit for each of the
  // first kNeighbourSetBits guard sets that holds its SourceLower form, kNeighbourMark,
  // kNeighbourNotWord and kNeighbourRepairable. A check is then one read and a mask
  // (FastEntry::prev_mask, opening_mask). Empty when no letter has such a check.
  std::vector<std::uint32_t> neighbour_bits;
  std::vector<std::uint64_t> pair_table;  // see pair_table.hpp
  // Whole inputs may start with pair-table blocks (RunEngineWhole): no foreign-word check reads
  // word starts.
  bool whole_blocks = false;
  ascii_scan::CopySet ascii_copy_set;  // ascii_copy for the vectorised scan (ascii_scan.hpp)
};

// The accelerator of a finished table (its switches included: pass-through, look-alikes, …).
std::unique_ptr<const FastTables> BuildFastTables(const CompiledTable& rules);

}  // namespace ortaq

#endif  // ORTAQ_FAST_FAST_TABLES_HPP_
