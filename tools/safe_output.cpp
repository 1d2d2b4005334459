#include "safe_output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ortaq::cli {

namespace fs = std::filesystem;

AtomicFile::~AtomicFile() {
  if (file_) std::fclose(file_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

bool AtomicFile::Open(const std::string& target, const std::string& mode_from, std::string* error) {
  target_ = target;
  fs::path dir = fs::path(target).parent_path();
  if (dir.empty()) dir = ".";
  std::string name = ".";
  name.append(fs::path(target).filename().string()).append(".ortaq-XXXXXX");
  std::string pattern = (dir / name).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    *error = "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
    return false;
  }
  temp_ = pattern;
  // mkstemp makes the file 0600; give it the original's bits, or the usual umask-based ones.
  mode_t mode;
  struct stat st;
  if (!mode_from.empty() && ::stat(mode_from.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) {
    *error = "cannot set permissions on '" + temp_ + "': " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    *error = std::string("cannot open the temporary file: ") + std::strerror(errno);
    ::close(fd);
    return false;
  }
  return true;
}

bool AtomicFile::Write(std::string_view data, std::string* error) {
  if (data.empty()) return true;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    *error = "cannot write '" + temp_ + "': " + std::strerror(errno);
    return false;
  }
  written_ += data.size();
#if defined(__linux__)
  // Start writing what we have to the disk now, while the rest is converted, rather than all
  // of it in Commit's fsync: a big file's fsync would otherwise take as long as converting it.
  if (written_ - flushed_ >= kWritebackBytes && std::fflush(file_) == 0) {
    ::sync_file_range(::fileno(file_), static_cast<off_t>(flushed_), static_cast<off_t>(written_ - flushed_),
                      SYNC_FILE_RANGE_WRITE);
    flushed_ = written_;
  }
#endif
  return true;
}

bool AtomicFile::Commit(std::string* error) {
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) {
    *error = "cannot write '" + temp_ + "': " + std::strerror(errno);
    return false;
  }
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) {
    *error = "cannot write '" + temp_ + "': " + std::strerror(errno);
    return false;
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    *error = "cannot replace '" + target_ + "': " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

bool WriteStdout(std::string_view data, std::string* error) {
  if (data.empty()) return true;
  if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
    *error = std::string("cannot write to standard output: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace ortaq::cli
