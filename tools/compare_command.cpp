// `ortaq compare --from kk-Cyrl PROPOSAL... [FILE...]` and `ortaq compare --diff A B FILE...`.
// An argument that names an existing file or directory (and is not a .tbl file) is input; the
// others are proposals. A directory stands for its *.txt files, in name order.
#include "compare_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli_common.hpp"
#include "ortaq/compare.hpp"
#include "safe_output.hpp"

namespace ortaq::cli {
namespace {

bool IsInput(const std::string& argument) {
  if (argument == "-") return true;
  if (argument.size() > 4 && argument.compare(argument.size() - 4, 4, ".tbl") == 0) return false;
  std::error_code error;
  return std::filesystem::exists(argument, error);
}

// The files an input argument stands for.
std::vector<std::string> Expand(const std::string& argument) {
  std::error_code error;
  if (argument == "-" || !std::filesystem::is_directory(argument, error)) return {argument};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(argument, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Reads one input in pieces into the comparison; prints the error and returns the exit code.
int Feed(const std::string& name, Comparison* comparison) {
  std::FILE* file = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
  if (!file) {
    PrintError("cannot open " + name);
    return kExitUsage;
  }
  // 256 KiB pieces: the comparison's buffers per piece (converted text, lowercase words) stay
  // small and warm; 1 MiB pieces measured ~8% slower, from touching more fresh memory.
  std::string buffer(1 << 18, '\0');
  int code = kExitOk;
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
    if (n > 0) {
      const Status status = comparison->Add(std::string_view(buffer.data(), n));
      if (!status.ok()) { code = ReportInputStatus(name, status); break; }
    }
    if (n < buffer.size()) {
      if (std::ferror(file)) { PrintError("cannot read " + name); code = kExitUsage; }
      break;
    }
  }
  if (code == kExitOk) {
    const Status status = comparison->EndOfFile();
    if (!status.ok()) code = ReportInputStatus(name, status);
  }
  if (file != stdin) std::fclose(file);
  return code;
}

int Write(const std::string& output, const std::string& text) {
  std::string error;
  if (output.empty() || output == "-") {
    if (!WriteStdout(text, &error)) { PrintError(error); return kExitUsage; }
    return kExitOk;
  }
  AtomicFile file;
  if (!file.Open(output, "", &error) || !file.Write(text, &error) || !file.Commit(&error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

CLI::App* AddCompareCommand(CLI::App& app, CompareCommandOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Compare alphabet proposals on one corpus: letters, non-ASCII letters, digraphs, apostrophes, homographs,\n"
      "ASCII-fold collisions, length, keystrokes (xkb-data layouts), closeness to Turkish (docs/compare.md)");
  cmd->add_option("-f,--from", options.from, "The alphabet of the corpus, e.g. kk-Cyrl")->required();
  cmd->add_option("--diff", options.diff, "List the words proposals A and B write differently")
      ->expected(2)->allow_extra_args(false)->type_name("A B");
  cmd->add_option("--format", options.format, "text (default), markdown, csv, json or html")
      ->check(CLI::IsMember({"text", "markdown", "csv", "json", "html"}));
  cmd->add_option("-o,--output", options.output, "Write the report to this file (whole or not at all)");
  cmd->add_option("--examples", options.examples, "Homograph and collision groups shown per proposal (default 5)");
  cmd->add_option("--samples", options.samples, "Source lines shown where the proposals differ (default 5)");
  cmd->add_option("--diff-words", options.diff_words, "Words listed by --diff (default 50)");
  cmd->add_option("arguments", options.arguments,
                  "PROPOSAL... then FILE...: a proposal is a table id or .tbl path with optional settings\n"
                  "(cta-2024, cta-2024:kk-i=ï,kk-u=ŭ, my.tbl); a file or directory (its *.txt) is the corpus;\n"
                  "no file reads standard input");
  cmd->footer(
      "Examples:\n"
      "  $ ortaq compare --from kk-Cyrl cta-2024 cta-2024:kk-i=ï kk-Latn-2021 notes.txt\n"
      "  $ ortaq compare --from kk-Cyrl --format markdown kk-Latn-2018 kk-Latn-2021 notes.txt\n"
      "  $ ortaq compare --from kk-Cyrl --diff cta-2024 kk-Latn-2021 notes.txt\n");
  return cmd;
}

int RunCompare(const CompareCommandOptions& options) {
  CompareFormat format = CompareFormat::kText;
  if (!ParseCompareFormat(options.format, &format)) {
    PrintError("--format takes text, markdown, csv, json or html");
    return kExitUsage;
  }
  std::vector<std::string> specs = options.diff, inputs;
  for (const std::string& a : options.arguments) {
    if (IsInput(a)) {
      for (const std::string& f : Expand(a)) inputs.push_back(f);
    } else if (!inputs.empty()) {
      PrintError("no such file: " + a + " (proposals come before the files)");
      return kExitUsage;
    } else if (!options.diff.empty()) {
      PrintError("no such file: " + a + " (with --diff, the two proposals are the ones after --diff)");
      return kExitUsage;
    } else {
      specs.push_back(a);
    }
  }
  if (specs.empty()) {
    PrintError("compare needs at least one proposal, e.g. `ortaq compare --from kk-Cyrl cta-2024 kk-Latn-2018 FILE`");
    return kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  std::vector<Proposal> proposals;
  for (const std::string& spec : specs) {
    Proposal proposal;
    const Status status = LoadProposal(spec, options.from, Options{}, &proposal);
    if (!status.ok()) return ReportStatus(status);
    proposals.push_back(std::move(proposal));
  }
  CompareOptions compare_options;
  compare_options.examples = options.examples;
  compare_options.sample_lines = options.samples;
  Comparison comparison(std::move(proposals), compare_options);
  for (const std::string& input : inputs) {
    if (const int code = Feed(input, &comparison); code != kExitOk) return code;
  }
  CompareReport report;
  if (const Status status = comparison.Finish(&report); !status.ok()) return ReportStatus(status);
  if (!options.diff.empty()) {
    DiffReport diff;
    if (const Status status = comparison.Diff(static_cast<std::size_t>(std::max(0, options.diff_words)), &diff);
        !status.ok()) {
      return ReportStatus(status);
    }
    return Write(options.output, FormatDiffReport(diff, format));
  }
  return Write(options.output, FormatCompareReport(report, format));
}

}  // namespace ortaq::cli
