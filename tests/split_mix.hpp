// A small deterministic generator (splitmix64) for tests and fuzzers: the same numbers on
// every machine, so a failure seen once can be seen again.
#ifndef ORTAQ_TESTS_SPLIT_MIX_HPP_
#define ORTAQ_TESTS_SPLIT_MIX_HPP_

#include <cstdint>

namespace ortaq_test {

struct SplitMix {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

}  // namespace ortaq_test

#endif  // ORTAQ_TESTS_SPLIT_MIX_HPP_
