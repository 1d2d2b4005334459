// The compiled tables behind a Transliterator, for library code that reads their rules (the
// typing session asks how far a rule's context may reach).
#ifndef ORTAQ_API_COMPILED_STAGES_HPP_
#define ORTAQ_API_COMPILED_STAGES_HPP_

#include <memory>
#include <vector>

#include "compile/table_build.hpp"
#include "ortaq/ortaq.hpp"

namespace ortaq {

// One table, or the stages of a chain in order.
const std::vector<CompiledStage>& CompiledStages(const Transliterator& transliterator);

}  // namespace ortaq

#endif  // ORTAQ_API_COMPILED_STAGES_HPP_
