// Output files that appear whole or not at all: text is written to a temporary file in the
// target's directory and renamed over the target only when everything succeeded, so an error
// or an interrupted run never leaves a truncated or half-written file.
#ifndef ORTAQ_TOOLS_SAFE_OUTPUT_HPP_
#define ORTAQ_TOOLS_SAFE_OUTPUT_HPP_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace ortaq::cli {

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();  // removes the temporary file unless Commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file next to `target`. `mode_from`, when not empty, names a file whose
  // permission bits the result takes (for --in-place). False with *error set on failure.
  bool Open(const std::string& target, const std::string& mode_from, std::string* error);
  bool Write(std::string_view data, std::string* error);
  // Flushes, closes and renames over the target.
  bool Commit(std::string* error);

 private:
  std::string target_;
  std::string temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
  static constexpr std::uint64_t kWritebackBytes = 8 << 20;
  std::uint64_t written_ = 0;  // bytes written so far
  std::uint64_t flushed_ = 0;  // bytes handed to the disk early (sync_file_range)
};

// Writes to stdout; false with *error set when the write fails (a closed pipe, a full disk).
bool WriteStdout(std::string_view data, std::string* error);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_SAFE_OUTPUT_HPP_
