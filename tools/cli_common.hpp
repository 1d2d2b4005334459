// What every subcommand of the `ortaq` command shares: exit codes and message helpers.
#ifndef ORTAQ_TOOLS_CLI_COMMON_HPP_
#define ORTAQ_TOOLS_CLI_COMMON_HPP_

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "text/json_string.hpp"  // JsonString, shared with the library's reports

namespace ortaq::cli {

// Exit codes, as documented in --help.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadData = 1;  // invalid input text, a table with errors, failed tests
inline constexpr int kExitUsage = 2;    // wrong arguments, missing files, I/O errors

// "ortaq: message" on stderr.
inline void PrintError(std::string_view message) {
  std::fprintf(stderr, "ortaq: %.*s\n", static_cast<int>(message.size()), message.data());
}

// Prints a library status with its diagnostics; returns the exit code it maps to.
int ReportStatus(const Status& status);
// The same for a conversion of the input `display`: invalid UTF-8 as file:line:column.
int ReportInputStatus(const std::string& display, const Status& status);

// `--set KEY=VALUE`, the one reading of table settings for every subcommand: the option's
// check rejects a value without '=' while parsing, and ParseSettings splits them.
struct KeyValueValidator {
  static std::string Check(const std::string& text);  // "" when fine, else the message
};
std::vector<std::pair<std::string, std::string>> ParseSettings(const std::vector<std::string>& arguments);

using ortaq::JsonString;

// {"severity", "file", "line", "column", "message"}: one diagnostic for --json output.
std::string DiagnosticJson(const Diagnostic& diagnostic);

// Where the project's own golden files live in a build tree ("" when not built from source).
std::string SourceCorporaDir();

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_CLI_COMMON_HPP_
