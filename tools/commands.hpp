// The subcommands of `ortaq`; each lives in its own file.
#ifndef ORTAQ_TOOLS_COMMANDS_HPP_
#define ORTAQ_TOOLS_COMMANDS_HPP_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ortaq/markup.hpp"
#include "ortaq/ortaq.hpp"

namespace ortaq::cli {

enum class DetectScope { kInput, kLine };
enum class ProgressMode { kAuto, kAlways, kNever };

struct ConvertOptions {
  std::string from;
  std::string to;
  std::vector<std::string> settings;
  std::string output;
  std::string in_place_suffix;
  InvalidInputPolicy invalid = InvalidInputPolicy::kError;
  DetectScope detect = DetectScope::kInput;
  Format format = Format::kText;
  int jobs = 1;
  bool no_pass_through = false;
  bool no_foreign = false;
  bool no_repair = false;
  bool keep_hashtags = false;
  bool stats = false;
  bool json = false;  // --stats as JSON
  bool fail_fast = false;
  ProgressMode progress = ProgressMode::kAuto;
  // Record modes (records_convert.hpp).
  bool line_buffered = false;
  bool null_data = false;
  int field = 0;
  std::string jsonl_key;
  std::string report_invalid;
  std::vector<std::string> files;
};
CLI::App* AddConvertCommand(CLI::App& app, ConvertOptions& options);
int RunConvert(const ConvertOptions& options, const CLI::App& command);

struct ListOptions {
  bool json = false;
};
CLI::App* AddListCommand(CLI::App& app, ListOptions& options);
int RunList(const ListOptions& options);

struct CheckOptions {
  std::vector<std::string> tables;
  bool json = false;
  std::string corpus;  // --corpus: text for the example words of merged letters
};
CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options);
int RunCheck(const CheckOptions& options);

struct DetectOptions {
  bool per_line = false;
  std::string data_file;  // --data; "" = detect/languages.txt on the table search path
  bool json = false;
  std::vector<std::string> files;
};
CLI::App* AddDetectCommand(CLI::App& app, DetectOptions& options);
int RunDetect(const DetectOptions& options);
// Reads a whole input ("-" is standard input); prints the error and returns false on failure.
bool ReadInput(const std::string& name, std::string* text);

struct RoundtripOptions {
  std::string from;
  std::string via;
  std::vector<std::string> settings;
  std::vector<std::string> files;
  int examples = 10;
  bool json = false;
};
CLI::App* AddRoundtripCommand(CLI::App& app, RoundtripOptions& options);
int RunRoundtrip(const RoundtripOptions& options);

struct TestOptions {
  std::vector<std::string> corpora;
  bool verbose = false;
  bool json = false;
};
CLI::App* AddTestCommand(CLI::App& app, TestOptions& options);
int RunTest(const TestOptions& options);

// `ortaq export` (export_command.cpp): typing layouts from a table; it keeps its options itself.
CLI::App* AddExportCommand(CLI::App& app);
int RunExport();
CLI::App* AddNewTableCommand(CLI::App& app);
int RunNewTable();

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_COMMANDS_HPP_
