// Benchmarks time conversions that must succeed: a failed one would time an error path, so it
// stops the run with the message instead.
#ifndef ORTAQ_BENCH_MUST_SUCCEED_HPP_
#define ORTAQ_BENCH_MUST_SUCCEED_HPP_

#include <cstdio>
#include <cstdlib>

#include "ortaq/ortaq.hpp"

inline void MustSucceed(const ortaq::Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "conversion failed: %s\n", status.message().c_str());
  std::abort();
}

#endif  // ORTAQ_BENCH_MUST_SUCCEED_HPP_
