// `ortaq list`: every table on the search path, with its options and their defaults, and the
// pairs that convert by chaining tables (kk-Latn-2018 -> cta-2024 through kk-Cyrl).
#include <cstdio>
#include <deque>
#include <set>

#include "cli_common.hpp"
#include "commands.hpp"

namespace ortaq::cli {
namespace {

struct Chain {
  std::string from, to;
  std::vector<std::string> via;  // the alphabets in between
};

// Every pair no single table converts but up to three tables in a row do, found the way the
// library finds them (breadth first over the tables in list order, so the shortest chain).
std::vector<Chain> ChainedPairs(const std::vector<TableInfo>& tables) {
  std::set<std::pair<std::string, std::string>> direct;
  std::set<std::string> alphabets;
  for (const TableInfo& t : tables) {
    direct.insert({t.from, t.to});
    alphabets.insert(t.from);
  }
  std::vector<Chain> chains;
  for (const std::string& from : alphabets) {
    std::deque<Chain> queue{{from, from, {}}};
    std::set<std::string> seen{from};
    while (!queue.empty()) {
      const Chain step = queue.front();
      queue.pop_front();
      if (step.via.size() >= 2) continue;  // a third table is the last
      for (const TableInfo& t : tables) {
        if (t.from != step.to || seen.count(t.to)) continue;
        seen.insert(t.to);
        Chain next{from, t.to, step.via};
        if (step.to != from) next.via.push_back(step.to);
        if (!next.via.empty() && !direct.count({from, t.to})) chains.push_back(next);
        queue.push_back(std::move(next));
      }
    }
  }
  return chains;
}

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& i : items) out += (out.size() > 1 ? ", " : "") + JsonString(i);
  return out + "]";
}

void PrintJson(const std::vector<TableInfo>& tables, const std::vector<Chain>& chains) {
  std::printf("{\n  \"tables\": [");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const TableInfo& t = tables[i];
    std::printf("%s\n    {\"from\": %s, \"to\": %s, \"title\": %s, \"path\": %s, \"options\": [", i ? "," : "",
                JsonString(t.from).c_str(), JsonString(t.to).c_str(), JsonString(t.title).c_str(),
                JsonString(t.path).c_str());
    for (std::size_t k = 0; k < t.options.size(); ++k) {
      const OptionInfo& o = t.options[k];
      std::printf("%s\n      {\"name\": %s, \"values\": %s, \"default\": %s, \"description\": %s}", k ? "," : "",
                  JsonString(o.name).c_str(), JsonList(o.values).c_str(), JsonString(o.default_value).c_str(),
                  JsonString(o.description).c_str());
    }
    std::printf("%s], \"status\": %s, \"date\": %s, \"sources\": [", t.options.empty() ? "" : "\n    ",
                JsonString(t.status).c_str(), JsonString(t.date).c_str());
    for (std::size_t k = 0; k < t.sources.size(); ++k)
      std::printf("%s{\"text\": %s, \"read\": %s}", k ? ", " : "", JsonString(t.sources[k].text).c_str(),
                  JsonString(t.sources[k].read).c_str());
    std::printf("]}");
  }
  std::printf("\n  ],\n  \"chains\": [");
  for (std::size_t i = 0; i < chains.size(); ++i)
    std::printf("%s\n    {\"from\": %s, \"to\": %s, \"via\": %s}", i ? "," : "", JsonString(chains[i].from).c_str(),
                JsonString(chains[i].to).c_str(), JsonList(chains[i].via).c_str());
  std::printf("\n  ]\n}\n");
}

}  // namespace

CLI::App* AddListCommand(CLI::App& app, ListOptions& options) {
  CLI::App* cmd = app.add_subcommand("list", "List the tables, their options and defaults, and the chained pairs");
  cmd->add_flag("--json", options.json, "Print one JSON object: {\"tables\": [{\"from\", \"to\", \"title\", \"path\", \"options\", "
                "\"status\", \"date\", \"sources\": [{\"text\", \"read\"}]}], \"chains\": [...]}");
  cmd->footer(
      "Examples:\n"
      "  $ ortaq list\n"
      "  $ ortaq list --json\n");
  return cmd;
}

int RunList(const ListOptions& options) {
  const std::vector<TableInfo> tables = ListTables(Options{});
  if (tables.empty()) {
    PrintError("no tables found; set ORTAQ_TABLE_PATH to a directory of .tbl files");
    return kExitUsage;
  }
  const std::vector<Chain> chains = ChainedPairs(tables);
  if (options.json) {
    PrintJson(tables, chains);
    return kExitOk;
  }
  for (const TableInfo& t : tables) {
    std::printf("%s -> %s\n    %s\n    %s\n", t.from.c_str(), t.to.c_str(), t.title.c_str(), t.path.c_str());
    if (!t.status.empty() || !t.date.empty())
      std::printf("    status: %s%s%s\n", t.status.empty() ? "(not given)" : t.status.c_str(), t.date.empty() ? "" : ", ",
                  t.date.c_str());
    for (const TableSource& source : t.sources)
      std::printf("    source: %s (read %s)\n", source.text.c_str(), source.read.c_str());
    for (const OptionInfo& o : t.options) {
      std::string values;
      for (const auto& v : o.values) values += (values.empty() ? "" : "|") + v;
      std::printf("    --set %s=%s  (default %s)  %s\n", o.name.c_str(), values.c_str(), o.default_value.c_str(),
                  o.description.c_str());
    }
  }
  if (!chains.empty()) std::printf("\nChained (through the alphabets in between; the options of every table apply):\n");
  for (const Chain& c : chains) {
    std::string via;
    for (const std::string& v : c.via) via += (via.empty() ? "" : ", ") + v;
    std::printf("%s -> %s  (via %s)\n", c.from.c_str(), c.to.c_str(), via.c_str());
  }
  return kExitOk;
}

}  // namespace ortaq::cli
