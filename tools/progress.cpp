#include "progress.hpp"

#include <chrono>

#include <sys/stat.h>
#include <unistd.h>

namespace ortaq::cli {
namespace {

std::string Bytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char text[32];
  std::snprintf(text, sizeof text, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return text;
}

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

}  // namespace

bool ShouldShowProgress(int forced, std::uint64_t total_bytes) {
  if (forced == 0 || !::isatty(STDERR_FILENO)) return false;
  if (forced == 1) return true;
  return total_bytes >= kProgressMinimumBytes && !::isatty(STDOUT_FILENO);
}

std::uint64_t KnownInputBytes(const std::vector<std::string>& names) {
  std::uint64_t total = 0;
  struct stat st;
  for (const std::string& n : names)
    if (n != "-" && ::stat(n.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += static_cast<std::uint64_t>(st.st_size);
  return total;
}

Progress::Progress(bool enabled, std::uint64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()) {
  if (enabled_) thread_ = std::thread([this] { Run(); });
}

Progress::~Progress() {
  if (!enabled_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_ > 0) std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

void Progress::StartFile(const std::string& display, std::FILE* in) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = display;
  fd_ = in ? ::fileno(in) : -1;
  struct stat st;
  current_size_ = fd_ >= 0 && ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0;
  Draw();
}

void Progress::EndFile() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  done_before_ += current_size_;
  fd_ = -1;
  current_size_ = 0;
}

void Progress::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stop_; })) Draw();
}

// Called with mutex_ held.
void Progress::Draw() {
  std::uint64_t done = done_before_;
  if (fd_ >= 0) {
    const off_t at = ::lseek(fd_, 0, SEEK_CUR);  // the kernel's offset: ahead of stdio's buffer
    if (at > 0) done += std::min<std::uint64_t>(static_cast<std::uint64_t>(at), current_size_ ? current_size_ : UINT64_MAX);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0.05 ? done / seconds : 0;
  std::string line = "ortaq: " + Bytes(static_cast<double>(done));
  if (total_ > 0) line += " of " + Bytes(static_cast<double>(total_)) + " (" + std::to_string(done * 100 / total_) + "%)";
  if (rate > 0) line += ", " + Bytes(rate) + "/s";
  if (rate > 0 && total_ > done) line += ", " + Duration((total_ - done) / rate) + " left";
  line += "  " + current_;
  if (line.size() > 100) line = line.substr(0, 97) + "...";
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  drawn_ = line.size();
}

}  // namespace ortaq::cli
