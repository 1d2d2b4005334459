// Golden files: `corpora/<from>--<to>.tsv`, one `source<TAB>expected` case a line, the format
// of CLDR's transform test data, plus `@set` lines to choose table options.
#include <filesystem>
#include <map>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "table/table_loader.hpp"

namespace ortaq {
namespace {

Diagnostic At(const std::string& file, int line, const std::string& text, std::string message) {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.column = 1;
  d.source_line = text;
  d.message = std::move(message);
  return d;
}

}  // namespace

CheckReport RunGoldenFile(const std::string& path, const Options& options) {
  CheckReport report;
  try {
    std::string text, error;
    if (!ReadFile(path, &text, &error)) {
      Diagnostic d;
      d.file = path;
      d.message = "cannot read: " + error;
      report.diagnostics.push_back(std::move(d));
      return report;
    }
    const std::string stem = std::filesystem::path(path).stem().string();
    const std::size_t dash = stem.find("--");
    if (dash == std::string::npos) {
      Diagnostic d;
      d.file = path;
      d.message = "a golden file is named <from>--<to>.tsv";
      report.diagnostics.push_back(std::move(d));
      return report;
    }
    const std::string from = stem.substr(0, dash), to = stem.substr(dash + 2);
    std::map<std::vector<std::pair<std::string, std::string>>, std::shared_ptr<const Transliterator>> cache;
    std::vector<std::pair<std::string, std::string>> settings;
    int line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      start = end + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      if (line.rfind("@set", 0) == 0) {
        settings.clear();
        std::size_t pos = 4;
        while (pos < line.size()) {
          while (pos < line.size() && line[pos] == ' ') ++pos;
          std::size_t stop = line.find(' ', pos);
          if (stop == std::string::npos) stop = line.size();
          const std::string item = line.substr(pos, stop - pos);
          pos = stop;
          if (item.empty()) continue;
          const std::size_t eq = item.find('=');
          if (eq == std::string::npos) {
            report.diagnostics.push_back(At(path, line_number, line, "@set takes KEY=VALUE items"));
            ++report.tests_failed;
            continue;
          }
          settings.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        }
        continue;
      }
      const std::size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        report.diagnostics.push_back(At(path, line_number, line, "expected source<TAB>expected"));
        ++report.tests_failed;
        continue;
      }
      auto it = cache.find(settings);
      if (it == cache.end()) {
        Options with = options;
        with.settings = settings;
        Status status;
        auto t = Transliterator::FromIds(from, to, with, &status);
        it = cache.emplace(settings, t).first;
        if (!t) report.diagnostics.push_back(At(path, line_number, line, "cannot load the table: " + status.message()));
      }
      if (!it->second) {
        ++report.tests_failed;
        continue;
      }
      const std::string source = line.substr(0, tab), expected = line.substr(tab + 1);
      std::string output;
      const Status status = it->second->Transliterate(source, &output);
      if (status.ok() && output == expected) {
        ++report.tests_passed;
      } else {
        ++report.tests_failed;
        report.diagnostics.push_back(At(path, line_number, line,
                                        status.ok() ? "'" + source + "' gives '" + output + "', expected '" + expected + "'"
                                                    : status.message()));
      }
    }
  } catch (const std::exception& e) {
    Diagnostic d;
    d.file = path;
    d.message = std::string("internal error: ") + e.what();
    report.diagnostics.push_back(std::move(d));
  }
  return report;
}

}  // namespace ortaq
