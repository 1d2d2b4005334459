// The `ortaq` command: parses the command line with CLI11 and hands over to one subcommand.
#include <cstdio>
#include <string>

#include "cli_common.hpp"
#include "commands.hpp"
#include "compare_command.hpp"

int main(int argc, char** argv) {
  using namespace ortaq::cli;
  CLI::App app{
      "ortaq — transliterate Turkic text between alphabets (Kazakh Cyrillic into the Common Turkic\n"
      "Alphabet and the Kazakh Latin alphabets), driven by rule tables.\n\n"
      "Exit codes: 0 ok; 1 bad data (invalid UTF-8, table errors, failed tests); 2 usage or I/O error.\n"
      "Tables are searched in $ORTAQ_TABLE_PATH (colon-separated), the source tree, and the install location.",
      "ortaq"};
  app.set_version_flag("--version", std::string("ortaq ") + std::string(ortaq::Version()));
  app.require_subcommand(1);

  ConvertOptions convert;
  CheckOptions check;
  TestOptions test;
  DetectOptions detect;
  RoundtripOptions roundtrip;
  CLI::App* convert_cmd = AddConvertCommand(app, convert);
  CLI::App* list_cmd = AddListCommand(app);
  CLI::App* check_cmd = AddCheckCommand(app, check);
  CLI::App* test_cmd = AddTestCommand(app, test);
  CLI::App* detect_cmd = AddDetectCommand(app, detect);
  CLI::App* roundtrip_cmd = AddRoundtripCommand(app, roundtrip);
  CompareCommandOptions compare;
  CLI::App* compare_cmd = AddCompareCommand(app, compare);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help/version to stdout, errors to stderr
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (convert_cmd->parsed()) return RunConvert(convert, *convert_cmd);
    if (list_cmd->parsed()) return RunList();
    if (check_cmd->parsed()) return RunCheck(check);
    if (test_cmd->parsed()) return RunTest(test);
    if (detect_cmd->parsed()) return RunDetect(detect);
    if (roundtrip_cmd->parsed()) return RunRoundtrip(roundtrip);
    if (compare_cmd->parsed()) return RunCompare(compare);
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return kExitUsage;
  }
  return kExitUsage;
}
