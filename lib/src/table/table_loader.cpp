#include "table/table_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "table/lexicon_file.hpp"
#include "table/builtin_tables.hpp"
#include "table/table_parser.hpp"

namespace ortaq {
namespace {

namespace fs = std::filesystem;

// Deep enough for any real family of tables, shallow enough to stop a runaway chain early.
constexpr std::size_t kMaxInheritDepth = 16;
// A table larger than this is almost certainly not a rule table.
constexpr std::uintmax_t kMaxTableBytes = 16u << 20;

std::string Canonical(const fs::path& p) { return CanonicalTablePath(p.string()); }

// `@inherit NAME`: NAME, NAME.tbl, next to the including file, then on the search path. A
// `@lexicon` file is found the same way, without the suffix.
std::string ResolveInherit(const std::string& name, const std::string& including_dir,
                           const std::vector<std::string>& search_path, const char* suffix = ".tbl") {
  std::vector<fs::path> candidates;
  auto add = [&](const fs::path& dir) {
    candidates.push_back(dir / name);
    if (*suffix) candidates.push_back(dir / (name + suffix));
  };
  if (fs::path(name).is_absolute()) {
    candidates.push_back(name);
    if (*suffix) candidates.push_back(name + suffix);
  } else {
    if (!including_dir.empty()) add(including_dir);
    for (const auto& dir : search_path) add(dir);
  }
  for (const auto& c : candidates)
    if (TableFileExists(c.string())) return c.string();
  return {};
}

class Loader {
 public:
  Loader(const std::vector<std::string>& search_path, std::vector<Diagnostic>* diagnostics)
      : search_path_(search_path), diags_(*diagnostics) {}

  bool LoadText(std::string_view text, std::string_view name, const std::string& dir, LoadedTable* out) {
    std::size_t errors_before = CountErrors();
    TableAst ast = ParseTable(text, name, &diags_);
    if (CountErrors() != errors_before) return false;
    for (const Inherit& inherit : ast.inherits) {
      if (!LoadBase(inherit, dir, out)) return false;
    }
    for (LexiconUse& use : ast.lexicons)
      if (!LoadLexicon(dir, &use)) return false;
    for (const Inherit& list : ast.foreign_lists)
      if (!LoadForeignWords(dir, list, &ast)) return false;
    out->layers.push_back(std::move(ast));
    return true;
  }

  // Reads a `@foreign-words` list (the lexicon file format, whole words only) into foreign_words.
  bool LoadForeignWords(const std::string& dir, const Inherit& list, TableAst* ast) {
    const std::string path = ResolveInherit(list.name, dir, search_path_, "");
    if (path.empty()) {
      diags_.push_back(list.loc.Error("cannot find the word list '" + list.name + "'"));
      return false;
    }
    std::string text, error;
    if (!ReadFile(path, &text, &error)) {
      diags_.push_back(list.loc.Error("cannot read '" + path + "': " + error));
      return false;
    }
    const std::size_t errors_before = CountErrors();
    std::vector<LexiconEntry> entries;
    ParseLexiconFile(text, path, &entries, &diags_);
    for (const LexiconEntry& e : entries) {
      if (!e.at_start || !e.at_end || !e.not_in.empty())
        diags_.push_back(e.loc.Error("a foreign word list has whole words only, without '-' or 'not'"));
      else
        ast->foreign_words.emplace_back(e.word, e.loc);
    }
    return CountErrors() == errors_before;
  }

  // Reads the entries of a `@lexicon` file, found like a base table.
  bool LoadLexicon(const std::string& dir, LexiconUse* use) {
    use->dir = dir;
    const std::string path = ResolveInherit(use->file, dir, search_path_, "");
    if (path.empty()) {
      diags_.push_back(use->loc.Error("cannot find the lexicon '" + use->file + "'"));
      return false;
    }
    std::string text, error;
    if (!ReadFile(path, &text, &error)) {
      diags_.push_back(use->loc.Error("cannot read '" + path + "': " + error));
      return false;
    }
    const std::size_t errors_before = CountErrors();
    ParseLexiconFile(text, path, &use->entries, &diags_);
    return CountErrors() == errors_before;
  }

  bool LoadBase(const Inherit& inherit, const std::string& dir, LoadedTable* out) {
    const std::string path = ResolveInherit(inherit.name, dir, search_path_);
    if (path.empty()) {
      diags_.push_back(inherit.loc.Error("cannot find the table '" + inherit.name + "' to inherit from"));
      return false;
    }
    const std::string canonical = Canonical(path);
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      std::string chain;
      for (const auto& s : stack_) chain += fs::path(s).filename().string() + " -> ";
      chain += fs::path(canonical).filename().string();
      diags_.push_back(inherit.loc.Error("cyclic @inherit: " + chain));
      return false;
    }
    if (stack_.size() >= kMaxInheritDepth) {
      diags_.push_back(inherit.loc.Error("@inherit chain deeper than " + std::to_string(kMaxInheritDepth) + " tables"));
      return false;
    }
    // A base inherited twice through different children is loaded once.
    if (std::find(loaded_.begin(), loaded_.end(), canonical) != loaded_.end()) return true;
    std::string text, error;
    if (!ReadFile(path, &text, &error)) {
      diags_.push_back(inherit.loc.Error("cannot read '" + path + "': " + error));
      return false;
    }
    stack_.push_back(canonical);
    const bool ok = LoadText(text, path, fs::path(path).parent_path().string(), out);
    stack_.pop_back();
    loaded_.push_back(canonical);
    return ok;
  }

  void Push(const std::string& canonical) { stack_.push_back(canonical); }

 private:
  std::size_t CountErrors() const {
    return static_cast<std::size_t>(std::count_if(diags_.begin(), diags_.end(), [](const Diagnostic& d) {
      return d.severity == Severity::kError;
    }));
  }

  const std::vector<std::string>& search_path_;
  std::vector<Diagnostic>& diags_;
  std::vector<std::string> stack_;
  std::vector<std::string> loaded_;
};

}  // namespace

bool ReadFile(const std::string& path, std::string* contents, std::string* error) {
  if (IsBuiltinPath(path)) {
    std::string_view builtin;
    if (!ReadBuiltin(path, &builtin)) {
      *error = "no such built-in table";
      return false;
    }
    *contents = std::string(builtin);
    return true;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    *error = "no such file";
    return false;
  }
  if (fs::is_directory(status)) {
    *error = "is a directory";
    return false;
  }
  if (fs::is_regular_file(status) && fs::file_size(path, ec) > kMaxTableBytes) {
    *error = "larger than " + std::to_string(kMaxTableBytes >> 20) + " MiB";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  *contents = std::move(buffer).str();
  return true;
}

bool LoadTableFile(const std::string& path, const std::vector<std::string>& search_path, LoadedTable* table,
                   std::vector<Diagnostic>* diagnostics) {
  std::string text, error;
  if (!ReadFile(path, &text, &error)) {
    Diagnostic d;
    d.file = path;
    d.message = "cannot read the table: " + error;
    diagnostics->push_back(std::move(d));
    return false;
  }
  Loader loader(search_path, diagnostics);
  loader.Push(Canonical(path));
  table->path = path;
  return loader.LoadText(text, path, fs::path(path).parent_path().string(), table);
}

bool LoadTableText(std::string_view text, std::string_view name, const std::vector<std::string>& search_path,
                   LoadedTable* table, std::vector<Diagnostic>* diagnostics) {
  Loader loader(search_path, diagnostics);
  return loader.LoadText(text, name, "", table);
}

}  // namespace ortaq
