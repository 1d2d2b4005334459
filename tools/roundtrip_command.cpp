// `ortaq roundtrip`: converts text to another alphabet and back, and reports the share of word
// tokens that come back unchanged, with the others grouped by what changed in them.
#include <algorithm>
#include <cstdio>
#include <map>

#include <unicode/uchar.h>

#include "cli_common.hpp"
#include "commands.hpp"

namespace ortaq::cli {
namespace {

// Splits text into words: maximal runs of letters and combining marks.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0, start = std::string_view::npos;
  while (i < text.size()) {
    UChar32 c;
    const std::size_t at = i;
    int32_t index = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), index, static_cast<int32_t>(text.size()), c);
    i = static_cast<std::size_t>(index);
    const bool letter = c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
    if (letter && start == std::string_view::npos) start = at;
    if (!letter && start != std::string_view::npos) {
      words.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) words.push_back(text.substr(start));
  return words;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// "what → what": the part of the word that changed, by common prefix and suffix (code points).
std::string Cause(std::string_view original, std::string_view back) {
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  std::size_t prefix = 0;
  while (prefix < original.size() && prefix < back.size() && original[prefix] == back[prefix]) ++prefix;
  while (prefix > 0 && !is_lead(original[prefix])) --prefix;
  std::size_t suffix = 0;
  while (suffix < original.size() - prefix && suffix < back.size() - prefix &&
         original[original.size() - 1 - suffix] == back[back.size() - 1 - suffix])
    ++suffix;
  while (suffix > 0 && !is_lead(original[original.size() - suffix])) --suffix;
  std::string a(original.substr(prefix, original.size() - prefix - suffix));
  std::string b(back.substr(prefix, back.size() - prefix - suffix));
  return (a.empty() ? "∅" : a) + " → " + (b.empty() ? "∅" : b);
}

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
  std::uint64_t tokens = 0, unchanged = 0;
  struct Group {
    std::uint64_t count = 0;
    std::map<std::string, std::uint64_t> words;  // original → back, with counts
  };
  std::map<std::string, Group> causes;
  for (const std::string& file : files) {
    std::string text;
    if (!ReadInput(file, &text)) return kExitUsage;
    std::string middle, back;
    status = forward->Transliterate(text, &middle);
    if (!status.ok()) {
      PrintError((file == "-" ? std::string("<stdin>") : file) + ": " + status.message());
      return kExitBadData;
    }
    status = backward->Transliterate(middle, &back);
    if (!status.ok()) return ReportStatus(status);
    std::vector<std::string_view> a_lines = Lines(text), b_lines = Lines(back);
    if (a_lines.size() != b_lines.size()) {
      a_lines = {text};
      b_lines = {back};
    }
    for (std::size_t l = 0; l < a_lines.size(); ++l) {
      const auto a = Words(a_lines[l]);
      const auto b = Words(b_lines[l]);
      tokens += a.size();
      if (a.size() != b.size()) {
        Group& g = causes["(words split or joined)"];
        g.count += a.size();
        g.words[std::string(a_lines[l].substr(0, 60)) + " → " + std::string(b_lines[l].substr(0, 60))]++;
        continue;
      }
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) {
          ++unchanged;
          continue;
        }
        Group& g = causes[Cause(a[i], b[i])];
        ++g.count;
        g.words[std::string(a[i]) + " → " + std::string(b[i])]++;
      }
    }
  }
  std::string settings;
  for (const auto& [k, v] : all.settings) settings += (settings.empty() ? " (" : ", ") + k + "=" + v;
  if (!settings.empty()) settings += ")";
  const double share = tokens == 0 ? 100.0 : 100.0 * static_cast<double>(unchanged) / static_cast<double>(tokens);
  std::printf("%s -> %s -> %s%s\n", options.from.c_str(), options.via.c_str(), options.from.c_str(), settings.c_str());
  std::printf("roundtrip: %.2f%% of %llu word tokens unchanged (%llu changed)\n", share,
              static_cast<unsigned long long>(tokens), static_cast<unsigned long long>(tokens - unchanged));
  std::vector<std::pair<std::string, const Group*>> sorted;
  for (const auto& [cause, group] : causes) sorted.emplace_back(cause, &group);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.second->count > y.second->count; });
  if (!sorted.empty()) std::printf("changed word tokens by cause (most frequent first):\n");
  for (const auto& [cause, group] : sorted) {
    std::printf("  %6llu  %s\n", static_cast<unsigned long long>(group->count), cause.c_str());
    std::vector<std::pair<std::string, std::uint64_t>> words(group->words.begin(), group->words.end());
    std::stable_sort(words.begin(), words.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    for (std::size_t i = 0; i < words.size() && static_cast<int>(i) < options.examples; ++i)
      std::printf("          %s (%llu)\n", words[i].first.c_str(), static_cast<unsigned long long>(words[i].second));
  }
  return kExitOk;
}

}  // namespace ortaq::cli
