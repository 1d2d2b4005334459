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

namespace ortaq::cli {
namespace {

constexpr std::size_t kPieceBytes = 1 << 19;  // text per piece: small enough to keep memory low
constexpr std::size_t kHistory = 1024;        // bytes before a piece, read as context only
constexpr std::size_t kMargin = 4096;         // bytes after a piece, read as context and look-ahead
// Both are more than the engine ever reads around a position (its window and word scan).

struct Piece {
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
  piece->status = t.TransliterateRange(piece->text, from, piece->end, &piece->output, &piece->stopped, &piece->stats);
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

}  // namespace

int ConvertInParallel(const Transliterator& t, const std::string& display, std::FILE* in, int jobs,
                      const WriteFunction& write, ConversionStats* stats) {
  std::deque<std::unique_ptr<Piece>> pieces;  // in input order; the front is written next
  WorkQueue queue;
  std::vector<std::thread> workers;  // joined (by `join`) before `pieces` goes
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

  const std::size_t capacity = static_cast<std::size_t>(jobs) * 2 + 2;
  std::string history;      // up to kHistory bytes before `carry`
  std::string carry;        // bytes read but in no body yet
  std::uint64_t carry_offset = 0;
  bool eof = false;
  std::uint64_t written_to = 0;  // the input offset up to which output was written
  std::uint64_t lines = 0, column = 0;  // before the front piece's body, for messages
  std::string error;

  // Reads the next piece and hands it to the workers; false when the input is used up.
  // Pieces written out are used again: their buffers keep their memory, which saves the
  // system the work of mapping fresh pages for every piece.
  std::vector<std::unique_ptr<Piece>> spare;
  auto read_piece = [&]() -> bool {
    if (eof && carry.empty()) return false;
    std::unique_ptr<Piece> piece;
    if (spare.empty()) {
      piece = std::make_unique<Piece>();
    } else {
      piece = std::move(spare.back());
      spare.pop_back();
      piece->done = false;
    }
    std::string& text = piece->text;
    text.reserve(history.size() + kPieceBytes + kMargin + kMargin);
    text = history;
    text += carry;
    const std::size_t begin = history.size();
    while (!eof && text.size() - begin < kPieceBytes + kMargin) {
      const std::size_t before = text.size();
      const std::size_t want = begin + kPieceBytes + kMargin - before;
      text.resize(before + want);
      const std::size_t got = std::fread(text.data() + before, 1, want, in);
      text.resize(before + got);
      if (got < want) {
        if (std::ferror(in)) {
          error = display + ": read error: " + std::strerror(errno);
          return false;
        }
        eof = true;
      }
    }
    const std::size_t end = eof ? text.size() : ChooseCut(text, begin, text.size() - kMargin);
    piece->begin = begin;
    piece->end = end;
    piece->offset = carry_offset - history.size();
    carry.assign(text, end, std::string::npos);
    carry_offset += end - begin;
    history.assign(text, end > kHistory ? end - kHistory : 0, end > kHistory ? kHistory : end);
    if (piece->begin == piece->end) {  // nothing left but the margin
      spare.push_back(std::move(piece));
      return !(eof && carry.empty());
    }
    queue.Push(piece.get());
    pieces.push_back(std::move(piece));
    return true;
  };

  bool more = true;
  for (;;) {
    while (more && pieces.size() < capacity) more = read_piece();
    if (!error.empty()) {
      PrintError(error);
      return kExitUsage;
    }
    if (pieces.empty()) break;
    Piece& piece = *pieces.front();
    queue.WaitFor(&piece);
    // The piece before ran a match over the cut (a -{...}- span across white space, or a cut
    // inside a word): convert this one again from where that stopped.
    if (written_to > piece.offset + piece.begin) {
      if (written_to >= piece.offset + piece.end) {
        piece.output.clear();
        piece.stopped = piece.end;
      } else {
        Convert(t, static_cast<std::size_t>(written_to - piece.offset), &piece);
      }
    }
    if (!piece.status.ok()) {
      Status status = piece.status;
      if (status.code() == StatusCode::kInvalidInput) {
        // Absolute offset, line and column: count from the body's start.
        InputPosition p = status.position();
        const char* body = piece.text.data() + piece.begin;
        const char* bad = piece.text.data() + p.byte_offset;
        const std::uint64_t newlines = Newlines(body, bad);
        const char* line_start = bad;
        while (line_start > body && line_start[-1] != '\n') --line_start;
        p.line = lines + newlines + 1;
        p.column = (newlines == 0 ? column : 0) + CodePoints(line_start, bad) + 1;
        p.byte_offset += piece.offset;
        status = Status::InvalidInput(status.message(), p);
      }
      return ReportInputStatus(display, status);
    }
    if (!write(piece.output, &error)) {
      PrintError(error);
      return kExitUsage;
    }
    if (stats) {
      stats->repaired_letters += piece.stats.repaired_letters;
      stats->protected_tokens += piece.stats.protected_tokens;
      stats->foreign_words += piece.stats.foreign_words;
    }
    lines += piece.newlines;
    column = piece.newlines > 0 ? piece.columns_after_last_newline : column + piece.columns_after_last_newline;
    written_to = piece.offset + std::max(piece.stopped, piece.end);
    spare.push_back(std::move(pieces.front()));
    pieces.pop_front();
  }
  return kExitOk;
}

}  // namespace ortaq::cli
