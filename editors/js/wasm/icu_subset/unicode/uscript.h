// The part of ICU's uscript.h that ortaq uses, for the WebAssembly build (see ../README.md).
// The codes are ICU's (checked against ICU by static_assert in the generated data).
#ifndef ORTAQ_ICU_SUBSET_USCRIPT_H_
#define ORTAQ_ICU_SUBSET_USCRIPT_H_

#include "unicode/utypes.h"

enum UScriptCode : int { USCRIPT_COMMON = 0, USCRIPT_INHERITED = 1, USCRIPT_CYRILLIC = 8, USCRIPT_GREEK = 14,
                         USCRIPT_LATIN = 25, USCRIPT_INVALID_CODE = -1 };

UScriptCode uscript_getScript(UChar32 c, UErrorCode* error);
const char* uscript_getName(UScriptCode code);  // the long name, "Cyrillic"; nullptr if none

#endif  // ORTAQ_ICU_SUBSET_USCRIPT_H_
