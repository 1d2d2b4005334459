// `ortaq detect`: which alphabet each input is written in.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.hpp"
#include "commands.hpp"

namespace ortaq::cli {

CLI::App* AddDetectCommand(CLI::App& app, DetectOptions& options) {
  CLI::App* cmd = app.add_subcommand("detect", "Guess the alphabet of each input (kk-Cyrl, kk-Latn-2017/2018/2021, tr-Latn)");
  cmd->add_flag("--per-line", options.per_line, "Guess for every line instead of the whole input");
  cmd->add_flag("--json", options.json,
                "Print a JSON array: {\"input\", \"line\" (with --per-line), \"id\" (null: unknown), "
                "\"confidence\"} per guess");
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input")->type_name("FILE");
  cmd->footer(
      "Examples:\n"
      "  $ echo 'Qazaqstan Respublikasy' | ortaq detect\n"
      "  $ printf 'Қазақ\\nQazaq\\n' | ortaq detect --per-line --json\n");
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
  bool first = true;
  if (options.json) std::printf("[");
  for (const std::string& name : files) {
    std::string text;
    if (!ReadInput(name, &text)) {
      if (options.json) std::printf("%s]\n", first ? "" : "\n");
      return kExitUsage;
    }
    const std::string display = name == "-" ? "<stdin>" : name;
    auto print = [&](const std::string& where, std::string_view part, int line) {
      const Detection d = DetectSource(part);
      if (!options.json) {
        std::printf("%s\t%s\t%.2f\n", where.c_str(), d.id.empty() ? "unknown" : d.id.c_str(), d.confidence);
        return;
      }
      std::printf("%s\n  {\"input\": %s, %s\"id\": %s, \"confidence\": %.4f}", first ? "" : ",",
                  JsonString(display).c_str(), line > 0 ? ("\"line\": " + std::to_string(line) + ", ").c_str() : "",
                  d.id.empty() ? "null" : JsonString(d.id).c_str(), d.confidence);
      first = false;
    };
    if (!options.per_line) {
      print(display, text, 0);
      continue;
    }
    std::size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      print(display + ":" + std::to_string(line), std::string_view(text).substr(start, end - start), line);
      start = end + 1;
    }
  }
  if (options.json) std::printf("%s]\n", first ? "" : "\n");
  return kExitOk;
}

}  // namespace ortaq::cli
