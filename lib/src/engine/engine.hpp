// The conversion loop: at each position, an exception for the whole word, else the longest
// key whose context holds, else the character is copied through. Contexts and case are read
// from the input, never from output already written, and never further than kContextWindow
// bytes from the match, so a stream and a whole buffer give identical bytes.
#ifndef ORTAQ_ENGINE_ENGINE_HPP_
#define ORTAQ_ENGINE_ENGINE_HPP_

#include <cstddef>
#include <cstdint>
#include <string>

#include "compile/compiled_table.hpp"
#include "fast/fast_tables.hpp"
#include "ortaq/ortaq.hpp"

namespace ortaq {

struct EngineInput {
  const unsigned char* data = nullptr;  // history, then the bytes to convert, then look-ahead
  std::size_t size = 0;
  std::size_t begin = 0;  // first byte to convert; bytes before it are context only
  bool final = true;      // nothing follows data[size)
  bool protecting = false;  // inside a pass-through token that began in an earlier call
  std::size_t stop = SIZE_MAX;  // convert no match that starts at or after this byte
  ConversionStats* stats = nullptr;
};

struct EngineResult {
  std::size_t next = 0;     // first byte not yet converted
  bool invalid = false;     // stopped at ill-formed UTF-8 (kError policy) at `next`
  bool protecting = false;  // still inside a pass-through token (goes on until white space)
};

// Bytes either side of a letter read to decide whether its word is written in the source
// script (for look-alike repair); part of what a stream keeps.
inline constexpr std::size_t kWordScan = 64;
// History a stream keeps before the next byte to convert.
inline constexpr std::size_t kHistoryBytes = kContextWindow + kWordScan;

// How many bytes past a position the engine may read; a stream keeps this much look-ahead.
std::size_t LookaheadBytes(const CompiledTable& table);

// `fast`: the table's accelerator, or null for the reference engine (the same rules, every
// character by the rule step); both give the same bytes.
EngineResult RunEngine(const CompiledTable& table, const FastTables* fast, InvalidInputPolicy policy,
                       const EngineInput& input, std::string* output, EditList* edits);

// RunEngine for a whole input without edit spans, the common call (a line at a time, say): its
// fast blocks need none of the Converter's set-up, which would cost a short line a good part of
// its time. The same output as RunEngine; it replaces what *output held (whose memory it
// writes over rather than clearing it first).
EngineResult RunEngineWhole(const CompiledTable& table, const FastTables* fast, InvalidInputPolicy policy,
                            const EngineInput& input, std::string* output);

}  // namespace ortaq

#endif  // ORTAQ_ENGINE_ENGINE_HPP_
