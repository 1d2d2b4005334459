// For tests only (not installed): the Transliterator factories with a choice of engine, so that
// a test can compare the fast tables with the rule engine alone. Users always get kFast, and
// the output of both is the same; kReference runs every character through the engine's full
// path and is only slower.
#ifndef ORTAQ_API_TEST_HOOKS_HPP_
#define ORTAQ_API_TEST_HOOKS_HPP_

#include <memory>
#include <string>
#include <string_view>

#include "ortaq/ortaq.hpp"

namespace ortaq::test_hooks {

enum class Engine { kFast, kReference };

std::shared_ptr<const Transliterator> FromIds(std::string_view from, std::string_view to, const Options& options,
                                              Engine engine, Status* status);
std::shared_ptr<const Transliterator> FromFile(const std::string& path, const Options& options, Engine engine,
                                               Status* status);
std::shared_ptr<const Transliterator> FromText(std::string_view text, std::string_view name, const Options& options,
                                               Engine engine, Status* status);

}  // namespace ortaq::test_hooks

#endif  // ORTAQ_API_TEST_HOOKS_HPP_
