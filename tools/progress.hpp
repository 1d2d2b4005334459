// The progress line of `ortaq convert` on a terminal: bytes read, rate, time left and the
// current file, redrawn in place on stderr about four times a second and cleared at the end.
// A thread reads the input descriptor's offset (lseek), so converting code does not report.
#ifndef ORTAQ_TOOLS_PROGRESS_HPP_
#define ORTAQ_TOOLS_PROGRESS_HPP_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ortaq::cli {

// Inputs smaller than this in all convert too fast for a progress line to help.
inline constexpr std::uint64_t kProgressMinimumBytes = 4 << 20;

// Whether to show progress: never when stderr is not a terminal; `forced` (1 --progress,
// 0 --no-progress, -1 automatic) decides on a terminal; automatically, when the inputs' known
// size is at least kProgressMinimumBytes and standard output is not the same terminal.
bool ShouldShowProgress(int forced, std::uint64_t total_bytes);

// The sum of the sizes of the regular files among `names` ("-" and others count 0).
std::uint64_t KnownInputBytes(const std::vector<std::string>& names);

class Progress {
 public:
  // Does nothing at all when !enabled.
  Progress(bool enabled, std::uint64_t total_bytes);
  ~Progress();  // stops the thread and clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // The next input: its name and the stream it is read from; draws at once.
  void StartFile(const std::string& display, std::FILE* in);
  // The current input is done.
  void EndFile();

 private:
  void Run();
  void Draw();

  bool enabled_;
  std::uint64_t total_;
  std::uint64_t done_before_ = 0;  // bytes of the inputs finished
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::string current_;
  int fd_ = -1;
  std::uint64_t current_size_ = 0;
  std::size_t drawn_ = 0;  // columns of the line on screen
  std::thread thread_;
};

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_PROGRESS_HPP_
