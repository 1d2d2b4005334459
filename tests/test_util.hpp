// Helpers shared by the library tests: status printing, edit-span checks, chunked streaming,
// temporary directories and file reading.
#ifndef ORTAQ_TESTS_TEST_UTIL_HPP_
#define ORTAQ_TESTS_TEST_UTIL_HPP_

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ortaq/ortaq.hpp"

#ifndef ORTAQ_SOURCE_DIR
#error "ORTAQ_SOURCE_DIR must be defined (tests/CMakeLists.txt passes it)"
#endif

namespace ortaq_test {

inline std::filesystem::path SourceDir() { return std::filesystem::path(ORTAQ_SOURCE_DIR); }

// The status message followed by every diagnostic, for failure messages.
inline std::string Describe(const ortaq::Status& status) {
  std::string out = "code " + std::to_string(static_cast<int>(status.code())) + ": " + status.message();
  for (const ortaq::Diagnostic& d : status.diagnostics()) {
    out += '\n';
    out += d.Format();
  }
  return out;
}

inline std::string DescribeSpan(const ortaq::EditSpan& s) {
  std::ostringstream out;
  out << "{src [" << s.source_begin << "," << s.source_end << ") -> out [" << s.output_begin << ","
      << s.output_end << ") " << (s.changed ? "changed" : "unchanged") << "}";
  return out.str();
}

// The spans cover [0, input.size()) and [0, output.size()) exactly and in order; an unchanged
// span copies its bytes; no span is empty; adjacent unchanged spans are merged.
inline ::testing::AssertionResult SpansCover(const ortaq::EditList& edits, std::string_view input,
                                             std::string_view output) {
  const auto& spans = edits.spans();
  std::uint64_t source = 0, out = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const ortaq::EditSpan& s = spans[i];
    if (s.source_begin != source || s.output_begin != out)
      return ::testing::AssertionFailure() << "span " << i << " " << DescribeSpan(s) << " does not start at source "
                                           << source << ", output " << out;
    if (s.source_end < s.source_begin || s.output_end < s.output_begin)
      return ::testing::AssertionFailure() << "span " << i << " " << DescribeSpan(s) << " runs backwards";
    if (s.source_end == s.source_begin && s.output_end == s.output_begin)
      return ::testing::AssertionFailure() << "span " << i << " " << DescribeSpan(s) << " is empty";
    if (s.source_end > input.size() || s.output_end > output.size())
      return ::testing::AssertionFailure() << "span " << i << " " << DescribeSpan(s) << " goes past the input ("
                                           << input.size() << ") or the output (" << output.size() << ")";
    if (!s.changed) {
      if (s.source_end - s.source_begin != s.output_end - s.output_begin ||
          input.substr(s.source_begin, s.source_end - s.source_begin) !=
              output.substr(s.output_begin, s.output_end - s.output_begin))
        return ::testing::AssertionFailure() << "unchanged span " << i << " " << DescribeSpan(s)
                                             << " does not copy its bytes";
      if (i > 0 && !spans[i - 1].changed)
        return ::testing::AssertionFailure() << "unchanged spans " << i - 1 << " and " << i << " are not merged";
    }
    source = s.source_end;
    out = s.output_end;
  }
  if (source != input.size() || out != output.size())
    return ::testing::AssertionFailure() << "the spans end at source " << source << ", output " << out
                                         << "; the input has " << input.size() << " bytes, the output "
                                         << output.size();
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult SpansEqual(const ortaq::EditList& expected, const ortaq::EditList& actual) {
  const auto& a = expected.spans();
  const auto& b = actual.spans();
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i].source_begin != b[i].source_begin || a[i].source_end != b[i].source_end ||
        a[i].output_begin != b[i].output_begin || a[i].output_end != b[i].output_end || a[i].changed != b[i].changed)
      return ::testing::AssertionFailure() << "span " << i << ": expected " << DescribeSpan(a[i]) << ", got "
                                           << DescribeSpan(b[i]);
  }
  if (a.size() != b.size())
    return ::testing::AssertionFailure() << "expected " << a.size() << " spans, got " << b.size();
  return ::testing::AssertionSuccess();
}

// Converts `input` through a Stream, in chunks whose sizes `next_size(offset)` gives.
inline ortaq::Status StreamInChunks(const ortaq::Transliterator& t, std::string_view input,
                                    const std::function<std::size_t(std::size_t)>& next_size, std::string* output,
                                    ortaq::EditList* edits) {
  std::unique_ptr<ortaq::Stream> stream = t.NewStream();
  if (!stream) return ortaq::Status(ortaq::StatusCode::kInternal, "NewStream returned null");
  output->clear();
  if (edits) edits->Clear();
  std::size_t pos = 0;
  while (pos < input.size()) {
    std::size_t n = next_size(pos);
    if (n == 0) n = 1;
    n = std::min(n, input.size() - pos);
    ortaq::Status status = stream->Write(input.substr(pos, n), output, edits);
    if (!status.ok()) return status;
    pos += n;
  }
  return stream->Finish(output, edits);
}

inline ortaq::Status StreamFixed(const ortaq::Transliterator& t, std::string_view input, std::size_t chunk,
                                 std::string* output, ortaq::EditList* edits) {
  return StreamInChunks(t, input, [chunk](std::size_t) { return chunk; }, output, edits);
}

// ../shared/corpora next to the source tree, or ORTAQ_SHARED_CORPORA (a worktree elsewhere).
inline std::filesystem::path SharedCorpora() {
  if (const char* dir = std::getenv("ORTAQ_SHARED_CORPORA")) return dir;
  return std::filesystem::path(ORTAQ_SOURCE_DIR) / ".." / "shared" / "corpora";
}

// The .txt files of a folder, sorted.
inline std::vector<std::filesystem::path> TextFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// A fresh directory under the system temp directory, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device device;
    const std::string name = "ortaq-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                             std::to_string(device());
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `text` to `name` inside the directory and returns the full path.
  std::string Write(const std::string& name, std::string_view text) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

// Lines joined with '\n' (and a final '\n'), so that line N of a table is lines[N-1].
inline std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// The five tables from Kazakh Cyrillic.
inline const std::vector<std::string> kKazakhTargets{"cta-2024", "cta-1991", "kk-Latn-2021", "kk-Latn-2018",
                                                     "kk-Latn-2017"};

// kk-Cyrl → `to` with these settings and policy; a test failure (and null) when it cannot load.
inline std::shared_ptr<const ortaq::Transliterator> LoadFromKazakh(
    const std::string& to, std::vector<std::pair<std::string, std::string>> settings = {},
    ortaq::InvalidInputPolicy policy = ortaq::InvalidInputPolicy::kError) {
  ortaq::Options options;
  options.settings = std::move(settings);
  options.invalid_input = policy;
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Cyrl", to, options, &status);
  if (!t) ADD_FAILURE() << "cannot load kk-Cyrl--" << to << ": " << Describe(status);
  return t;
}

// The output of a conversion that must succeed (a test failure otherwise).
inline std::string Convert(const ortaq::Transliterator& t, std::string_view input, ortaq::EditList* edits = nullptr) {
  std::string output;
  const ortaq::Status status = t.Transliterate(input, &output, edits);
  EXPECT_TRUE(status.ok()) << Describe(status);
  return output;
}

}  // namespace ortaq_test

#endif  // ORTAQ_TESTS_TEST_UTIL_HPP_
