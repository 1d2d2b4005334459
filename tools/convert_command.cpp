// `ortaq convert`: files or standard input through one table, to standard output, a file, or
// back into each file. Input is read and converted in chunks, so memory stays small whatever
// the size of the file or the length of its lines.
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "cli_common.hpp"
#include "ortaq/markup.hpp"
#include "commands.hpp"
#include "parallel_convert.hpp"
#include "safe_output.hpp"

namespace ortaq::cli {
namespace {

constexpr std::size_t kChunkBytes = 1 << 16;
// What the engine's own rules did, over all inputs (printed by --stats).
ConversionStats g_stats;
constexpr std::size_t kDetectBytes = 1 << 20;  // how much of an input --from auto reads to decide

// Where converted text goes.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool Write(std::string_view data, std::string* error) = 0;
};

class StdoutSink : public Sink {
 public:
  bool Write(std::string_view data, std::string* error) override { return WriteStdout(data, error); }
};

class FileSink : public Sink {
 public:
  explicit FileSink(AtomicFile* file) : file_(*file) {}
  bool Write(std::string_view data, std::string* error) override { return file_.Write(data, error); }

 private:
  AtomicFile& file_;
};

// Which transliterator converts an input: one fixed table, or one chosen by detecting the
// input's alphabet (`--from auto`), for the whole input or for each line.
class Source {
 public:
  Source(std::string from, std::string to, Options options, bool per_line, Format format)
      : from_(std::move(from)), to_(std::move(to)), options_(std::move(options)), per_line_(per_line), format_(format) {}

  bool automatic() const { return from_ == "auto"; }
  Format format() const { return format_; }
  int jobs() const { return jobs_; }
  void set_jobs(int jobs) { jobs_ = jobs; }
  bool per_line() const { return per_line_; }

  // The transliterator from `from` (a detected id, or the fixed --from) to the target; nullptr
  // when `from` already is the target (the text is copied).
  std::shared_ptr<const Transliterator> For(const std::string& from, Status* status) {
    *status = Status();
    if (from == to_) return nullptr;
    auto it = cache_.find(from);
    if (it != cache_.end()) return it->second;
    auto t = Transliterator::FromIds(from, to_, options_, status);
    if (t) cache_.emplace(from, t);
    return t;
  }
  const std::string& from() const { return from_; }

 private:
  std::string from_, to_;
  Options options_;
  bool per_line_;
  Format format_;
  int jobs_ = 1;
  std::map<std::string, std::shared_ptr<const Transliterator>> cache_;
};

struct InputFile {
  std::FILE* file = nullptr;
  bool owned = false;
  ~InputFile() {
    if (owned && file) std::fclose(file);
  }
};

// Opens a named input ("-" is standard input). Prints the error and returns false on failure.
bool OpenInput(const std::string& name, InputFile* input) {
  if (name == "-") {
    input->file = stdin;
    return true;
  }
  struct stat st;
  if (::stat(name.c_str(), &st) != 0) {
    PrintError(name + ": cannot open: " + std::strerror(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    PrintError(name + ": cannot convert a directory");
    return false;
  }
  input->file = std::fopen(name.c_str(), "rb");
  if (!input->file) {
    PrintError(name + ": cannot open: " + std::strerror(errno));
    return false;
  }
  input->owned = true;
  return true;
}

// Streams one input through the transliterator into the sink, `head` (already read from `in`)
// first. A null transliterator copies. Returns an exit code.
int StreamOne(const Transliterator* transliterator, const std::string& name, std::FILE* in, std::string_view head,
              Sink& sink) {
  std::string error;
  const std::string display = name == "-" ? "<stdin>" : name;
  if (!transliterator) {  // the input is already in the target alphabet
    std::string chunk(kChunkBytes, '\0');
    if (!sink.Write(head, &error)) {
      PrintError(error);
      return kExitUsage;
    }
    for (;;) {
      const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in);
      if (!sink.Write(std::string_view(chunk.data(), got), &error)) {
        PrintError(error);
        return kExitUsage;
      }
      if (got < chunk.size()) break;
    }
    return kExitOk;
  }
  std::unique_ptr<Stream> stream = transliterator->NewStream();
  if (!stream) {
    PrintError("out of memory");
    return kExitUsage;
  }
  std::string chunk(kChunkBytes, '\0');
  std::string output;
  auto report = [&](const Status& status) { return ReportInputStatus(display, status); };
  if (!head.empty()) {
    Status status = stream->Write(head, &output, nullptr, &g_stats);
    if (!status.ok()) return report(status);
    if (!sink.Write(output, &error)) {
      PrintError(error);
      return kExitUsage;
    }
  }
  for (;;) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in);
    if (got > 0) {
      output.clear();
      Status status = stream->Write(std::string_view(chunk.data(), got), &output, nullptr, &g_stats);
      if (!status.ok()) return report(status);
      if (!sink.Write(output, &error)) {
        PrintError(error);
        return kExitUsage;
      }
    }
    if (got < chunk.size()) {
      if (std::ferror(in)) {
        PrintError(display + ": read error: " + std::strerror(errno));
        return kExitUsage;
      }
      break;
    }
  }
  output.clear();
  Status status = stream->Finish(&output, nullptr, &g_stats);
  if (!status.ok()) return report(status);
  if (!sink.Write(output, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

// Converts line by line, detecting each line's alphabet (`--detect=line`). A line without
// letters keeps the alphabet of the line before it.
int ConvertLines(Source& source, const std::string& name, std::FILE* in, Sink& sink) {
  const std::string display = name == "-" ? "<stdin>" : name;
  char* line = nullptr;
  std::size_t capacity = 0;
  std::string current = "";
  std::string output, error;
  std::uint64_t line_number = 0, offset = 0;
  int code = kExitOk;
  for (;;) {
    const ssize_t got = ::getline(&line, &capacity, in);
    if (got < 0) break;
    ++line_number;
    const std::string_view text(line, static_cast<std::size_t>(got));
    const Detection detection = DetectSource(text);
    if (!detection.id.empty()) current = detection.id;
    if (current.empty()) {
      output.assign(text);  // nothing to go by yet: no letters so far
    } else {
      Status status;
      auto t = source.For(current, &status);
      if (!t && !status.ok()) {
        code = ReportStatus(status);
        break;
      }
      if (!t) {
        output.assign(text);
      } else {
        status = t->Transliterate(text, &output, nullptr, &g_stats);
        if (!status.ok()) {
          if (status.code() == StatusCode::kInvalidInput) {
            InputPosition p = status.position();
            p.line = line_number;
            p.byte_offset += offset;
            status = Status::InvalidInput(status.message(), p);
          }
          code = ReportInputStatus(display, status);
          break;
        }
      }
    }
    if (!sink.Write(output, &error)) {
      PrintError(error);
      code = kExitUsage;
      break;
    }
    offset += static_cast<std::uint64_t>(got);
  }
  std::free(line);
  return code;
}

// Markup formats need the whole document: reads it, converts its readable text, writes it.
int ConvertMarkup(Source& source, const std::string& name, std::FILE* in, Sink& sink) {
  const std::string display = name == "-" ? "<stdin>" : name;
  std::string text, chunk(kChunkBytes, '\0');
  for (;;) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in);
    text.append(chunk.data(), got);
    if (got < chunk.size()) break;
  }
  if (std::ferror(in)) {
    PrintError(display + ": read error: " + std::strerror(errno));
    return kExitUsage;
  }
  Status status;
  std::string from = source.from();
  if (source.automatic()) {
    from = DetectSource(text).id;
    if (from.empty()) {
      if (text.empty()) return kExitOk;
      PrintError(display + ": cannot tell which alphabet this is (no letters to go by); give --from");
      return kExitBadData;
    }
  }
  auto t = source.For(from, &status);
  if (!t && !status.ok()) return ReportStatus(status);
  std::string output, error;
  if (!t) {
    output = std::move(text);
  } else {
    status = TransliterateMarkup(*t, source.format(), text, &output);
    if (!status.ok()) return ReportInputStatus(display, status);
  }
  if (!sink.Write(output, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

// Converts one input with the source's transliterator, or the one its detected alphabet needs.
int ConvertOne(Source& source, const std::string& name, std::FILE* in, Sink& sink) {
  if (source.format() != Format::kText) return ConvertMarkup(source, name, in, sink);
  Status status;
  if (!source.automatic()) {
    auto t = source.For(source.from(), &status);
    if (!t && !status.ok()) return ReportStatus(status);
    if (t && source.jobs() > 1 && !t->chained())
      return ConvertInParallel(*t, name == "-" ? "<stdin>" : name, in, source.jobs(),
                               [&](std::string_view data, std::string* error) { return sink.Write(data, error); },
                               &g_stats);
    return StreamOne(t.get(), name, in, {}, sink);
  }
  if (source.per_line()) return ConvertLines(source, name, in, sink);
  // Whole input: detect from its first MiB, then convert all of it with one table.
  std::string head(kDetectBytes, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), in));
  const Detection detection = DetectSource(head);
  const std::string display = name == "-" ? "<stdin>" : name;
  if (detection.id.empty()) {
    if (head.empty()) return kExitOk;
    PrintError(display + ": cannot tell which alphabet this is (no letters to go by); give --from");
    return kExitBadData;
  }
  auto t = source.For(detection.id, &status);
  if (!t && !status.ok()) return ReportStatus(status);
  return StreamOne(t.get(), name, in, head, sink);
}

int ConvertInPlace(Source& source, const std::string& name, const std::string& suffix) {
  struct stat st;
  if (::stat(name.c_str(), &st) != 0) {
    PrintError(name + ": cannot open: " + std::strerror(errno));
    return kExitUsage;
  }
  if (!S_ISREG(st.st_mode)) {
    PrintError(name + ": --in-place needs a regular file");
    return kExitUsage;
  }
  InputFile input;
  if (!OpenInput(name, &input)) return kExitUsage;
  AtomicFile out;
  std::string error;
  if (!out.Open(name, name, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  FileSink sink(&out);
  const int code = ConvertOne(source, name, input.file, sink);
  if (code != kExitOk) return code;  // the temporary file is removed; the original is untouched
  if (!suffix.empty()) {
    // Keep the original under the backup name too (a second link: the original name stays
    // in place until the converted file is renamed over it).
    const std::string backup = name + suffix;
    ::unlink(backup.c_str());
    if (::link(name.c_str(), backup.c_str()) != 0) {
      PrintError(name + ": cannot make the backup '" + backup + "': " + std::strerror(errno));
      return kExitUsage;
    }
  }
  if (!out.Commit(&error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

CLI::App* AddConvertCommand(CLI::App& app, ConvertOptions& options) {
  CLI::App* cmd = app.add_subcommand("convert", "Convert text from one alphabet to another");
  cmd->add_option("--from", options.from,
                  "Source alphabet id, e.g. kk-Cyrl; 'auto' detects kk-Cyrl, kk-Latn-2017/2018/2021 or tr-Latn")
      ->required();
  cmd->add_option("--detect", options.detect, "With --from auto: one guess per input (default) or per line")
      ->check(CLI::IsMember({"input", "line"}));
  cmd->add_option("--to", options.to, "Target alphabet id (e.g. cta-2024), or the path of a .tbl file")->required();
  cmd->add_option("--set", options.settings, "Set a table option, KEY=VALUE (repeatable; see 'ortaq list')")
      ->allow_extra_args(false);  // one value per --option, so files after it stay files
  cmd->add_option("-o,--output", options.output, "Write to this file (created whole, or not at all)");
  cmd->add_flag("--in-place{}", options.in_place_suffix,
                "Replace each FILE with its conversion; --in-place=SUFFIX keeps the original as FILE+SUFFIX");
  cmd->add_option("--invalid", options.invalid, "What to do with invalid UTF-8: error (default), replace (U+FFFD) or skip")
      ->check(CLI::IsMember({"error", "replace", "skip"}));
  cmd->add_option("-j,--jobs", options.jobs, "Threads for large plain-text inputs (default 1); output is the same")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--format", options.format,
                  "text (default), html, xml, markdown or srt: in markup, only the text people read is converted")
      ->check(CLI::IsMember({"text", "html", "xml", "markdown", "md", "srt"}));
  cmd->add_flag("--no-pass-through", options.no_pass_through,
                "Convert URLs, e-mail addresses, @handles, #hashtags, paths and Roman numerals like other text");
  cmd->add_flag("--no-foreign", options.no_foreign,
                "Convert words with letters foreign to the source alphabet (kept as written by default)");
  cmd->add_flag("--no-repair", options.no_repair,
                "Do not read Latin look-alikes inside Cyrillic words (cәл) as the Cyrillic letter");
  cmd->add_flag("--keep-hashtags", options.keep_hashtags,
                "Copy #hashtags in the source script (#тіл) as written; by default they are converted");
  cmd->add_flag("--stats", options.stats,
                "Print on stderr how many letters were repaired, tokens passed through, words kept as foreign");
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input");
  return cmd;
}

namespace {

void PrintStats() {
  std::fprintf(stderr, "ortaq: stats: %llu look-alike letters repaired, %llu tokens passed through, %llu foreign words kept\n",
               static_cast<unsigned long long>(g_stats.repaired_letters),
               static_cast<unsigned long long>(g_stats.protected_tokens),
               static_cast<unsigned long long>(g_stats.foreign_words));
}

int RunConvertInner(const ConvertOptions& options, const CLI::App& command);

}  // namespace

int RunConvert(const ConvertOptions& options, const CLI::App& command) {
  const int code = RunConvertInner(options, command);
  if (options.stats) PrintStats();
  return code;
}

namespace {

int RunConvertInner(const ConvertOptions& options, const CLI::App& command) {
  const bool in_place = command.count("--in-place") > 0;
  std::string suffix = options.in_place_suffix;
  if (in_place && !options.output.empty()) {
    PrintError("--in-place and --output cannot be used together");
    return kExitUsage;
  }
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  if (in_place) {
    for (const auto& f : files) {
      if (f == "-") {
        PrintError("--in-place needs files, not standard input");
        return kExitUsage;
      }
    }
  }
  Options library_options;
  for (const std::string& s : options.settings) {
    std::pair<std::string, std::string> setting;
    if (!SplitSetting(s, &setting)) {
      PrintError("--set takes KEY=VALUE, not '" + s + "'");
      return kExitUsage;
    }
    library_options.settings.push_back(setting);
  }
  library_options.pass_through = !options.no_pass_through;
  library_options.foreign_words = !options.no_foreign;
  library_options.repair_lookalikes = !options.no_repair;
  library_options.convert_hashtags = !options.keep_hashtags;
  library_options.invalid_input = options.invalid == "replace" ? InvalidInputPolicy::kReplace
                                  : options.invalid == "skip"  ? InvalidInputPolicy::kSkip
                                                               : InvalidInputPolicy::kError;
  if (options.detect != "input" && options.from != "auto") {
    PrintError("--detect goes with --from auto");
    return kExitUsage;
  }
  Format format = Format::kText;
  ParseFormat(options.format, &format);  // the option's check allows only known names
  if (format != Format::kText && options.detect == "line") {
    PrintError("--detect=line works on plain text only (--format=text)");
    return kExitUsage;
  }
  Source source(options.from, options.to, library_options, options.detect == "line", format);
  source.set_jobs(options.jobs);
  if (!source.automatic()) {
    // Load the table before touching any file, so a bad table or option costs nothing.
    Status status;
    auto t = source.For(options.from, &status);
    if (!t && !status.ok()) return ReportStatus(status);
  }

  if (in_place) {
    int worst = kExitOk;
    for (const auto& f : files) worst = std::max(worst, ConvertInPlace(source, f, suffix));
    return worst;
  }
  if (!options.output.empty()) {
    // Open every input first: a missing input must not cost the user an existing output file.
    std::vector<std::unique_ptr<InputFile>> inputs;
    for (const auto& f : files) {
      inputs.push_back(std::make_unique<InputFile>());
      if (!OpenInput(f, inputs.back().get())) return kExitUsage;
    }
    AtomicFile out;
    std::string error;
    if (!out.Open(options.output, "", &error)) {
      PrintError(error);
      return kExitUsage;
    }
    FileSink sink(&out);
    for (std::size_t i = 0; i < files.size(); ++i) {
      const int code = ConvertOne(source, files[i], inputs[i]->file, sink);
      if (code != kExitOk) return code;
    }
    if (!out.Commit(&error)) {
      PrintError(error);
      return kExitUsage;
    }
    return kExitOk;
  }
  StdoutSink sink;
  for (const auto& f : files) {
    InputFile input;
    if (!OpenInput(f, &input)) return kExitUsage;
    const int code = ConvertOne(source, f, input.file, sink);
    if (code != kExitOk) return code;
  }
  if (std::fflush(stdout) != 0) {
    PrintError(std::string("cannot write to standard output: ") + std::strerror(errno));
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

}  // namespace ortaq::cli
