// TypingSession: the input since the last flush, the committed output, and the points where
// output was committed. Each change re-converts the input after the last commit point only,
// reading a bounded history before it for context, and moves the commit point to the last
// word start that nothing before it still depends on (commit_point.hpp).
#include <cstdint>
#include <exception>
#include <new>
#include <vector>

#include "api/compiled_stages.hpp"
#include "ortaq/typing.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"
#include "typing/commit_point.hpp"

namespace ortaq {
namespace {

// History re-read before the commit point for context: the engine reads at most 256 bytes of
// context and 64 of word scan before a position (kContextWindow + kWordScan). A chain's later
// tables read as much of their predecessor's output, which is at least half as long as its
// input in ortaq's tables (a two-byte letter becomes at least one byte; ь and ъ, which may
// become nothing, never stand in a row), and the first table's own 320 bytes come on top:
// 2 x 320 + 320 < 1,536.
constexpr std::size_t kHistory = 512;
constexpr std::size_t kChainHistory = 1536;
// Pending input beyond which the engine's own look-ahead (a stream's: the longest key, the
// context window and the word scan) decides the output, word start or not: the bound on what
// stays pending in text without white space.
constexpr std::size_t kLookahead = 1024;
constexpr std::size_t kChainLookahead = 4096;
// An open `-{` is decided within user_span::kReach: a look-ahead commit must not come before.
static_assert(kLookahead > user_span::kReach, "a look-ahead commit would cut an open -{ span");

Status Internal(const std::exception& e) { return Status(StatusCode::kInternal, std::string("internal error: ") + e.what()); }

// The position of byte `offset` of `text` (1-based line and column in code points).
InputPosition PositionOf(std::string_view text, std::size_t offset) {
  InputPosition p;
  p.byte_offset = offset;
  p.line = 1;
  p.column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!utf8::IsContinuation(static_cast<unsigned char>(text[i]))) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace

struct TypingSession::State {
  struct Commit {
    std::size_t input;  // bytes of input whose output is committed
    std::size_t log;    // committed.size() at that point
    bool token_start;   // at a word start (else a look-ahead commit inside a token)
  };

  std::shared_ptr<const Transliterator> t;
  std::string input;                  // since the last flush
  std::string committed;              // since construction or Reset
  std::string pending;
  std::vector<Commit> commits{{0, 0, true}};  // of the current text, the last one current
  std::size_t retracted = 0;
  bool across_words = false;  // a rule reads past the white space after a word
  // For `whole` conversions: where the output of input[c, ...) began in the conversion of
  // input[h, ...) for the commit point c (SIZE_MAX: none remembered).
  struct {
    std::size_t h = SIZE_MAX, c = SIZE_MAX, out_c = 0;
  } cached;

  bool chained() const { return t->chained(); }
  std::size_t history() const { return chained() ? kChainHistory : kHistory; }
  std::size_t lookahead() const { return chained() ? kChainLookahead : kLookahead; }

  // Where re-conversion starts: a word start at least history() before the commit point, so
  // that what the engine reads for the text after the commit point is all there.
  std::size_t RestartPoint(std::size_t commit) const {
    if (commit <= history()) return 0;
    std::size_t p = commit - history();
    while (p > 0 && !typing::IsTokenStart(input, p)) --p;
    return p;
  }

  // An error of the conversion of input[h, ...) with its offset counted from the input's start.
  Status Relocate(const Status& status, std::size_t h) const {
    if (status.code() != StatusCode::kInvalidInput) return status;
    const std::size_t offset = h + static_cast<std::size_t>(status.position().byte_offset);
    const InputPosition p = PositionOf(input, offset);
    return Status::InvalidInput("invalid UTF-8 at line " + std::to_string(p.line) + ", column " +
                                    std::to_string(p.column) + " (byte offset " + std::to_string(offset) + ")",
                                p);
  }

  // The last word start in (c, end] whose output nothing before it still waits for.
  std::size_t WordCommit(std::size_t c, std::size_t end) const {
    if (across_words) return c;
    for (std::size_t p = end; p > c; --p) {
      if (!typing::IsTokenStart(input, p)) continue;
      if (typing::InsideOpenSpan(input, p)) continue;
      if (typing::WaitsForCase(input, c, p, end)) continue;
      return p;
    }
    return c;
  }

  // Converts input[c, end) (reading from h for context) into *out. With `whole` (a chain, or
  // after a commit inside a token) it converts input[h, end) instead, and *out_c is where the
  // output of input[c, ...) begins in it: found through edit spans (kept in *edits) when
  // `edits` is given, else the length remembered for this (h, c), which cannot change while
  // c is the commit point, since the output of everything before c is final.
  Status Convert(std::size_t h, std::size_t c, std::size_t end, bool whole, std::string* out, EditList* edits,
                 std::size_t* out_c) {
    const std::string_view window = std::string_view(input).substr(h, end - h);
    if (whole) {
      Status status = t->Transliterate(window, out, edits);
      if (!status.ok()) return Relocate(status, h);
      if (edits) {
        *out_c = static_cast<std::size_t>(edits->SourceToOutput(c - h));
        cached = {h, c, *out_c};
      } else {
        *out_c = cached.out_c;
      }
      return Status();
    }
    std::size_t stopped = 0;
    out->clear();
    Status status = t->TransliterateRange(window, c - h, end - h, out, &stopped);
    if (!status.ok()) return Relocate(status, h);
    *out_c = 0;
    return Status();
  }

  // Re-converts the pending input and moves the commit point as far as it may go; with
  // `flush`, everything is committed (a cut sequence at the end included, as an error or
  // as the invalid-input policy says).
  Status Update(bool flush) {
    const std::size_t end = flush ? input.size() : typing::CompleteLength(input);
    const Commit last = commits.back();
    const std::size_t c = last.input;
    const std::size_t h = RestartPoint(c);
    std::size_t p = flush ? end : WordCommit(c, end);
    // No word start will do: commit what the engine's look-ahead decides.
    const bool lookahead_commit = p == c && end - c > lookahead();
    const bool whole = chained() || !last.token_start || lookahead_commit;
    const bool spans = whole && (p != c || lookahead_commit || cached.h != h || cached.c != c);
    std::string out;
    EditList edits;
    std::size_t out_c = 0;
    if (Status s = Convert(h, c, end, whole, &out, spans ? &edits : nullptr, &out_c); !s.ok()) return s;
    bool token_start = true;
    if (lookahead_commit) {
      // At an edit span's start: a place where one match ends and the next begins.
      for (const EditSpan& span : edits.spans()) {
        const std::size_t at = h + static_cast<std::size_t>(span.source_begin);
        if (at > c && at + lookahead() <= end) p = at;
      }
      token_start = false;
    }
    if (p != c) return CommitAt(p, token_start, out, edits, out_c, h, whole, end);
    pending.assign(out, out_c, std::string::npos);
    return Status();
  }

  // Commits the output of input[c, p), given the conversion `out` of the pending input.
  Status CommitAt(std::size_t p, bool token_start, const std::string& out, const EditList& edits, std::size_t out_c,
                  std::size_t h, bool whole, std::size_t end) {
    const std::size_t c = commits.back().input;
    if (whole) {
      const std::size_t out_p = static_cast<std::size_t>(edits.SourceToOutput(p - h));
      committed.append(out, out_c, out_p - out_c);
      pending.assign(out, out_p, std::string::npos);
    } else {
      // A single table: the output of [c, p) and of [p, end) by themselves, each reading the
      // whole history; p is a word start, so no match runs over it.
      const std::string_view window = std::string_view(input).substr(h, end - h);
      std::string head;
      std::size_t stopped = 0;
      if (Status s = t->TransliterateRange(window, c - h, p - h, &head, &stopped); !s.ok()) return Relocate(s, h);
      std::string tail;
      if (Status s = t->TransliterateRange(window, p - h, end - h, &tail, &stopped); !s.ok()) return Relocate(s, h);
      committed += head;
      pending = std::move(tail);
    }
    commits.push_back({p, committed.size(), token_start});
    return Status();
  }
};

TypingSession::TypingSession(std::shared_ptr<const Transliterator> transliterator) {
  try {
    state_ = std::make_unique<State>();
    state_->t = std::move(transliterator);
    if (state_->t) {
      for (const auto& stage : CompiledStages(*state_->t))
        state_->across_words = state_->across_words || typing::ReadsAcrossWords(*stage.rules);
    }
  } catch (const std::exception&) {
    state_.reset();  // every call then says so
  }
}

TypingSession::~TypingSession() = default;

Status TypingSession::Append(std::string_view text) {
  if (!state_ || !state_->t) return Status(StatusCode::kInvalidArgument, "the session has no transliterator");
  State& s = *state_;
  const std::size_t before = s.input.size();
  const std::size_t commits = s.commits.size();
  const std::size_t committed = s.committed.size();
  try {
    s.retracted = 0;
    s.input.append(text);
    Status status = s.Update(/*flush=*/false);
    if (status.ok()) return status;
    // Leave the session as it was.
    s.input.resize(before);
    s.commits.resize(commits);
    s.cached.h = SIZE_MAX;
    s.committed.resize(committed);
    (void)s.Update(false);  // the text before the append converted then, so it does now
    return status;
  } catch (const std::exception& e) {
    s.input.resize(std::min(before, s.input.size()));
    s.commits.resize(std::min(commits, s.commits.size()));
    s.cached.h = SIZE_MAX;
    s.committed.resize(std::min(committed, s.committed.size()));
    return Internal(e);
  }
}

Status TypingSession::Backspace(std::size_t count, std::size_t* deleted) {
  if (deleted) *deleted = 0;
  if (!state_ || !state_->t) return Status(StatusCode::kInvalidArgument, "the session has no transliterator");
  State& s = *state_;
  try {
    std::size_t n = s.input.size(), done = 0;
    while (done < count && n > 0) {
      --n;
      while (n > 0 && utf8::IsContinuation(static_cast<unsigned char>(s.input[n]))) --n;
      ++done;
    }
    s.input.resize(n);
    // Output committed for input that is gone is taken back; what the shorter input commits
    // again is not counted as retracted where it is the same as before.
    while (s.commits.back().input > n) s.commits.pop_back();
    s.cached.h = SIZE_MAX;  // a commit point may come back at the same offset with other text
    const std::size_t cut = s.commits.back().log;
    const std::string old_tail = s.committed.substr(cut);
    s.committed.resize(cut);
    if (deleted) *deleted = done;
    Status status = s.Update(false);
    std::size_t same = 0;
    while (cut + same < s.committed.size() && same < old_tail.size() && s.committed[cut + same] == old_tail[same]) ++same;
    s.retracted = old_tail.size() - same;
    return status;
  } catch (const std::exception& e) {
    return Internal(e);
  }
}

Status TypingSession::Flush() {
  if (!state_ || !state_->t) return Status(StatusCode::kInvalidArgument, "the session has no transliterator");
  State& s = *state_;
  try {
    s.retracted = 0;
    Status status = s.Update(/*flush=*/true);
    if (!status.ok()) return status;
    s.committed += s.pending;  // a flush commits all of it (Update left nothing, or this)
    s.pending.clear();
    s.input.clear();
    s.commits.assign(1, {0, s.committed.size(), true});
    s.cached.h = SIZE_MAX;
    return Status();
  } catch (const std::exception& e) {
    return Internal(e);
  }
}

void TypingSession::Reset() {
  if (!state_) return;
  state_->input.clear();
  state_->committed.clear();
  state_->pending.clear();
  state_->commits.assign(1, {0, 0, true});
  state_->cached.h = SIZE_MAX;
  state_->retracted = 0;
}

std::string_view TypingSession::committed() const { return state_ ? std::string_view(state_->committed) : std::string_view(); }
std::string_view TypingSession::pending() const { return state_ ? std::string_view(state_->pending) : std::string_view(); }
std::size_t TypingSession::retracted() const { return state_ ? state_->retracted : 0; }
std::size_t TypingSession::input_size() const { return state_ ? state_->input.size() : 0; }
std::size_t TypingSession::committed_input_size() const { return state_ ? state_->commits.back().input : 0; }

}  // namespace ortaq
