// `ortaq convert`'s options: their names, help, checks and the examples --help ends with.
// What they do is in convert_command.cpp.
#include <map>

#include "cli_common.hpp"
#include "commands.hpp"

namespace ortaq::cli {
namespace {

// An option's value read from a fixed set of names (an enum), and shown in --help by the
// option's type name alone.
template <typename Enum>
CLI::CheckedTransformer Choices(std::map<std::string, Enum> names) {
  CLI::CheckedTransformer transformer(std::move(names));
  transformer.description("");
  return transformer;
}

}  // namespace

CLI::App* AddConvertCommand(CLI::App& app, ConvertOptions& options) {
  CLI::App* cmd = app.add_subcommand("convert", "Convert text from one alphabet to another");
  cmd->add_option("-f,--from", options.from,
                  "Source alphabet id, e.g. kk-Cyrl (required); 'auto' detects kk-Cyrl, kk-Latn-2017/2018/2021,\n"
                  "cta-2024 or tr-Latn (see 'ortaq detect --help'), and refuses (exit 1, FILE:LINE) text in a\n"
                  "language ortaq does not convert; with --detect=line, a line in such a language (p >= 0.5) stops it")
      ->type_name("ID");
  cmd->add_option("--detect", options.detect, "With --from auto: one guess per input (default) or per line")
      ->transform(Choices<DetectScope>({{"input", DetectScope::kInput}, {"line", DetectScope::kLine}}))
      ->type_name("input|line");
  cmd->add_option("-t,--to", options.to, "Target alphabet id (e.g. cta-2024), or the path of a .tbl file (required)")
      ->type_name("ID|FILE");
  cmd->add_option("--set", options.settings, "Set a table option, KEY=VALUE (repeatable; see 'ortaq list')")
      ->check(CLI::Validator(KeyValueValidator::Check, ""))
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);  // one value per --option, so files after it stay files
  CLI::Option* output = cmd->add_option("-o,--output", options.output,
                  "Write to this file: a regular file is replaced whole or not at all, a device or FIFO "
                  "written through, a symbolic link followed")
      ->type_name("FILE");
  cmd->add_flag("--in-place{}", options.in_place_suffix,
                "Replace each FILE with its conversion; --in-place=SUFFIX keeps the original as FILE+SUFFIX. "
                "Follows symbolic links; refuses files with several hard links")
      ->excludes(output);
  cmd->add_option("--invalid", options.invalid, "What to do with invalid UTF-8: error (default), replace (U+FFFD) or skip")
      ->transform(Choices<InvalidInputPolicy>({{"error", InvalidInputPolicy::kError},
                                               {"replace", InvalidInputPolicy::kReplace},
                                               {"skip", InvalidInputPolicy::kSkip}}))
      ->type_name("error|replace|skip");
  cmd->add_option("-j,--jobs", options.jobs,
                  "Threads, 1 to 64 (default 1); output is the same byte for byte. Used for plain text (chains of "
                  "tables too), every --format, and --from auto; --detect=line and the record options (--field, "
                  "--jsonl, -z, --line-buffered, --report-invalid) always run on one thread")
      ->check(CLI::Range(1, 64).description(""))
      ->type_name("N");
  cmd->add_option("--format", options.format,
                  "text (default), html, xml, markdown or srt: in markup, only the text people read is converted")
      ->transform(Choices<Format>({{"text", Format::kText}, {"html", Format::kHtml}, {"xml", Format::kXml},
                                   {"markdown", Format::kMarkdown}, {"md", Format::kMarkdown}, {"srt", Format::kSrt}}))
      ->type_name("text|html|xml|markdown|srt");
  cmd->add_flag("--no-pass-through", options.no_pass_through,
                "Convert URLs, e-mail addresses, @handles, #hashtags in other scripts, paths and Roman numerals like other text");
  cmd->add_flag("--no-foreign", options.no_foreign,
                "Convert words with letters foreign to the source alphabet (kept as written by default)");
  cmd->add_flag("--no-repair", options.no_repair,
                "Do not read Latin look-alikes inside Cyrillic words (cәл) as the Cyrillic letter");
  cmd->add_flag("--keep-hashtags", options.keep_hashtags,
                "Copy #hashtags in the source script (#тіл) as written; by default they are converted");
  cmd->add_flag("--stats", options.stats,
                "Print on stderr how many letters were repaired, tokens passed through, words kept as foreign");
  cmd->add_flag("--json", options.json, "With --stats: print them as one JSON object");
  cmd->add_flag("--fail-fast", options.fail_fast,
                "Stop at the first input that fails (default: convert every input that can be, report each "
                "failure, exit non-zero at the end)");
  CLI::Option* progress = cmd->add_flag_callback(
      "--progress", [&options] { options.progress = ProgressMode::kAlways; },
      "Show a progress line on stderr when it is a terminal (by default: for inputs over 4 MiB)");
  cmd->add_flag_callback("--no-progress", [&options] { options.progress = ProgressMode::kNever; },
                         "Never show the progress line")
      ->excludes(progress);
  cmd->add_flag("--line-buffered", options.line_buffered,
                "Convert and write (flush) each line as it comes, for coprocesses; the default when standard input "
                "is a terminal");
  cmd->add_flag("-z,--null-data", options.null_data, "Records end with NUL, not newline (with the record options)");
  cmd->add_option("--field", options.field, "Convert only the Nth tab-separated field of each record; copy the rest")
      ->check(CLI::Range(1, 1 << 30).description(""))
      ->type_name("N");
  cmd->add_option("--jsonl", options.jsonl_key,
                  "Each record is a JSON object: convert only the string member KEY; copy the rest byte for byte")
      ->type_name("KEY")
      ->excludes("--field");
  cmd->add_option("--report-invalid", options.report_invalid,
                  "With --invalid=replace or skip: list the records that had invalid UTF-8 in FILE "
                  "(input, record number, byte offset; tab-separated)")
      ->type_name("FILE");
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input")->type_name("FILE");
  cmd->footer(
      "Several inputs: every input that can be converted is; each failure is reported as file:line:column and the "
      "exit code is non-zero at the end. With -o a regular file is replaced only if every input converted. "
      "--fail-fast stops at the first failure.\n\n"
      "Examples:\n"
      "  $ echo 'Қазақстан' | ortaq convert -f kk-Cyrl -t cta-2024\n"
      "  $ ortaq convert -f auto -t kk-Latn-2021 notes.txt -o notes.latn.txt\n"
      "  $ ortaq convert -f kk-Cyrl -t cta-2024 --jsonl text records.jsonl\n");
  return cmd;
}

}  // namespace ortaq::cli
