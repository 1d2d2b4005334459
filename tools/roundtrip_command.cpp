// `ortaq roundtrip`: converts text to another alphabet and back, and reports the share of word
// tokens that come back unchanged, with the others grouped by what changed in them. The counting
// is the library's (ortaq::RoundTrip); this file reads the files and prints the report.
#include <cstdio>

#include "cli_common.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"
#include "suggest.hpp"

namespace ortaq::cli {
namespace {

// Builds a transliterator with those of the settings that its table declares.
std::shared_ptr<const Transliterator> Build(const std::string& from, const std::string& to, const Options& all,
                                            std::vector<bool>* used, Status* status) {
  auto probe = Transliterator::FromIds(from, to, Options{}, status);
  if (!probe) return nullptr;
  Options options;
  for (std::size_t i = 0; i < all.settings.size(); ++i) {
    for (const OptionInfo& o : probe->info().options) {
      if (o.name == all.settings[i].first) {
        options.settings.push_back(all.settings[i]);
        (*used)[i] = true;
      }
    }
  }
  return Transliterator::FromIds(from, to, options, status);
}

void PrintJson(const std::string& from, const std::string& via, const Options& all, const RoundTripReport& report) {
  std::string settings;
  for (const auto& [k, v] : all.settings) settings += (settings.empty() ? "" : ", ") + JsonString(k) + ": " + JsonString(v);
  std::printf("{\"from\": %s, \"via\": %s, \"settings\": {%s}, \"tokens\": %llu, \"unchanged\": %llu, \"share\": %.4f,\n"
              " \"causes\": [",
              JsonString(from).c_str(), JsonString(via).c_str(), settings.c_str(),
              static_cast<unsigned long long>(report.tokens), static_cast<unsigned long long>(report.unchanged),
              report.Share());
  for (std::size_t i = 0; i < report.causes.size(); ++i) {
    const RoundTripReport::Cause& cause = report.causes[i];
    std::string examples;
    for (const auto& [text, count] : cause.examples)
      examples += (examples.empty() ? "" : ", ") + std::string("{\"text\": ") + JsonString(text) +
                  ", \"count\": " + std::to_string(count) + "}";
    std::printf("%s\n  {\"cause\": %s, \"count\": %llu, \"examples\": [%s]}", i ? "," : "",
                JsonString(cause.cause).c_str(), static_cast<unsigned long long>(cause.count), examples.c_str());
  }
  std::printf("%s]}\n", report.causes.empty() ? "" : "\n ");
}

}  // namespace

CLI::App* AddRoundtripCommand(CLI::App& app, RoundtripOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "roundtrip", "Convert to an alphabet and back; report the share of word tokens that return unchanged");
  cmd->add_option("-f,--from", options.from, "The alphabet of the input, e.g. kk-Cyrl (required)")->type_name("ID");
  cmd->add_option("--via", options.via, "The alphabet to go through, e.g. cta-2024 (required)")->type_name("ID");
  cmd->add_option("--set", options.settings, "KEY=VALUE for the tables that declare KEY (repeatable)")
      ->check(CLI::Validator(KeyValueValidator::Check, ""))
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd->add_option("--examples", options.examples, "Example words shown for each cause (default 10)")
      ->check(CLI::Range(0, 1 << 30).description(""))
      ->type_name("N");
  cmd->add_flag("--json", options.json,
                "Print one JSON object: {\"from\", \"via\", \"settings\", \"tokens\", \"unchanged\", \"share\", "
                "\"causes\": [{\"cause\", \"count\", \"examples\": [{\"text\", \"count\"}]}]}");
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input")->type_name("FILE");
  cmd->footer(
      "Examples:\n"
      "  $ echo 'Қазақстан Республикасы' | ortaq roundtrip -f kk-Cyrl --via cta-2024\n"
      "  $ echo 'ұлы' | ortaq roundtrip -f kk-Cyrl --via cta-2024 --set kk-u=ŭ --json\n");
  return cmd;
}

int RunRoundtrip(const RoundtripOptions& options) {
  if (options.from.empty() || options.via.empty()) {
    PrintError("roundtrip needs --from and --via, e.g. 'ortaq roundtrip --from kk-Cyrl --via cta-2024 FILE'");
    return kExitUsage;
  }
  std::string from = options.from, via = options.via;
  const std::vector<std::string> known = KnownAlphabetIds();
  if (!ReadAlphabetId("--from", &from, known) || !ReadAlphabetId("--via", &via, known)) return kExitUsage;
  Options all;
  all.settings = ParseSettings(options.settings);
  std::vector<bool> used(all.settings.size(), false);
  Status status;
  auto forward = Build(from, via, all, &used, &status);
  if (!forward) return ReportStatus(status);
  // A .tbl file given as --via: back from the alphabet it writes (its @to).
  const bool via_file = via.find('/') != std::string::npos || (via.size() > 4 && via.ends_with(".tbl"));
  auto backward = Build(via_file ? forward->info().to : via, from, all, &used, &status);
  if (!backward) return ReportStatus(status);
  for (std::size_t i = 0; i < used.size(); ++i) {
    if (!used[i]) {
      PrintError("neither table has the option '" + all.settings[i].first + "'");
      return kExitUsage;
    }
  }
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  RoundTripReport report;
  for (const std::string& file : files) {
    std::string text;
    if (!ReadInput(file, &text)) return kExitUsage;
    status = RoundTrip(*forward, *backward, text, &report);
    if (status.code() == StatusCode::kInvalidInput) {
      PrintError((file == "-" ? std::string("<stdin>") : file) + ": " + status.message());
      return kExitBadData;
    }
    if (!status.ok()) return ReportStatus(status);
  }
  if (options.json) {
    PrintJson(from, via, all, report);
    return kExitOk;
  }
  std::string settings;
  for (const auto& [k, v] : all.settings) settings += (settings.empty() ? " (" : ", ") + k + "=" + v;
  if (!settings.empty()) settings += ")";
  std::printf("%s -> %s -> %s%s\n", from.c_str(), via.c_str(), from.c_str(), settings.c_str());
  std::printf("roundtrip: %.2f%% of %llu word tokens unchanged (%llu changed)\n", report.Share(),
              static_cast<unsigned long long>(report.tokens),
              static_cast<unsigned long long>(report.tokens - report.unchanged));
  auto u = [](std::uint64_t n) { return static_cast<unsigned long long>(n); };
  std::printf("words in the text's own script: %.2f%% of %llu unchanged (%llu changed)\n", report.NativeShare(),
              u(report.native_tokens), u(report.native_tokens - report.native_unchanged));
  std::printf("words mixing scripts (input repairs such as Latin ə for ә): %llu, %llu of them repaired or changed\n",
              u(report.repair_tokens), u(report.repair_changed));
  std::printf("words in another script (foreign): %llu, %llu of them changed\n", u(report.foreign_tokens),
              u(report.foreign_changed));
  if (!report.causes.empty()) std::printf("changed word tokens by cause (most frequent first):\n");
  for (const RoundTripReport::Cause& cause : report.causes) {
    std::printf("  %6llu  %s\n", static_cast<unsigned long long>(cause.count), cause.cause.c_str());
    for (std::size_t i = 0; i < cause.examples.size() && static_cast<int>(i) < options.examples; ++i)
      std::printf("          %s (%llu)\n", cause.examples[i].first.c_str(),
                  static_cast<unsigned long long>(cause.examples[i].second));
  }
  return kExitOk;
}

}  // namespace ortaq::cli
