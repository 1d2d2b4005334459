// ortaq against ICU's rule-based transliterator, both converting Kazakh Cyrillic to the Common
// Turkic Alphabet 2024: ortaq with tables/kk-Cyrl--cta-2024.tbl (default options), ICU with the
// rules of bench/icu/kk-Cyrl-cta-2024.txt, written to give the same output.
//
// The text is every *.txt of ../shared/corpora/kk-Cyrl (next to the source tree), concatenated
// and repeated to at least ORTAQ_BENCH_MB MiB (default 10). ORTAQ_BENCH_CORPUS names
// another file or folder of .txt files instead.
//
// Before timing, both engines convert the whole text line by line and the number of lines whose
// outputs differ is printed to stderr, with the first five (a speed ratio means something only
// on equal output). It also goes to the JSON output's "context" as `differing_lines`.
//
// Throughput is bytes of UTF-8 input per second, wall-clock time. For ICU the conversion from
// and to UTF-8 is counted, because a user of UTF-8 text has to do it.
//
//   build/bench/compare_bench                                  # check, then every benchmark
//   build/bench/compare_bench --benchmark_filter=NONE          # the output check only
//   ORTAQ_BENCH_MB=50 build/bench/compare_bench --benchmark_filter=line_by_line
//
// bench/run.sh builds it (Release), runs it, and prints a table.
#include <benchmark/benchmark.h>
#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "must_succeed.hpp"
#include "ortaq/ortaq.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMiB = std::size_t{1} << 20;
constexpr std::size_t kOrtaqLongLine = 64 * kMiB;
// ICU's time grows with the square of the line length (see IcuOneLine): 64 MiB would take minutes.
constexpr std::size_t kIcuLongLine = 1 * kMiB;
constexpr std::size_t kIcuLongerLine = 8 * kMiB;
constexpr std::size_t kChunk = 4096;

// Prints "compare_bench: " and the parts to stderr, and exits with status 1.
template <typename... Parts>
[[noreturn]] void Fail(const Parts&... parts) {
  std::string message = "compare_bench: ";
  (message.append(std::string_view(parts)), ...);
  std::fprintf(stderr, "%s\n", message.c_str());
  std::exit(1);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail("cannot read ", path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t EnvSize(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  if (!value || !*value) return fallback;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(value, &end, 10);
  if (*end != '\0' || n == 0) Fail(name, " must be a positive whole number, not '", value, "'");
  return static_cast<std::size_t>(n);
}

// The corpus once: every .txt file of the folder, sorted by name, each ending with a newline.
const std::string& Corpus() {
  static const std::string text = [] {
    fs::path source = fs::path(ORTAQ_SOURCE_DIR) / ".." / "shared" / "corpora" / "kk-Cyrl";
    if (const char* env = std::getenv("ORTAQ_BENCH_CORPUS"); env && *env) source = env;
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_regular_file(source, ec)) {
      files.push_back(source);
    } else {
      for (const auto& entry : fs::directory_iterator(source, ec))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    if (files.empty()) Fail("no .txt files in ", source.string(), " (set ORTAQ_BENCH_CORPUS)");
    std::sort(files.begin(), files.end());
    std::string all;
    for (const fs::path& f : files) {
      all += ReadFile(f);
      if (!all.empty() && all.back() != '\n') all += '\n';
    }
    if (all.empty()) Fail("the corpus in ", source.string(), " is empty");
    std::fprintf(stderr, "corpus: %zu files, %zu bytes, from %s\n", files.size(), all.size(),
                 fs::weakly_canonical(source, ec).string().c_str());
    return all;
  }();
  return text;
}

// The benchmark text: whole copies of the corpus, at least ORTAQ_BENCH_MB MiB.
const std::string& Text() {
  static const std::string text = [] {
    const std::size_t mib = EnvSize("ORTAQ_BENCH_MB", 10);
    if (mib > 1024) Fail("ORTAQ_BENCH_MB is at most 1024 (ICU counts string lengths in int32_t)");
    const std::size_t want = mib * kMiB;
    const std::string& corpus = Corpus();
    std::string all;
    all.reserve(want + corpus.size());
    while (all.size() < want) all += corpus;
    return all;
  }();
  return text;
}

// The lines of the text, each with its newline.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

const std::vector<std::string_view>& Lines() {
  static const std::vector<std::string_view> lines = SplitLines(Text());
  return lines;
}

// The corpus as one line (newlines become spaces), repeated and cut to `size` bytes at a
// character boundary.
std::string OneLine(std::size_t size) {
  std::string line = Corpus();
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::string out;
  out.reserve(size + line.size());
  while (out.size() < size) out += line;
  std::size_t cut = size;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

// ---- the two engines -----------------------------------------------------------------------

std::shared_ptr<const ortaq::Transliterator> LoadOrtaq() {
  ortaq::Status status;
  // The ICU rules implement the table's letters; the engine's own text rules (pass-through of
  // URLs and hashtags, look-alike repair) are switched off so that both do the same work.
  ortaq::Options options;
  options.pass_through = false;
  options.repair_lookalikes = false;
  auto t = ortaq::Transliterator::FromIds("kk-Cyrl", "cta-2024", options, &status);
  if (!t) {
    std::string diagnostics;
    for (const ortaq::Diagnostic& d : status.diagnostics()) diagnostics.append("\n").append(d.Format());
    Fail("ortaq cannot load kk-Cyrl → cta-2024: ", status.message(), diagnostics);
  }
  return t;
}

const ortaq::Transliterator& Ortaq() {
  static const std::shared_ptr<const ortaq::Transliterator> t = LoadOrtaq();
  return *t;
}

fs::path IcuRulesPath() { return fs::path(ORTAQ_SOURCE_DIR) / "bench" / "icu" / "kk-Cyrl-cta-2024.txt"; }

const icu::UnicodeString& IcuRules() {
  static const icu::UnicodeString rules = [] {
    const std::string text = ReadFile(IcuRulesPath());
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  }();
  return rules;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Compiles the rules; returns nullptr and fills *error on failure.
std::unique_ptr<icu::Transliterator> CompileIcuRules(std::string* error) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
      "kk-Cyrl-cta-2024", IcuRules(), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !t) {
    if (error) {
      error->assign(u_errorName(status))
          .append(" at rule line ").append(std::to_string(parse_error.line))
          .append(", offset ").append(std::to_string(parse_error.offset))
          .append(", near '").append(ToUtf8(icu::UnicodeString(parse_error.preContext)))
          .append("' | '").append(ToUtf8(icu::UnicodeString(parse_error.postContext))).append("'");
    }
    return nullptr;
  }
  return t;
}

const icu::Transliterator& Icu() {
  static const std::unique_ptr<icu::Transliterator> t = [] {
    std::string error;
    auto compiled = CompileIcuRules(&error);
    if (!compiled) Fail("ICU cannot compile ", IcuRulesPath().string(), ": ", error);
    return compiled;
  }();
  return *t;
}

// What a user of UTF-8 text does with ICU: to UTF-16, transliterate, back to UTF-8.
void IcuConvert(const icu::Transliterator& t, std::string_view input, std::string* output) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  t.transliterate(text);
  output->clear();
  text.toUTF8String(*output);
}

std::string Printable(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return std::string(line);
}

// Converts the whole text line by line with both and reports the lines whose outputs differ.
void CheckSameOutput() {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string_view>& lines = Lines();
  const ortaq::Transliterator& ortaq = Ortaq();
  const icu::Transliterator& icu = Icu();
  std::string a, b;
  std::size_t differing = 0, ortaq_errors = 0;
  std::vector<std::size_t> examples;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ortaq::Status status = ortaq.Transliterate(lines[i], &a);
    if (!status.ok()) {
      ++ortaq_errors;
      a.assign("<ortaq error: ").append(status.message()).append(">");
    }
    IcuConvert(icu, lines[i], &b);
    if (a != b) {
      ++differing;
      if (examples.size() < 5) examples.push_back(i);
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t copies = Text().size() / Corpus().size();
  std::fprintf(stderr, "output check: %zu of %zu lines differ between ortaq and ICU (%s)\n", differing, lines.size(),
               IcuRulesPath().filename().string().c_str());
  std::fprintf(stderr, "  the text is %zu bytes: %zu copies of the corpus; checked in %.1f s\n", Text().size(), copies,
               seconds);
  if (ortaq_errors) std::fprintf(stderr, "  ortaq failed on %zu lines\n", ortaq_errors);
  for (std::size_t i : examples) {
    MustSucceed(ortaq.Transliterate(lines[i], &a));
    IcuConvert(icu, lines[i], &b);
    std::fprintf(stderr, "  line %zu\n    input: %s\n    ortaq: %s\n    ICU:   %s\n", i + 1,
                 Printable(lines[i]).c_str(), Printable(a).c_str(), Printable(b).c_str());
  }
  if (differing == 0) std::fprintf(stderr, "  identical output: the speed ratios below compare equal work\n");
  else std::fprintf(stderr, "  WARNING: outputs differ; the speed ratios below compare unequal work\n");
  benchmark::AddCustomContext("differing_lines", std::to_string(differing));
  benchmark::AddCustomContext("checked_lines", std::to_string(lines.size()));
  benchmark::AddCustomContext("text_bytes", std::to_string(Text().size()));
  benchmark::AddCustomContext("corpus_bytes", std::to_string(Corpus().size()));
}

// ---- conversions -------------------------------------------------------------------------

void SetBytes(benchmark::State& state, std::size_t bytes_per_iteration) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes_per_iteration));
}

void OrtaqLineByLine(benchmark::State& state) {
  const ortaq::Transliterator& t = Ortaq();
  const auto& lines = Lines();
  std::string out;
  for (auto _ : state) {
    for (std::string_view line : lines) {
      MustSucceed(t.Transliterate(line, &out));
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetBytes(state, Text().size());
}

// Other tables (no ICU rule set to compare with) and the default options (pass-through and
// look-alike repair on, as the ortaq command runs).
std::shared_ptr<const ortaq::Transliterator> LoadOther(const std::string& to, bool defaults) {
  ortaq::Options options;
  options.pass_through = defaults;
  options.repair_lookalikes = defaults;
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Cyrl", to, options, &status);
  if (!t) Fail("ortaq cannot load kk-Cyrl → ", to, ": ", status.message());
  return t;
}

void OtherLineByLine(benchmark::State& state, const std::string& to, bool defaults) {
  const auto t = LoadOther(to, defaults);
  const auto& lines = Lines();
  std::string out;
  for (auto _ : state) {
    for (std::string_view line : lines) {
      MustSucceed(t->Transliterate(line, &out));
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetBytes(state, Text().size());
}

// Other sources, with the options the ortaq command uses: Turkish from the shared corpus, and
// Latin-script Kazakh made by converting the Kazakh corpus once with ortaq itself (the text is
// the same Kazakh, as a user of the reverse tables would have it). Each about 3 MB.
const std::string& SourceText(const std::string& from) {
  static std::map<std::string, std::string> texts;
  auto it = texts.find(from);
  if (it != texts.end()) return it->second;
  std::string text;
  if (from == "tr-Latn") {
    const fs::path dir = fs::path(ORTAQ_SOURCE_DIR) / ".." / "shared" / "corpora" / "tr-Latn";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::string corpus;
    for (const fs::path& f : files) {
      corpus += ReadFile(f);
      if (!corpus.empty() && corpus.back() != '\n') corpus += '\n';
    }
    if (corpus.empty()) Fail("no Turkish corpus in ", dir.string());
    while (text.size() < Corpus().size()) text += corpus;
  } else {
    ortaq::Status status;
    auto forward = ortaq::Transliterator::FromIds("kk-Cyrl", from, ortaq::Options{}, &status);
    if (!forward || !forward->Transliterate(Corpus(), &text).ok()) Fail("cannot make the ", from, " text");
  }
  return texts.emplace(from, std::move(text)).first->second;
}

void SourceWholeBuffer(benchmark::State& state, const std::string& from, const std::string& to) {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds(from, to, ortaq::Options{}, &status);
  if (!t) Fail("ortaq cannot load ", from, " → ", to, ": ", status.message());
  const std::string& text = SourceText(from);
  std::string out;
  for (auto _ : state) {
    MustSucceed(t->Transliterate(text, &out));
    benchmark::DoNotOptimize(out.data());
  }
  SetBytes(state, text.size());
}

void OtherWholeBuffer(benchmark::State& state, const std::string& to, bool defaults) {
  const auto t = LoadOther(to, defaults);
  std::string out;
  for (auto _ : state) {
    MustSucceed(t->Transliterate(Text(), &out));
    benchmark::DoNotOptimize(out.data());
  }
  SetBytes(state, Text().size());
}

void IcuLineByLine(benchmark::State& state) {
  const icu::Transliterator& t = Icu();
  const auto& lines = Lines();
  std::string out;
  for (auto _ : state) {
    for (std::string_view line : lines) {
      IcuConvert(t, line, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetBytes(state, Text().size());
}

void OrtaqWholeBuffer(benchmark::State& state) {
  const ortaq::Transliterator& t = Ortaq();
  const std::string& text = Text();
  std::string out;
  for (auto _ : state) {
    MustSucceed(t.Transliterate(text, &out));
    benchmark::DoNotOptimize(out.data());
  }
  SetBytes(state, text.size());
}

void OrtaqOneLine(benchmark::State& state, std::size_t size) {
  const ortaq::Transliterator& t = Ortaq();
  const std::string line = OneLine(size);
  std::string out;
  for (auto _ : state) {
    MustSucceed(t.Transliterate(line, &out));
    benchmark::DoNotOptimize(out.data());
  }
  SetBytes(state, line.size());
}

// ICU edits a UTF-16 string in place: every replacement of another length (щ → şç, ъ → nothing)
// moves the rest of the string, so the time grows with the square of the line length
// (on this corpus about 16 MB/s for 1 MiB, 5 MB/s for 8 MiB, 2 MB/s for 16 MiB).
void IcuOneLine(benchmark::State& state, std::size_t size) {
  const icu::Transliterator& t = Icu();
  const std::string line = OneLine(size);
  std::string out;
  for (auto _ : state) {
    IcuConvert(t, line, &out);
    benchmark::DoNotOptimize(out.data());
  }
  SetBytes(state, line.size());
}

void OrtaqStream4K(benchmark::State& state) {
  const ortaq::Transliterator& t = Ortaq();
  const std::string_view text = Text();
  std::string out;
  out.reserve(text.size() * 2);
  for (auto _ : state) {
    out.clear();
    std::unique_ptr<ortaq::Stream> stream = t.NewStream();
    for (std::size_t i = 0; i < text.size(); i += kChunk) MustSucceed(stream->Write(text.substr(i, kChunk), &out));
    MustSucceed(stream->Finish(&out));
    benchmark::DoNotOptimize(out.data());
  }
  SetBytes(state, text.size());
}

// Google Benchmark runs this in 2 threads that share the one Transliterator; each converts half
// of the lines per iteration. Bytes are summed over the threads and divided by wall-clock time.
void OrtaqLineByLineThreads(benchmark::State& state) {
  const ortaq::Transliterator& t = Ortaq();
  const auto& lines = Lines();
  const std::size_t n = lines.size();
  const std::size_t threads = static_cast<std::size_t>(state.threads());
  const std::size_t index = static_cast<std::size_t>(state.thread_index());
  const std::size_t begin = n * index / threads, end = n * (index + 1) / threads;
  std::size_t bytes = 0;
  for (std::size_t i = begin; i < end; ++i) bytes += lines[i].size();
  std::string out;
  for (auto _ : state) {
    for (std::size_t i = begin; i < end; ++i) {
      MustSucceed(t.Transliterate(lines[i], &out));
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetBytes(state, bytes);
}

// ---- floors: the least any converter of these bytes must do --------------------------------

void FloorMemcpy(benchmark::State& state) {
  const std::string& text = Text();
  std::vector<char> out(text.size());
  for (auto _ : state) {
    std::memcpy(out.data(), text.data(), text.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  SetBytes(state, text.size());
}

void FloorIcuFromUtf8(benchmark::State& state) {
  const std::string& text = Text();
  std::vector<UChar> out(text.size() + 1);
  for (auto _ : state) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                  static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status)) {
      state.SkipWithError(u_errorName(status));
      break;
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  SetBytes(state, text.size());
}

// The part of "ICU line by line" that is not transliteration.
void FloorIcuRoundTripLines(benchmark::State& state) {
  const auto& lines = Lines();
  std::string out;
  for (auto _ : state) {
    for (std::string_view line : lines) {
      icu::UnicodeString text =
          icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
      out.clear();
      text.toUTF8String(out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetBytes(state, Text().size());
}

// ---- loading -----------------------------------------------------------------------------

void LoadOrtaqBench(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadOrtaq());
}

void LoadIcuRules(benchmark::State& state) {
  for (auto _ : state) {
    auto t = CompileIcuRules(nullptr);
    if (!t) {
      state.SkipWithError("createFromRules failed");
      break;
    }
    benchmark::DoNotOptimize(t.get());
  }
}

std::unique_ptr<icu::Transliterator> CreateIcuBuiltin(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) t.reset();
  return t;
}

// ICU keeps a built-in transliterator in its registry after the first createInstance: later
// calls copy the compiled rules. This measures those; main() prints the first call's time.
void LoadIcuBuiltin(benchmark::State& state, const char* id) {
  for (auto _ : state) {
    auto t = CreateIcuBuiltin(id);
    if (!t) {
      state.SkipWithError("createInstance failed");
      break;
    }
    benchmark::DoNotOptimize(t.get());
  }
}

// Finds ICU's own Kazakh Cyrillic → Latin transliterator and times its first (uncached) creation.
const char* ProbeIcuBuiltin() {
  for (const char* id : {"kk-kk_Latn/BGN", "Kazakh-Latin/BGN"}) {
    const auto start = std::chrono::steady_clock::now();
    auto t = CreateIcuBuiltin(id);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (t) {
      std::fprintf(stderr, "ICU built-in %s: first createInstance took %.2f ms (ICU caches it after that)\n", id, ms);
      benchmark::AddCustomContext("icu_builtin_id", id);
      benchmark::AddCustomContext("icu_builtin_first_load_ms", std::to_string(ms));
      return id;
    }
  }
  std::fprintf(stderr, "ICU has neither kk-kk_Latn/BGN nor Kazakh-Latin/BGN: skipping that load benchmark\n");
  return nullptr;
}

void Register() {
  using benchmark::RegisterBenchmark;
  RegisterBenchmark("ortaq/line_by_line", OrtaqLineByLine)->UseRealTime();
  RegisterBenchmark("icu/line_by_line", IcuLineByLine)->UseRealTime();
  RegisterBenchmark("ortaq/whole_buffer", OrtaqWholeBuffer)->UseRealTime();
  RegisterBenchmark("ortaq/stream_4KiB_chunks", OrtaqStream4K)->UseRealTime();
  RegisterBenchmark("ortaq/line_by_line_2_threads_one_transliterator", OrtaqLineByLineThreads)
      ->Threads(2)
      ->UseRealTime();
  RegisterBenchmark("ortaq/one_line_1MiB", OrtaqOneLine, kIcuLongLine)->UseRealTime();
  RegisterBenchmark("icu/one_line_1MiB_ICU_slows_down_on_long_lines", IcuOneLine, kIcuLongLine)->UseRealTime();
  RegisterBenchmark("ortaq/one_line_8MiB", OrtaqOneLine, kIcuLongerLine)->UseRealTime();
  RegisterBenchmark("icu/one_line_8MiB_ICU_time_grows_with_length_squared", IcuOneLine, kIcuLongerLine)
      ->UseRealTime();
  RegisterBenchmark("ortaq/one_line_64MiB", OrtaqOneLine, kOrtaqLongLine)->UseRealTime();
  for (const char* to : {"kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017", "cta-1991"}) {
    RegisterBenchmark((std::string("other/") + to + "/line_by_line").c_str(), OtherLineByLine, std::string(to), false)
        ->UseRealTime();
    RegisterBenchmark((std::string("other/") + to + "/whole_buffer").c_str(), OtherWholeBuffer, std::string(to), false)
        ->UseRealTime();
  }
  RegisterBenchmark("other/cta-2024_defaults/line_by_line", OtherLineByLine, std::string("cta-2024"), true)->UseRealTime();
  RegisterBenchmark("other/cta-2024_defaults/whole_buffer", OtherWholeBuffer, std::string("cta-2024"), true)->UseRealTime();
  for (const auto& [from, to] : {std::pair{"tr-Latn", "cta-2024"}, std::pair{"cta-2024", "tr-Latn"},
                                 std::pair{"cta-2024", "kk-Cyrl"}, std::pair{"kk-Latn-2021", "kk-Cyrl"}}) {
    RegisterBenchmark((std::string("source/") + from + "--" + to + "/whole_buffer").c_str(), SourceWholeBuffer,
                      std::string(from), std::string(to))
        ->UseRealTime();
  }
  RegisterBenchmark("floor/memcpy", FloorMemcpy)->UseRealTime();
  RegisterBenchmark("floor/icu_u_strFromUTF8", FloorIcuFromUtf8)->UseRealTime();
  RegisterBenchmark("floor/icu_fromUTF8_toUTF8String_line_by_line", FloorIcuRoundTripLines)->UseRealTime();
  RegisterBenchmark("load/ortaq_FromIds", LoadOrtaqBench)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark("load/icu_createFromRules", LoadIcuRules)->Unit(benchmark::kMillisecond)->UseRealTime();
  if (const char* id = ProbeIcuBuiltin()) {
    const std::string name = std::string("load/icu_createInstance_cached/") + id;
    RegisterBenchmark(name.c_str(), LoadIcuBuiltin, id)->Unit(benchmark::kMillisecond)->UseRealTime();
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  CheckSameOutput();
  Register();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
