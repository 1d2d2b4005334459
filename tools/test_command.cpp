// `ortaq test`: every table's inline tests and lint, and every golden file, closing with the
// line "N passed, N failed" that test runners read.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli_common.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"

namespace ortaq::cli {

CLI::App* AddTestCommand(CLI::App& app, TestOptions& options) {
  CLI::App* cmd = app.add_subcommand("test", "Run every table's inline tests and every golden file <from>--<to>.tsv");
  cmd->add_option("--corpora", options.corpora,
                  "Directories of golden files (default: ./corpora when it exists, as in a checkout)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one value per --option, so files after it stay files
  cmd->add_flag("-v,--verbose", options.verbose, "Print a line for every table and golden file");
  cmd->add_flag("--json", options.json,
                "Print one JSON object: {\"passed\", \"failed\", \"suites\": [{\"kind\", \"path\", \"passed\", "
                "\"failed\", \"errors\"}]}")
      ->excludes("--verbose");
  cmd->footer(
      "Examples:\n"
      "  $ ortaq test\n"
      "  $ ortaq test --json\n");
  return cmd;
}

int RunTest(const TestOptions& options) {
  int passed = 0, failed = 0;
  std::string suites;  // for --json
  auto print = [&](const CheckReport& report, const char* kind, const std::string& path, int suite_passed,
                   int suite_failed) {
    std::string errors;
    for (const Diagnostic& d : report.diagnostics) {
      if (d.severity != Severity::kError) continue;
      if (options.json)
        errors += (errors.empty() ? "" : ", ") + DiagnosticJson(d);
      else
        std::printf("%s\n", d.Format().c_str());
    }
    if (options.json)
      suites += std::string(suites.empty() ? "" : ",") + "\n    {\"kind\": \"" + kind + "\", \"path\": " + JsonString(path) +
                ", \"passed\": " + std::to_string(suite_passed) + ", \"failed\": " + std::to_string(suite_failed) +
                ", \"errors\": [" + errors + "]}";
  };
  // Tables: one check for the lint (no errors), plus one per inline test.
  for (const TableInfo& table : ListTables(Options{})) {
    const CheckReport report = CheckTable(table.path, Options{});
    const bool lint_ok = std::none_of(report.diagnostics.begin(), report.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::kError; });
    print(report, "table", table.path, report.tests_passed + (lint_ok ? 1 : 0), report.tests_failed + (lint_ok ? 0 : 1));
    passed += report.tests_passed + (lint_ok ? 1 : 0);
    failed += report.tests_failed + (lint_ok ? 0 : 1);
    if (options.verbose)
      std::printf("table %s: %d tests passed, %d failed\n", table.path.c_str(), report.tests_passed, report.tests_failed);
  }
  std::vector<std::string> dirs = options.corpora;
  if (dirs.empty() && !SourceCorporaDir().empty()) dirs.push_back(SourceCorporaDir());
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.path().extension() == ".tsv" && entry.path().stem().string().find("--") != std::string::npos)
        files.push_back(entry.path());
    if (ec) {
      PrintError(dir + ": " + ec.message());
      ++failed;
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const CheckReport report = RunGoldenFile(file.string(), Options{});
      print(report, "golden", file.string(), report.tests_passed, report.tests_failed);
      passed += report.tests_passed;
      failed += report.tests_failed;
      if (options.verbose)
        std::printf("golden %s: %d passed, %d failed\n", file.string().c_str(), report.tests_passed, report.tests_failed);
    }
  }
  if (options.json)
    std::printf("{\"passed\": %d, \"failed\": %d, \"suites\": [%s\n  ]}\n", passed, failed, suites.c_str());
  else
    std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? kExitOk : kExitBadData;
}

}  // namespace ortaq::cli
