// The engine's driver: it alternates a fast run (engine/fast_run, through the table's fast
// tables) until the run stops, and one step of the rules (engine/rule_step) or of the engine's
// own rules kept here: pass-through tokens, -{...}- spans, foreign words, ill-formed input.
// Without fast tables (the reference engine) it takes only rule steps; both write the same.
#include "engine/engine.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string_view>

#include "engine/engine_text.hpp"
#include "engine/engine_window.hpp"
#include "engine/fast_run.hpp"
#include "engine/path_stats.hpp"
#include "engine/rule_step.hpp"
#include "fast/pair_table.hpp"
#include "fast/word_cache.hpp"
#include "text/edit_list_writer.hpp"
#include "text/pass_through.hpp"
#include "text/unicode.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

class Converter {
 public:
  Converter(const CompiledTable& table, const FastTables* fast, InvalidInputPolicy policy, const EngineInput& input,
            std::string* output, EditList* edits)
      : t_(table), f_(fast), policy_(policy), in_(input), out_(*output), edits_(edits), text_(table, fast, input) {
    if (fast) fast_.emplace(text_, *fast);
  }

  EngineResult Run() {
    const std::size_t lookahead = LookaheadBytes(t_);
    const std::size_t limit =
        std::min(in_.stop, in_.final ? in_.size : (in_.size > lookahead ? in_.size - lookahead : 0));
    Writer w(out_, limit > in_.begin ? limit - in_.begin : 0);
    return CountedRunFrom(in_.begin, limit, w);
  }

  // RunFrom, and with path_stats on, the bytes it converted and those its careful path took.
  EngineResult CountedRunFrom(std::size_t p, std::size_t limit, Writer& w) {
    if (!path_counts_) return RunFrom(p, limit, w);
    careful_from_ = p;
    const EngineResult result = RunFrom(p, limit, w);
    NoteCareful(result.next);
    path_counts_->input_bytes += result.next - p;
    return result;
  }

  // A wide block just failed at p (RunEngineWhole's): ordinary blocks for a while.
  void WideBlockFailedAt(std::size_t p) { fast_->WideBlockFailedAt(p); }

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
      p = RunFast(p, limit, &w);
      run = p;
      if (p >= limit) {
        w.Finish();
        return EngineResult{p, false, false};
      }
    }
    while (p < limit) {
      if (tight && !protecting_) {
        flush(p);
        p = RunFast(p, limit, &w);
        run = p;
        if (p >= limit) break;
      }
      if (words_) {
        // Words seen before, from the cache; a word not seen yet is converted below and, when
        // the loop stops exactly at its end, added (RecordWord).
        if (record_end_ != 0 && p >= record_end_) {
          if (p == record_end_ && !protecting_) {
            flush(p);
            run = p;
            RecordWord(w);
          }
          record_end_ = 0;
        }
        if (record_end_ == 0 && !protecting_) {
          if (const std::size_t end = word_cache::TokenEnd(data, in_.size, p, limit)) {
            flush(p);
            p = WordRun(p, end, limit, w);
            run = p;
            // Stopped at something else than a word seen before: the careful step takes it
            // (a word not seen yet is recorded from here).
            if (record_end_ == 0) continue;
          }
        }
      }
      const unsigned char b = data[p];
      if (protecting_ && !LeaveProtectedToken(&p)) continue;
      char32_t cp;
      std::size_t length;
      // Two-byte letters: decided by one table read unless the letter needs its neighbours.
      if (fast2 && b >= 0xC2 && b < 0xE0 && p + 1 < in_.size && utf8::IsContinuation(data[p + 1]) &&
          !(foreign_ && text_.AtWordStart(p))) {
        const FastEntry& e = fast2[((b & 0x1Fu) << 6) | (data[p + 1] & 0x3Fu)];
        // A mark next may compose with the letter, or complete a key (ı + U+0308): full path.
        if (e.kind == FastEntry::kCopy && !text_.MarkAt(p + 2)) {
          p += 2;
          continue;
        }
        if (e.kind == FastEntry::kReplace && !text_.MarkAt(p + 2)) {
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
        if (t_.protect_start[b] && text_.AtTokenStart(p) && EnterProtectedToken(&p)) continue;
        if (foreign_ && std::isalpha(b) && text_.AtWordStart(p)) {
          if (const std::size_t end = text_.ForeignWordEnd(p)) {
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
        if (foreign_ && unicode::IsWordChar(cp) && text_.AtWordStart(p)) {
          if (const std::size_t end = text_.ForeignWordEnd(p)) {
            if (in_.stats) ++in_.stats->foreign_words;
            p = end;
            continue;
          }
        }
      }
      // A look-alike letter inside a word of the source script is read as the letter it imitates.
      const char32_t first = (text_.repair() && cp < 0x800 && t_.lookalike[cp] != 0 && text_.LookalikeApplies(cp, p)) ? t_.lookalike[cp] : cp;
      if (t_.start.Get(first) == 0 && t_.exception_start.Get(first) == 0) {
        p += length;
        continue;
      }
      std::size_t consumed = 0;
      std::uint32_t output = 0;
      CaseForm form = CaseForm::kLower;
      if (!MatchRule(text_, p, first, length, &consumed, &output, &form)) {
        p += length;
        continue;
      }
      text_.CountRepairs(p, p + consumed);
      const OutputForms& forms = t_.outputs[output];
      const std::string& text = form == CaseForm::kLower ? forms.lower : form == CaseForm::kTitle ? forms.title : forms.upper;
      if (text_.MarkAt(p + consumed)) {
        // Combining marks after a converted letter may compose with it (а + U+0301 became
        // a + U+0301, which is á): take them into the match and write the NFC form.
        const Window window = text_.WindowAt(p);
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
  // The fast run from p; with path_stats on, the bytes the careful path took since the last.
  std::size_t RunFast(std::size_t p, std::size_t limit, Writer* w) {
    if (!path_counts_) return fast_->Run(p, limit, w);
    NoteCareful(p);
    careful_from_ = fast_->Run(p, limit, w);
    return careful_from_;
  }
  // Counts [careful_from_, p) as taken by the careful path, for the cause the fast run last
  // stopped at.
  void NoteCareful(std::size_t p) {
    if (p <= careful_from_) return;
    const path_stats::Cause cause =
        fast_ && f_ && !foreign_ && !edits_ ? fast_->last_cause() : path_stats::Cause::kNoFastRun;
    path_counts_->rule_bytes += p - careful_from_;
    path_counts_->off_bytes[static_cast<std::size_t>(cause)] += p - careful_from_;
    careful_from_ = p;
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
    const ProtectedToken token = ClassifyToken(in_.data, *p, text_.WindowAt(*p).hi);
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

  // Words seen before, a word at a time, from the token [p, end) (word_cache::TokenEnd) on,
  // with the white space between them copied as it is; the output so far is written up to p.
  // Returns where it stopped: at a word not in the cache (recording it: StartRecording), or at
  // anything else, which the careful step takes.
  std::size_t WordRun(std::size_t p, std::size_t end, std::size_t limit, Writer& w) {
    const unsigned char* data = in_.data;
    // The words ahead, read kAhead - 1 words before their turn: the index entry of each is
    // loading from then on, and its record two words before its turn (a hit reads both, each
    // anywhere in a few megabytes; without this, waiting for them took most of the time).
    constexpr std::size_t kAhead = 8, kRecordAhead = 2;
    Token ahead[kAhead];
    ahead[0] = Token{p, end, word_cache::Cache::Hash(WordKey(p, end))};
    words_->Prefetch(ahead[0].hash);
    std::size_t filled = 1;  // ahead[i % kAhead] holds word i for i < filled
    for (std::size_t i = 0;; ++i) {
      while (filled < i + kAhead && ahead[(filled - 1) % kAhead].end != 0) {
        ahead[filled % kAhead] = NextToken(ahead[(filled - 1) % kAhead].end, limit);
        ++filled;
      }
      if (i + kRecordAhead < filled && ahead[(i + kRecordAhead) % kAhead].end != 0)
        words_->PrefetchRecord(ahead[(i + kRecordAhead) % kAhead].hash);
      const Token word = ahead[i % kAhead];
      const Token next = ahead[(i + 1) % kAhead];  // filled: word.end != 0
      word_cache::Hit hit;
      if (!words_->Find(WordKey(word.start, word.end), word.hash, &hit) || (in_.stats && !hit.counted)) {
        StartRecording(word.start, word.end, w);
        return word.start;
      }
      // The output, sixteen bytes at a time (the cache pads it), then the white space after
      // it, most often one byte.
      const std::size_t spaces = next.start - word.end;
      w.Reserve(hit.output.size() + word_cache::Cache::kOutputPadding + spaces);
      char* o = w.Cursor();
      for (std::size_t k = 0; k < hit.output.size(); k += word_cache::Cache::kOutputPadding)
        std::memcpy(o + k, hit.output.data() + k, word_cache::Cache::kOutputPadding);
      o += hit.output.size();
      for (std::size_t k = 0; k < spaces; ++k) o[k] = static_cast<char>(data[word.end + k]);
      w.SetCursor(o + spaces);
      if (in_.stats) {
        in_.stats->repaired_letters += hit.counts.repaired_letters;
        in_.stats->protected_tokens += hit.counts.protected_tokens;
        in_.stats->foreign_words += hit.counts.foreign_words;
      }
      if (next.end == 0) return next.start;
    }
  }
  // A cacheable token [start, end) after the white space at `from` (end 0 when none), and its
  // hash, whose index entry is then prefetched.
  struct Token {
    std::size_t start = 0, end = 0;
    std::uint64_t hash = 0;
  };
  Token NextToken(std::size_t from, std::size_t limit) const {
    const unsigned char* data = in_.data;
    Token token{from, 0, 0};
    if (spaces_copied_)
      while (token.start < limit && IsCopiedSpace(data[token.start])) ++token.start;
    if (token.start >= limit) return token;
    token.end = word_cache::TokenEnd(data, in_.size, token.start, limit);
    if (token.end) {
      token.hash = word_cache::Cache::Hash(WordKey(token.start, token.end));
      words_->Prefetch(token.hash);
    }
    return token;
  }
  static bool IsCopiedSpace(unsigned char b) { return b == ' ' || b == '\n' || b == '\t' || b == '\r'; }
  // Whether the careful step copies white space as it is (no rule or pass-through token starts
  // with it), so that WordRun may copy it.
  bool SpacesCopied() const {
    for (const unsigned char b : {' ', '\n', '\t', '\r'})
      if (t_.ascii_start[b] || t_.protect_start[b] || b == user_span::kOpen[0]) return false;
    return true;
  }
  // The key of the token [p, end): with the white space before and after it, which rules read.
  std::string_view WordKey(std::size_t p, std::size_t end) const {
    return std::string_view(reinterpret_cast<const char*>(in_.data + p - 1), end - p + 2);
  }
  void StartRecording(std::size_t p, std::size_t end, Writer& w) {
    record_begin_ = p;
    record_end_ = end;
    record_out_ = static_cast<std::size_t>(w.Cursor() - out_.data());
    if (in_.stats) record_stats_ = *in_.stats;
  }
  // The output written since StartRecording is the token's: into the cache.
  void RecordWord(Writer& w) {
    const std::string_view output(out_.data() + record_out_, static_cast<std::size_t>(w.Cursor() - out_.data()) - record_out_);
    word_cache::Counts counts;
    if (in_.stats) {
      counts.repaired_letters = static_cast<std::uint32_t>(in_.stats->repaired_letters - record_stats_.repaired_letters);
      counts.protected_tokens = static_cast<std::uint32_t>(in_.stats->protected_tokens - record_stats_.protected_tokens);
      counts.foreign_words = static_cast<std::uint32_t>(in_.stats->foreign_words - record_stats_.foreign_words);
    }
    words_->Add(WordKey(record_begin_, record_end_), output, in_.stats ? &counts : nullptr);
  }

  const CompiledTable& t_;
  const FastTables* f_;  // null: the reference engine
  InvalidInputPolicy policy_;
  const EngineInput& in_;
  std::string& out_;
  EditList* edits_;
  const bool foreign_ = t_.foreign_words_on && (!t_.foreign_letters.letters.empty() || !t_.foreign_words.empty() ||
                                                !t_.foreign_sequences.empty());
  bool protecting_ = in_.protecting;
  // The word cache, for tables whose letters take the careful path (foreign-word checks keep
  // the tight loop off); the token being converted for it [record_begin_, record_end_), 0 when
  // none, where its output began and the stats then.
  word_cache::Cache* const words_ =
      (foreign_ && !edits_ && f_) ? word_cache::ForTable(t_) : nullptr;
  const bool spaces_copied_ = words_ && SpacesCopied();
  std::size_t record_begin_ = 0, record_end_ = 0, record_out_ = 0;
  ConversionStats record_stats_;
  EngineText text_;
  std::optional<FastRun> fast_;  // when there are fast tables
  // path_stats, when on: the counts, and where the careful path's bytes not yet counted begin.
  path_stats::Counts* const path_counts_ = path_stats::Active();
  std::size_t careful_from_ = 0;
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

// With path_stats on: RunWholeBlocks decided the first p bytes (the Converter counts the rest,
// and the block that stopped them, which its fast run meets again).
void NoteWholeBlocks(std::size_t p) {
  if (path_stats::Counts* counts = path_stats::Active()) {
    counts->input_bytes += p;
    counts->block_bytes += p;
  }
}

// The rest of a whole input, from the first block the pair table could not decide at `p`.
// Out of line: the Converter's set-up would otherwise weigh on every call of RunEngineWhole.
[[gnu::noinline]] EngineResult ContinueCarefully(const CompiledTable& table, const FastTables& fast,
                                                 InvalidInputPolicy policy,
                                                 const EngineInput& input, std::string* output, std::size_t p,
                                                 Writer& w) {
  Converter converter(table, &fast, policy, input, output, nullptr);
  converter.WideBlockFailedAt(p);
  return converter.CountedRunFrom(p, input.size, w);
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
    NoteWholeBlocks(p);
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
  NoteWholeBlocks(p);
  w.SetCursor(o);
  if (p >= size) {
    w.Finish();
    return EngineResult{size, false, false};
  }
  return ContinueCarefully(table, *fast, policy, input, output, p, w);
}

}  // namespace ortaq
