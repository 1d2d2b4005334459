#include "engine/engine.hpp"

#include <algorithm>
#include <bit>
#include <array>
#include <cctype>
#include <cstring>

#include "fast/ascii_scan.hpp"
#include "engine/engine_window.hpp"
#include "fast/pair_table.hpp"
#include "text/pass_through.hpp"
#include "fast/trigger_scan.hpp"
#include "text/unicode.hpp"
#include "text/edit_list_writer.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

using Kind = ContextItem::Kind;

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

enum class CaseForm { kLower, kTitle, kUpper };


class Converter {
 public:
  Converter(const CompiledTable& table, const FastTables* fast, InvalidInputPolicy policy, const EngineInput& input,
            std::string* output, EditList* edits)
      : t_(table), f_(fast), policy_(policy), in_(input), out_(*output), edits_(edits) {}

  EngineResult Run() {
    const std::size_t lookahead = LookaheadBytes(t_);
    const std::size_t limit =
        std::min(in_.stop, in_.final ? in_.size : (in_.size > lookahead ? in_.size - lookahead : 0));
    Writer w(out_, limit > in_.begin ? limit - in_.begin : 0);
    return RunFrom(in_.begin, limit, w);
  }

  // A wide block just failed at p (RunEngineWhole's): ordinary blocks for a while.
  void WideBlockFailedAt(std::size_t p) {
    wide_from_ = p + kNarrowStretch;
    wide_failures_ = 1;
  }

  // Converts from `p` (bytes before it are context) to `limit`, writing through `w`.
  EngineResult RunFrom(std::size_t p, std::size_t limit, Writer& w) {
    const unsigned char* data = in_.data;
    std::size_t run = p;  // start of the text being copied through
    auto flush = [&](std::size_t end) {
      if (end > run) {
        w.Put(reinterpret_cast<const char*>(data + run), end - run);
        if (edits_) EditListWriter::Add(edits_, end - run, end - run, false);
      }
    };
    auto emit = [&](std::size_t consumed, std::string_view text) {
      flush(p);
      w.Put(text.data(), text.size());
      if (edits_) EditListWriter::Add(edits_, consumed, text.size(), true);
      p += consumed;
      run = p;
    };
    // Without fast tables (the reference engine), every character takes the rule step.
    const FastEntry* fast2 = f_ ? f_->fast2.data() : nullptr;
    const char* pool = f_ ? f_->pool.data() : nullptr;
    const bool tight = f_ && !edits_ && !foreign_;
    if (tight && !protecting_ && p < limit) {
      // Most inputs go through the tight loop from end to end: no need for the rest.
      p = TightRun(p, limit, &w);
      run = p;
      if (p >= limit) {
        w.Finish();
        return EngineResult{p, false, false};
      }
    }
    while (p < limit) {
      if (tight && !protecting_) {
        flush(p);
        p = TightRun(p, limit, &w);
        run = p;
        if (p >= limit) break;
      }
      const unsigned char b = data[p];
      if (protecting_ && !LeaveProtectedToken(&p)) continue;
      char32_t cp;
      std::size_t length;
      // Two-byte letters: decided by one table read unless the letter needs its neighbours.
      if (fast2 && b >= 0xC2 && b < 0xE0 && p + 1 < in_.size && utf8::IsContinuation(data[p + 1]) &&
          !(foreign_ && AtWordStart(p))) {
        const FastEntry& e = fast2[((b & 0x1Fu) << 6) | (data[p + 1] & 0x3Fu)];
        // A mark next may compose with the letter, or complete a key (ı + U+0308): full path.
        if (e.kind == FastEntry::kCopy && !MarkAt(p + 2)) {
          p += 2;
          continue;
        }
        if (e.kind == FastEntry::kReplace && !MarkAt(p + 2)) {
          flush(p);
          w.PutPadded(pool + e.offset, e.length);
          if (edits_) EditListWriter::Add(edits_, 2, e.length, true);
          p += 2;
          run = p;
          continue;
        }
      }
      if (b < 0x80) {
        if (t_.pass_through && p + 1 < in_.size && user_span::Opens(b, data[p + 1])) {
          const std::size_t close = UserSpanClose(p);
          if (close == user_span::kNotFound && !in_.final && !user_span::Decided(in_.size, p)) {
            // A stream that has not yet read as far as the span's close may come: it goes on
            // from here once it has (or at the end of its input).
            flush(p);
            w.Finish();
            return EngineResult{p, false, protecting_};
          }
          if (close != user_span::kNotFound) {
            // -{...}-: the user's own span, copied as written without its marks.
            const std::size_t open_size = user_span::kOpen.size(), close_size = user_span::kClose.size();
            const std::size_t content = p + open_size;
            flush(p);
            if (edits_) EditListWriter::Add(edits_, open_size, 0, true);
            w.Put(reinterpret_cast<const char*>(data + content), close - content);
            if (edits_) EditListWriter::Add(edits_, close - content, close - content, false);
            if (edits_) EditListWriter::Add(edits_, close_size, 0, true);
            if (in_.stats) ++in_.stats->protected_tokens;
            p = close + close_size;
            run = p;
            continue;
          }
        }
        if (t_.protect_start[b] && AtTokenStart(p) && EnterProtectedToken(&p)) continue;
        if (foreign_ && std::isalpha(b) && AtWordStart(p)) {
          if (const std::size_t end = ForeignWordEnd(p)) {
            if (in_.stats) ++in_.stats->foreign_words;
            p = end;
            continue;
          }
        }
        if (!t_.ascii_start[b]) {
          ++p;
          continue;
        }
        cp = b;
        length = 1;
      } else {
        const utf8::Decoded d = utf8::Decode(data + p, data + in_.size);
        if (d.length <= 0) {
          // Ill-formed, or (only when final) a sequence cut off by the end of the input.
          const std::size_t bad = d.length < 0 ? static_cast<std::size_t>(-d.length) : in_.size - p;
          flush(p);
          if (policy_ == InvalidInputPolicy::kError) {
            w.Finish();
            return EngineResult{p, true, protecting_};
          }
          if (policy_ == InvalidInputPolicy::kReplace) {
            w.Put("\xEF\xBF\xBD", 3);
            if (edits_) EditListWriter::Add(edits_, bad, 3, true);
          } else if (edits_) {
            EditListWriter::Add(edits_, bad, 0, true);
          }
          p += bad;
          run = p;
          continue;
        }
        cp = d.code_point;
        length = static_cast<std::size_t>(d.length);
        if (foreign_ && unicode::IsWordChar(cp) && AtWordStart(p)) {
          if (const std::size_t end = ForeignWordEnd(p)) {
            if (in_.stats) ++in_.stats->foreign_words;
            p = end;
            continue;
          }
        }
      }
      // A look-alike letter inside a word of the source script is read as the letter it imitates.
      const char32_t first = (repair_ && cp < 0x800 && t_.lookalike[cp] != 0 && LookalikeApplies(cp, p)) ? t_.lookalike[cp] : cp;
      if (t_.start.Get(first) == 0 && t_.exception_start.Get(first) == 0) {
        p += length;
        continue;
      }
      std::size_t consumed = 0;
      std::uint32_t output = 0;
      CaseForm form = CaseForm::kLower;
      if (!Match(p, first, length, &consumed, &output, &form)) {
        p += length;
        continue;
      }
      CountRepairs(p, p + consumed);
      const OutputForms& forms = t_.outputs[output];
      const std::string& text = form == CaseForm::kLower ? forms.lower : form == CaseForm::kTitle ? forms.title : forms.upper;
      if (MarkAt(p + consumed)) {
        // Combining marks after a converted letter may compose with it (а + U+0301 became
        // a + U+0301, which is á): take them into the match and write the NFC form.
        const Window window = WindowAt(p);
        std::size_t end = p + consumed;
        char32_t mark;
        for (std::size_t next = end; window.Next(&next, &mark) && unicode::IsMark(mark);) end = next;
        std::string composed = text;
        composed.append(reinterpret_cast<const char*>(data + p + consumed), end - p - consumed);
        emit(end - p, unicode::ToNfc(composed));
        continue;
      }
      emit(consumed, text);
    }
    flush(p);
    w.Finish();
    return EngineResult{p, false, protecting_};
  }

 private:
  // The common case without edit spans: ASCII the table ignores, and two-byte letters the fast
  // table decides, written straight to the output. Whole blocks go through the pair table; where
  // a block stops, the characters after it go one at a time. Stops at the first character
  // that needs a look at its neighbours (and leaves it to the full path); returns where.
  std::size_t TightRun(std::size_t p, std::size_t limit, Writer* w) const {
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
      if (stopped < step_limit || stopped >= limit) return stopped;
      p = stopped;
    }
  }

  // Converts whole blocks through the pair table until one needs the careful path or the
  // input runs short; returns where it stopped (always a character boundary).
  std::size_t BlockRun(std::size_t p, std::size_t limit, Writer* w) const {
    using pair_table::kBlock;
    // The table takes a continuation byte to be the tail of the letter before it, so a block
    // must not start on one (a stray one, after an ill-formed lead the careful path skipped).
    if (f_->pair_table.empty() || (p < in_.size && utf8::IsContinuation(in_.data[p]))) return p;
    const std::uint64_t* table = f_->pair_table.data();
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
        if (consumed == 0) stop = std::min(stop, FirstFailingGuard(p, stop));
        if (token_risk || (consumed == 0 && t_.pass_through && stop > p && tokens_.MayStartIn(p, stop))) stop = p;
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
    return p;
  }

  // The tight loop a character at a time: for the stretches around what a block cannot take.
  std::size_t CharacterRun(std::size_t p, std::size_t limit, Writer* w) const {
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
        if (entry.guards == 0 || !GuardsHold(entry, p)) break;
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
  std::size_t FirstFailingGuard(std::size_t p, std::size_t end) const {
    constexpr int kGuardedShift = std::countr_zero(pair_table::kGuardedBit);
    const unsigned char* d = in_.data;
    const std::uint64_t* table = f_->pair_table.data();
    auto flag = [&](std::uint64_t entry) { return (entry >> kGuardedShift) & 1; };
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
          !TriggerNear(from + static_cast<std::size_t>(std::countr_zero(guarded)),
                       from + static_cast<std::size_t>(63 - std::countl_zero(guarded))))
        checked = static_cast<std::uint8_t>(~FastEntry::kTriggerNear);
      for (; guarded != 0; guarded &= guarded - 1) {
        const std::size_t q = from + static_cast<std::size_t>(std::countr_zero(guarded));
        // An ASCII letter (one byte) or a two-byte one.
        const bool ascii = d[q] < 0x80;
        const FastEntry& e = ascii ? f_->fast2[d[q]] : f_->fast2[((d[q] & 0x1Fu) << 6) | (d[q + 1] & 0x3Fu)];
        if (!GuardsHold(e, q, checked, ascii ? 1 : 2)) return q;
      }
    }
    return SIZE_MAX;
  }

  // For a block at p that the pair table could not take whole: where the characters it did
  // decide end. That is before the first pair that needs the careful path, and before the
  // letter ahead of a combining mark (which may compose with it).
  std::size_t DecidedPrefixEnd(std::size_t p) const {
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

  // Whether a guarded fast decision (FastEntry::Guard) holds for the letter of `length` bytes
  // (1 for ASCII) at p. `checked` leaves out guards the caller knows to hold (kTriggerNear,
  // when no trigger is near a whole block).
  bool GuardsHold(const FastEntry& e, std::size_t p, std::uint8_t checked = 0xFF, std::size_t length = 2) const {
    const std::uint8_t guards = e.guards & checked;
    // The opening first: it is cheap and seldom true, where a word start is a coin toss.
    if ((guards & FastEntry::kAtWordStart) && ExceptionMayOpenAt(e, p, length) && AtWordStartQuick(p)) return false;
    if ((guards & FastEntry::kNextIsChild) && NextMayContinueKey(e, p + length)) return false;
    if ((guards & FastEntry::kTriggerNear) && TriggerNear(p)) return false;
    if ((guards & FastEntry::kPrevChar) &&
        NeighbourMayMatch(e.prev_set, e.prev_boundary, e.prev_mask, p, /*before=*/true))
      return false;
    if ((guards & FastEntry::kNextChar) &&
        NeighbourMayMatch(e.next_set, e.next_boundary, e.next_mask, p + length, /*before=*/false))
      return false;
    return true;
  }

  // Whether a one-item context holds for the character before `at` (before) or at `at`: its
  // key is in guard set `set`, or it is no letter while a boundary would do (true when unsure).
  // `mask` picks the same answer out of neighbour_bits when it is not 0.
  bool NeighbourMayMatch(std::uint32_t set, bool boundary, std::uint32_t mask, std::size_t at, bool before) const {
    char32_t cp;
    if (before) {
      if (at == 0) return boundary;  // the edge: nothing there for a class, a boundary holds
      if (!QuickCharBefore(at, &cp)) return true;
    } else {
      if (at >= in_.size) return in_.final ? boundary : true;
      if (!QuickCharAt(at, &cp)) return true;
    }
    if (mask != 0) return (f_->neighbour_bits[cp] & mask) != 0;
    if (Repairable(cp)) return true;
    if (boundary && !unicode::IsWordChar(cp)) return true;
    return set != FastEntry::kNoSet && f_->guard_sets[set].Contains(t_.SourceLower(cp));
  }


  // The character at `at` when it is ASCII or of two bytes (what the guards look at); false for
  // anything else, which makes a guard unsure.
  bool QuickCharAt(std::size_t at, char32_t* cp) const {
    const unsigned char b = in_.data[at];
    if (b < 0x80) {
      *cp = b;
      return true;
    }
    if (b < 0xC2 || b >= 0xE0 || at + 1 >= in_.size || !utf8::IsContinuation(in_.data[at + 1])) return false;
    *cp = ((b & 0x1Fu) << 6) | (in_.data[at + 1] & 0x3Fu);
    return true;
  }
  // The same for the character that ends at `at` (at > 0).
  bool QuickCharBefore(std::size_t at, char32_t* cp) const {
    const unsigned char b = in_.data[at - 1];
    if (b < 0x80) {
      *cp = b;
      return true;
    }
    if (!utf8::IsContinuation(b) || at < 2 || in_.data[at - 2] < 0xC2 || in_.data[at - 2] >= 0xE0) return false;
    *cp = ((in_.data[at - 2] & 0x1Fu) << 6) | (b & 0x3Fu);
    return true;
  }
  // A look-alike the engine would read as another letter, depending on its word.
  bool Repairable(char32_t cp) const {
    return repair_ && cp < 0x800 && (cp < 0x80 ? t_.ascii_lookalike[cp] : t_.lookalike[cp] != 0);
  }

  // AtWordStart, without building a window for the common cases.
  bool AtWordStartQuick(std::size_t p) const {
    if (p == 0) return true;
    char32_t cp;
    return QuickCharBefore(p, &cp) ? !unicode::IsWordChar(cp) : AtWordStart(p);
  }

  // Whether an exception word may begin with the letter of `length` bytes at p and the
  // character after it (true when unsure); by the entry's opening_mask when it has one.
  bool ExceptionMayOpenAt(const FastEntry& e, std::size_t p, std::size_t length) const {
    if (e.opening_mask == 0) return ExceptionMayOpenAt(p, length);
    const std::size_t at = p + length;
    if (at >= in_.size) return !in_.final || (e.opening_mask & kNeighbourNotWord);
    char32_t cp;
    return !QuickCharAt(at, &cp) || (f_->neighbour_bits[cp] & e.opening_mask) != 0;
  }
  bool ExceptionMayOpenAt(std::size_t p, std::size_t length) const {
    const char32_t letter = length == 1 ? in_.data[p] : ((in_.data[p] & 0x1Fu) << 6) | (in_.data[p + 1] & 0x3Fu);
    const char32_t first = t_.SourceLower(letter);
    const std::size_t at = p + length;
    char32_t second = 0;  // the word ends after the first letter
    if (at >= in_.size) {
      if (!in_.final) return true;
    } else {
      char32_t cp;
      if (!QuickCharAt(at, &cp) || Repairable(cp) || unicode::IsMark(cp)) return true;
      if (unicode::IsWordChar(cp)) second = t_.SourceLower(cp);
    }
    const auto& openings = t_.exception_openings;
    return std::binary_search(openings.begin(), openings.end(), std::make_pair(first, second)) ||
           std::binary_search(openings.begin(), openings.end(), std::make_pair(first, CompiledTable::kAnyLetter));
  }

  // Whether the character at `at` may go on with the key at trie node `node` (true when unsure).
  bool NextMayContinueKey(const FastEntry& e, std::size_t at) const {
    if (at >= in_.size) return !in_.final;
    char32_t cp;
    if (!QuickCharAt(at, &cp)) return true;
    if (e.child_mask != 0) return (f_->neighbour_bits[cp] & e.child_mask) != 0;
    return Repairable(cp) || t_.nodes[e.guard_node].Child(t_.SourceLower(cp)) != 0;
  }

  // Whether a letter some context rule needs (FastTables::trigger_pairs) starts anywhere in
  // the window the rules of a letter at p could read. Scans each byte once per conversion:
  // positions only grow.
  bool TriggerNear(std::size_t p) const { return TriggerNear(p, p); }
  // The same for any letter starting in [first, last].
  bool TriggerNear(std::size_t first, std::size_t last) const {
    if (f_->trigger_pairs.empty()) return false;
    const std::size_t lo = first > kContextWindow ? first - kContextWindow : 0;
    const std::size_t hi = std::min(in_.size, last + t_.max_key_bytes + kContextWindow + 1);
    const unsigned char* d = in_.data;
    if (f_->trigger_pair_list.count > 0) {
      // Every trigger from trigger_from_ on is visited in order, each found by a vectorised
      // scan ahead from the one before (so each byte is read once): last_trigger_ is the
      // latest visited, next_trigger_ the one after it (SIZE_MAX: none up to the end).
      if (trigger_from_ == SIZE_MAX || lo < trigger_from_) {
        trigger_from_ = lo;
        last_trigger_ = SIZE_MAX;
        next_trigger_ = trigger_scan::FirstPair(f_->trigger_pair_list, d, in_.size, lo);
      }
      while (next_trigger_ < hi) {
        last_trigger_ = next_trigger_;
        next_trigger_ = trigger_scan::FirstPair(f_->trigger_pair_list, d, in_.size, next_trigger_ + 1);
      }
      return last_trigger_ != SIZE_MAX && last_trigger_ >= lo;
    }
    if (trigger_scan_ == SIZE_MAX || trigger_scan_ < lo) trigger_scan_ = lo;
    const std::uint64_t* bits = f_->trigger_pairs.data();
    for (; trigger_scan_ < hi; ++trigger_scan_) {
      const std::uint32_t after = trigger_scan_ + 1 < in_.size ? d[trigger_scan_ + 1] : 0;
      const std::uint32_t index = d[trigger_scan_] | (after << 8);
      if ((bits[index / 64] >> (index % 64)) & 1) last_trigger_ = trigger_scan_;
    }
    return last_trigger_ != SIZE_MAX && last_trigger_ >= lo;
  }

  // For "-{" at p: the position of the "}-" that closes it (user_span::FindClose).
  std::size_t UserSpanClose(std::size_t p) const {
    return user_span::FindClose(std::string_view(reinterpret_cast<const char*>(in_.data), in_.size), p);
  }

  // At p inside a pass-through token: copies up to the next white space. Returns true when p
  // is at that white space (the token is over), false to go on.
  bool LeaveProtectedToken(std::size_t* p) {
    const unsigned char b = in_.data[*p];
    if (b < 0x80) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        protecting_ = false;
        return true;
      }
      ++*p;
      return false;
    }
    const utf8::Decoded d = utf8::Decode(in_.data + *p, in_.data + in_.size);
    if (d.length <= 0) return true;  // ill-formed: the normal path reports or replaces it
    if (IsTokenSpace(d.code_point)) {
      protecting_ = false;
      return true;
    }
    *p += static_cast<std::size_t>(d.length);
    return false;
  }

  // At a token start: when a URL, e-mail address, handle, hashtag, path or Roman numeral
  // begins here, moves p past it (copied as written) and returns true.
  bool EnterProtectedToken(std::size_t* p) {
    const ProtectedToken token = ClassifyToken(in_.data, *p, WindowAt(*p).hi);
    if (token.kind == TokenKind::kNone) return false;
    if (token.kind == TokenKind::kHashtag && ConvertedHashtag(*p)) return false;
    if (in_.stats) ++in_.stats->protected_tokens;
    *p = token.end;
    protecting_ = token.open_ended;
    return true;
  }

  // Whether the hashtag at p (its '#') is a word of the source script, converted like the text:
  // its first letter is of the script the table's look-alikes imitate (#тіл, not #Astana).
  bool ConvertedHashtag(std::size_t p) const {
    if (!t_.convert_hashtags || t_.lookalike_script == unicode::Script::kOther) return false;
    const utf8::Decoded d = utf8::Decode(in_.data + p + 1, in_.data + in_.size);
    return d.length > 0 && unicode::ScriptOf(d.code_point) == t_.lookalike_script;
  }

  // The letter a key or context compares: the look-alike repaired (inside a word of the source
  // script), folded and lowercased.
  char32_t Key(char32_t cp, std::size_t pos) const {
    if (repair_ && cp < 0x800 && t_.lookalike[cp] != 0 && LookalikeApplies(cp, pos)) cp = t_.lookalike[cp];
    return t_.SourceLower(cp);
  }

  // Whether the look-alike reading of cp applies at pos: for the @capital-harmony capital, in a
  // word with no letter of its back class; for the other look-alikes, in a word of the source
  // script.
  bool LookalikeApplies(char32_t cp, std::size_t pos) const {
    return cp == t_.harmony_capital ? FrontWord(pos) : InSourceWord(pos);
  }

  // Whether the word around `pos` (read within the window) has no letter of the harmony's back
  // class, and the capital at `pos` is not followed by a vowel (no Kazakh word begins with і and
  // a vowel: Iá, Iis are Иә, Иіс). The capital itself reads as its case pair, no back vowel.
  bool FrontWord(std::size_t pos) const {
    const Window w = WindowAt(pos);
    const CharSet& back = t_.sets[static_cast<std::size_t>(t_.harmony_back)];
    char32_t cp;
    std::size_t at = pos;
    // A one-letter word (Russian И) is not judged by harmony.
    if (!w.Next(&at, &cp) || !w.Next(&at, &cp) || !unicode::IsWordChar(cp)) {
      at = pos;
      return w.Prev(&at, &cp) && unicode::IsWordChar(cp) && FrontLetters(w, pos, back);
    }
    if (t_.vowel_set >= 0 && t_.sets[static_cast<std::size_t>(t_.vowel_set)].Contains(t_.SourceLower(cp))) return false;
    return FrontLetters(w, pos, back);
  }

  // No letter of `back` in the word around `pos`.
  bool FrontLetters(const Window& w, std::size_t pos, const CharSet& back) const {
    char32_t cp;
    std::size_t at = pos;
    while (w.Prev(&at, &cp) && unicode::IsWordChar(cp))
      if (back.Contains(t_.SourceLower(cp))) return false;
    at = pos;
    while (w.Next(&at, &cp) && unicode::IsWordChar(cp))
      if (back.Contains(t_.SourceLower(cp))) return false;
    return true;
  }

  // Whether the word around `pos` is written in the source script, but for look-alike letters:
  // some letters of the source script, and no other letters but look-alikes. Decided once per
  // word, reading at most kWordScan bytes either side of `pos`.
  bool InSourceWord(std::size_t pos) const {
    if (pos >= word_lo_ && pos < word_hi_) return word_verdict_;
    // The scan starts on a character: a window edge inside one would read as an ill-formed byte,
    // that is as a word end that is not there, and a word so "seen whole" would be remembered
    // with the wrong verdict.
    std::size_t scan_lo = pos > kWordScan ? pos - kWordScan : 0;
    while (scan_lo < pos && utf8::IsContinuation(in_.data[scan_lo])) ++scan_lo;
    const Window w{in_.data, scan_lo, std::min(in_.size, pos + kWordScan)};
    std::size_t lo = pos, hi = pos;
    char32_t cp;
    std::size_t at = pos;
    // Whether each end of the word was seen (a non-letter inside the scan), not the scan's edge.
    bool left_end = false, right_end = false;
    while (true) {
      if (!w.Prev(&at, &cp)) break;
      if (!unicode::IsWordChar(cp)) {
        left_end = true;
        break;
      }
      lo = at;
    }
    at = pos;
    while (true) {
      if (!w.Next(&at, &cp)) break;
      if (!unicode::IsWordChar(cp)) {
        right_end = true;
        break;
      }
      hi = at;
    }
    std::size_t native = 0, other = 0;
    for (at = lo; at < hi;) {
      if (!w.Next(&at, &cp)) break;
      if (unicode::IsMark(cp)) continue;
      if (cp < 0x800 && t_.lookalike[cp] != 0) continue;
      if (unicode::ScriptOf(cp) == t_.lookalike_script) ++native;
      else ++other;
    }
    const bool verdict = native > 0 && other == 0;
    // Remember the verdict for the whole word only when both its ends were seen and it is no
    // longer than the scan: then every letter of it sees the same word. Other words are judged
    // from each letter's own window, so that a stream (which starts afresh at each chunk)
    // agrees with a whole-buffer conversion.
    if (left_end && right_end && hi - lo <= kWordScan) {
      word_lo_ = lo;
      word_hi_ = std::max(hi, pos + 1);
      word_verdict_ = verdict;
    }
    return verdict;
  }

  bool AtWordStart(std::size_t p) const {
    char32_t cp;
    const Window w = WindowAt(p);
    return !(w.PeekPrev(p, &cp) && unicode::IsWordChar(cp));
  }

  bool AtTokenStart(std::size_t p) const {
    char32_t cp;
    const Window w = WindowAt(p);
    return !w.PeekPrev(p, &cp) || MayStartTokenAfter(cp);
  }

  // The end of the word at p when it is foreign (a @foreign-letters letter, or a `foreign`
  // word), else 0. A word running past the window is not judged.
  std::size_t ForeignWordEnd(std::size_t p) const {
    const Window w = WindowAt(p);
    char32_t cp;
    char32_t lowered[kContextWindow];
    std::size_t count = 0, at = p;
    bool foreign_letter = false;
    for (;;) {
      std::size_t next = at;
      if (!w.Next(&next, &cp)) {
        if (!(in_.final && at == in_.size)) return 0;
        break;
      }
      if (!unicode::IsWordChar(cp)) break;
      const char32_t lower = t_.SourceLower(cp);
      if (t_.foreign_letters.Contains(lower)) foreign_letter = true;
      if (count < kContextWindow) lowered[count++] = lower;
      at = next;
    }
    if (at == p) return 0;
    if (foreign_letter) return at;
    const std::u32string_view word(lowered, count);
    for (const std::u32string& sequence : t_.foreign_sequences)
      if (word.find(sequence) != std::u32string_view::npos) return at;
    if (count <= t_.max_foreign_letters && t_.foreign_words.count(std::u32string_view(lowered, count))) return at;
    return 0;
  }

  // Counts the look-alike letters read as source letters in a match [p, end).
  void CountRepairs(std::size_t p, std::size_t end) const {
    if (!repair_ || !in_.stats) return;
    const Window w = WindowAt(p);
    char32_t cp;
    for (std::size_t at = p; at < end;) {
      const std::size_t start = at;
      if (!w.Next(&at, &cp)) break;
      if (cp < 0x800 && t_.lookalike[cp] != 0 && cp != t_.harmony_capital && InSourceWord(start)) ++in_.stats->repaired_letters;
    }
  }

  // Whether a combining mark starts at `pos` (cheap for the common case of none).
  bool MarkAt(std::size_t pos) const {
    if (pos >= in_.size) return false;
    const unsigned char b = in_.data[pos];
    if (b < 0xCC) return false;  // below U+0300
    if (b < 0xE0) {
      if (pos + 1 >= in_.size) return false;
      const char32_t cp = ((b & 0x1Fu) << 6) | (in_.data[pos + 1] & 0x3Fu);
      return f_ ? f_->fast2[cp].mark : unicode::IsMark(cp);
    }
    const utf8::Decoded d = utf8::Decode(in_.data + pos, in_.data + in_.size);
    return d.length > 0 && unicode::IsMark(d.code_point);
  }

  Window WindowAt(std::size_t p) const {
    const std::size_t lo = p > kContextWindow ? p - kContextWindow : 0;
    const std::size_t hi = std::min(in_.size, p + t_.max_key_bytes + kContextWindow);
    return Window{in_.data, lo, hi};
  }

  bool IsVowel(char32_t lower) const { return t_.vowel_set >= 0 && t_.InSet(static_cast<std::uint32_t>(t_.vowel_set), lower); }

  bool Test(const CompiledItem& item, char32_t lower) const {
    switch (item.kind) {
      case Kind::kLetter: return lower == item.letter;
      case Kind::kNotLetter: return lower != item.letter;
      case Kind::kClass: return t_.InSet(item.set, lower);
      case Kind::kNotClass: return !t_.InSet(item.set, lower);
      default: return false;
    }
  }

  // Matches context items outward from `pos` (backward when `left`).
  bool MatchSide(const std::vector<CompiledItem>& items, std::size_t pos, bool left, const Window& w) const {
    auto step = [&](std::size_t* at, char32_t* cp) { return left ? w.Prev(at, cp) : w.Next(at, cp); };
    for (const CompiledItem& item : items) {
      char32_t cp;
      switch (item.kind) {
        case Kind::kBoundary: {
          std::size_t at = pos;
          if (step(&at, &cp) && unicode::IsWordChar(cp)) return false;
          break;
        }
        case Kind::kNearestVowel: {
          for (;;) {
            std::size_t at = pos;
            if (!step(&at, &cp) || !unicode::IsWordChar(cp)) return false;
            const char32_t lower = Key(cp, left ? at : pos);
            pos = at;
            if (IsVowel(lower)) {
              if (!t_.InSet(item.set, lower)) return false;
              break;
            }
          }
          break;
        }
        default: {
          const bool negative = item.kind == Kind::kNotLetter || item.kind == Kind::kNotClass;
          const std::size_t min = (item.quantifier == Quantifier::kOne || item.quantifier == Quantifier::kPlus) ? 1 : 0;
          const std::size_t max = (item.quantifier == Quantifier::kOne || item.quantifier == Quantifier::kOptional) ? 1 : SIZE_MAX;
          std::size_t count = 0;
          bool at_edge = false;
          while (count < max) {
            std::size_t at = pos;
            if (!step(&at, &cp)) {
              at_edge = true;
              break;
            }
            if (!Test(item, Key(cp, left ? at : pos))) break;
            pos = at;
            ++count;
          }
          // "not x" holds at the edge of the text: nothing there is x.
          if (count < min && !(negative && at_edge)) return false;
        }
      }
    }
    return true;
  }

  // Case of the nearest word with two or more cased letters, looking one way from `pos`:
  // kUpper when all its cased letters are uppercase, kTitle otherwise, kLower when no such
  // word is within the window. One-letter words on the way are passed over.
  CaseForm NeighbourCase(std::size_t pos, bool forward, const Window& w) const {
    char32_t cp;
    std::size_t at = pos;
    auto step = [&] { return forward ? w.Next(&at, &cp) : w.Prev(&at, &cp); };
    bool more = step();
    // Leave the current word (nothing to leave for a one-letter word).
    while (more && unicode::IsWordChar(cp)) more = step();
    while (more) {
      while (more && !unicode::IsWordChar(cp)) more = step();
      if (!more) break;
      int cased = 0;
      bool all_upper = true;
      while (more && unicode::IsWordChar(cp)) {
        if (unicode::IsUpper(cp)) ++cased;
        else if (unicode::IsLower(cp)) { ++cased; all_upper = false; }
        more = step();
      }
      if (cased >= 2) return all_upper ? CaseForm::kUpper : CaseForm::kTitle;
    }
    return CaseForm::kLower;
  }

  // The case form for a key [p, end) whose first letter is `first` and second (if any) `second`.
  CaseForm ChooseCase(std::size_t p, std::size_t end, char32_t first, const char32_t* second, std::uint32_t output,
                      const Window& w) const {
    // The case of the letter as written: a @capital-harmony capital is read as a lowercase letter.
    char32_t written = first;
    for (std::size_t at0 = p; w.Next(&at0, &written);) break;
    if (!t_.case_auto || !unicode::IsUpper(written)) return CaseForm::kLower;
    const OutputForms& forms = t_.outputs[output];
    if (forms.title == forms.upper) return CaseForm::kUpper;
    if (second) {
      // A key of several letters shows its own case: the first cased letter after the first
      // (apostrophes and marks between are passed over: 2017 IʼA).
      char32_t c = *second;
      std::size_t at = p;
      w.Next(&at, &c);  // the first letter
      while (at < end && w.Next(&at, &c)) {
        if (unicode::IsUpper(c)) return CaseForm::kUpper;
        if (unicode::IsLower(c)) return CaseForm::kTitle;
      }
    }
    // The next letter of the word, then the previous one; combining marks are passed over.
    char32_t cp = 0;
    std::size_t at = end;
    while (w.Next(&at, &cp) && unicode::IsMark(cp)) {}
    if (at != end && unicode::IsWordChar(cp) && !unicode::IsMark(cp)) {
      if (unicode::IsUpper(cp)) return CaseForm::kUpper;
      if (unicode::IsLower(cp)) return CaseForm::kTitle;
    }
    at = p;
    while (w.Prev(&at, &cp) && unicode::IsMark(cp)) {}
    if (at != p && unicode::IsWordChar(cp) && !unicode::IsMark(cp)) {
      if (unicode::IsUpper(cp)) return CaseForm::kUpper;
      if (unicode::IsLower(cp)) return CaseForm::kTitle;
    }
    // A one-letter word takes its case from the nearest word with two or more letters.
    CaseForm next = NeighbourCase(end, /*forward=*/true, w);
    if (next != CaseForm::kLower) return next;
    CaseForm prev = NeighbourCase(p, /*forward=*/false, w);
    if (prev != CaseForm::kLower) return prev;
    return CaseForm::kTitle;
  }

  // The case form of letters whose case was counted: kLower, kTitle or kUpper; false for
  // mixed case, which no exception matches.
  bool WordCase(std::size_t count, std::size_t upper, std::size_t lower, bool first_upper, CaseForm* form) const {
    if (upper == 0) *form = CaseForm::kLower;
    else if (lower == 0 && count > 1) *form = CaseForm::kUpper;
    else if (first_upper && upper == 1) *form = count > 1 ? CaseForm::kTitle : CaseForm::kUpper;
    else return false;
    return t_.case_auto || *form == CaseForm::kLower;
  }

  // A whole-word exception at p, or else a stem exception (`word*`) that the word begins with.
  bool MatchException(std::size_t p, const Window& w, std::size_t* consumed, std::uint32_t* output, CaseForm* form) const {
    char32_t cp;
    if (w.PeekPrev(p, &cp) && unicode::IsWordChar(cp)) return false;  // not at a word start
    constexpr std::size_t kMax = kContextWindow;
    char32_t lowered[kMax];
    std::size_t ends[kMax];        // byte position after each letter
    std::size_t uppers[kMax + 1];  // uppercase letters among the first i
    std::size_t lowers[kMax + 1];
    uppers[0] = lowers[0] = 0;
    std::size_t count = 0;
    bool first_upper = false, whole_word = true;
    std::size_t at = p;
    for (;;) {
      std::size_t next = at;
      if (!w.Next(&next, &cp)) {
        // The word must end before the edge, or at the true end of the input.
        if (!(in_.final && at == in_.size)) whole_word = false;
        break;
      }
      if (!unicode::IsWordChar(cp)) break;
      if (count == t_.max_exception_letters) {
        whole_word = false;
        break;
      }
      const bool is_upper = unicode::IsUpper(cp), is_lower = unicode::IsLower(cp);
      if (count == 0) first_upper = is_upper;
      uppers[count + 1] = uppers[count] + (is_upper ? 1 : 0);
      lowers[count + 1] = lowers[count] + (is_lower ? 1 : 0);
      lowered[count] = Key(cp, at);
      ends[count++] = next;
      at = next;
    }
    if (whole_word) {
      auto it = t_.exceptions.find(std::u32string_view(lowered, count));
      if (it != t_.exceptions.end() && WordCase(count, uppers[count], lowers[count], first_upper, form)) {
        *consumed = at - p;
        *output = it->second;
        return true;
      }
    }
    // Stems: the longest one the word begins with, with a suffix after it.
    if (t_.stem_exceptions.empty() || count <= t_.min_stem_letters) return false;
    for (std::size_t n = count - 1; n >= t_.min_stem_letters && n > 0; --n) {
      auto it = t_.stem_exceptions.find(std::u32string_view(lowered, n));
      if (it == t_.stem_exceptions.end()) continue;
      // The stem takes the case of the whole word when that is all capitals.
      const bool word_upper = lowers[count] == 0 && count > 1;
      if (word_upper) *form = CaseForm::kUpper;
      else if (!WordCase(n, uppers[n], lowers[n], first_upper, form)) return false;
      *consumed = ends[n - 1] - p;
      *output = it->second;
      return true;
    }
    return false;
  }

  bool Match(std::size_t p, char32_t first, std::size_t first_length, std::size_t* consumed, std::uint32_t* output,
             CaseForm* form) const {
    const Window w = WindowAt(p);
    if (t_.exception_start.Get(first) != 0 && MatchException(p, w, consumed, output, form)) return true;
    std::uint32_t node = t_.start.Get(first);
    if (node == 0) return false;
    struct Candidate {
      std::uint32_t node;
      std::size_t end;
    };
    Candidate candidates[64];
    std::size_t count = 0;
    std::size_t at = p + first_length;
    char32_t second = 0;
    bool has_second = false;
    if (!t_.nodes[node].rules.empty()) candidates[count++] = {node, at};
    for (;;) {
      if (t_.nodes[node].children.empty() || count == 64) break;
      std::size_t next = at;
      char32_t cp;
      if (!w.Next(&next, &cp)) break;
      const std::uint32_t child = t_.nodes[node].Child(Key(cp, at));
      if (child == 0) break;
      if (!has_second) {
        second = cp;
        has_second = true;
      }
      node = child;
      at = next;
      if (!t_.nodes[node].rules.empty()) candidates[count++] = {node, at};
    }
    while (count > 0) {
      const Candidate& c = candidates[--count];
      for (std::uint32_t r : t_.nodes[c.node].rules) {
        const CompiledRule& rule = t_.rules[r];
        if (!MatchSide(rule.left, p, /*left=*/true, w) || !MatchSide(rule.right, c.end, /*left=*/false, w)) continue;
        *consumed = c.end - p;
        *output = rule.output;
        const bool key_has_second = c.end > p + first_length;
        *form = ChooseCase(p, c.end, first, key_has_second ? &second : nullptr, rule.output, w);
        return true;
      }
    }
    return false;
  }

  const CompiledTable& t_;
  const FastTables* f_;  // null: the reference engine
  InvalidInputPolicy policy_;
  const EngineInput& in_;
  std::string& out_;
  EditList* edits_;
  const bool repair_ = t_.repair_lookalikes;
  const bool foreign_ = t_.foreign_words_on && (!t_.foreign_letters.letters.empty() || !t_.foreign_words.empty() ||
                                                !t_.foreign_sequences.empty());
  bool protecting_ = in_.protecting;
  // The last word judged by InSourceWord.
  mutable std::size_t word_lo_ = 1, word_hi_ = 0;
  mutable bool word_verdict_ = false;
  // TriggerNear's scan: the next byte to look at, and the last trigger found before it.
  mutable std::size_t trigger_scan_ = SIZE_MAX, last_trigger_ = SIZE_MAX;
  // The vectorised scan's (trigger_scan::Pairs): where its visits began, and the next trigger.
  mutable std::size_t trigger_from_ = SIZE_MAX, next_trigger_ = SIZE_MAX;
  // Where pass-through tokens may begin with a letter (for pair-table blocks).
  mutable TokenIndicators tokens_{in_.data, in_.size, t_.max_key_bytes + kContextWindow};
  // Pair-table blocks that failed in a row (TightRun).
  mutable unsigned block_failures_ = 0;
  // BlockRun's wide blocks start again here, at least kNarrowStretch bytes past the last that
  // failed; and how many failed in a row.
  static constexpr std::size_t kNarrowStretch = 1024;
  mutable std::size_t wide_from_ = 0;
  mutable unsigned wide_failures_ = 0;
};

}  // namespace

std::size_t LookaheadBytes(const CompiledTable& table) { return table.max_key_bytes + kContextWindow + kWordScan + 4; }

EngineResult RunEngine(const CompiledTable& table, const FastTables* fast, InvalidInputPolicy policy,
                       const EngineInput& input, std::string* output, EditList* edits) {
  Converter converter(table, fast, policy, input, output, edits);
  return converter.Run();
}

namespace {

// RunEngineWhole's blocks, from the start of the input while the pair table decides every one
// of them, then the tail. `room(o, p, bytes)` returns the cursor again with at least `bytes`
// bytes after it, before input byte p is converted (a no-op when the output is a buffer
// already big enough). Returns where the blocks stopped (the input's size when they reached
// its end) and leaves *out after what they wrote.
template <typename MakeRoom>
std::size_t RunWholeBlocks(const CompiledTable& table, const FastTables& fast, const unsigned char* data, std::size_t size, char** out,
                           MakeRoom room) {
  constexpr std::size_t kBlock = pair_table::kWideBlock;
  constexpr std::size_t kBlockReach = pair_table::BlockReach(kBlock);
  constexpr std::size_t kBlockRoom = pair_table::BlockRoom(kBlock);
  const std::uint64_t* table_entries = fast.pair_table.data();
  const bool scan = fast.ascii_copy_set.usable;
  TokenIndicators tokens(data, size, table.max_key_bytes + kContextWindow);
  char* o = *out;
  std::size_t p = 0;
  while (p + kBlockReach <= size) {
    o = room(o, p, kBlockRoom);
    char* const block_out = o;
    pair_table::BlockNotes notes;
    const std::size_t consumed = StepBlock<kBlock>(fast, table_entries, scan, data + p, &o, &notes);
    if (consumed == 0 || notes.guarded || (notes.token_letters && tokens.MayStartIn(p, p + consumed))) {
      *out = block_out;
      return p;
    }
    p += consumed;
  }
  if (p < size) {
    o = room(o, p, kBlockRoom);
    pair_table::BlockNotes notes;
    char* const tail_out = o;
    if (pair_table::ConvertTail(table_entries, data + p, size - p, &o, &notes) && !notes.guarded &&
        !(notes.token_letters && tokens.MayStartIn(p, size)))
      p = size;
    else
      o = tail_out;
  }
  *out = o;
  return p;
}

// The rest of a whole input, from the first block the pair table could not decide at `p`.
// Out of line: the Converter's set-up would otherwise weigh on every call of RunEngineWhole.
[[gnu::noinline]] EngineResult ContinueCarefully(const CompiledTable& table, const FastTables& fast,
                                                 InvalidInputPolicy policy,
                                                 const EngineInput& input, std::string* output, std::size_t p,
                                                 Writer& w) {
  Converter converter(table, &fast, policy, input, output, nullptr);
  converter.WideBlockFailedAt(p);
  return converter.RunFrom(p, input.size, w);
}

}  // namespace

EngineResult RunEngineWhole(const CompiledTable& table, const FastTables* fast, InvalidInputPolicy policy,
                            const EngineInput& input,
                            std::string* output) {
  const unsigned char* const data = input.data;
  const std::size_t size = input.size;
  if (!fast || !fast->whole_blocks || input.protecting || input.begin != 0 || !input.final ||
      input.stop < size || (size > 0 && utf8::IsContinuation(data[0]))) {
    output->clear();
    return RunEngine(table, fast, policy, input, output, nullptr);
  }
  // Blocks from start to end while the pair table decides every one of them; the first block it
  // cannot (or whose letters have guards to check) goes, with the rest, to the Converter, which
  // reads the bytes before it as context just as if it had started at 0.
  //
  // Short inputs (a line at a time) are converted on the stack and copied into *output: less
  // than sizing the string for them first, which fills it with zeros.
  constexpr std::size_t kShort = 512;
  if (size <= kShort) {
    // Where in the buffer the output starts: at a fixed distance, modulo 4 KiB, from the pair
    // table, where the table's entries are seldom read (pairs that begin with bytes E3-FF or
    // 00-03: rare in any text). A store and a later load whose addresses agree in their low 12
    // bits stall the load (4K aliasing); with the buffer anywhere, a process whose stack fell
    // on the entries of common pairs ran line by line up to a fifth slower.
    constexpr std::size_t kPage = 4096, kColdOffset = 0x718;
    char space[kPage + kShort * pair_table::kMaxOutputPerByte + pair_table::BlockRoom(pair_table::kWideBlock)];
    const auto table_at = reinterpret_cast<std::uintptr_t>(fast->pair_table.data());
    const auto space_at = reinterpret_cast<std::uintptr_t>(space);
    char* const buffer = space + ((table_at + kColdOffset - space_at) % kPage);
    char* o = buffer;
    const auto enough = [](char* at, std::size_t, std::size_t) { return at; };
    const std::size_t p = RunWholeBlocks(table, *fast, data, size, &o, enough);
    output->assign(buffer, static_cast<std::size_t>(o - buffer));
    if (p >= size) return EngineResult{size, false, false};
    Writer w(*output, size - p);
    return ContinueCarefully(table, *fast, policy, input, output, p, w);
  }
  Writer w(*output, size, Writer::Overwrite{});
  char* o = w.Cursor();
  const auto grow = [&w, size](char* at, std::size_t p, std::size_t bytes) {
    return w.WithRoom(at, bytes, (size - p) + bytes);
  };
  const std::size_t p = RunWholeBlocks(table, *fast, data, size, &o, grow);
  w.SetCursor(o);
  if (p >= size) {
    w.Finish();
    return EngineResult{size, false, false};
  }
  return ContinueCarefully(table, *fast, policy, input, output, p, w);
}

}  // namespace ortaq
