// `ortaq detect`: which alphabet each input is written in.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"

namespace ortaq::cli {

CLI::App* AddDetectCommand(CLI::App& app, DetectOptions& options) {
  CLI::App* cmd = app.add_subcommand("detect", "Guess the alphabet of each input (kk-Cyrl, kk-Latn-2017/2018/2021, tr-Latn)");
  cmd->add_flag("--per-line", options.per_line, "Guess for every line instead of the whole input");
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input");
  return cmd;
}

bool ReadInput(const std::string& name, std::string* text) {
  std::ostringstream buffer;
  if (name == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(name, std::ios::binary);
    if (!in) {
      PrintError(name + ": cannot open");
      return false;
    }
    buffer << in.rdbuf();
  }
  *text = std::move(buffer).str();
  return true;
}

int RunDetect(const DetectOptions& options) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& name : files) {
    std::string text;
    if (!ReadInput(name, &text)) return kExitUsage;
    const std::string display = name == "-" ? "<stdin>" : name;
    auto print = [&](const std::string& where, std::string_view part) {
      const Detection d = DetectSource(part);
      std::printf("%s\t%s\t%.2f\n", where.c_str(), d.id.empty() ? "unknown" : d.id.c_str(), d.confidence);
    };
    if (!options.per_line) {
      print(display, text);
      continue;
    }
    std::size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      print(display + ":" + std::to_string(line), std::string_view(text).substr(start, end - start));
      start = end + 1;
    }
  }
  return kExitOk;
}

}  // namespace ortaq::cli
