#include "parallel_convert.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "cli_common.hpp"
#include "ortaq/stages.hpp"

namespace ortaq::cli {

void AddStats(const ConversionStats& from, ConversionStats* to) {
  to->repaired_letters += from.repaired_letters;
  to->protected_tokens += from.protected_tokens;
  to->foreign_words += from.foreign_words;
}

namespace {

// Text per piece: half a MiB, smaller with many threads so that all the pieces in flight hold
// about 3 MiB of input (and their outputs about as much again) at most; never under 16 KiB,
// where the context copied around each piece would start to cost.
constexpr std::size_t kMaxPieceBytes = 1 << 19;
constexpr std::size_t kMinPieceBytes = 1 << 14;
constexpr std::size_t kInFlightBytes = 3 << 20;
constexpr std::size_t kHistory = 1024;        // bytes before a piece, read as context only
constexpr std::size_t kMargin = 4096;         // bytes after a piece, read as context and look-ahead
// Both are more than the engine ever reads around a position (its window and word scan).

struct Piece {
  std::size_t stage = 0;       // of a chain (0 for a single table)
  std::string text;            // history, then the body, then the margin (none after the last)
  std::size_t begin = 0;       // the body: text[begin, end)
  std::size_t end = 0;
  std::uint64_t offset = 0;    // the input offset of text[0]
  // Filled in by a worker.
  std::string output;
  std::size_t stopped = 0;     // where the conversion stopped (past `end` when a match ran over)
  Status status;
  ConversionStats stats;
  std::uint64_t newlines = 0;  // in the body
  std::uint64_t columns_after_last_newline = 0;  // code points after the body's last newline
  bool done = false;
};

std::uint64_t CodePoints(const char* begin, const char* end) {
  std::uint64_t n = 0;
  for (const char* q = begin; q < end; ++q) n += (static_cast<unsigned char>(*q) & 0xC0) != 0x80;
  return n;
}

// memchr jumps from line to line with vector instructions; a byte-by-byte count (std::count)
// cost the workers a sixth of their time.
std::uint64_t Newlines(const char* begin, const char* end) {
  std::uint64_t n = 0;
  for (const char* q = begin; q < end && (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end - q)))); ++q)
    ++n;
  return n;
}

// Converts piece->text from `from` to its end, and counts its lines for messages.
void Convert(const Transliterator& t, std::size_t from, Piece* piece) {
  piece->output.clear();
  piece->stats = ConversionStats{};
  piece->status = TransliterateStageRange(t, piece->stage, piece->text, from, piece->end, &piece->output,
                                          &piece->stopped, &piece->stats);
  const char* body = piece->text.data() + piece->begin;
  const char* body_end = piece->text.data() + piece->end;
  piece->newlines = Newlines(body, body_end);
  const char* last = body_end;
  while (last > body && last[-1] != '\n') --last;
  piece->columns_after_last_newline = CodePoints(last, body_end);
}

// Where to end a body in text[begin, limit): after the last newline, else after the last space
// or tab (pass-through tokens end at white space, so no token runs across a cut), else at the
// last character boundary (a single "word" of a MiB: a match that runs over is redone).
std::size_t ChooseCut(const std::string& text, std::size_t begin, std::size_t limit) {
  const char* d = text.data();
  for (const char c : {'\n', ' ', '\t'})
    if (const void* at = ::memrchr(d + begin, c, limit - begin)) return static_cast<std::size_t>(static_cast<const char*>(at) - d) + 1;
  std::size_t q = limit;
  while (q > begin && (static_cast<unsigned char>(d[q]) & 0xC0) == 0x80) --q;
  return q > begin ? q : limit;
}

// Workers take pieces in order and mark them done.
class WorkQueue {
 public:
  void Push(Piece* piece) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      todo_.push_back(piece);
    }
    work_.notify_one();
  }
  // Stops the workers after the pieces they hold; pieces not yet taken are dropped.
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
      todo_.clear();
    }
    work_.notify_all();
  }
  // The next piece to convert; null once closed and empty.
  Piece* Take() {
    std::unique_lock<std::mutex> lock(mutex_);
    work_.wait(lock, [&] { return closed_ || !todo_.empty(); });
    if (todo_.empty()) return nullptr;
    Piece* piece = todo_.front();
    todo_.pop_front();
    return piece;
  }
  void MarkDone(Piece* piece) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      piece->done = true;
    }
    done_.notify_all();
  }
  bool IsDone(const Piece* piece) {
    std::lock_guard<std::mutex> lock(mutex_);
    return piece->done;
  }
  void WaitFor(const Piece* piece) {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return piece->done; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_, done_;
  std::deque<Piece*> todo_;
  bool closed_ = false;
};

// One stage of the conversion (the only one for a single table): cuts its input into pieces
// for the workers, and takes their outputs back in input order. Pieces written out are used
// again: their buffers keep their memory, which saves the system the work of mapping fresh
// pages for every piece.
class StagePieces {
 public:
  using Sink = std::function<Status(std::string_view)>;

  StagePieces(const Transliterator& t, std::size_t stage, std::size_t piece_bytes, WorkQueue& queue,
              ConversionStats* stats)
      : t_(t), stage_(stage), piece_bytes_(piece_bytes), queue_(queue), stats_(stats) {}

  std::size_t pending() const { return pieces_.size(); }
  bool input_done() const { return input_done_; }
  // Every byte of the input was given, converted and taken.
  bool finished() const { return input_done_ && carry_.size() == carry_begin_ && pieces_.empty(); }

  // The first stage: reads the next piece from the input straight into its buffer.
  Status Read(const ReadFunction& read) {
    std::unique_ptr<Piece> piece = NewPiece();
    std::string& text = piece->text;
    text.append(carry_, carry_begin_, std::string::npos);
    carry_.clear();
    carry_begin_ = 0;
    const std::size_t begin = history_.size();
    std::string error;
    while (!input_done_ && text.size() - begin < piece_bytes_ + kMargin) {
      const std::size_t before = text.size();
      const std::size_t want = begin + piece_bytes_ + kMargin - before;
      text.resize(before + want);
      std::size_t got = 0;
      if (!read(text.data() + before, want, &got, &error)) return Status(StatusCode::kIoError, error);
      text.resize(before + got);
      if (got < want) input_done_ = true;
    }
    const Piece* placed = piece.get();  // still alive, with the workers or among the spares
    const std::size_t end = Place(std::move(piece), begin, input_done_);
    carry_.assign(placed->text, end, std::string::npos);
    return Status();
  }

  // Later stages: the output of the stage before, as it comes.
  void Feed(std::string_view bytes) {
    carry_.append(bytes);
    while (carry_.size() - carry_begin_ >= piece_bytes_ + kMargin) Cut();
  }
  // The stage before has given all of its output.
  void Finish() {
    input_done_ = true;
    while (carry_.size() > carry_begin_) Cut();
  }

  bool FrontDone() { return !pieces_.empty() && queue_.IsDone(pieces_.front().get()); }
  void WaitFront() { queue_.WaitFor(pieces_.front().get()); }

  // Waits for the front piece and gives its output to `sink`.
  Status PopFront(const Sink& sink) {
    Piece& piece = *pieces_.front();
    queue_.WaitFor(&piece);
    // The piece before ran a match over the cut (a -{...}- span across white space, or a cut
    // inside a word): convert this one again from where that stopped.
    if (written_to_ > piece.offset + piece.begin) {
      if (written_to_ >= piece.offset + piece.end) {
        piece.output.clear();
        piece.stopped = piece.end;
      } else {
        Convert(t_, static_cast<std::size_t>(written_to_ - piece.offset), &piece);
      }
    }
    if (!piece.status.ok()) return InWholeInput(piece);
    if (Status status = sink(piece.output); !status.ok()) return status;
    if (stats_) AddStats(piece.stats, stats_);
    lines_ += piece.newlines;
    column_ = piece.newlines > 0 ? piece.columns_after_last_newline : column_ + piece.columns_after_last_newline;
    written_to_ = piece.offset + std::max(piece.stopped, piece.end);
    spare_.push_back(std::move(pieces_.front()));
    pieces_.pop_front();
    return Status();
  }

 private:
  std::unique_ptr<Piece> NewPiece() {
    std::unique_ptr<Piece> piece;
    if (spare_.empty()) {
      piece = std::make_unique<Piece>();
    } else {
      piece = std::move(spare_.back());
      spare_.pop_back();
      piece->done = false;
    }
    piece->stage = stage_;
    piece->text.reserve(kHistory + piece_bytes_ + kMargin + kMargin);
    piece->output.reserve(2 * piece_bytes_);  // no reallocation as it grows (pages are touched as written)
    piece->text = history_;
    return piece;
  }

  // Takes the next piece from the carried bytes (a later stage).
  void Cut() {
    std::unique_ptr<Piece> piece = NewPiece();
    const std::size_t begin = piece->text.size();
    const std::size_t available = carry_.size() - carry_begin_;
    const std::size_t take = std::min(available, piece_bytes_ + kMargin);
    piece->text.append(carry_, carry_begin_, take);
    carry_begin_ += Place(std::move(piece), begin, input_done_ && take == available) - begin;
    if (carry_begin_ >= piece_bytes_) {  // drop what is in pieces now, now and then
      carry_.erase(0, carry_begin_);
      carry_begin_ = 0;
    }
  }

  // Cuts the piece's body at white space (all of it when it is the last) and hands it to the
  // workers; returns where the body ends in its text.
  std::size_t Place(std::unique_ptr<Piece> piece, std::size_t begin, bool last) {
    const std::string& text = piece->text;
    const std::size_t end = last ? text.size() : ChooseCut(text, begin, text.size() - kMargin);
    piece->begin = begin;
    piece->end = end;
    piece->offset = offset_ - begin;
    offset_ += end - begin;
    history_.assign(text, end > kHistory ? end - kHistory : 0, end > kHistory ? kHistory : end);
    if (begin == end) {  // nothing left but the margin
      spare_.push_back(std::move(piece));
    } else {
      queue_.Push(piece.get());
      pieces_.push_back(std::move(piece));
    }
    return end;
  }

  // Invalid UTF-8 in a piece: absolute offset, line and column, counted from the body's start.
  Status InWholeInput(const Piece& piece) const {
    if (piece.status.code() != StatusCode::kInvalidInput) return piece.status;
    InputPosition p = piece.status.position();
    const char* body = piece.text.data() + piece.begin;
    const char* bad = piece.text.data() + p.byte_offset;
    const std::uint64_t newlines = Newlines(body, bad);
    const char* line_start = bad;
    while (line_start > body && line_start[-1] != '\n') --line_start;
    p.line = lines_ + newlines + 1;
    p.column = (newlines == 0 ? column_ : 0) + CodePoints(line_start, bad) + 1;
    p.byte_offset += piece.offset;
    return Status::InvalidInput(piece.status.message(), p);
  }

  const Transliterator& t_;
  const std::size_t stage_;
  const std::size_t piece_bytes_;
  WorkQueue& queue_;
  ConversionStats* stats_;
  std::deque<std::unique_ptr<Piece>> pieces_;  // in input order; the front is taken next
  std::vector<std::unique_ptr<Piece>> spare_;
  std::string history_;          // up to kHistory bytes before the carried ones
  std::string carry_;            // bytes in no piece yet: carry_[carry_begin_, end)
  std::size_t carry_begin_ = 0;
  std::uint64_t offset_ = 0;     // the input offset of the first carried byte
  bool input_done_ = false;
  std::uint64_t written_to_ = 0;        // the input offset up to which output was taken
  std::uint64_t lines_ = 0, column_ = 0;  // before the front piece's body, for messages
};

}  // namespace

Status ConvertInParallel(const Transliterator& t, const ReadFunction& read, int jobs, const WriteFunction& write,
                         ConversionStats* stats) {
  // Pieces in flight, all stages together; the reading stops while they are all taken. Two
  // per thread that can run at once keep every core busy; threads beyond the cores get no
  // more pieces (each new piece's memory costs page faults, and RSS).
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t capacity = std::min(static_cast<std::size_t>(jobs), cores) * 2 + 2;
  const std::size_t piece_bytes = std::clamp(kInFlightBytes / capacity, kMinPieceBytes, kMaxPieceBytes);
  WorkQueue queue;
  std::vector<std::unique_ptr<StagePieces>> stages;  // outlive the workers (joined by `join`)
  for (std::size_t s = 0; s < StageCount(t); ++s)
    stages.push_back(std::make_unique<StagePieces>(t, s, piece_bytes, queue, stats));
  std::vector<std::thread> workers;
  for (int k = 0; k < jobs; ++k)
    workers.emplace_back([&] {
      while (Piece* piece = queue.Take()) {
        Convert(t, piece->begin, piece);
        queue.MarkDone(piece);
      }
    });
  struct Join {
    WorkQueue& queue;
    std::vector<std::thread>& workers;
    ~Join() {
      queue.Close();
      for (auto& w : workers) w.join();
    }
  } join{queue, workers};

  // Each stage's output goes to the next stage, the last one's to `write`.
  std::vector<StagePieces::Sink> sinks;
  for (std::size_t s = 0; s + 1 < stages.size(); ++s)
    sinks.push_back([next = stages[s + 1].get()](std::string_view bytes) {
      next->Feed(bytes);
      return Status();
    });
  sinks.push_back([&write](std::string_view bytes) {
    std::string error;
    return write(bytes, &error) ? Status() : Status(StatusCode::kIoError, error);
  });
  const auto has_room = [&] {
    std::size_t pending = 0;
    for (const auto& s : stages) pending += s->pending();
    return pending < capacity;
  };
  for (;;) {
    bool progressed = false;
    while (!stages[0]->input_done() && has_room()) {
      if (Status status = stages[0]->Read(read); !status.ok()) return status;
      progressed = true;
    }
    for (std::size_t s = 0; s < stages.size(); ++s) {
      while (stages[s]->FrontDone()) {
        if (Status status = stages[s]->PopFront(sinks[s]); !status.ok()) return status;
        progressed = true;
      }
      if (s + 1 < stages.size() && stages[s]->finished() && !stages[s + 1]->input_done()) {
        stages[s + 1]->Finish();
        progressed = true;
      }
    }
    if (stages.back()->finished()) return Status();
    if (!progressed)  // wait for the oldest piece of the earliest stage that has one
      for (auto& s : stages)
        if (s->pending() > 0) {
          s->WaitFront();
          break;
        }
  }
}

int ConvertFileInParallel(const Transliterator& t, const std::string& display, std::FILE* in, std::string_view head,
                          int jobs, const WriteFunction& write, ConversionStats* stats) {
  const ReadFunction read = [&](char* buffer, std::size_t size, std::size_t* got, std::string* error) {
    const std::size_t from_head = std::min(size, head.size());
    if (from_head > 0) std::memcpy(buffer, head.data(), from_head);  // data() may be null when empty
    head.remove_prefix(from_head);
    *got = from_head + std::fread(buffer + from_head, 1, size - from_head, in);
    if (*got < size && std::ferror(in)) {
      *error = display + ": read error: " + std::strerror(errno);
      return false;
    }
    return true;
  };
  return ReportInputStatus(display, ConvertInParallel(t, read, jobs, write, stats));
}

}  // namespace ortaq::cli
