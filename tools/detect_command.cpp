// `ortaq detect`: which alphabet each input is written in.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"

namespace ortaq::cli {

// Exit code when some input is not in an alphabet ortaq converts (or has no letters).
constexpr int kExitNotConverted = 3;

CLI::App* AddDetectCommand(CLI::App& app, DetectOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "detect",
      "Guess the language and alphabet of each input.\n"
      "Prints one line per input (or per line with --per-line): NAME, TAB, the language, TAB, the\n"
      "probability the model gives it, TAB, and a verdict:\n"
      "  converts       an alphabet ortaq reads (kk-Cyrl, kk-Latn-2017/2018/2021, cta-2024, tr-Latn)\n"
      "  not-converted  a language ortaq knows but does not convert (ky-Cyrl, tt-Cyrl, ru-Cyrl,\n"
      "                 uz-Cyrl, uz-Latn, az-Latn, en-Latn, ug-Arab, cta-1991)\n"
      "  unknown        letters that fit no language it knows (the language column says unknown)\n"
      "  no-letters     nothing to go by\n"
      "The knowledge is the data file detect/languages.txt on the table search path.\n"
      "Exit status: 0 every input converts; 3 some input is not-converted, unknown or has no\n"
      "letters; 1 the data file has errors; 2 usage or I/O errors.");
  cmd->add_flag("--per-line", options.per_line, "Guess for every line instead of the whole input");
  cmd->add_option("--data", options.data_file, "Use this detection data file instead of detect/languages.txt")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--json", options.json,
                "Print a JSON array: {\"input\", \"line\" (with --per-line), \"id\" (null: not one ortaq "
                "converts), \"language\", \"confidence\", \"verdict\"} per guess");
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

const char* Verdict(const Detection& d) {
  if (d.letters == 0) return "no-letters";
  if (d.language.empty()) return "unknown";
  return d.id.empty() ? "not-converted" : "converts";
}

int RunDetect(const DetectOptions& options) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  int code = kExitOk;
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
      const Detection d = options.data_file.empty() ? DetectSource(part) : DetectSource(part, options.data_file);
      if (!d.error.empty()) {
        PrintError(d.error);
        return false;
      }
      if (d.id.empty()) code = kExitNotConverted;
      const std::string language = d.language.empty() ? "unknown" : d.language;
      if (!options.json) {
        std::printf("%s\t%s\t%.2f\t%s\n", where.c_str(), language.c_str(), d.confidence, Verdict(d));
        return true;
      }
      std::printf("%s\n  {\"input\": %s, %s\"id\": %s, \"language\": %s, \"confidence\": %.4f, \"verdict\": %s}",
                  first ? "" : ",", JsonString(display).c_str(),
                  line > 0 ? ("\"line\": " + std::to_string(line) + ", ").c_str() : "",
                  d.id.empty() ? "null" : JsonString(d.id).c_str(), JsonString(language).c_str(), d.confidence,
                  JsonString(Verdict(d)).c_str());
      first = false;
      return true;
    };
    auto fail = [&] {
      if (options.json) std::printf("%s]\n", first ? "" : "\n");
      return kExitBadData;
    };
    if (!options.per_line) {
      if (!print(display, text, 0)) return fail();
      continue;
    }
    std::size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (!print(display + ":" + std::to_string(line), std::string_view(text).substr(start, end - start), line))
        return fail();
      start = end + 1;
    }
  }
  if (options.json) std::printf("%s]\n", first ? "" : "\n");
  return code;
}

}  // namespace ortaq::cli
