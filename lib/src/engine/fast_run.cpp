#include "engine/fast_run.hpp"

#include <algorithm>
#include <bit>

#include "text/utf8.hpp"

namespace ortaq {

// The common case without edit spans: ASCII the table ignores, and two-byte letters the fast
// table decides, written straight to the output. Whole blocks go through the pair table; where
// a block stops, the characters after it go one at a time. Stops at the first character
// that needs a look at its neighbours (and leaves it to the full path); returns where.
std::size_t FastRun::Run(std::size_t p, std::size_t limit, Writer* w) const {
  while (true) {
    const std::size_t start = p;
    p = BlockRun(p, limit, w);
    if (p >= limit) return p;
    // One block's worth a character at a time, then blocks again. Where blocks keep failing
    // (a table whose common letters need a look at their neighbours), the stretches grow, so
    // that little time goes on blocks that are thrown away.
    if (p != start) block_failures_ = 0;
    const std::size_t step = pair_table::kBlockReach << std::min(block_failures_, 6u);
    ++block_failures_;
    const std::size_t step_limit = std::min(limit, p + step);
    const std::size_t stopped = CharacterRun(p, step_limit, w);
    if (stats_) {
      stats_->character_bytes += stopped - p;
      stats_->off_bytes[static_cast<std::size_t>(last_cause_)] += stopped - p;
    }
    if (stopped < step_limit || stopped >= limit) return stopped;
    p = stopped;
  }
}

// Converts whole blocks through the pair table until one needs the careful path or the
// input runs short; returns where it stopped (always a character boundary).
std::size_t FastRun::BlockRun(std::size_t p, std::size_t limit, Writer* w) const {
  using pair_table::kBlock;
  // The table takes a continuation byte to be the tail of the letter before it, so a block
  // must not start on one (a stray one, after an ill-formed lead the careful path skipped).
  if (f_->pair_table.empty() || (p < in_.size && utf8::IsContinuation(in_.data[p]))) {
    if (stats_) NoteBlocks(p, p, path_stats::ClassifyAt(t_, in_.data, in_.size, p));
    return p;
  }
  const std::size_t start = p;
  path_stats::Cause cause = path_stats::Cause::kInputEnd;
  const std::uint64_t* table = f_->pair_table.data();
  // A letter written without its guard (pair_table::kPrevChecked) relies on the pair before
  // it, which blocks read only when they run on from one another: here, its guard.
  if (p > 0 && p + 1 < in_.size && (table[pair_table::Index(in_.data + p)] & pair_table::kPrevCheckedBit) &&
      !guards_.GuardsHold(f_->fast2[((in_.data[p] & 0x1Fu) << 6) | (in_.data[p + 1] & 0x3Fu)], p)) {
    if (stats_) NoteBlocks(p, p, path_stats::Cause::kGuard);
    return p;
  }
  const bool scan = f_->ascii_copy_set.usable;
  char* o = w->Cursor();
  // Blocks start before `limit` and read up to kBlockReach bytes, which may lie past it.
  while (p + kBlock <= limit && p + pair_table::kBlockReach <= in_.size) {
    o = w->WithRoom(o, pair_table::BlockRoom(pair_table::kWideBlock),
                    (limit - p) + pair_table::BlockRoom(pair_table::kWideBlock));
    // Far from the last block that failed, wide blocks (half the work per byte); one that
    // fails, or holds a guarded letter, is done again below as an ordinary block, which keeps
    // what it decided, and blocks stay ordinary for a while.
    if (p >= wide_from_ && p + pair_table::kWideBlock <= limit &&
        p + pair_table::BlockReach(pair_table::kWideBlock) <= in_.size) {
      char* const wide_out = o;
      pair_table::BlockNotes notes;
      const std::size_t consumed = StepBlock<pair_table::kWideBlock>(*f_, table, scan, in_.data + p, &o, &notes);
      if (consumed != 0 && !notes.guarded && !(notes.token_letters && tokens_.MayStartIn(p, p + consumed))) {
        wide_failures_ = 0;
        p += consumed;
        continue;
      }
      o = wide_out;
      // Longer each time in a row (a table whose common letters are guarded).
      wide_from_ = p + (kNarrowStretch << std::min(wide_failures_, 4u));
      ++wide_failures_;
    }
    char* const block_out = o;
    pair_table::BlockNotes notes;
    const std::size_t consumed = StepBlock(*f_, table, scan, in_.data + p, &o, &notes);
    const std::size_t failed_guard = notes.guarded ? FirstFailingGuard(p, p + consumed) : SIZE_MAX;
    // Where a pass-through token may begin in the block, its letters go the careful way.
    const bool token_risk = consumed != 0 && notes.token_letters && tokens_.MayStartIn(p, p + consumed);
    if (consumed == 0 || failed_guard != SIZE_MAX || token_risk) {
      // Keep what comes before the character the block could not decide; the careful path
      // goes on from there.
      std::size_t stop = consumed == 0 ? DecidedPrefixEnd(p) : failed_guard;
      const std::size_t undecided = stop;
      if (consumed == 0) stop = std::min(stop, FirstFailingGuard(p, stop));
      const bool token_stop = token_risk || (consumed == 0 && t_.pass_through && stop > p && tokens_.MayStartIn(p, stop));
      if (stats_)
        cause = token_stop ? path_stats::Cause::kTokenRisk
                : (failed_guard != SIZE_MAX || stop < undecided) ? path_stats::Cause::kGuard
                                                                 : path_stats::ClassifyAt(t_, in_.data, in_.size, stop);
      if (token_stop) stop = p;
      o = block_out;
      for (std::size_t q = p; q < stop; ++q) {
        const std::uint64_t e = table[pair_table::Index(in_.data + q)];
        std::memcpy(o, &e, 8);
        o += pair_table::OutputLength(e);
      }
      p = stop;
      break;
    }
    p += consumed;
  }
  // The last bytes of the whole input, too few for a block.
  if (in_.final && limit == in_.size && p < limit && limit - p < pair_table::kBlockReach) {
    o = w->WithRoom(o, pair_table::kBlockRoom, pair_table::kBlockRoom);
    char* const tail_out = o;
    pair_table::BlockNotes notes;
    if (pair_table::ConvertTail(table, in_.data + p, limit - p, &o, &notes)) {
      if ((notes.guarded && FirstFailingGuard(p, limit) != SIZE_MAX) ||
          (notes.token_letters && tokens_.MayStartIn(p, limit)))
        o = tail_out;
      else
        p = limit;
    }
  }
  w->SetCursor(o);
  if (stats_) NoteBlocks(start, p, cause);
  return p;
}

void FastRun::NoteBlocks(std::size_t start, std::size_t p, path_stats::Cause cause) const {
  stats_->block_bytes += p - start;
  last_cause_ = cause;
  if (p < in_.size) ++stats_->stops[static_cast<std::size_t>(cause)];
}

// The tight loop a character at a time: for the stretches around what a block cannot take.
std::size_t FastRun::CharacterRun(std::size_t p, std::size_t limit, Writer* w) const {
  const unsigned char* d = in_.data;
  const std::size_t size = in_.size;
  const FastEntry* fast2 = f_->fast2.data();
  const char* pool = f_->pool.data();
  char* o = w->Cursor();
  char* end = w->End();
  while (p < limit) {
    if (end - o < 8) {  // room for one more output of up to 8 bytes
      w->SetCursor(o);
      w->Reserve((limit - p) + 16);
      o = w->Cursor();
      end = w->End();
    }
    const unsigned char b = d[p];
    if (b < 0x80) {
      if (!f_->ascii_copy[b] &&
          !(f_->ascii_copy_unless_mark[b] && (p + 1 >= size ? in_.final : !utf8::kMarkLead[d[p + 1]])))
        break;
      *o++ = static_cast<char>(b);
      ++p;
      continue;
    }
    if (b < 0xC2 || b >= 0xE0 || p + 1 >= size) break;
    const unsigned char b1 = d[p + 1];
    if ((b1 & 0xC0) != 0x80) break;
    const FastEntry& entry = fast2[((b & 0x1Fu) << 6) | (b1 & 0x3Fu)];
    FastEntry::Kind kind = entry.kind;
    std::uint32_t offset = entry.offset;
    std::size_t length = entry.length;
    if (kind == FastEntry::kGeneral) {
      if (entry.guards == 0 || !guards_.GuardsHold(entry, p)) break;
      kind = entry.guarded_kind;
      offset = entry.guarded_offset;
      length = entry.guarded_length;
    }
    // A combining mark next may compose with this letter's output: leave that to the full
    // path. kMarkLead says which lead bytes can begin a mark at all (not а-я, ә-һ but
    // U+0480-U+04BF, which shares its lead byte with the marks U+0483-U+0489).
    if (p + 2 < size && utf8::kMarkLead[d[p + 2]] &&
        (d[p + 2] >= 0xE0 || p + 3 >= size || fast2[((d[p + 2] & 0x1Fu) << 6) | (d[p + 3] & 0x3Fu)].mark))
      break;
    if (kind == FastEntry::kCopy) {
      o[0] = static_cast<char>(b);
      o[1] = static_cast<char>(b1);
      o += 2;
    } else {
      std::memcpy(o, pool + offset, 8);
      o += length;
    }
    p += 2;
  }
  w->SetCursor(o);
  return p;
}

// The first guarded letter in [p, end) (which starts at a character boundary) whose guards
// do not hold, or SIZE_MAX: then a pair-table block's output for them all stands.
// The guarded letters are the pairs flagged kGuarded: gathered as bits without a branch per
// byte (a branch on each letter's lead byte mispredicts often in running text), then checked
// one at a time.
std::size_t FastRun::FirstFailingGuard(std::size_t p, std::size_t end) const {
  constexpr int kGuardedShift = std::countr_zero(pair_table::kGuardedBit);
  const unsigned char* d = in_.data;
  const std::uint64_t* table = f_->pair_table.data();
  auto flag = [&](std::uint64_t entry) { return (entry >> kGuardedShift) & 1; };
  if (stats_) stats_->guard_checked_bytes += end - p;
  for (std::size_t from = p; from < end; from += 64) {
    const std::size_t n = std::min<std::size_t>(64, end - from);
    std::uint64_t guarded = 0;
    std::size_t j = 0;
    // Most ranges are one block (16 bytes, or a few less): that many pairs unrolled, the
    // bits past the range dropped, so that no loop exit depends on the range's length.
    constexpr std::size_t kFixed = pair_table::kBlock;
    if (from + kFixed < in_.size) {
      for (; j < kFixed; ++j) guarded |= flag(table[pair_table::Index(d + from + j)]) << j;
      if (n < kFixed) guarded &= (std::uint64_t{1} << n) - 1;
    }
    // The input's last byte pairs with the end after it, as ConvertTail reads it.
    for (; j < n; ++j) {
      const std::size_t at = from + j;
      guarded |= flag(at + 1 < in_.size ? table[pair_table::Index(d + at)] : table[d[at]]) << j;
    }
    // Trigger letters are rare: one look for the whole range rather than one per letter.
    std::uint8_t checked = 0xFF;
    if (guarded != 0 && !f_->trigger_pairs.empty() &&
        !guards_.TriggerNear(from + static_cast<std::size_t>(std::countr_zero(guarded)),
                     from + static_cast<std::size_t>(63 - std::countl_zero(guarded))))
      checked = static_cast<std::uint8_t>(~FastEntry::kTriggerNear);
    for (; guarded != 0; guarded &= guarded - 1) {
      const std::size_t q = from + static_cast<std::size_t>(std::countr_zero(guarded));
      // An ASCII letter (one byte) or a two-byte one.
      const bool ascii = d[q] < 0x80;
      const FastEntry& e = ascii ? f_->fast2[d[q]] : f_->fast2[((d[q] & 0x1Fu) << 6) | (d[q + 1] & 0x3Fu)];
      if (!guards_.GuardsHold(e, q, checked, ascii ? 1 : 2)) return q;
    }
  }
  return SIZE_MAX;
}

// For a block at p that the pair table could not take whole: where the characters it did
// decide end. That is before the first pair that needs the careful path, and before the
// letter ahead of a combining mark (which may compose with it).
std::size_t FastRun::DecidedPrefixEnd(std::size_t p) const {
  using pair_table::kBlock;
  const unsigned char* d = in_.data;
  const std::uint64_t* table = f_->pair_table.data();
  // The start of the character that byte q belongs to (p is one).
  auto start_of_char = [&](std::size_t q) {
    while (q > p && utf8::IsContinuation(d[q])) --q;
    return q;
  };
  auto start_of_char_before = [&](std::size_t q) { return q <= p ? p : start_of_char(q - 1); };
  // A step of a three-byte character (pair_table::kThree) that is part of a whole one.
  auto three_byte_step_holds = [&](std::size_t q) {
    if (!utf8::IsContinuation(d[q])) return q + 2 < in_.size && utf8::IsContinuation(d[q + 2]);  // the lead
    return q > p && d[q - 1] >= 0xE0 && d[q - 1] < 0xF0;  // the last byte, after lead and continuation
  };
  for (std::size_t q = p; q < p + kBlock; ++q) {
    const std::uint64_t e = table[pair_table::Index(d + q)];
    if (e & pair_table::kMarkBit) return start_of_char_before(q);
    // A continuation that does not end its letter there (one too many): the letter too.
    if (e & pair_table::kGeneralBit) return start_of_char(q);
    if ((e & pair_table::kThreeBit) && !three_byte_step_holds(q)) return start_of_char(q);
  }
  // Only the look past the block failed: keep all but its last character.
  return start_of_char_before(p + kBlock);
}

}  // namespace ortaq
