// The subcommands of `ortaq`; each lives in its own file.
#ifndef ORTAQ_TOOLS_COMMANDS_HPP_
#define ORTAQ_TOOLS_COMMANDS_HPP_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ortaq::cli {

struct ConvertOptions {
  std::string from;
  std::string to;
  std::vector<std::string> settings;
  std::string output;
  std::string in_place_suffix;
  std::string invalid = "error";
  std::string detect = "input";
  std::string format = "text";
  int jobs = 1;
  bool no_pass_through = false;
  bool no_foreign = false;
  bool no_repair = false;
  bool keep_hashtags = false;
  bool stats = false;
  std::vector<std::string> files;
};
CLI::App* AddConvertCommand(CLI::App& app, ConvertOptions& options);
int RunConvert(const ConvertOptions& options, const CLI::App& command);

CLI::App* AddListCommand(CLI::App& app);
int RunList();

struct CheckOptions {
  std::vector<std::string> tables;
};
CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options);
int RunCheck(const CheckOptions& options);

struct DetectOptions {
  bool per_line = false;
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
};
CLI::App* AddRoundtripCommand(CLI::App& app, RoundtripOptions& options);
int RunRoundtrip(const RoundtripOptions& options);

struct TestOptions {
  std::vector<std::string> corpora;
  bool verbose = false;
};
CLI::App* AddTestCommand(CLI::App& app, TestOptions& options);
int RunTest(const TestOptions& options);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_COMMANDS_HPP_
