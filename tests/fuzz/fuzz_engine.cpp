// libFuzzer target: the engine on arbitrary bytes with the shipped tables.
//
// Input: byte 0 chooses the table and the InvalidInputPolicy (see ortaq_fuzz::Pick); the rest is
// the text. Checked for every input:
// - with kError, the status is an error exactly when the text is not valid UTF-8 (by an
//   independent validator), at the first bad byte's offset, line and column;
// - otherwise the output is valid UTF-8, the EditList spans cover input and output exactly and
//   in order (copied spans copy their bytes, the offset maps agree), each ill-formed subpart
//   became one U+FFFD (kReplace) or nothing (kSkip);
// - a Stream fed chunks whose sizes come from the input gives the same status (and position),
//   byte-identical output and the same spans.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ortaq_fuzz::Tables();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto [table, policy] = ortaq_fuzz::Pick(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto& t = *table->by_policy[static_cast<int>(policy)];

  // Chunk sizes from the text itself: a short cycle of sizes 0..15 and, from time to time, a
  // larger one, so that splits fall inside UTF-8 sequences, keys and contexts.
  ortaq_fuzz::SplitMix rng{ortaq_fuzz::Hash(text)};
  const std::size_t big = 1 + rng.Next() % 600;
  auto next_size = [&rng, big](std::size_t) -> std::size_t {
    const std::uint64_t r = rng.Next();
    return r % 8 == 0 ? big : r % 16;
  };
  ortaq_fuzz::CheckConversion(t, *table->reference[static_cast<int>(policy)], policy, text, next_size, table->name);
  return 0;
}
