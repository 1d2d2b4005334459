// Where tables are found: the caller's directories, ORTAQ_TABLE_PATH, then the tables built
// into the library (table/builtin_tables.hpp).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "compile/compiler.hpp"
#include "ortaq/ortaq.hpp"
#include "compile/table_build.hpp"
#include "table/builtin_tables.hpp"
#include "table/table_loader.hpp"

namespace ortaq {
namespace {

namespace fs = std::filesystem;

bool LooksLikePath(std::string_view to) {
  return to.find('/') != std::string_view::npos || (to.size() > 4 && to.substr(to.size() - 4) == ".tbl");
}

// Each directory of the search path, and its `proposals/` folder (alphabet proposals that
// convert like any table: tables/README.md).
std::vector<std::string> TableDirs(const Options& options) {
  std::vector<std::string> dirs;
  for (const std::string& dir : TableSearchPath(options)) {
    dirs.push_back(dir);
    dirs.push_back((fs::path(dir) / "proposals").string());
  }
  return dirs;
}

}  // namespace

std::vector<std::string> TableSearchPath(const Options& options) {
  std::vector<std::string> path = options.table_path;
  if (const char* env = std::getenv("ORTAQ_TABLE_PATH")) {
    std::string_view rest(env);
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) path.emplace_back(dir);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  path.emplace_back(kBuiltinDir);  // last: any directory above overrides a built-in table
  return path;
}

std::vector<TableInfo> ListTables(const Options& options) {
  std::vector<TableInfo> tables;
  std::set<std::string> seen;
  try {
    for (const std::string& dir : TableDirs(options)) {
      std::error_code ec;
      std::vector<fs::path> files;
      auto take = [&](const fs::path& p) {
        if (p.extension() == ".tbl" && p.filename().string()[0] != '_') files.push_back(p);
      };
      if (IsBuiltinPath(dir)) {
        for (const std::string& p : ListBuiltinDir(dir)) take(p);
      } else {
        for (const auto& entry : fs::directory_iterator(dir, ec)) take(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        LoadedTable loaded;
        std::vector<Diagnostic> diagnostics;
        TableInfo info;
        std::vector<TableAst> stages;
        if (LoadTableFile(file.string(), TableSearchPath(options), &loaded, &diagnostics) &&
            ExpandStages(loaded, options, &stages, &diagnostics).ok()) {
          const TableAst own = MergeLayers(loaded);
          info = InfoOfStages(stages, file.string(), own.title);
          CopyProvenance(own, &info);
        } else {
          info.path = file.string();
          info.title = "(does not load: " + (diagnostics.empty() ? std::string("error") : diagnostics.front().message) + ")";
        }
        const std::string id = info.from + "--" + info.to;
        if (info.from.empty() || info.to.empty() || seen.insert(id).second) tables.push_back(std::move(info));
      }
    }
  } catch (const std::exception&) {
    // A directory that vanished while listing: list what was found.
  }
  return tables;
}

std::string FindTableFile(std::string_view from, std::string_view to, const Options& options) {
  const std::string name = std::string(from) + "--" + std::string(to) + ".tbl";
  for (const std::string& dir : TableDirs(options)) {
    const std::string candidate = (fs::path(dir) / name).string();
    if (TableFileExists(candidate)) return candidate;
  }
  return {};
}

std::string FindTable(std::string_view from, std::string_view to, const Options& options, Status* status) {
  try {
    if (LooksLikePath(to)) {
      std::error_code ec;
      if (fs::is_regular_file(std::string(to), ec)) return std::string(to);
      if (status) *status = Status(StatusCode::kNotFound, "no table file '" + std::string(to) + "'");
      return {};
    }
    const std::string found = FindTableFile(from, to, options);
    if (!found.empty()) return found;
    std::string targets;
    for (const TableInfo& t : ListTables(options))
      if (t.from == from) targets += (targets.empty() ? "" : ", ") + t.to;
    std::string message = "no table converts from '" + std::string(from) + "' to '" + std::string(to) + "'";
    message += targets.empty() ? " (no table reads '" + std::string(from) + "'; see 'ortaq list')"
                               : " (from " + std::string(from) + " there are: " + targets + ")";
    if (status) *status = Status(StatusCode::kNotFound, message);
    return {};
  } catch (const std::exception& e) {
    if (status) *status = Status(StatusCode::kInternal, std::string("internal error: ") + e.what());
    return {};
  }
}

}  // namespace ortaq
