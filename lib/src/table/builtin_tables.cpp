// Reading the built-in tables by path, as if they were a directory.
#include "table/builtin_tables.hpp"

#include <filesystem>

namespace ortaq {
namespace {

// "<built-in>/a/../b.tbl" → "b.tbl"; "" for the directory itself; no value outside it.
bool RelativeToBuiltin(std::string_view path, std::string* relative) {
  if (!IsBuiltinPath(path)) return false;
  const std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  if (normal.compare(0, kBuiltinDir.size(), kBuiltinDir) != 0) return false;  // climbed out
  std::string_view rest = std::string_view(normal).substr(kBuiltinDir.size());
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  *relative = std::string(rest);
  return true;
}

}  // namespace

bool IsBuiltinPath(std::string_view path) noexcept {
  return path.substr(0, kBuiltinDir.size()) == kBuiltinDir &&
         (path.size() == kBuiltinDir.size() || path[kBuiltinDir.size()] == '/');
}

bool ReadBuiltin(std::string_view path, std::string_view* contents) {
  std::string relative;
  if (!RelativeToBuiltin(path, &relative)) return false;
  for (const BuiltinFile& file : BuiltinFiles()) {
    if (relative == file.path) {
      *contents = std::string_view(reinterpret_cast<const char*>(file.data), file.size);
      return true;
    }
  }
  return false;
}

bool TableFileExists(const std::string& path) {
  std::string_view contents;
  if (IsBuiltinPath(path)) return ReadBuiltin(path, &contents);
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

std::string CanonicalTablePath(const std::string& path) {
  const std::filesystem::path p(path);
  if (IsBuiltinPath(path)) return p.lexically_normal().generic_string();
  std::error_code ec;
  const std::filesystem::path c = std::filesystem::weakly_canonical(p, ec);
  return ec ? p.lexically_normal().string() : c.string();
}

std::vector<std::string> ListBuiltinDir(std::string_view dir) {
  std::vector<std::string> files;
  std::string relative;
  if (!RelativeToBuiltin(dir, &relative)) return files;
  const std::string prefix = relative.empty() ? std::string() : relative + "/";
  for (const BuiltinFile& file : BuiltinFiles()) {
    const std::string_view path = file.path;
    if (path.substr(0, prefix.size()) != prefix) continue;
    if (path.find('/', prefix.size()) != std::string_view::npos) continue;  // in a subfolder
    files.push_back(std::string(kBuiltinDir) + "/" + std::string(path));
  }
  return files;
}

}  // namespace ortaq
