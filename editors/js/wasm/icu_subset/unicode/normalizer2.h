// The part of ICU's Normalizer2 that ortaq uses, for the WebAssembly build (see ../README.md):
// NFC and NFD from the generated decomposition and composition tables.
#ifndef ORTAQ_ICU_SUBSET_NORMALIZER2_H_
#define ORTAQ_ICU_SUBSET_NORMALIZER2_H_

#include "unicode/unistr.h"
#include "unicode/utypes.h"

namespace icu {

class Normalizer2 {
 public:
  static const Normalizer2* getNFCInstance(UErrorCode& error);
  static const Normalizer2* getNFDInstance(UErrorCode& error);
  UnicodeString normalize(const UnicodeString& text, UErrorCode& error) const;
  UBool isNormalized(const UnicodeString& text, UErrorCode& error) const;

 private:
  explicit Normalizer2(bool compose) : compose_(compose) {}
  bool compose_;
};

}  // namespace icu

#endif  // ORTAQ_ICU_SUBSET_NORMALIZER2_H_
