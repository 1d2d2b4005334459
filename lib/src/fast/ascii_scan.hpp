// Vectorised scanning for runs of ASCII that a table copies unchanged (digits, spaces, the Latin
// letters of a Turkish or English text that no rule starts with): sixteen bytes are checked
// at once and copied with one store, where the pair table would take them one by one.
//
// The check is two SIMD steps: one instruction says whether all sixteen bytes are ASCII, then
// a nibble-indexed bitmap (two byte shuffles) says whether each is in the table's copy set.
// x86-64 has the first in its baseline (SSE2); the shuffle needs SSSE3, which is looked up at
// run time. Elsewhere the pair table, which is portable, does the work alone.
#ifndef ORTAQ_FAST_ASCII_SCAN_HPP_
#define ORTAQ_FAST_ASCII_SCAN_HPP_

#include <array>
#include <cstdint>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ORTAQ_ASCII_SCAN_X86 1
#include <immintrin.h>
#endif

namespace ortaq::ascii_scan {

inline constexpr std::size_t kWidth = 16;

// The copy set as a bitmap: bit (c >> 4) of rows[c & 15] is set when ASCII byte c is copied.
struct CopySet {
  alignas(16) std::array<std::uint8_t, 16> rows{};
  bool usable = false;  // the scan is worth trying (the CPU can, and the set is not empty)
};

CopySet MakeCopySet(const std::array<bool, 128>& copy);

#if ORTAQ_ASCII_SCAN_X86
// All sixteen bytes below 0x80 (SSE2, always there on x86-64).
inline bool AllAscii(const unsigned char* in) {
  return _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in))) == 0;
}
// All sixteen (ASCII) bytes in the set. Needs SSSE3: only called when CopySet::usable.
bool AllInSet(const CopySet& set, const unsigned char* in);
#else
inline bool AllAscii(const unsigned char*) { return false; }
inline bool AllInSet(const CopySet&, const unsigned char*) { return false; }
#endif

}  // namespace ortaq::ascii_scan

#endif  // ORTAQ_FAST_ASCII_SCAN_HPP_
