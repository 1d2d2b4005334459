// The library alone, for bench/io.sh and bench/growth.sh to set the ortaq command against:
//
//   scale_bench whole FILE FROM TO [TABLE_DIR]     whole-buffer conversion of FILE, best of 3
//   scale_bench threads FILE FROM TO N [TABLE_DIR] N threads sharing one Transliterator, each
//                                                  converting all of FILE line by line
//   scale_bench load FROM TO [TABLE_DIR]           compiling the table: time and memory
//
// TABLE_DIR goes first on the table search path (for generated tables). Each prints one line of
// `key=value` pairs: bytes, seconds of CPU time (the process's, all threads; user + system),
// wall seconds, and for `load` the resident memory the compiled table added.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ortaq/ortaq.hpp"

namespace {

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Resident memory now, in KiB (VmRSS of /proc/self/status).
long ResidentKiB() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "scale_bench: %s\n", message.c_str());
  std::exit(1);
}

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(std::string("cannot read ") + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::shared_ptr<const ortaq::Transliterator> Load(const char* from, const char* to, const char* table_dir) {
  ortaq::Options options;
  if (table_dir) options.table_path.push_back(table_dir);
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds(from, to, options, &status);
  if (!t) Fail(status.message());
  return t;
}

// Every line of `text`, one call each, as a program converting records would.
void ConvertLines(const ortaq::Transliterator& t, const std::string& text) {
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    if (!t.Transliterate(std::string_view(text).substr(start, end - start), &out).ok()) Fail("conversion failed");
    start = end;
  }
}

int Whole(const char* file, const char* from, const char* to, const char* table_dir) {
  const std::string text = ReadFile(file);
  auto t = Load(from, to, table_dir);
  std::string out;
  double best_cpu = 1e300, best_wall = 1e300;
  for (int round = 0; round < 3; ++round) {
    const double cpu = CpuSeconds(), wall = WallSeconds();
    if (!t->Transliterate(text, &out).ok()) Fail("conversion failed");
    best_cpu = std::min(best_cpu, CpuSeconds() - cpu);
    best_wall = std::min(best_wall, WallSeconds() - wall);
  }
  std::printf("bytes=%zu cpu=%.6f wall=%.6f\n", text.size(), best_cpu, best_wall);
  return 0;
}

int Threads(const char* file, const char* from, const char* to, int n, const char* table_dir) {
  const std::string text = ReadFile(file);
  auto t = Load(from, to, table_dir);
  ConvertLines(*t, text);  // warm: caches and pages, as the threads will find them
  const double cpu = CpuSeconds(), wall = WallSeconds();
  std::vector<std::thread> threads;
  for (int k = 0; k < n; ++k) threads.emplace_back([&] { ConvertLines(*t, text); });
  for (auto& thread : threads) thread.join();
  std::printf("bytes=%zu cpu=%.6f wall=%.6f threads=%d\n", text.size() * static_cast<std::size_t>(n),
              CpuSeconds() - cpu, WallSeconds() - wall, n);
  return 0;
}

int LoadOnly(const char* from, const char* to, const char* table_dir) {
  const long before = ResidentKiB();
  const double cpu = CpuSeconds(), wall = WallSeconds();
  auto t = Load(from, to, table_dir);
  const double cpu_used = CpuSeconds() - cpu, wall_used = WallSeconds() - wall;
  std::printf("cpu=%.6f wall=%.6f rss_added_kib=%ld\n", cpu_used, wall_used, ResidentKiB() - before);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "whole" && (argc == 5 || argc == 6)) return Whole(argv[2], argv[3], argv[4], argc == 6 ? argv[5] : nullptr);
  if (mode == "threads" && (argc == 6 || argc == 7))
    return Threads(argv[2], argv[3], argv[4], std::atoi(argv[5]), argc == 7 ? argv[6] : nullptr);
  if (mode == "load" && (argc == 4 || argc == 5)) return LoadOnly(argv[2], argv[3], argc == 5 ? argv[4] : nullptr);
  std::fprintf(stderr,
               "usage: scale_bench whole FILE FROM TO [TABLE_DIR] | threads FILE FROM TO N [TABLE_DIR] | "
               "load FROM TO [TABLE_DIR]\n");
  return 2;
}
