// The rule step: at one position, a whole-word exception, else the longest key whose context
// holds, with the case form its output takes. Reads the input through EngineText only.
#ifndef ORTAQ_ENGINE_RULE_STEP_HPP_
#define ORTAQ_ENGINE_RULE_STEP_HPP_

#include <cstddef>
#include <cstdint>

#include "engine/engine_text.hpp"

namespace ortaq {

enum class CaseForm { kLower, kTitle, kUpper };

// Matches at p, whose first letter (look-alike repaired) is `first`, `first_length` bytes
// long. On a match: the bytes it consumes, the index of its output (CompiledTable::outputs)
// and the case form to write; false when no exception or rule applies.
bool MatchRule(const EngineText& text, std::size_t p, char32_t first, std::size_t first_length, std::size_t* consumed,
               std::uint32_t* output, CaseForm* form);

}  // namespace ortaq

#endif  // ORTAQ_ENGINE_RULE_STEP_HPP_
