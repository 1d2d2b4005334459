#include "cli_common.hpp"

#include <filesystem>

namespace ortaq::cli {

int ReportStatus(const Status& status) {
  if (status.ok()) return kExitOk;
  if (status.diagnostics().empty()) {
    PrintError(status.message());
  } else {
    for (const Diagnostic& d : status.diagnostics()) std::fprintf(stderr, "%s\n", d.Format().c_str());
  }
  switch (status.code()) {
    case StatusCode::kInvalidInput:
    case StatusCode::kTableError:
      return kExitBadData;
    default:
      return kExitUsage;
  }
}

std::string KeyValueValidator::Check(const std::string& text) {
  const std::size_t eq = text.find('=');
  return eq == std::string::npos || eq == 0 ? "--set takes KEY=VALUE, not '" + text + "'" : std::string();
}

std::vector<std::pair<std::string, std::string>> ParseSettings(const std::vector<std::string>& arguments) {
  std::vector<std::pair<std::string, std::string>> settings;
  for (const std::string& a : arguments) {
    const std::size_t eq = a.find('=');  // present: the option's check made sure
    settings.emplace_back(a.substr(0, eq), eq == std::string::npos ? std::string() : a.substr(eq + 1));
  }
  return settings;
}

std::string DiagnosticJson(const Diagnostic& d) {
  const char* severity = d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "warning" : "note";
  return std::string("{\"severity\": \"") + severity + "\", \"file\": " + JsonString(d.file) +
         ", \"line\": " + std::to_string(d.line) + ", \"column\": " + std::to_string(d.column) +
         ", \"message\": " + JsonString(d.message) + "}";
}

std::string SourceCorporaDir() {
  // The project's golden files, when run from a checkout (no path is built into the binary).
  std::error_code ec;
  const std::string dir = "corpora";
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

int ReportInputStatus(const std::string& display, const Status& status) {
  if (status.code() == StatusCode::kInvalidInput) {
    const InputPosition& p = status.position();
    PrintError(display + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": invalid UTF-8 (byte offset " +
               std::to_string(p.byte_offset) + "); use --invalid=replace or --invalid=skip to convert anyway");
    return kExitBadData;
  }
  return ReportStatus(status);
}

}  // namespace ortaq::cli
