// `ortaq convert`: files or standard input through one table, to standard output, a file, or
// back into each file. Input is read and converted in chunks, so memory stays small whatever
// the size of the file or the length of its lines.
#include <cerrno>
#include <cstring>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

#include "cli_common.hpp"
#include "commands.hpp"
#include "safe_output.hpp"

namespace ortaq::cli {
namespace {

constexpr std::size_t kChunkBytes = 1 << 16;

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

// Streams one input through the transliterator into the sink. Returns an exit code.
int ConvertOne(const Transliterator& transliterator, const std::string& name, std::FILE* in, Sink& sink) {
  std::unique_ptr<Stream> stream = transliterator.NewStream();
  if (!stream) {
    PrintError("out of memory");
    return kExitUsage;
  }
  std::string chunk(kChunkBytes, '\0');
  std::string output;
  std::string error;
  const std::string display = name == "-" ? "<stdin>" : name;
  auto report = [&](const Status& status) {
    if (status.code() == StatusCode::kInvalidInput) {
      const InputPosition& p = status.position();
      PrintError(display + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
                 ": invalid UTF-8 (byte offset " + std::to_string(p.byte_offset) +
                 "); use --invalid=replace or --invalid=skip to convert anyway");
      return kExitBadData;
    }
    return ReportStatus(status);
  };
  for (;;) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in);
    if (got > 0) {
      output.clear();
      Status status = stream->Write(std::string_view(chunk.data(), got), &output);
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
  Status status = stream->Finish(&output);
  if (!status.ok()) return report(status);
  if (!sink.Write(output, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

int ConvertInPlace(const Transliterator& transliterator, const std::string& name, const std::string& suffix) {
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
  const int code = ConvertOne(transliterator, name, input.file, sink);
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
  cmd->add_option("--from", options.from, "Source alphabet id, e.g. kk-Cyrl")->required();
  cmd->add_option("--to", options.to, "Target alphabet id (e.g. cta-2024), or the path of a .tbl file")->required();
  cmd->add_option("--set", options.settings, "Set a table option, KEY=VALUE (repeatable; see 'ortaq list')")
      ->allow_extra_args(false);  // one value per --option, so files after it stay files
  cmd->add_option("-o,--output", options.output, "Write to this file (created whole, or not at all)");
  cmd->add_flag("--in-place{}", options.in_place_suffix,
                "Replace each FILE with its conversion; --in-place=SUFFIX keeps the original as FILE+SUFFIX");
  cmd->add_option("--invalid", options.invalid, "What to do with invalid UTF-8: error (default), replace (U+FFFD) or skip")
      ->check(CLI::IsMember({"error", "replace", "skip"}));
  cmd->add_option("files", options.files, "Input files; '-' or none reads standard input");
  return cmd;
}

int RunConvert(const ConvertOptions& options, const CLI::App& command) {
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
  library_options.invalid_input = options.invalid == "replace" ? InvalidInputPolicy::kReplace
                                  : options.invalid == "skip"  ? InvalidInputPolicy::kSkip
                                                               : InvalidInputPolicy::kError;
  Status status;
  auto transliterator = Transliterator::FromIds(options.from, options.to, library_options, &status);
  if (!transliterator) return ReportStatus(status);

  if (in_place) {
    int worst = kExitOk;
    for (const auto& f : files) worst = std::max(worst, ConvertInPlace(*transliterator, f, suffix));
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
      const int code = ConvertOne(*transliterator, files[i], inputs[i]->file, sink);
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
    const int code = ConvertOne(*transliterator, f, input.file, sink);
    if (code != kExitOk) return code;
  }
  if (std::fflush(stdout) != 0) {
    PrintError(std::string("cannot write to standard output: ") + std::strerror(errno));
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace ortaq::cli
