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
  std::error_code ec;
  const std::string dir = ORTAQ_SOURCE_CORPORA_DIR;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

}  // namespace ortaq::cli
