// Engine throughput on real Kazakh text: every file of ../shared/corpora/kk-Cyrl (the project's
// sample when that folder is absent), concatenated. Reports bytes of input per second.
//   build/bench/engine_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "must_succeed.hpp"
#include "ortaq/ortaq.hpp"

namespace {

namespace fs = std::filesystem;

const std::string& Corpus() {
  static const std::string text = [] {
    std::string all;
    fs::path dir = fs::path(ORTAQ_SOURCE_DIR) / ".." / "shared" / "corpora" / "kk-Cyrl";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    if (files.empty()) files.push_back(fs::path(ORTAQ_SOURCE_DIR) / "corpora" / "sample-kk-Cyrl.txt");
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      all += s.str();
    }
    return all;
  }();
  return text;
}

std::shared_ptr<const ortaq::Transliterator> Load(const char* to) {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Cyrl", to, ortaq::Options{}, &status);
  if (!t) std::abort();
  return t;
}

void WholeBuffer(benchmark::State& state, const char* to) {
  auto t = Load(to);
  const std::string& text = Corpus();
  std::string out;
  for (auto _ : state) {
    MustSucceed(t->Transliterate(text, &out));
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void LineByLine(benchmark::State& state, const char* to) {
  auto t = Load(to);
  const std::string& text = Corpus();
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.emplace_back(text.data() + start, end - start);
    start = end;
  }
  std::string out;
  for (auto _ : state) {
    for (std::string_view line : lines) {
      MustSucceed(t->Transliterate(line, &out));
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void Streaming4K(benchmark::State& state, const char* to) {
  auto t = Load(to);
  const std::string& text = Corpus();
  std::string out;
  for (auto _ : state) {
    auto stream = t->NewStream();
    out.clear();
    for (std::size_t i = 0; i < text.size(); i += 4096)
      MustSucceed(stream->Write(std::string_view(text).substr(i, 4096), &out));
    MustSucceed(stream->Finish(&out));
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void TableLoad(benchmark::State& state, const char* to) {
  for (auto _ : state) benchmark::DoNotOptimize(Load(to));
}

BENCHMARK_CAPTURE(WholeBuffer, cta_2024, "cta-2024");
BENCHMARK_CAPTURE(WholeBuffer, kk_Latn_2021, "kk-Latn-2021");
BENCHMARK_CAPTURE(WholeBuffer, kk_Latn_2018, "kk-Latn-2018");
BENCHMARK_CAPTURE(LineByLine, cta_2024, "cta-2024");
BENCHMARK_CAPTURE(Streaming4K, cta_2024, "cta-2024");
BENCHMARK_CAPTURE(TableLoad, cta_2024, "cta-2024")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
