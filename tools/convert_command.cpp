// `ortaq convert`: files or standard input through one table, to standard output, a file, or
// back into each file. Input is read and converted in chunks, so memory stays small whatever
// the size of the file or the length of its lines.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <map>
#include <optional>
#include <memory>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "cli_common.hpp"
#include "ortaq/markup.hpp"
#include "commands.hpp"
#include "ortaq/tools.hpp"
#include "parallel_convert.hpp"
#include "parallel_markup.hpp"
#include "progress.hpp"
#include "records_convert.hpp"
#include "safe_output.hpp"
#include "suggest.hpp"

namespace ortaq::cli {
namespace {

// Read size: 256 KiB reads cost a quarter of the calls of 64 KiB ones; the stream's buffer and
// the chunk's output stay well under the command's 16 MiB.
constexpr std::size_t kChunkBytes = 1 << 18;
constexpr std::size_t kDetectBytes = 1 << 20;  // how much of an input --from auto reads to decide

// Why --from auto does not convert a text whose detection gave no alphabet to read; `line` is
// where the evidence is (0: the input as a whole).
std::string RefusalOf(const std::string& display, std::uint64_t line, const Detection& d) {
  const std::string where = line ? display + ":" + std::to_string(line) : display;
  if (!d.error.empty()) return d.error;
  if (d.letters == 0) return where + ": cannot tell which alphabet this is (no letters to go by); give --from";
  if (d.language.empty())
    return where + ": cannot tell which alphabet this is (no language ortaq knows fits it); give --from";
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", d.confidence);
  return where + ": this looks like " + d.language + " (p=" + confidence +
         "), which ortaq does not convert; give --from to convert it anyway";
}

// The first line of `text` detected as the language of the whole (where a reader can see it).
std::uint64_t FirstLineIn(std::string_view text, const std::string& language) {
  std::uint64_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    ++number;
    if (DetectSource(text.substr(start, end - start)).language == language) return number;
    start = end + 1;
  }
  return 1;
}

// Where converted text goes.
using Sink = WriteFunction;

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
  // What the engine's own rules did, over all inputs (printed by --stats).
  ConversionStats* stats() { return &stats_; }
  // Set when records are converted one by one (records_convert.hpp).
  const RecordMode* records() const { return records_ ? &*records_ : nullptr; }
  void set_records(RecordMode mode) { records_ = std::move(mode); }

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
  ConversionStats stats_;
  std::optional<RecordMode> records_;
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
              const Sink& sink, ConversionStats* stats) {
  std::string error;
  const std::string display = name == "-" ? "<stdin>" : name;
  if (!transliterator) {  // the input is already in the target alphabet
    std::string chunk(kChunkBytes, '\0');
    if (!sink(head, &error)) {
      PrintError(error);
      return kExitUsage;
    }
    for (;;) {
      const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in);
      if (!sink(std::string_view(chunk.data(), got), &error)) {
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
    Status status = stream->Write(head, &output, nullptr, stats);
    if (!status.ok()) return report(status);
    if (!sink(output, &error)) {
      PrintError(error);
      return kExitUsage;
    }
  }
  for (;;) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in);
    if (got > 0) {
      output.clear();
      Status status = stream->Write(std::string_view(chunk.data(), got), &output, nullptr, stats);
      if (!status.ok()) return report(status);
      if (!sink(output, &error)) {
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
  Status status = stream->Finish(&output, nullptr, stats);
  if (!status.ok()) return report(status);
  if (!sink(output, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

// Converts line by line, detecting each line's alphabet (`--detect=line`). A line without
// letters keeps the alphabet of the line before it.
int ConvertLines(Source& source, const std::string& name, std::FILE* in, const Sink& sink) {
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
    // A line confidently in a language ortaq does not convert is refused; a short or unclear
    // one keeps the alphabet of the line before it.
    if (!detection.error.empty() || (detection.id.empty() && !detection.language.empty() && detection.confidence >= 0.5)) {
      PrintError(RefusalOf(display, line_number, detection));
      code = kExitBadData;
      break;
    }
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
        status = t->Transliterate(text, &output, nullptr, source.stats());
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
    if (!sink(output, &error)) {
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
int ConvertMarkup(Source& source, const std::string& name, std::FILE* in, const Sink& sink) {
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
    const Detection detection = DetectSource(text);
    from = detection.id;
    if (from.empty()) {
      if (text.empty()) return kExitOk;
      PrintError(RefusalOf(display, detection.language.empty() ? 0 : FirstLineIn(text, detection.language), detection));
      return kExitBadData;
    }
  }
  auto t = source.For(from, &status);
  if (!t && !status.ok()) return ReportStatus(status);
  std::string output, error;
  if (!t) {
    output = std::move(text);
  } else {
    status = source.jobs() > 1
                 ? ConvertMarkupInParallel(*t, source.format(), text, source.jobs(), &output, source.stats())
                 : TransliterateMarkup(*t, source.format(), text, &output, nullptr, source.stats());
    if (!status.ok()) return ReportInputStatus(display, status);
  }
  if (!sink(output, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

// Converts one input with the source's transliterator, or the one its detected alphabet needs.
int ConvertOne(Source& source, const std::string& name, std::FILE* in, const Sink& sink) {
  if (source.format() != Format::kText) return ConvertMarkup(source, name, in, sink);
  const std::string display = name == "-" ? "<stdin>" : name;
  Status status;
  if (!source.automatic()) {
    auto t = source.For(source.from(), &status);
    if (!t && !status.ok()) return ReportStatus(status);
    if (source.records()) return ConvertRecords(t.get(), *source.records(), display, in, sink, source.stats());
    if (t && source.jobs() > 1) return ConvertFileInParallel(*t, display, in, {}, source.jobs(), sink, source.stats());
    return StreamOne(t.get(), name, in, {}, sink, source.stats());
  }
  if (source.per_line()) return ConvertLines(source, name, in, sink);
  // Whole input: detect from its first MiB, then convert all of it with one table.
  std::string head(kDetectBytes, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), in));
  const Detection detection = DetectSource(head);
  if (detection.id.empty()) {
    if (head.empty()) return kExitOk;
    PrintError(RefusalOf(display, detection.language.empty() ? 0 : FirstLineIn(head, detection.language), detection));
    return kExitBadData;
  }
  auto t = source.For(detection.id, &status);
  if (!t && !status.ok()) return ReportStatus(status);
  if (t && source.jobs() > 1) return ConvertFileInParallel(*t, display, in, head, source.jobs(), sink, source.stats());
  return StreamOne(t.get(), name, in, head, sink, source.stats());
}

// --in-place on one file. A symbolic link is followed: the file it points to is converted and
// the link kept. A file with more than one hard link is refused: replacing it would split it
// from its other names, and rewriting it where it lies could leave it half-written.
int ConvertInPlace(Source& source, const std::string& name, const std::string& suffix, Progress& progress) {
  std::string target, error;
  if (!FollowLinks(name, &target, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  struct stat st;
  if (::stat(target.c_str(), &st) != 0) {
    PrintError(name + ": cannot open: " + std::strerror(errno));
    return kExitUsage;
  }
  if (!S_ISREG(st.st_mode)) {
    PrintError(name + ": --in-place needs a regular file");
    return kExitUsage;
  }
  if (st.st_nlink > 1) {
    PrintError(name + ": has " + std::to_string(st.st_nlink) +
               " hard links; --in-place would split it from its other names, so it is left as it is "
               "(convert with -o to a new file instead)");
    return kExitUsage;
  }
  InputFile input;
  if (!OpenInput(target, &input)) return kExitUsage;
  AtomicFile out;
  if (!out.Open(target, target, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  progress.StartFile(name, input.file);
  const int code = ConvertOne(source, name, input.file, [&](std::string_view d, std::string* e) { return out.Write(d, e); });
  progress.EndFile();
  if (code != kExitOk) return code;  // the temporary file is removed; the original is untouched
  if (!suffix.empty()) {
    // Keep the original under the backup name too (a second link: the original name stays
    // in place until the converted file is renamed over it).
    const std::string backup = target + suffix;
    ::unlink(backup.c_str());
    if (::link(target.c_str(), backup.c_str()) != 0) {
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

void PrintStats(const ConversionStats& stats, bool json) {
  const auto n = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
  if (json)
    std::fprintf(stderr, "{\"repaired_letters\": %llu, \"protected_tokens\": %llu, \"foreign_words\": %llu}\n",
                 n(stats.repaired_letters), n(stats.protected_tokens), n(stats.foreign_words));
  else
    std::fprintf(stderr,
                 "ortaq: stats: %llu look-alike letters repaired, %llu tokens passed through, %llu foreign words kept\n",
                 n(stats.repaired_letters), n(stats.protected_tokens), n(stats.foreign_words));
}

// The record mode the options ask for, if any; --line-buffered is implied when standard input
// is a terminal (a person typing: each line is converted as it is entered).
std::optional<RecordMode> RecordModeOf(const ConvertOptions& options, const std::vector<std::string>& files) {
  const bool typing = files.size() == 1 && files[0] == "-" && ::isatty(STDIN_FILENO) && options.format == Format::kText;
  if (!options.line_buffered && !options.null_data && options.field == 0 && options.jsonl_key.empty() &&
      options.report_invalid.empty() && !typing)
    return std::nullopt;
  RecordMode mode;
  mode.separator = options.null_data ? '\0' : '\n';
  mode.flush_each = options.line_buffered || typing;
  mode.field = options.field;
  mode.jsonl_key = options.jsonl_key;
  return mode;
}

// Usage errors between options that CLI11 cannot express; "" when they fit together.
std::string Conflicts(const ConvertOptions& o, bool records, bool in_place, const std::vector<std::string>& files) {
  if (in_place && std::find(files.begin(), files.end(), "-") != files.end())
    return "--in-place needs files, not standard input";
  if (o.detect == DetectScope::kLine && o.from != "auto") return "--detect goes with --from auto";
  if (o.format != Format::kText && o.detect == DetectScope::kLine)
    return "--detect=line works on plain text only (--format=text)";
  if (!o.report_invalid.empty() && o.invalid == InvalidInputPolicy::kError)
    return "--report-invalid goes with --invalid=replace or --invalid=skip";
  if (records && o.format != Format::kText) return "the record options work on plain text only (--format=text)";
  if (records && o.from == "auto") return "the record options need a fixed --from (not auto)";
  return "";
}

// After a table failed to load with --set options: a close option name for each unknown key.
void SuggestSettingNames(const std::string& from, const std::string& to, const Options& options) {
  Status status;
  auto probe = Transliterator::FromIds(from, to, Options{}, &status);
  if (!probe) return;
  std::vector<std::string> names;
  for (const OptionInfo& o : probe->info().options) names.push_back(o.name);
  for (const auto& [key, value] : options.settings)
    if (std::find(names.begin(), names.end(), key) == names.end())
      if (const std::string match = ClosestMatch(key, names); !match.empty())
        PrintError("--set " + key + ": did you mean '" + match + "'?");
}

int ConvertToStdout(Source& source, const std::vector<std::string>& files, bool fail_fast, bool flush_each,
                    Progress& progress) {
  const Sink sink = [flush_each](std::string_view data, std::string* error) {
    if (!WriteStdout(data, error)) return false;
    if (flush_each && std::fflush(stdout) != 0) {
      *error = std::string("cannot write to standard output: ") + std::strerror(errno);
      return false;
    }
    return true;
  };
  int worst = kExitOk;
  for (const auto& f : files) {
    InputFile input;
    int code = kExitUsage;
    if (OpenInput(f, &input)) {
      progress.StartFile(f, input.file);
      code = ConvertOne(source, f, input.file, sink);
      progress.EndFile();
    }
    worst = std::max(worst, code);
    if (code != kExitOk && fail_fast) break;
  }
  if (std::fflush(stdout) != 0) {
    PrintError(std::string("cannot write to standard output: ") + std::strerror(errno));
    return kExitUsage;
  }
  return worst;
}

// -o: every input into one output, written only if every input converted.
int ConvertToFile(Source& source, const std::vector<std::string>& files, const std::string& path, bool fail_fast,
                  Progress& progress) {
  // Open every input first: a missing input must not cost the user an existing output file.
  std::vector<std::unique_ptr<InputFile>> inputs;
  bool opened = true;
  for (const auto& f : files) {
    inputs.push_back(std::make_unique<InputFile>());
    opened = OpenInput(f, inputs.back().get()) && opened;
    if (!opened && fail_fast) break;
  }
  if (!opened) return kExitUsage;
  OutputFile out;
  std::string error;
  if (!out.Open(path, &error)) {
    PrintError(error);
    return kExitUsage;
  }
  const Sink sink = [&out](std::string_view d, std::string* e) { return out.Write(d, e); };
  int worst = kExitOk;
  for (std::size_t i = 0; i < files.size(); ++i) {
    progress.StartFile(files[i], inputs[i]->file);
    const int code = ConvertOne(source, files[i], inputs[i]->file, sink);
    progress.EndFile();
    worst = std::max(worst, code);
    if (code != kExitOk && fail_fast) break;
  }
  if (worst != kExitOk) {
    if (out.replaces()) PrintError("'" + path + "' was left as it was, since not every input converted");
    return worst;
  }
  if (!out.Commit(&error)) {
    PrintError(error);
    return kExitUsage;
  }
  return kExitOk;
}

int RunConvertChecked(const ConvertOptions& options, const CLI::App& command, Source& source,
                      const std::vector<std::string>& files) {
  Progress progress(ShouldShowProgress(options.progress == ProgressMode::kAuto     ? -1
                                       : options.progress == ProgressMode::kAlways ? 1
                                                                                   : 0,
                                       KnownInputBytes(files),
                                       command.count("--in-place") == 0 && options.output.empty()),
                    KnownInputBytes(files));
  if (command.count("--in-place") > 0) {
    int worst = kExitOk;
    for (const auto& f : files) {
      const int code = ConvertInPlace(source, f, options.in_place_suffix, progress);
      worst = std::max(worst, code);
      if (code != kExitOk && options.fail_fast) break;
    }
    return worst;
  }
  if (!options.output.empty()) return ConvertToFile(source, files, options.output, options.fail_fast, progress);
  return ConvertToStdout(source, files, options.fail_fast, source.records() && source.records()->flush_each, progress);
}

}  // namespace

int RunConvert(const ConvertOptions& options, const CLI::App& command) {
  if (options.from.empty() || options.to.empty()) {
    PrintError("convert needs --from and --to, e.g. 'ortaq convert --from kk-Cyrl --to cta-2024 FILE'");
    return kExitUsage;
  }
  std::string from = options.from, to = options.to;
  const std::vector<std::string> known = KnownAlphabetIds();
  if (!ReadAlphabetId("--from", &from, known) || !ReadAlphabetId("--to", &to, known)) return kExitUsage;
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  std::optional<RecordMode> records = RecordModeOf(options, files);
  const bool in_place = command.count("--in-place") > 0;
  if (const std::string conflict = Conflicts(options, records.has_value(), in_place, files); !conflict.empty()) {
    PrintError(conflict);
    return kExitUsage;
  }
  Options library_options;
  library_options.settings = ParseSettings(options.settings);
  library_options.pass_through = !options.no_pass_through;
  library_options.foreign_words = !options.no_foreign;
  library_options.repair_lookalikes = !options.no_repair;
  library_options.convert_hashtags = !options.keep_hashtags;
  library_options.invalid_input = options.invalid;
  Source source(from, to, library_options, options.detect == DetectScope::kLine, options.format);
  source.set_jobs(options.jobs);
  if (!source.automatic()) {
    // Load the table before touching any file, so a bad table or option costs nothing.
    Status status;
    auto t = source.For(from, &status);
    if (!t && !status.ok()) {
      const int code = ReportStatus(status);
      if (!library_options.settings.empty()) SuggestSettingNames(from, to, library_options);
      return code;
    }
  }
  // --report-invalid's list is collected in memory and written like -o, whole, at the end.
  OutputFile report;
  std::string error;
  char* report_text = nullptr;
  std::size_t report_size = 0;
  std::FILE* report_stream = nullptr;
  if (!options.report_invalid.empty()) {
    if (!report.Open(options.report_invalid, &error)) {
      PrintError(error);
      return kExitUsage;
    }
    report_stream = ::open_memstream(&report_text, &report_size);
    if (!report_stream) {
      PrintError("out of memory");
      return kExitUsage;
    }
  }
  if (records) {
    records->report = report_stream;
    source.set_records(*records);
  }
  int code = RunConvertChecked(options, command, source, files);
  if (options.stats) PrintStats(*source.stats(), options.json);
  if (report_stream) {
    std::fclose(report_stream);
    const bool written = report.Write(std::string_view(report_text, report_size), &error) && report.Commit(&error);
    std::free(report_text);
    if (!written) {
      PrintError(error);
      code = kExitUsage;
    }
  }
  return code;
}

}  // namespace ortaq::cli
