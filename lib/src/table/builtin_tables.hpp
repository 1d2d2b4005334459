// The tables compiled into the library (every file under tables/, by lib/embed_tables.cmake).
// They form one more directory on the search path, the last: kBuiltinDir. Paths under it
// ("<built-in>/kk-Cyrl--cta-2024.tbl", "<built-in>/_base/kk-Cyrl.tbl") are read from memory by
// the table loader and search, and never touch the disk.
#ifndef ORTAQ_TABLE_BUILTIN_TABLES_HPP_
#define ORTAQ_TABLE_BUILTIN_TABLES_HPP_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ortaq {

inline constexpr std::string_view kBuiltinDir = "<built-in>";

struct BuiltinFile {
  const char* path;  // relative to tables/, with '/' between folders
  const unsigned char* data;
  std::size_t size;
};

// Every built-in file, sorted by path (generated).
std::span<const BuiltinFile> BuiltinFiles() noexcept;

// Whether `path` names something under kBuiltinDir (whether or not it exists).
bool IsBuiltinPath(std::string_view path) noexcept;

// The contents of the built-in file `path` ("<built-in>/…", normalized first), or false.
bool ReadBuiltin(std::string_view path, std::string_view* contents);

// Whether a table file exists at `path`: in memory under kBuiltinDir, else a regular file.
bool TableFileExists(const std::string& path);

// One spelling per file, for recognising a file met twice: lexical under kBuiltinDir, else
// weakly canonical on disk.
std::string CanonicalTablePath(const std::string& path);

// The built-in files directly in the directory `dir` ("<built-in>" or "<built-in>/_base"), as
// full paths, sorted.
std::vector<std::string> ListBuiltinDir(std::string_view dir);

}  // namespace ortaq

#endif  // ORTAQ_TABLE_BUILTIN_TABLES_HPP_
