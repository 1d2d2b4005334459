// `ortaq roundtrip`: converts text to another alphabet and back, and reports the share of word
// tokens that come back unchanged, with the others grouped by what changed in them. The counting
// is the library's (ortaq::RoundTrip); this file reads the files and prints the report.
#include <cstdio>

#include "cli_common.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"

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

}  // namespace

CLI::App* AddRoundtripCommand(CLI::App& app, RoundtripOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "roundtrip", "Convert to an alphabet and back; report the share of word tokens that return unchanged");
  cmd->add_option("--from", options.from, "The alphabet of the input, e.g. kk-Cyrl")->required();
  cmd->add_option("--via", options.via, "The alphabet to go through, e.g. cta-2024")->required();
  cmd->add_option("--set", options.settings, "KEY=VALUE for the tables that declare KEY (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--examples", options.examples, "Example words shown for each cause (default 10)");
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input");
  return cmd;
}

int RunRoundtrip(const RoundtripOptions& options) {
  Options all;
  for (const std::string& s : options.settings) {
    std::pair<std::string, std::string> setting;
    if (!SplitSetting(s, &setting)) {
      PrintError("--set takes KEY=VALUE, not '" + s + "'");
      return kExitUsage;
    }
    all.settings.push_back(setting);
  }
  std::vector<bool> used(all.settings.size(), false);
  Status status;
  auto forward = Build(options.from, options.via, all, &used, &status);
  if (!forward) return ReportStatus(status);
  auto backward = Build(options.via, options.from, all, &used, &status);
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
  std::string settings;
  for (const auto& [k, v] : all.settings) settings += (settings.empty() ? " (" : ", ") + k + "=" + v;
  if (!settings.empty()) settings += ")";
  std::printf("%s -> %s -> %s%s\n", options.from.c_str(), options.via.c_str(), options.from.c_str(), settings.c_str());
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
