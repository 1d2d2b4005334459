// Where converted text goes when it goes to a file, without ever harming a file that was not
// the one asked for:
// - a regular file (or a missing path) is replaced atomically: the text goes to a temporary
//   file in the same directory, renamed over the target only when everything succeeded, so an
//   error or an interrupted run (SIGINT, SIGTERM, SIGHUP) leaves the target as it was;
// - anything else (a character device such as /dev/null, a FIFO, a socket) is written
//   through, never replaced; /dev/stdout, /dev/stderr and /dev/fd/N write to that descriptor;
// - a symbolic link is followed: the file it points to is written, the link is kept.
#ifndef ORTAQ_TOOLS_SAFE_OUTPUT_HPP_
#define ORTAQ_TOOLS_SAFE_OUTPUT_HPP_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace ortaq::cli {

// A temporary file next to a target, renamed over it by Commit.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();  // removes the temporary file unless Commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file next to `target`. `mode_from`, when not empty and existing,
  // names a file whose permission bits the result takes. False with *error set on failure.
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

// The final name a path reaches through symbolic links (relative links read from their own
// directory); the path itself when it is not a link. A dangling link gives the missing name it
// points to. False with *error set on a loop or an unreadable link.
bool FollowLinks(const std::string& path, std::string* resolved, std::string* error);

// `-o PATH`: an atomic replacement or a write-through, as described at the top of this file.
class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool Open(const std::string& path, std::string* error);
  bool Write(std::string_view data, std::string* error);
  // Replaces the target (atomic case) or closes the descriptor (write-through).
  bool Commit(std::string* error);

 private:
  AtomicFile atomic_;
  int fd_ = -1;  // the write-through descriptor, else -1
  std::string display_;
};

// Writes to stdout; false with *error set when the write fails (a closed pipe, a full disk).
bool WriteStdout(std::string_view data, std::string* error);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_SAFE_OUTPUT_HPP_
