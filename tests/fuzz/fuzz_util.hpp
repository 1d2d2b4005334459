// Helpers shared by the libFuzzer targets: a check that aborts with a message (libFuzzer then
// saves the input as crash-*), an independent UTF-8 validator, edit-span invariants, the
// shipped tables the engine fuzzers run, and chunked streaming.
#ifndef ORTAQ_TESTS_FUZZ_FUZZ_UTIL_HPP_
#define ORTAQ_TESTS_FUZZ_FUZZ_UTIL_HPP_

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../split_mix.hpp"

#include "api/test_hooks.hpp"
#include "ortaq/ortaq.hpp"

namespace ortaq_fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* condition, const std::string& detail) {
  std::fprintf(stderr, "\n%s:%d: invariant failed: %s\n%s\n", file, line, condition, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(condition, detail)                                          \
  do {                                                                         \
    if (!(condition)) ::ortaq_fuzz::Fail(__FILE__, __LINE__, #condition, (detail)); \
  } while (0)

inline std::string Describe(const ortaq::Status& status) {
  std::string out = "status " + std::to_string(static_cast<int>(status.code())) + ": " + status.message();
  if (status.code() == ortaq::StatusCode::kInvalidInput)
    out += " [offset " + std::to_string(status.position().byte_offset) + ", line " +
           std::to_string(status.position().line) + ", column " + std::to_string(status.position().column) + "]";
  return out;
}

// ---- UTF-8, validated independently of the library (the WHATWG decoder, which emits one
// U+FFFD per maximal subpart of an ill-formed sequence, as Unicode §3.9 recommends) ----------

struct Utf8Scan {
  std::size_t first_error = std::string_view::npos;  // byte offset where the first bad sequence starts
  std::size_t errors = 0;                            // U+FFFD a replacing decoder writes
  std::size_t replacement_chars = 0;                 // well-formed U+FFFD already in the text
};

inline Utf8Scan ScanUtf8(std::string_view text) {
  Utf8Scan scan;
  auto error = [&](std::size_t at) {
    if (scan.errors++ == 0) scan.first_error = at;
  };
  std::size_t needed = 0, seen = 0, start = 0;
  unsigned lower = 0x80, upper = 0xBF;
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned b = static_cast<unsigned char>(text[i]);
    if (needed == 0) {
      start = i;
      if (b <= 0x7F) continue;
      if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
        cp = b & 0x07;
      } else {
        error(i);
      }
      continue;
    }
    if (b < lower || b > upper) {
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      error(start);
      --i;  // the byte starts over
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (++seen == needed) {
      if (cp == 0xFFFD) ++scan.replacement_chars;
      needed = seen = 0;
    }
  }
  if (needed != 0) error(start);
  return scan;
}

inline std::size_t CountReplacementChars(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t at = text.find("\xEF\xBF\xBD"); at != std::string_view::npos; at = text.find("\xEF\xBF\xBD", at + 3)) ++n;
  return n;
}

// Line and column (1-based, columns in code points) of `offset`, for a valid prefix.
inline std::pair<std::uint64_t, std::uint64_t> LineColumn(std::string_view text, std::size_t offset) {
  std::uint64_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      ++line;
      column = 1;
    } else if ((b & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// Where two outputs first differ, with some bytes of each around it (C-escaped).
inline std::string Escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    }
  }
  return out;
}

inline std::string FirstDifference(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::size_t from = i > 24 ? i - 24 : 0;
  return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + ", first difference at byte " +
         std::to_string(i) + ":\n  \"" + Escape(a.substr(from, 64)) + "\"\n  \"" + Escape(b.substr(from, 64)) + "\"";
}

// ---- edit spans ----------------------------------------------------------------------------

inline std::string SpanText(const ortaq::EditSpan& s) {
  return "{src [" + std::to_string(s.source_begin) + "," + std::to_string(s.source_end) + ") -> out [" +
         std::to_string(s.output_begin) + "," + std::to_string(s.output_end) + ") " + (s.changed ? "changed" : "copied") +
         "}";
}

// The spans cover input and output exactly and in order, copied spans copy their bytes, and
// the offset maps agree with the spans.
inline void CheckSpansCover(const ortaq::EditList& edits, std::string_view input, std::string_view output) {
  std::uint64_t source = 0, out = 0;
  const auto& spans = edits.spans();
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const ortaq::EditSpan& s = spans[i];
    const std::string where = "span " + std::to_string(i) + " " + SpanText(s);
    FUZZ_CHECK(s.source_begin == source && s.output_begin == out, where + " leaves a gap or overlaps");
    FUZZ_CHECK(s.source_end >= s.source_begin && s.output_end >= s.output_begin, where + " runs backwards");
    FUZZ_CHECK(s.source_end > s.source_begin || s.output_end > s.output_begin, where + " is empty");
    FUZZ_CHECK(s.source_end <= input.size() && s.output_end <= output.size(), where + " goes past the end");
    if (!s.changed) {
      FUZZ_CHECK(s.source_end - s.source_begin == s.output_end - s.output_begin &&
                     input.substr(s.source_begin, s.source_end - s.source_begin) ==
                         output.substr(s.output_begin, s.output_end - s.output_begin),
                 where + " is marked copied but its bytes differ");
    }
    if (s.source_end > s.source_begin)
      FUZZ_CHECK(edits.SourceToOutput(s.source_begin) == s.output_begin, where + ": SourceToOutput disagrees");
    if (s.output_end > s.output_begin)
      FUZZ_CHECK(edits.OutputToSource(s.output_begin) == s.source_begin, where + ": OutputToSource disagrees");
    source = s.source_end;
    out = s.output_end;
  }
  FUZZ_CHECK(source == input.size() && out == output.size(),
             "the spans end at source " + std::to_string(source) + ", output " + std::to_string(out) + " of " +
                 std::to_string(input.size()) + ", " + std::to_string(output.size()));
  FUZZ_CHECK(edits.SourceToOutput(input.size()) == output.size(), "the end of the input does not map to the end");
  FUZZ_CHECK(edits.OutputToSource(output.size()) == input.size(), "the end of the output does not map to the end");
}

inline void CheckSpansEqual(const ortaq::EditList& a, const ortaq::EditList& b, const std::string& what) {
  const std::size_t n = std::min(a.spans().size(), b.spans().size());
  for (std::size_t i = 0; i < n; ++i) {
    const ortaq::EditSpan& x = a.spans()[i];
    const ortaq::EditSpan& y = b.spans()[i];
    FUZZ_CHECK(x.source_begin == y.source_begin && x.source_end == y.source_end && x.output_begin == y.output_begin &&
                   x.output_end == y.output_end && x.changed == y.changed,
               what + ": span " + std::to_string(i) + " " + SpanText(x) + " vs " + SpanText(y) + " (" +
                   std::to_string(a.spans().size()) + " spans vs " + std::to_string(b.spans().size()) + ")");
  }
  FUZZ_CHECK(a.spans().size() == b.spans().size(),
             what + ": " + std::to_string(a.spans().size()) + " spans vs " + std::to_string(b.spans().size()));
}

// ---- the shipped tables ---------------------------------------------------------------------------

// The engine and stream fuzzers pick one of these with a byte of the input: entry (byte % count),
// InvalidInputPolicy ((byte / count) % 3). tests/fuzz/make-seeds.py writes seeds with the index
// of the table a golden file tests: KEEP THE ORDER IN SYNC WITH SEED_TABLES THERE.
struct TableSpec {
  const char* from;
  const char* to;
  std::vector<std::pair<std::string, std::string>> settings;
  bool required;  // the kk-Cyrl tables must load; the others are used when they are there
};

inline const std::vector<TableSpec>& TableSpecs() {
  static const std::vector<TableSpec> specs{
      {"kk-Cyrl", "cta-2024", {}, true},
      {"kk-Cyrl", "cta-1991", {}, true},
      {"kk-Cyrl", "kk-Latn-2021", {}, true},
      {"kk-Cyrl", "kk-Latn-2018", {}, true},
      {"kk-Cyrl", "kk-Latn-2017", {}, true},
      {"kk-Cyrl", "cta-2024", {{"kk-i", "ï"}, {"kk-u", "u"}, {"schwa", "ə"}, {"eng", "ň"}}, true},
      {"kk-Cyrl", "kk-Latn-2017", {{"mark", "’"}}, true},
      {"kk-Cyrl", "kk-Latn-2021", {{"ch", "ch"}, {"ts", "s"}}, true},
      // Other directions and chains (several stages: composed edit spans, streamed per stage).
      {"kk-Latn-2018", "kk-Cyrl", {}, false},
      {"kk-Latn-2017", "kk-Cyrl", {}, false},
      {"kk-Latn-2021", "kk-Cyrl", {}, false},
      {"cta-2024", "kk-Cyrl", {}, false},
      {"tr-Latn", "cta-2024", {}, false},
      {"kk-Latn-2018", "cta-2024", {}, false},
      {"cta-2024", "tr-Latn", {}, false},
  };
  return specs;
}

struct LoadedTable {
  std::string name;
  std::shared_ptr<const ortaq::Transliterator> by_policy[3];  // kError, kReplace, kSkip
  // The same with the reference engine (api/test_hooks.hpp): no fast paths, the output every fast path must give.
  std::shared_ptr<const ortaq::Transliterator> reference[3];
};

// Loads every table once (the fuzzers call this from LLVMFuzzerInitialize).
inline const std::vector<LoadedTable>& Tables() {
  static const std::vector<LoadedTable> tables = [] {
    std::vector<LoadedTable> out;
    for (const TableSpec& spec : TableSpecs()) {
      LoadedTable loaded;
      loaded.name = std::string(spec.from) + "--" + spec.to;
      for (const auto& [k, v] : spec.settings) loaded.name += " " + k + "=" + v;
      bool ok = true;
      for (int p = 0; p < 3; ++p) {
        ortaq::Options options;
        options.settings = spec.settings;
        options.invalid_input = static_cast<ortaq::InvalidInputPolicy>(p);
        ortaq::Status status;
        loaded.by_policy[p] = ortaq::Transliterator::FromIds(spec.from, spec.to, options, &status);
        loaded.reference[p] = ortaq::test_hooks::FromIds(spec.from, spec.to, options,
                                                         ortaq::test_hooks::Engine::kReference, &status);
        if (!loaded.by_policy[p] || !loaded.reference[p]) {
          if (spec.required) {
            std::fprintf(stderr, "cannot load %s: %s\n", loaded.name.c_str(), status.message().c_str());
            std::abort();
          }
          ok = false;
          break;
        }
      }
      if (ok) out.push_back(std::move(loaded));
    }
    std::fprintf(stderr, "ortaq fuzz: %zu tables loaded\n", out.size());
    return out;
  }();
  return tables;
}

// Picks the table and policy that `selector` names.
inline std::pair<const LoadedTable*, ortaq::InvalidInputPolicy> Pick(std::uint8_t selector) {
  const auto& tables = Tables();
  const std::size_t n = tables.size();
  const auto policy = static_cast<ortaq::InvalidInputPolicy>((selector / n) % 3);
  return {&tables[selector % n], policy};
}

// ---- streaming -------------------------------------------------------------------------------

// Converts `input` through a Stream in chunks of the sizes `next_size(offset)` gives (0 writes an
// empty chunk; at most 4 empty chunks in a row are written, then one byte).
inline ortaq::Status StreamInChunks(const ortaq::Transliterator& t, std::string_view input,
                                    const std::function<std::size_t(std::size_t)>& next_size, std::string* output,
                                    ortaq::EditList* edits) {
  std::unique_ptr<ortaq::Stream> stream = t.NewStream();
  FUZZ_CHECK(stream != nullptr, "NewStream returned null");
  output->clear();
  if (edits) edits->Clear();
  std::size_t pos = 0;
  int empty = 0;
  while (pos < input.size()) {
    std::size_t n = std::min(next_size(pos), input.size() - pos);
    if (n == 0 && ++empty > 4) n = 1;
    if (n > 0) empty = 0;
    const ortaq::Status status = stream->Write(input.substr(pos, n), output, edits);
    if (!status.ok()) {
      // A failed stream refuses more input and Finish.
      std::string more;
      FUZZ_CHECK(stream->Write("a", &more).code() == ortaq::StatusCode::kInvalidArgument, "Write after a failure");
      FUZZ_CHECK(stream->Finish(&more).code() == ortaq::StatusCode::kInvalidArgument, "Finish after a failure");
      return status;
    }
    pos += n;
  }
  ortaq::Status status = stream->Finish(output, edits);
  std::string more;
  FUZZ_CHECK(stream->Write("a", &more).code() == ortaq::StatusCode::kInvalidArgument, "Write after Finish");
  return status;
}

// A small deterministic generator for chunk sizes.
using SplitMix = ortaq_test::SplitMix;

inline std::uint64_t Hash(std::string_view data) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Whole-buffer conversion against the independent validator, then the same text streamed in
// chunks of the sizes `next_size` gives: same status, same bytes, same spans.
inline void CheckConversion(const ortaq::Transliterator& t, const ortaq::Transliterator& reference,
                            ortaq::InvalidInputPolicy policy, std::string_view input,
                            const std::function<std::size_t(std::size_t)>& next_size, const std::string& table_name) {
  const std::string context = "table " + table_name + ", policy " + std::to_string(static_cast<int>(policy)) +
                              ", input of " + std::to_string(input.size()) + " bytes";
  const Utf8Scan scan = ScanUtf8(input);
  std::string output;
  ortaq::EditList edits;
  const ortaq::Status status = t.Transliterate(input, &output, &edits);
  if (policy == ortaq::InvalidInputPolicy::kError && scan.errors > 0) {
    FUZZ_CHECK(status.code() == ortaq::StatusCode::kInvalidInput, context + ": invalid UTF-8 at byte " +
                                                                      std::to_string(scan.first_error) +
                                                                      " was not reported; " + Describe(status));
    FUZZ_CHECK(status.position().byte_offset == scan.first_error,
               context + ": expected the error at byte " + std::to_string(scan.first_error) + "; " + Describe(status));
    const auto [line, column] = LineColumn(input, scan.first_error);
    FUZZ_CHECK(status.position().line == line && status.position().column == column,
               context + ": expected line " + std::to_string(line) + ", column " + std::to_string(column) + "; " +
                   Describe(status));
  } else {
    FUZZ_CHECK(status.ok(), context + ": " + Describe(status));
    const Utf8Scan out_scan = ScanUtf8(output);
    FUZZ_CHECK(out_scan.errors == 0, context + ": the output is not valid UTF-8 at byte " +
                                         std::to_string(out_scan.first_error));
    CheckSpansCover(edits, input, output);
    // The shipped tables neither read nor write U+FFFD: every one in the output is either copied
    // or stands for one maximal ill-formed subpart (kReplace); kSkip drops those.
    const std::size_t expected_fffd =
        scan.replacement_chars + (policy == ortaq::InvalidInputPolicy::kReplace ? scan.errors : 0);
    FUZZ_CHECK(out_scan.replacement_chars == expected_fffd,
               context + ": " + std::to_string(out_scan.replacement_chars) + " U+FFFD in the output, expected " +
                   std::to_string(expected_fffd));
    // Asking for the spans does not change the output.
    std::string plain;
    FUZZ_CHECK(t.Transliterate(input, &plain, nullptr).ok() && plain == output, context + ": output differs without edits");
    // The fast paths (pair table blocks, the tight loop, the two-byte table) give exactly what
    // the reference engine gives.
    std::string slow;
    FUZZ_CHECK(reference.Transliterate(input, &slow, nullptr).ok() && slow == output,
               context + ": the reference engine differs: " + FirstDifference(slow, output));
  }

  std::string streamed;
  ortaq::EditList stream_edits;
  const ortaq::Status stream_status = StreamInChunks(t, input, next_size, &streamed, &stream_edits);
  FUZZ_CHECK(stream_status.code() == status.code(),
             context + ": stream " + Describe(stream_status) + ", whole buffer " + Describe(status));
  if (!status.ok()) {
    FUZZ_CHECK(stream_status.position().byte_offset == status.position().byte_offset &&
                   stream_status.position().line == status.position().line &&
                   stream_status.position().column == status.position().column,
               context + ": stream " + Describe(stream_status) + ", whole buffer " + Describe(status));
    return;
  }
  FUZZ_CHECK(streamed == output, context + ": stream and whole buffer differ: " + FirstDifference(streamed, output));
  CheckSpansEqual(edits, stream_edits, context + ": stream spans");
}

}  // namespace ortaq_fuzz

#endif  // ORTAQ_TESTS_FUZZ_FUZZ_UTIL_HPP_
