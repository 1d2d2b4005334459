// What the public Transliterator hides: its compiled tables, and the one way the library makes
// and reads a Transliterator (the class's constructor and Impl are private in ortaq/ortaq.hpp).
#ifndef ORTAQ_API_TRANSLITERATOR_IMPL_HPP_
#define ORTAQ_API_TRANSLITERATOR_IMPL_HPP_

#include <memory>

#include "compile/table_build.hpp"
#include "ortaq/ortaq.hpp"

namespace ortaq {

struct Transliterator::Impl {
  BuiltTable built;  // one compiled stage, or several for a chain
  InvalidInputPolicy policy = InvalidInputPolicy::kError;
};

class TransliteratorAccess {
 public:
  static std::unique_ptr<Transliterator::Impl> NewImpl() { return std::make_unique<Transliterator::Impl>(); }
  static std::shared_ptr<const Transliterator> Make(std::unique_ptr<Transliterator::Impl> impl) {
    return std::shared_ptr<const Transliterator>(new Transliterator(std::move(impl)));
  }
  static const Transliterator::Impl& ImplOf(const Transliterator& t) noexcept { return *t.impl_; }
};

}  // namespace ortaq

#endif  // ORTAQ_API_TRANSLITERATOR_IMPL_HPP_
