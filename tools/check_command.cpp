// `ortaq check`: lint tables, and run their inline tests.
#include <cstdio>
#include <filesystem>

#include "cli_common.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"

namespace ortaq::cli {

CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Lint tables: errors, conflicts, look-alike letters, letters outside the alphabet, failing tests");
  cmd->add_option("tables", options.tables,
                  "Table files, or ids FROM--TO (default: every table on the search path)")
      ->type_name("TABLE");
  cmd->add_flag("--json", options.json,
                "Print a JSON array: {\"table\", \"ok\", \"tests_passed\", \"tests_failed\", \"diagnostics\"} "
                "per table");
  cmd->add_option("--corpus", options.corpus,
                  "Text in the source alphabet: a table that writes two letters alike that its parent "
                  "kept apart is warned about with example words from it")
      ->type_name("FILE");
  cmd->footer(
      "Examples:\n"
      "  $ ortaq check\n"
      "  $ ortaq check kk-Cyrl--cta-2024 --json\n"
      "  $ ortaq check kk-Cyrl--cta-2024 --corpus notes.txt\n");
  return cmd;
}

// A path, or an id "from--to" found on the search path.
std::string ResolveTableArgument(const std::string& argument) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(argument, ec)) return argument;
  const std::size_t dash = argument.find("--");
  if (dash == std::string::npos) return argument;  // reported as unreadable below
  Status status;
  const std::string path = FindTable(argument.substr(0, dash), argument.substr(dash + 2), Options{}, &status);
  return path.empty() ? argument : path;
}

int RunCheck(const CheckOptions& options) {
  std::vector<std::string> paths;
  for (const auto& t : options.tables) paths.push_back(ResolveTableArgument(t));
  if (paths.empty())
    for (const TableInfo& t : ListTables(Options{})) paths.push_back(t.path);
  std::string corpus;
  if (!options.corpus.empty() && !ReadInput(options.corpus, &corpus)) return kExitUsage;
  int worst = kExitOk;
  if (options.json) std::printf("[");
  for (const std::string& path : paths) {
    const CheckReport report = CheckTable(path, Options{}, corpus);
    if (!report.ok()) worst = kExitBadData;
    if (options.json) {
      std::string diagnostics;
      for (const Diagnostic& d : report.diagnostics) diagnostics += (diagnostics.empty() ? "" : ", ") + DiagnosticJson(d);
      std::printf("%s\n  {\"table\": %s, \"ok\": %s, \"tests_passed\": %d, \"tests_failed\": %d, \"diagnostics\": [%s]}",
                  &path == &paths.front() ? "" : ",", JsonString(path).c_str(), report.ok() ? "true" : "false",
                  report.tests_passed, report.tests_failed, diagnostics.c_str());
      continue;
    }
    int errors = 0, warnings = 0;
    for (const Diagnostic& d : report.diagnostics) {
      std::fprintf(stderr, "%s\n", d.Format().c_str());
      if (d.severity == Severity::kError) ++errors;
      if (d.severity == Severity::kWarning) ++warnings;
    }
    std::printf("%s: %s (%d errors, %d warnings; tests: %d passed, %d failed)\n", path.c_str(),
                report.ok() ? "ok" : "FAILED", errors, warnings, report.tests_passed, report.tests_failed);
  }
  if (options.json) std::printf("%s]\n", paths.empty() ? "" : "\n");
  return worst;
}

}  // namespace ortaq::cli
