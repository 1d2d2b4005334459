#include "safe_output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interrupt_cleanup.hpp"

namespace ortaq::cli {

namespace fs = std::filesystem;

namespace {

std::string ErrnoText() { return std::strerror(errno); }

// /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a descriptor this process
// already has: writing to it (rather than opening the name again) keeps the descriptor's
// offset and mode, as a shell redirection set them. -1 when `path` is none of these.
int DescriptorNamedBy(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.rfind(prefix, 0) != 0 || path.size() == prefix.size()) continue;
    const std::string digits = path.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 6) return -1;
    return std::atoi(digits.c_str());
  }
  return -1;
}

bool WriteAllTo(int fd, std::string_view data, std::string* error, const std::string& display) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = "cannot write '" + display + "': " + ErrnoText();
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Writes through a stdio stream. A large piece (a chunk's output) goes to the descriptor in one
// write(2): through the stream's 4 KiB buffer it cost two calls, one of them of 4 KiB, and a
// copy. Small pieces are buffered as before.
bool WriteThrough(std::FILE* file, std::string_view data, std::string* error, const std::string& display) {
  constexpr std::size_t kDirectBytes = 1 << 15;
  if (data.size() < kDirectBytes) {
    if (std::fwrite(data.data(), 1, data.size(), file) == data.size()) return true;
    *error = "cannot write '" + display + "': " + ErrnoText();
    return false;
  }
  if (std::fflush(file) != 0) {
    *error = "cannot write '" + display + "': " + ErrnoText();
    return false;
  }
  return WriteAllTo(::fileno(file), data, error, display);
}

}  // namespace

AtomicFile::~AtomicFile() {
  if (file_) std::fclose(file_);
  if (!committed_ && !temp_.empty()) {
    ::unlink(temp_.c_str());
    UnregisterTemporary(temp_.c_str());
  }
}

bool AtomicFile::Open(const std::string& target, const std::string& mode_from, std::string* error) {
  InstallInterruptCleanup();
  target_ = target;
  fs::path dir = fs::path(target).parent_path();
  if (dir.empty()) dir = ".";
  std::string name = ".";
  name.append(fs::path(target).filename().string()).append(".ortaq-XXXXXX");
  std::string pattern = (dir / name).string();
  int fd;
  {
    const InterruptsHeld held;  // an interrupt now would find the new file unregistered
    fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      *error = "cannot create a temporary file in '" + dir.string() + "': " + ErrnoText();
      return false;
    }
    temp_ = pattern;
    if (!RegisterTemporary(temp_.c_str())) {
      ::close(fd);
      ::unlink(temp_.c_str());
      temp_.clear();
      *error = "too many temporary files at once";
      return false;
    }
  }
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
    *error = "cannot set permissions on '" + temp_ + "': " + ErrnoText();
    ::close(fd);
    return false;
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    *error = "cannot open the temporary file: " + ErrnoText();
    ::close(fd);
    return false;
  }
  return true;
}

bool AtomicFile::Write(std::string_view data, std::string* error) {
  if (data.empty()) return true;
  if (!WriteThrough(file_, data, error, temp_)) return false;
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
    *error = "cannot write '" + temp_ + "': " + ErrnoText();
    return false;
  }
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) {
    *error = "cannot write '" + temp_ + "': " + ErrnoText();
    return false;
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    *error = "cannot replace '" + target_ + "': " + ErrnoText();
    return false;
  }
  committed_ = true;
  UnregisterTemporary(temp_.c_str());
  return true;
}

bool FollowLinks(const std::string& path, std::string* resolved, std::string* error) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st;
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      *resolved = current;  // not a link, or missing (the dangling link's target)
      return true;
    }
    std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096), '\0');
    const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0) {
      *error = "cannot read the link '" + current + "': " + ErrnoText();
      return false;
    }
    target.resize(static_cast<std::size_t>(n));
    current = target.front() == '/' ? target : (fs::path(current).parent_path() / target).string();
  }
  *error = "'" + path + "': too many levels of symbolic links";
  return false;
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool OutputFile::Open(const std::string& path, std::string* error) {
  display_ = path;
  if (const int named = DescriptorNamedBy(path); named >= 0) {
    fd_ = ::fcntl(named, F_DUPFD_CLOEXEC, 3);
    if (fd_ < 0) *error = "cannot write '" + path + "': " + ErrnoText();
    return fd_ >= 0;
  }
  std::string resolved;
  if (!FollowLinks(path, &resolved, error)) return false;
  struct stat st;
  if (::stat(resolved.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      *error = "cannot write '" + path + "': " + ErrnoText();
      return false;
    }
    return atomic_.Open(resolved, "", error);  // a new file
  }
  if (S_ISREG(st.st_mode)) return atomic_.Open(resolved, resolved, error);
  if (S_ISDIR(st.st_mode)) {
    *error = "cannot write '" + path + "': it is a directory";
    return false;
  }
  fd_ = ::open(resolved.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd_ < 0) *error = "cannot write '" + path + "': " + ErrnoText();
  return fd_ >= 0;
}

bool OutputFile::Write(std::string_view data, std::string* error) {
  return fd_ >= 0 ? WriteAllTo(fd_, data, error, display_) : atomic_.Write(data, error);
}

bool OutputFile::Commit(std::string* error) {
  if (fd_ < 0) return atomic_.Commit(error);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) {
    *error = "cannot write '" + display_ + "': " + ErrnoText();
    return false;
  }
  return true;
}

bool WriteStdout(std::string_view data, std::string* error) {
  if (data.empty()) return true;
  if (!WriteThrough(stdout, data, error, "")) {
    *error = std::string("cannot write to standard output: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace ortaq::cli
