// `ortaq compare`: alphabet proposals side by side on one corpus (the counting is the
// library's, ortaq/compare.hpp; this reads the files and writes the report).
#ifndef ORTAQ_TOOLS_COMPARE_COMMAND_HPP_
#define ORTAQ_TOOLS_COMPARE_COMMAND_HPP_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ortaq::cli {

struct CompareCommandOptions {
  std::string from;
  std::vector<std::string> arguments;  // proposals, then files
  std::vector<std::string> diff;       // --diff A B
  std::string format = "text";
  std::string output;
  int examples = 5;
  int samples = 5;
  int diff_words = 50;
};
CLI::App* AddCompareCommand(CLI::App& app, CompareCommandOptions& options);
int RunCompare(const CompareCommandOptions& options);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_COMPARE_COMMAND_HPP_
