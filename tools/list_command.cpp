// `ortaq list`: every table on the search path, with its options and their defaults.
#include <cstdio>

#include "cli_common.hpp"
#include "commands.hpp"

namespace ortaq::cli {

CLI::App* AddListCommand(CLI::App& app) {
  return app.add_subcommand("list", "List the tables, their options and defaults");
}

int RunList() {
  const std::vector<TableInfo> tables = ListTables(Options{});
  if (tables.empty()) {
    PrintError("no tables found; set ORTAQ_TABLE_PATH to a directory of .tbl files");
    return kExitUsage;
  }
  for (const TableInfo& t : tables) {
    std::printf("%s -> %s\n    %s\n    %s\n", t.from.c_str(), t.to.c_str(), t.title.c_str(), t.path.c_str());
    for (const OptionInfo& o : t.options) {
      std::string values;
      for (const auto& v : o.values) values += (values.empty() ? "" : "|") + v;
      std::printf("    --set %s=%s  (default %s)  %s\n", o.name.c_str(), values.c_str(), o.default_value.c_str(),
                  o.description.c_str());
    }
  }
  return kExitOk;
}

}  // namespace ortaq::cli
