// The part of ICU's UnicodeString that ortaq uses, for the WebAssembly build (see ../README.md):
// code points in, UTF-8 out. The text given to fromUTF8 is valid UTF-8 (the engine checks).
#ifndef ORTAQ_ICU_SUBSET_UNISTR_H_
#define ORTAQ_ICU_SUBSET_UNISTR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "unicode/utypes.h"

namespace icu {

class StringPiece {
 public:
  StringPiece(const char* data, int32_t length) : text_(data, static_cast<std::size_t>(length)) {}
  std::string_view view() const { return text_; }

 private:
  std::string_view text_;
};

class UnicodeString {
 public:
  UnicodeString() = default;
  explicit UnicodeString(std::u32string code_points) : code_points_(std::move(code_points)) {}
  static UnicodeString fromUTF8(StringPiece utf8);
  std::string& toUTF8String(std::string& out) const;
  const std::u32string& code_points() const { return code_points_; }

 private:
  std::u32string code_points_;
};

}  // namespace icu

#endif  // ORTAQ_ICU_SUBSET_UNISTR_H_
