// The `ortaq` command: parses the command line with CLI11 and hands over to one subcommand.
#include <algorithm>
#include <cstdio>
#include <string>

#include "cli_common.hpp"
#include "commands.hpp"
#include "compare_command.hpp"
#include "suggest.hpp"

namespace {

using namespace ortaq::cli;

std::vector<std::string> SubcommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> FlagNames(const CLI::App& command) {
  std::vector<std::string> names{"--help"};
  for (const CLI::Option* o : command.get_options()) {
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

// Arguments CLI11 could not place (subcommands allow extras so that an unknown flag is named
// as unknown, rather than reported as a missing required option): each one is an error.
bool ReportUnknownArguments(const CLI::App& command) {
  std::vector<std::string> extras = command.remaining();
  // "--" ends the options; CLI11 passes it on as an extra when extras are allowed.
  extras.erase(std::remove(extras.begin(), extras.end(), "--"), extras.end());
  for (const std::string& arg : extras) {
    const std::string flag = arg.substr(0, arg.find('='));
    if (flag.size() > 1 && flag[0] == '-')
      PrintError(command.get_name() + ": unknown option '" + flag + "'" + DidYouMean(flag, FlagNames(command)) +
                 "; see 'ortaq " + command.get_name() + " --help'");
    else
      PrintError(command.get_name() + ": unexpected argument '" + arg + "'");
  }
  return !extras.empty();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "ortaq — transliterate Turkic text between alphabets (Kazakh Cyrillic into the Common Turkic\n"
      "Alphabet and the Kazakh Latin alphabets), driven by rule tables.\n\n"
      "Exit codes: 0 ok; 1 bad data (invalid UTF-8, table errors, failed tests); 2 usage or I/O error.\n"
      "Tables are searched in $ORTAQ_TABLE_PATH (colon-separated), then among those built into ortaq.\n"
      "'ortaq COMMAND --help' shows a command's options and examples; 'man ortaq' has it all.",
      "ortaq"};
  app.set_version_flag("--version", std::string("ortaq ") + std::string(ortaq::Version()));
  app.require_subcommand(1);

  ConvertOptions convert;
  ListOptions list;
  CheckOptions check;
  TestOptions test;
  DetectOptions detect;
  RoundtripOptions roundtrip;
  CLI::App* convert_cmd = AddConvertCommand(app, convert);
  CLI::App* list_cmd = AddListCommand(app, list);
  CLI::App* check_cmd = AddCheckCommand(app, check);
  CLI::App* test_cmd = AddTestCommand(app, test);
  CLI::App* detect_cmd = AddDetectCommand(app, detect);
  CLI::App* roundtrip_cmd = AddRoundtripCommand(app, roundtrip);
  CLI::App* export_cmd = AddExportCommand(app);
  CompareCommandOptions compare;
  CLI::App* compare_cmd = AddCompareCommand(app, compare);
  CLI::App* new_table_cmd = AddNewTableCommand(app);
  for (CLI::App* sub : app.get_subcommands({})) sub->allow_extras();

  if (argc > 1 && argv[1][0] != '-') {
    const std::vector<std::string> names = SubcommandNames(app);
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      PrintError(std::string("unknown command '") + argv[1] + "'" + DidYouMean(argv[1], names) +
                 "; see 'ortaq --help'");
      return kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help/version to stdout, errors to stderr
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (CLI::App* sub : app.get_subcommands())
    if (ReportUnknownArguments(*sub)) return kExitUsage;
  try {
    if (convert_cmd->parsed()) return RunConvert(convert, *convert_cmd);
    if (list_cmd->parsed()) return RunList(list);
    if (check_cmd->parsed()) return RunCheck(check);
    if (test_cmd->parsed()) return RunTest(test);
    if (detect_cmd->parsed()) return RunDetect(detect);
    if (roundtrip_cmd->parsed()) return RunRoundtrip(roundtrip);
    if (export_cmd->parsed()) return RunExport();
    if (compare_cmd->parsed()) return RunCompare(compare);
    if (new_table_cmd->parsed()) return RunNewTable();
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return kExitUsage;
  }
  return kExitUsage;
}
