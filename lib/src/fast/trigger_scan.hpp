// Finding the letters that context rules wait for (the ь of 2018's а > á / _ C+ ь ~V) ahead of
// and behind a guarded letter. The engine scans every byte once for them, so a text whose
// common letters are guarded by a trigger pays the scan on all of it: sixteen bytes at a time
// when the triggers are a few two-byte letters (SSE2, x86-64's baseline), the pair bitmap
// (FastTables::trigger_pairs) otherwise.
#ifndef ORTAQ_FAST_TRIGGER_SCAN_HPP_
#define ORTAQ_FAST_TRIGGER_SCAN_HPP_

#include <array>
#include <cstddef>

namespace ortaq::trigger_scan {

// The byte pairs that spell a trigger letter, when there are at most kMaxPairs (count 0: use
// the bitmap).
inline constexpr std::size_t kMaxPairs = 4;
struct Pairs {
  std::array<unsigned char, kMaxPairs> first{}, second{};
  std::size_t count = 0;
};

// The first q >= from where (d[q], d[q + 1]) is one of the pairs (q + 1 < size), or SIZE_MAX
// when there is none. The engine asks again only past the answer, so the text is read once.
std::size_t FirstPair(const Pairs& pairs, const unsigned char* d, std::size_t size, std::size_t from);

}  // namespace ortaq::trigger_scan

#endif  // ORTAQ_FAST_TRIGGER_SCAN_HPP_
