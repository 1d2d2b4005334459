// `ortaq convert --format html|xml|markdown|srt --jobs N`: one document converted by N threads.
#ifndef ORTAQ_TOOLS_PARALLEL_MARKUP_HPP_
#define ORTAQ_TOOLS_PARALLEL_MARKUP_HPP_

#include <string>
#include <string_view>

#include "ortaq/markup.hpp"

namespace ortaq::cli {

// TransliterateMarkup on `jobs` threads, with the same output. Each segment of readable text is
// converted on its own (ortaq/markup.hpp), so the segments are shared out among the threads in
// runs of consecutive segments; a segment of a MiB or more (one huge paragraph) is itself cut
// into pieces at white space, as plain text is (parallel_convert.hpp). On any failure the
// document is converted again on one thread, whose status (the position of invalid UTF-8 in
// the whole input) is returned. Adds the engine's counts to *stats when it is not null.
[[nodiscard]] Status ConvertMarkupInParallel(const Transliterator& t, Format format, std::string_view input, int jobs,
                                             std::string* output, ConversionStats* stats);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_PARALLEL_MARKUP_HPP_
