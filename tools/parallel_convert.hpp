// `ortaq convert --jobs N`: one input converted by N threads, output in order, byte-identical
// to a one-thread conversion, for single tables and chains alike.
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

// Fills up to `size` bytes at `buffer`; returns how many (fewer only at the end of the input),
// or fails with a message in *error.
using ReadFunction = std::function<bool(char* buffer, std::size_t size, std::size_t* got, std::string* error)>;

// Converts all that `read` gives with `jobs` worker threads and writes the output in input
// order. The input is cut into pieces (half a MiB, less with many threads) at white space; each
// piece is converted with the bytes around it as context, so the output is byte-identical to a
// one-thread conversion. A chain is converted stage by stage (ortaq/stages.hpp): the joined
// output of one stage is cut into the pieces of the next, all stages at once on the same
// workers. Reading, converting and writing overlap: the calling thread reads and writes while
// the workers convert, with 2 × min(jobs, cores) + 2 pieces (about 3 MiB of input) in flight at
// most. Invalid UTF-8 comes back with its line, column and
// byte offset in the whole input; a read or write error as kIoError. Adds the engine's counts
// to *stats.
[[nodiscard]] Status ConvertInParallel(const Transliterator& t, const ReadFunction& read, int jobs,
                                       const WriteFunction& write, ConversionStats* stats);

// Adds the counts of `from` to *to (the counts of pieces converted apart).
void AddStats(const ConversionStats& from, ConversionStats* to);

// The same for a file, `head` (already read from it) first; prints what went wrong (as
// `display`:line:column for invalid UTF-8) and returns an exit code.
int ConvertFileInParallel(const Transliterator& t, const std::string& display, std::FILE* in, std::string_view head,
                          int jobs, const WriteFunction& write, ConversionStats* stats);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_PARALLEL_CONVERT_HPP_
