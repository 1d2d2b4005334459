// libFuzzer target: the streaming API with chunk boundaries the fuzzer chooses.
//
// Input: [selector][n][n plan bytes][text...]. The selector chooses the table and the policy
// (see ortaq_fuzz::Pick); n (0..15) plan bytes describe chunk sizes, used in a cycle:
//   0          an empty Write
//   1..199     that many bytes
//   200..239   up to and including the next UTF-8 lead byte, plus (b - 200) % 4 of its
//              continuation bytes: a split inside a multi-byte sequence
//   240..255   a large chunk: 2^(b - 236) bytes (16 .. 512 K)
// With n == 0 every chunk is one byte. Every input is converted whole and streamed with this
// plan (with and without edit spans) and, for good measure, byte by byte when short: same
// status and position, the same bytes and the same spans.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ortaq_fuzz::Tables();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const auto [table, policy] = ortaq_fuzz::Pick(data[0]);
  const std::size_t plan_size = data[1] % 16;
  if (size < 2 + plan_size) return 0;
  const std::vector<std::uint8_t> plan(data + 2, data + 2 + plan_size);
  const std::string_view text(reinterpret_cast<const char*>(data + 2 + plan_size), size - 2 - plan_size);
  const auto& t = *table->by_policy[static_cast<int>(policy)];

  std::size_t step = 0;
  auto next_size = [&](std::size_t pos) -> std::size_t {
    if (plan.empty()) return 1;
    const std::uint8_t b = plan[step++ % plan.size()];
    if (b < 200) return b;
    if (b < 240) {
      // Up to the next lead byte of a multi-byte sequence, it, and 0..3 bytes after it.
      std::size_t at = pos;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) != 0xC0) ++at;
      return at - pos + 1 + (b - 200) % 4;
    }
    return std::size_t{1} << (b - 236);
  };
  ortaq_fuzz::CheckConversion(t, *table->reference[static_cast<int>(policy)], policy, text, next_size, table->name);

  // Without edit spans the stream writes the same bytes.
  std::string whole;
  const ortaq::Status status = t.Transliterate(text, &whole, nullptr);
  step = 0;
  std::string streamed;
  const ortaq::Status stream_status = ortaq_fuzz::StreamInChunks(t, text, next_size, &streamed, nullptr);
  FUZZ_CHECK(stream_status.code() == status.code(), "without spans: " + ortaq_fuzz::Describe(stream_status));
  if (status.ok()) FUZZ_CHECK(streamed == whole, "without spans: " + ortaq_fuzz::FirstDifference(streamed, whole));

  // Byte by byte, the hardest split of all.
  if (text.size() <= 512 && !plan.empty()) {
    std::string bytewise;
    const ortaq::Status s = ortaq_fuzz::StreamInChunks(t, text, [](std::size_t) { return 1; }, &bytewise, nullptr);
    FUZZ_CHECK(s.code() == status.code(), "byte by byte: " + ortaq_fuzz::Describe(s));
    if (status.ok()) FUZZ_CHECK(bytewise == whole, "byte by byte: " + ortaq_fuzz::FirstDifference(bytewise, whole));
  }
  return 0;
}
