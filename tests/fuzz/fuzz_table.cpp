// libFuzzer target: the table parser and compiler, and the engine on whatever they accept.
//
// Input: the text of a table. Transliterator::FromText must either return a table or an error
// status with diagnostics (never kInternal, never a crash or a hang). A table that compiles is
// run over a probe text (mixed scripts, cases, marks) and over its own text: the output must be
// valid UTF-8, the edit spans must cover input and output, and a stream (1- and 7-byte chunks)
// must give the same bytes and spans. A few option values are compiled too, and the text is
// also given to CheckTable (through a memfd, so the fuzzer writes no files).
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.hpp"
#include "ortaq/tools.hpp"

namespace {

using ortaq_fuzz::Describe;

constexpr std::string_view kProbe =
    "Қазақстан Республикасы — ШЫМКЕНТ, Алматы; ащы, КЕЩЕ, коэффициент, ансамбль, сценарий, цирк.\n"
    "Я келдім. Я КЕЛДІМ. ұлы Ұлт ёж ЁЛКА объект пьеса ию ая тау ауыл Уәде ә Ә і І ү Ү ө Ө ң Ң ғ Ғ һ Һ\r\n"
    "Biz erteñ ŞIMKENT qalasındağı tauğa baramız. İstanbul ı I i İ ş Ş ç Ç ğ Ğ ü Ü ö Ö â î û q w x\n"
    "Erteń SHYMKENT qalasyndaǵy taýǵa; ma'n'i Sh sh Ch ch a' o' u' i' n' g' ǵ ń ó ú ý á "
    "e\xCC\x81 a\xCC\x88 u\xCC\x84 \xD0\xB0\xCC\x81 \xEF\xBF\xBD 123 ₸ 😀 ∅ \\ _ # ~ ! { } [ ] > / \t"
    " \xEF\xBB\xBF ΑΒΓ αβγ \xE0\xA4\x95\xE0\xA4\xBF \n";

void CheckTransliterate(const ortaq::Transliterator& t, std::string_view input, const std::string& what) {
  std::string output;
  ortaq::EditList edits;
  const ortaq::Status status = t.Transliterate(input, &output, &edits);
  FUZZ_CHECK(status.ok(), what + ": " + Describe(status));
  const ortaq_fuzz::Utf8Scan scan = ortaq_fuzz::ScanUtf8(output);
  FUZZ_CHECK(scan.errors == 0, what + ": the output is not valid UTF-8 at byte " + std::to_string(scan.first_error));
  ortaq_fuzz::CheckSpansCover(edits, input, output);
  std::string plain;
  FUZZ_CHECK(t.Transliterate(input, &plain).ok() && plain == output, what + ": the output differs without edits");
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}}) {
    std::string streamed;
    ortaq::EditList stream_edits;
    const ortaq::Status s =
        ortaq_fuzz::StreamInChunks(t, input, [chunk](std::size_t) { return chunk; }, &streamed, &stream_edits);
    FUZZ_CHECK(s.ok(), what + ", chunk " + std::to_string(chunk) + ": " + Describe(s));
    FUZZ_CHECK(streamed == output, what + ", chunk " + std::to_string(chunk) +
                                       ": stream and whole buffer differ: " + ortaq_fuzz::FirstDifference(streamed, output));
    ortaq_fuzz::CheckSpansEqual(edits, stream_edits, what + ", chunk " + std::to_string(chunk));
  }
}

void CheckRejected(const ortaq::Status& status, const std::string& what) {
  FUZZ_CHECK(!status.ok(), what + ": no table and no error");
  FUZZ_CHECK(status.code() != ortaq::StatusCode::kInternal, what + ": " + Describe(status));
  FUZZ_CHECK(!status.message().empty(), what + ": an error without a message");
  for (const ortaq::Diagnostic& d : status.diagnostics()) {
    FUZZ_CHECK(d.line >= 0 && d.column >= 0, what + ": a diagnostic at a negative place: " + d.message);
    (void)d.Format();
  }
}

void CheckTableThroughMemfd(std::string_view text) {
  const int fd = ::memfd_create("fuzz.tbl", MFD_CLOEXEC);
  if (fd < 0) return;
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  if (written == text.size()) {
    const ortaq::CheckReport report = ortaq::CheckTable("/proc/self/fd/" + std::to_string(fd), {});
    for (const ortaq::Diagnostic& d : report.diagnostics) {
      // CheckTable reports what it caught as "internal error: ..." (a bad_alloc, a bug).
      FUZZ_CHECK(d.message.rfind("internal error:", 0) != 0, "CheckTable: " + d.message);
      (void)d.Format();
    }
    FUZZ_CHECK(report.tests_passed >= 0 && report.tests_failed >= 0, "CheckTable: negative test counts");
  }
  ::close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ortaq::Status status;
  const auto t = ortaq::Transliterator::FromText(text, "fuzz.tbl", {}, &status);
  if (!t) {
    CheckRejected(status, "FromText");
  } else {
    FUZZ_CHECK(status.ok(), "a table and an error: " + Describe(status));
    FUZZ_CHECK(ortaq_fuzz::ScanUtf8(text).errors == 0, "a table that is not valid UTF-8 was accepted");
    (void)t->info();
    CheckTransliterate(*t, kProbe, "probe text");
    // The table's own text (its tests, among others), cut at a character boundary.
    std::size_t cut = std::min<std::size_t>(text.size(), 4096);
    while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    CheckTransliterate(*t, text.substr(0, cut), "the table's own text");

    // A few other option values: each compiles or is rejected cleanly.
    int compiled = 0;
    for (const ortaq::OptionInfo& option : t->info().options) {
      for (std::size_t v = 1; v < option.values.size() && compiled < 4; ++v, ++compiled) {
        ortaq::Options options;
        options.settings.push_back({option.name, option.values[v]});
        ortaq::Status option_status;
        const auto variant = ortaq::Transliterator::FromText(text, "fuzz.tbl", options, &option_status);
        if (!variant) {
          CheckRejected(option_status, "FromText with " + option.name + "=" + option.values[v]);
          continue;
        }
        CheckTransliterate(*variant, kProbe, "probe text with " + option.name + "=" + option.values[v]);
      }
    }
  }
  if (size <= (64u << 10)) CheckTableThroughMemfd(text);
  return 0;
}
