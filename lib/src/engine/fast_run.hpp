// The driver's fast run: pair-table blocks, then a character at a time through the fast
// tables, until a character the tables do not decide (or whose guard fires); the driver then
// takes one rule step (engine/engine.cpp). What it writes is what the rule step would write.
#ifndef ORTAQ_ENGINE_FAST_RUN_HPP_
#define ORTAQ_ENGINE_FAST_RUN_HPP_

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "engine/engine_text.hpp"
#include "engine/engine_window.hpp"
#include "engine/fast_guards.hpp"
#include "engine/path_stats.hpp"
#include "fast/ascii_scan.hpp"
#include "fast/fast_tables.hpp"
#include "fast/pair_table.hpp"
#include "text/pass_through.hpp"

namespace ortaq {

// Whether the n bytes at `in` are all ASCII the table copies (the vectorised scan).
template <std::size_t n>
inline bool AsciiCopied(const FastTables& f, const unsigned char* in) {
  for (std::size_t i = 0; i < n; i += ascii_scan::kWidth)
    if (!ascii_scan::AllAscii(in + i) || !ascii_scan::AllInSet(f.ascii_copy_set, in + i)) return false;
  return true;
}

// One block at `in` through the pair table (pair_table::ConvertBlock), or, when the vectorised
// scan finds sixteen ASCII bytes the table copies (and nothing after them that joins them), a
// plain copy. Returns the bytes consumed, 0 when the block needs the careful path.
// The caller reads `table` and `scan` (the table's pair_table and ascii_copy_set.usable) once:
// the output stores may alias anything, so the compiler would read them again for every block.
template <std::size_t kBlock = pair_table::kBlock>
inline std::size_t StepBlock(const FastTables& f, const std::uint64_t* table, bool scan, const unsigned char* in,
                             char** o, pair_table::BlockNotes* notes) {
  static_assert(kBlock % ascii_scan::kWidth == 0, "scanned runs replace one block");
  if (scan && AsciiCopied<kBlock>(f, in) && !utf8::IsContinuation(in[kBlock]) && !utf8::kMarkLead[in[kBlock]]) {
    std::memcpy(*o, in, kBlock);
    *o += kBlock;
    return kBlock;
  }
  return pair_table::ConvertBlock<kBlock>(table, in, o, notes);
}

class FastRun {
 public:
  FastRun(const EngineText& text, const FastTables& fast)
      : text_(text), guards_(text, fast), t_(text.table()), f_(&fast), in_(text.input()) {}

  // The common case without edit spans: converts from p towards `limit` and returns where it
  // stopped (at `limit`, or at the first character that needs the rule step).
  std::size_t Run(std::size_t p, std::size_t limit, Writer* w) const;

  // A wide block just failed at p (RunEngineWhole's): ordinary blocks for a while.
  void WideBlockFailedAt(std::size_t p) {
    wide_from_ = p + kNarrowStretch;
    wide_failures_ = 1;
  }

  // The counts of path_stats when they are on (else null), and why the last run of blocks
  // stopped: the driver puts the bytes its rule steps take down to that cause.
  path_stats::Counts* stats() const { return stats_; }
  path_stats::Cause last_cause() const { return last_cause_; }

 private:
  std::size_t BlockRun(std::size_t p, std::size_t limit, Writer* w) const;
  std::size_t CharacterRun(std::size_t p, std::size_t limit, Writer* w) const;
  std::size_t FirstFailingGuard(std::size_t p, std::size_t end) const;
  std::size_t DecidedPrefixEnd(std::size_t p) const;
  // Counts a run of blocks from `start` that stopped at p for `cause` (stats_ is on).
  void NoteBlocks(std::size_t start, std::size_t p, path_stats::Cause cause) const;

  const EngineText& text_;
  FastGuards guards_;
  const CompiledTable& t_;
  const FastTables* f_;
  const EngineInput& in_;
  // Where pass-through tokens may begin with a letter (for pair-table blocks).
  mutable TokenIndicators tokens_{in_.data, in_.size, t_.max_key_bytes + kContextWindow};
  // Pair-table blocks that failed in a row (Run).
  mutable unsigned block_failures_ = 0;
  // BlockRun's wide blocks start again here, at least kNarrowStretch bytes past the last that
  // failed; and how many failed in a row.
  static constexpr std::size_t kNarrowStretch = 1024;
  mutable std::size_t wide_from_ = 0;
  mutable unsigned wide_failures_ = 0;
  path_stats::Counts* const stats_ = path_stats::Active();
  mutable path_stats::Cause last_cause_ = path_stats::Cause::kInputEnd;
};

}  // namespace ortaq

#endif  // ORTAQ_ENGINE_FAST_RUN_HPP_
