// Speed per file and per table, each output first checked against the reference engine.
//
//   build/bench/table_bench                 # both tables, markdown on stdout
//
// Per file: kk-Cyrl → cta-2024 with the command's default options (pass-through, look-alike
// repair) on every .txt of ../shared/corpora/kk-Cyrl and on the lines of kk-mixed that hold
// Cyrillic, whole buffer. Per table: each table on its own kind of text: the Kazakh corpus for
// the kk-Cyrl tables, that corpus converted forward by ortaq for the tables back to Cyrillic and
// for the chain, the Turkish corpus (../shared/corpora/tr-Latn) for tr-Latn → cta-2024, and its
// forward conversion for cta-2024 → tr-Latn.
//
// MB/s = 10^6 bytes of input per second of the converting thread's CPU time (not wall clock:
// on a machine shared with other work, wall time measures the others as much as ortaq). "first pass" is one conversion of the text
// on a new thread (the word cache of fast/word_cache empty); "repeated" is the best of several
// conversions after it (the cache holding the text's words). The ratios in the last column are
// taken within this run: the machine may be shared, absolute figures vary.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/test_hooks.hpp"
#include "engine/path_stats.hpp"
#include "ortaq/ortaq.hpp"

namespace {

namespace fs = std::filesystem;

// Seconds of CPU time this thread has used.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
using ortaq::test_hooks::Engine;

const fs::path kCorpora = fs::path(ORTAQ_SOURCE_DIR) / ".." / "shared" / "corpora";

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "table_bench: %s\n", message.c_str());
  std::exit(1);
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Corpus(const char* dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kCorpora / dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string text;
  for (const fs::path& f : files) text += ReadAll(f);
  return text;
}

std::shared_ptr<const ortaq::Transliterator> Load(const std::string& from, const std::string& to, Engine engine) {
  ortaq::Status status;
  auto t = ortaq::test_hooks::FromIds(from, to, ortaq::Options{}, engine, &status);
  if (!t) Fail(from + " → " + to + ": " + status.message());
  return t;
}

std::string Convert(const ortaq::Transliterator& t, const std::string& text) {
  std::string out;
  const ortaq::Status status = t.Transliterate(text, &out);
  if (!status.ok()) Fail("conversion failed: " + status.message());
  return out;
}

// The seconds of one conversion of `text` on a new thread (empty per-thread caches).
double FirstPass(const ortaq::Transliterator& t, const std::string& text) {
  double seconds = 0;
  std::thread thread([&] {
    std::string out;
    const double start = ThreadSeconds();
    (void)t.Transliterate(text, &out);
    seconds = ThreadSeconds() - start;
  });
  thread.join();
  return seconds;
}

// The best seconds of one conversion, over at least 0.3 s of conversions (3 or more).
double Repeated(const ortaq::Transliterator& t, const std::string& text) {
  std::string out;
  double best = 1e30, total = 0;
  for (int i = 0; i < 3 || total < 0.3; ++i) {
    const double start = ThreadSeconds();
    (void)t.Transliterate(text, &out);
    const double s = ThreadSeconds() - start;
    best = std::min(best, s);
    total += s;
  }
  return best;
}

// Checks fast == reference on `text`; "yes", or the count of differing bytes' first offset.
std::string Check(const std::string& from, const std::string& to, const std::string& text) {
  const std::string fast = Convert(*Load(from, to, Engine::kFast), text);
  const std::string reference = Convert(*Load(from, to, Engine::kReference), text);
  if (fast == reference) return "same";
  std::size_t at = 0;
  while (at < fast.size() && at < reference.size() && fast[at] == reference[at]) ++at;
  return "**differs at byte " + std::to_string(at) + "**";
}

double Mbps(std::size_t bytes, double seconds) { return bytes / seconds / 1e6; }

// The lines of `text` with a Cyrillic letter (U+0400-U+04FF: lead bytes D0-D3).
std::string CyrillicLines(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line))
    if (std::any_of(line.begin(), line.end(), [](char c) {
          const auto b = static_cast<unsigned char>(c);
          return b >= 0xD0 && b <= 0xD3;
        }))
      out += line + "\n";
  return out;
}

void PerFile() {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(kCorpora / "kk-Cyrl"))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) files.emplace_back("kk-Cyrl/" + p.filename().string(), ReadAll(p));
  files.emplace_back("kk-mixed/kazsandra-kaspi-mixed.txt (Cyrillic lines)",
                     CyrillicLines(ReadAll(kCorpora / "kk-mixed" / "kazsandra-kaspi-mixed.txt")));
  auto fast = Load("kk-Cyrl", "cta-2024", Engine::kFast);
  std::printf("kk-Cyrl → cta-2024, default options, whole buffer (best of repeated conversions); the\n"
              "share of the input bytes decided by pair-table blocks, by the fast loop a character\n"
              "at a time, and by the rule engine's careful path; and the bytes of blocks whose guarded\n"
              "letters were checked one at a time (may pass 100%%: a wide block, then two ordinary):\n\n");
  std::printf("| file | bytes | output = reference | MB/s | blocks | char loop | rule engine | guard-checked |\n"
              "|---|---:|---|---:|---:|---:|---:|---:|\n");
  double best = 0, worst = 1e30;
  std::vector<ortaq::path_stats::Counts> counts(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& [name, text] = files[i];
    const double mbps = Mbps(text.size(), Repeated(*fast, text));
    best = std::max(best, mbps);
    worst = std::min(worst, mbps);
    {
      ortaq::path_stats::Recording on(&counts[i]);
      Convert(*fast, text);
    }
    const auto& c = counts[i];
    auto share = [&](std::uint64_t bytes) { return 100.0 * bytes / std::max<std::uint64_t>(c.input_bytes, 1); };
    std::printf("| %s | %zu | %s | %.1f | %.1f%% | %.1f%% | %.1f%% | %.0f%% |\n", name.c_str(), text.size(),
                Check("kk-Cyrl", "cta-2024", text).c_str(), mbps, share(c.block_bytes), share(c.character_bytes),
                share(c.rule_bytes), share(c.guard_checked_bytes));
  }
  std::printf("\nworst file %.0f%% of the best\n\n", 100 * worst / best);
  // What stopped the blocks, per file: stops (bytes then taken off the block path, before the
  // next block), the causes with any.
  std::printf("What stopped the blocks: count of stops (bytes then off the block path):\n\n| file |");
  using ortaq::path_stats::Cause;
  std::vector<std::size_t> shown;
  for (std::size_t k = 0; k < ortaq::path_stats::kCauses; ++k)
    if (std::any_of(counts.begin(), counts.end(), [&](const auto& c) { return c.stops[k] + c.off_bytes[k] > 0; })) {
      shown.push_back(k);
      std::printf(" %s |", ortaq::path_stats::Name(static_cast<Cause>(k)));
    }
  std::printf("\n|---|");
  for (std::size_t i = 0; i < shown.size(); ++i) std::printf("---:|");
  std::printf("\n");
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::printf("| %s |", files[i].first.c_str());
    for (const std::size_t k : shown)
      std::printf(" %llu (%llu) |", static_cast<unsigned long long>(counts[i].stops[k]),
                  static_cast<unsigned long long>(counts[i].off_bytes[k]));
    std::printf("\n");
  }
  std::printf("\n");
}

void PerTable() {
  const std::string kazakh = Corpus("kk-Cyrl"), turkish = Corpus("tr-Latn");
  auto forward = [&](const std::string& to) { return Convert(*Load("kk-Cyrl", to, Engine::kFast), kazakh); };
  struct Row {
    std::string from, to, text_name, text;
  };
  std::vector<Row> rows = {
      {"kk-Cyrl", "cta-2024", "Kazakh corpus", kazakh},
      {"kk-Cyrl", "kk-Latn-2021", "Kazakh corpus", kazakh},
      {"kk-Cyrl", "kk-Latn-2018", "Kazakh corpus", kazakh},
      {"kk-Cyrl", "kk-Latn-2017", "Kazakh corpus", kazakh},
      {"kk-Cyrl", "cta-1991", "Kazakh corpus", kazakh},
      {"kk-Latn-2021", "kk-Cyrl", "corpus → kk-Latn-2021", forward("kk-Latn-2021")},
      {"kk-Latn-2018", "kk-Cyrl", "corpus → kk-Latn-2018", forward("kk-Latn-2018")},
      {"kk-Latn-2017", "kk-Cyrl", "corpus → kk-Latn-2017", forward("kk-Latn-2017")},
      {"cta-2024", "kk-Cyrl", "corpus → cta-2024", forward("cta-2024")},
      {"kk-Latn-2018", "cta-2024", "corpus → kk-Latn-2018", forward("kk-Latn-2018")},
      {"tr-Latn", "cta-2024", "Turkish corpus", turkish},
      {"cta-2024", "tr-Latn", "Turkish corpus → cta-2024", Convert(*Load("tr-Latn", "cta-2024", Engine::kFast), turkish)},
  };
  std::printf("Every table on its own kind of text, default options, whole buffer:\n\n");
  std::printf("| table | text | MB | output = reference | MB/s first pass | MB/s repeated | repeated / kk-Cyrl → cta-2024 |\n");
  std::printf("|---|---|---:|---|---:|---:|---:|\n");
  double base = 0;
  for (const Row& row : rows) {
    auto t = Load(row.from, row.to, Engine::kFast);
    const double first = Mbps(row.text.size(), FirstPass(*t, row.text));
    const double repeated = Mbps(row.text.size(), Repeated(*t, row.text));
    if (base == 0) base = repeated;
    std::printf("| %s → %s | %s | %.2f | %s | %.1f | %.1f | %.2f |\n", row.from.c_str(), row.to.c_str(),
                row.text_name.c_str(), row.text.size() / 1e6, Check(row.from, row.to, row.text).c_str(), first,
                repeated, repeated / base);
  }
}

}  // namespace

// `table_bench --files`: the per-file table alone.
int main(int argc, char** argv) {
  PerFile();
  if (argc > 1 && std::string(argv[1]) == "--files") return 0;
  PerTable();
  return 0;
}
