#include "engine/path_stats.hpp"

#include "compile/compiled_table.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::path_stats {
namespace {
thread_local Counts* active = nullptr;
}  // namespace

Counts* Active() { return active; }

Recording::Recording(Counts* counts) : previous_(active) { active = counts; }
Recording::~Recording() { active = previous_; }

const char* Name(Cause cause) {
  switch (cause) {
    case Cause::kFourByte: return "4-byte char";
    case Cause::kThreeByte: return "3-byte char";
    case Cause::kTwoByteOther: return "2-byte non-letter";
    case Cause::kContextLetter: return "context letter";
    case Cause::kLookalike: return "look-alike";
    case Cause::kLatinLetter: return "Latin letter";
    case Cause::kDigit: return "digit";
    case Cause::kAsciiPunct: return "ASCII punct";
    case Cause::kWhiteSpace: return "space/control";
    case Cause::kMark: return "mark";
    case Cause::kTokenRisk: return "token risk";
    case Cause::kGuard: return "guard";
    case Cause::kInputEnd: return "input end";
    case Cause::kNoFastRun: return "no fast run";
    case Cause::kCount: break;
  }
  return "?";
}

Cause ClassifyAt(const CompiledTable& table, const unsigned char* data, std::size_t size, std::size_t p) {
  if (p >= size) return Cause::kInputEnd;
  const unsigned char b = data[p];
  if (b < 0x80) {
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      // A look-alike inside a word of another script: a two-byte letter right before or after.
      const bool two_byte_before = p >= 2 && data[p - 2] >= 0xC2 && data[p - 2] < 0xE0;
      const bool two_byte_after = p + 1 < size && data[p + 1] >= 0xC2 && data[p + 1] < 0xE0;
      return table.ascii_lookalike[b] && (two_byte_before || two_byte_after) ? Cause::kLookalike : Cause::kLatinLetter;
    }
    if (b >= '0' && b <= '9') return Cause::kDigit;
    if (b <= ' ' || b == 0x7F) return Cause::kWhiteSpace;
    return Cause::kAsciiPunct;
  }
  const utf8::Decoded d = utf8::Decode(data + p, data + size);
  if (d.length <= 0) return Cause::kInputEnd;
  if (unicode::IsMark(d.code_point)) return Cause::kMark;
  if (d.length == 4) return Cause::kFourByte;
  if (d.length == 3) return Cause::kThreeByte;
  return unicode::IsWordChar(d.code_point) ? Cause::kContextLetter : Cause::kTwoByteOther;
}

}  // namespace ortaq::path_stats
