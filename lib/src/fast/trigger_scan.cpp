#include "fast/trigger_scan.hpp"

#include <cstdint>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ORTAQ_TRIGGER_SCAN_X86 1
#include <emmintrin.h>
#endif

namespace ortaq::trigger_scan {

std::size_t FirstPair(const Pairs& pairs, const unsigned char* d, std::size_t size, std::size_t from) {
  std::size_t q = from;
#if ORTAQ_TRIGGER_SCAN_X86
  __m128i first[kMaxPairs], second[kMaxPairs];
  for (std::size_t k = 0; k < pairs.count; ++k) {
    first[k] = _mm_set1_epi8(static_cast<char>(pairs.first[k]));
    second[k] = _mm_set1_epi8(static_cast<char>(pairs.second[k]));
  }
  // Sixteen starting positions at a time, each compared with its byte and the next.
  for (; q + 17 <= size; q += 16) {
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + q));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + q + 1));
    __m128i hits = _mm_setzero_si128();
    for (std::size_t k = 0; k < pairs.count; ++k)
      hits = _mm_or_si128(hits, _mm_and_si128(_mm_cmpeq_epi8(here, first[k]), _mm_cmpeq_epi8(next, second[k])));
    if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hits)))
      return q + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; q + 1 < size; ++q)
    for (std::size_t k = 0; k < pairs.count; ++k)
      if (d[q] == pairs.first[k] && d[q + 1] == pairs.second[k]) return q;
  return SIZE_MAX;
}

}  // namespace ortaq::trigger_scan
