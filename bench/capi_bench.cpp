// The C API's cost over the C++ call, and the typing session's cost per keystroke.
//   build/bench/capi_bench --benchmark_min_time=0.2
// Short line: one sentence of Kazakh news text (60 characters, 114 bytes). A keystroke: one
// character of a sentence appended to a session (reset, untimed, at the sentence's end).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "ortaq.h"
#include "ortaq/ortaq.hpp"
#include "ortaq/typing.hpp"

namespace {

const char kLine[] = "Қазақстан Республикасының Үкіметі жаңа бағдарламаны бекітті.";
const char kSentence[] =
    "Біз кеше Алматыдан Астанаға ұшақпен келдік, ал ертең Шымкентке поезбен барамыз. "
    "Я КЕЛДІМ деп жазды ол, сайты https://example.kz/жаңалық екен.";

ortaq_transliterator* OpenC(const char* to) {
  ortaq_transliterator* t = ortaq_open("kk-Cyrl", to, nullptr, nullptr);
  if (!t) std::abort();
  return t;
}

void CConvert(benchmark::State& state) {
  ortaq_transliterator* t = OpenC("cta-2024");
  const std::size_t len = std::strlen(kLine);
  for (auto _ : state) {
    char* out = nullptr;
    std::size_t out_len = 0;
    ortaq_convert(t, kLine, len, &out, &out_len, nullptr);
    benchmark::DoNotOptimize(out);
    ortaq_free(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * len));
  ortaq_close(t);
}

void CConvertInto(benchmark::State& state) {
  ortaq_transliterator* t = OpenC("cta-2024");
  const std::size_t len = std::strlen(kLine);
  char buf[512];
  for (auto _ : state) {
    std::size_t out_len = 0;
    ortaq_convert_into(t, kLine, len, buf, sizeof buf, &out_len, nullptr);
    benchmark::DoNotOptimize(buf);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * len));
  ortaq_close(t);
}

void CppTransliterate(benchmark::State& state) {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Cyrl", "cta-2024", {}, &status);
  if (!t) std::abort();
  std::string out;
  for (auto _ : state) {
    benchmark::DoNotOptimize(t->Transliterate(kLine, &out).ok());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * std::strlen(kLine)));
}

// One keystroke per iteration: the next character of kSentence.
void TypingKeystroke(benchmark::State& state, const char* to) {
  ortaq_transliterator* t = OpenC(to);
  ortaq_typing* session = ortaq_typing_open(t, nullptr);
  const std::size_t len = std::strlen(kSentence);
  std::size_t pos = 0;
  ortaq_typing_state st;
  for (auto _ : state) {
    std::size_t n = 1;
    while (pos + n < len && (static_cast<unsigned char>(kSentence[pos + n]) & 0xC0) == 0x80) ++n;
    ortaq_typing_append(session, kSentence + pos, n, nullptr);
    ortaq_typing_get_state(session, &st, nullptr);
    benchmark::DoNotOptimize(st.pending);
    pos += n;
    if (pos == len) {
      state.PauseTiming();
      ortaq_typing_reset(session);
      pos = 0;
      state.ResumeTiming();
    }
  }
  ortaq_typing_close(session);
  ortaq_close(t);
}

// The same keystrokes after 100 KB already typed into the session: the cost does not grow.
void TypingKeystrokeLongText(benchmark::State& state, const char* to) {
  ortaq_transliterator* t = OpenC(to);
  ortaq_typing* session = ortaq_typing_open(t, nullptr);
  std::string before;
  while (before.size() < 100000) before += kSentence;
  ortaq_typing_append(session, before.data(), before.size(), nullptr);
  ortaq_typing_append(session, " ", 1, nullptr);
  const std::size_t len = std::strlen(kSentence);
  std::size_t pos = 0;
  for (auto _ : state) {
    std::size_t n = 1;
    while (pos + n < len && (static_cast<unsigned char>(kSentence[pos + n]) & 0xC0) == 0x80) ++n;
    ortaq_typing_append(session, kSentence + pos, n, nullptr);
    pos += n;
    if (pos == len) pos = 0;
  }
  ortaq_typing_close(session);
  ortaq_close(t);
}

BENCHMARK(CConvert);
BENCHMARK(CConvertInto);
BENCHMARK(CppTransliterate);
BENCHMARK_CAPTURE(TypingKeystroke, cta_2024, "cta-2024");
BENCHMARK_CAPTURE(TypingKeystroke, chain_tr_Latn, "tr-Latn");
BENCHMARK_CAPTURE(TypingKeystrokeLongText, cta_2024, "cta-2024");
BENCHMARK_CAPTURE(TypingKeystrokeLongText, chain_tr_Latn, "tr-Latn");

}  // namespace

BENCHMARK_MAIN();
