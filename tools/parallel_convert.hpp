// `ortaq convert --jobs N`: one input converted by N threads, output in order.
#ifndef ORTAQ_TOOLS_PARALLEL_CONVERT_HPP_
#define ORTAQ_TOOLS_PARALLEL_CONVERT_HPP_

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "ortaq/ortaq.hpp"

namespace ortaq::cli {

// Writes converted text; false (with *error set) when it cannot.
using WriteFunction = std::function<bool(std::string_view, std::string* error)>;

// Converts all of `in` with `jobs` worker threads and writes the output in input order. The
// input is cut into pieces of about a MiB at white space; each piece is converted with the
// bytes around it as context, so the output is byte-identical to a one-thread conversion.
// Reading, converting and writing overlap: the calling thread reads and writes while the
// workers convert, with at most 2 × jobs + 2 pieces (of half a MiB) in memory. Prints what went wrong and
// returns an exit code; adds the engine's counts to *stats.
int ConvertInParallel(const Transliterator& t, const std::string& display, std::FILE* in, int jobs,
                      const WriteFunction& write, ConversionStats* stats);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_PARALLEL_CONVERT_HPP_
