// The part of ICU's utypes.h that ortaq uses, for the WebAssembly build (see ../README.md).
#ifndef ORTAQ_ICU_SUBSET_UTYPES_H_
#define ORTAQ_ICU_SUBSET_UTYPES_H_

#include <cstdint>

typedef int32_t UChar32;
typedef int8_t UBool;

enum UErrorCode { U_ZERO_ERROR = 0, U_ILLEGAL_ARGUMENT_ERROR = 1, U_BUFFER_OVERFLOW_ERROR = 15 };
inline bool U_SUCCESS(UErrorCode code) { return code <= U_ZERO_ERROR; }
inline bool U_FAILURE(UErrorCode code) { return code > U_ZERO_ERROR; }

#endif  // ORTAQ_ICU_SUBSET_UTYPES_H_
