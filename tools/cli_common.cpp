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

bool SplitSetting(const std::string& text, std::pair<std::string, std::string>* setting) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  *setting = {text.substr(0, eq), text.substr(eq + 1)};
  return true;
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
