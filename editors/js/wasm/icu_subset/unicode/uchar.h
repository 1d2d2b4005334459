// The part of ICU's uchar.h that ortaq uses, for the WebAssembly build (see ../README.md).
// Categories and property codes are ICU's (checked by static_assert in the generated data).
#ifndef ORTAQ_ICU_SUBSET_UCHAR_H_
#define ORTAQ_ICU_SUBSET_UCHAR_H_

#include <cstdint>

#include "unicode/uscript.h"
#include "unicode/utypes.h"

enum UCharCategory : int8_t { U_UPPERCASE_LETTER = 1, U_LOWERCASE_LETTER = 2, U_TITLECASE_LETTER = 3,
                              U_MODIFIER_LETTER = 4, U_OTHER_LETTER = 5, U_NON_SPACING_MARK = 6,
                              U_ENCLOSING_MARK = 7, U_COMBINING_SPACING_MARK = 8 };
int8_t u_charType(UChar32 c);

#define U_MASK(x) ((uint32_t)1 << (x))
#define U_GET_GC_MASK(c) U_MASK(u_charType(c))
#define U_GC_L_MASK                                                                                  \
  (U_MASK(U_UPPERCASE_LETTER) | U_MASK(U_LOWERCASE_LETTER) | U_MASK(U_TITLECASE_LETTER) |            \
   U_MASK(U_MODIFIER_LETTER) | U_MASK(U_OTHER_LETTER))
#define U_GC_M_MASK (U_MASK(U_NON_SPACING_MARK) | U_MASK(U_ENCLOSING_MARK) | U_MASK(U_COMBINING_SPACING_MARK))

UBool u_isupper(UChar32 c);  // Lu
UBool u_islower(UChar32 c);  // Ll
UBool u_istitle(UChar32 c);  // Lt
UChar32 u_tolower(UChar32 c);
UChar32 u_toupper(UChar32 c);
uint8_t u_getCombiningClass(UChar32 c);

enum UProperty { UCHAR_BLOCK = 0x1001, UCHAR_SCRIPT = 0x100A };
enum UPropertyNameChoice { U_SHORT_PROPERTY_NAME = 0, U_LONG_PROPERTY_NAME = 1 };
int32_t u_getIntPropertyValue(UChar32 c, UProperty which);  // UCHAR_BLOCK and UCHAR_SCRIPT
const char* u_getPropertyValueName(UProperty property, int32_t value, UPropertyNameChoice choice);
// Script names (long or short, ICU's loose matching); -1 when unknown or for other properties.
int32_t u_getPropertyValueEnum(UProperty property, const char* alias);

enum UCharNameChoice { U_UNICODE_CHAR_NAME = 0 };
// Names only for the blocks the generated data keeps (see gen_unicode_data.cpp); 0 elsewhere.
int32_t u_charName(UChar32 code, UCharNameChoice choice, char* buffer, int32_t length, UErrorCode* error);

#endif  // ORTAQ_ICU_SUBSET_UCHAR_H_
