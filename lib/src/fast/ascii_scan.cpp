#include "fast/ascii_scan.hpp"

namespace ortaq::ascii_scan {

#if ORTAQ_ASCII_SCAN_X86

namespace {
bool CpuHasSsse3() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3") != 0;
  }();
  return has;
}
}  // namespace

__attribute__((target("ssse3"))) bool AllInSet(const CopySet& set, const unsigned char* in) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  const __m128i low = _mm_and_si128(bytes, _mm_set1_epi8(0x0F));
  const __m128i high = _mm_and_si128(_mm_srli_epi16(bytes, 4), _mm_set1_epi8(0x0F));
  const __m128i rows = _mm_shuffle_epi8(_mm_load_si128(reinterpret_cast<const __m128i*>(set.rows.data())), low);
  // 1 << high for the eight ASCII rows; bytes of 0x80 and up get 0 (never in the set).
  const __m128i bit_of_high = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, static_cast<char>(0x80), 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i bits = _mm_shuffle_epi8(bit_of_high, high);
  const __m128i absent = _mm_cmpeq_epi8(_mm_and_si128(rows, bits), _mm_setzero_si128());
  return _mm_movemask_epi8(absent) == 0;
}

#else

namespace {
bool CpuHasSsse3() { return false; }
}  // namespace

#endif

CopySet MakeCopySet(const std::array<bool, 128>& copy) {
  CopySet set;
  bool any = false;
  for (unsigned c = 0; c < 128; ++c)
    if (copy[c]) {
      set.rows[c & 15] = static_cast<std::uint8_t>(set.rows[c & 15] | (1u << (c >> 4)));
      any = true;
    }
  set.usable = any && CpuHasSsse3();
  return set;
}

}  // namespace ortaq::ascii_scan
