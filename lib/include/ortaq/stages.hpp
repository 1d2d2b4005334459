// ortaq stages — one stage of a chain of tables at a time, for converting a chain on several
// threads (Transliterator::TransliterateRange works on single tables only).
//
//   auto t = ortaq::Transliterator::FromIds("kk-Latn-2018", "cta-2024", {}, nullptr);  // a chain
//   if (!t) return;
//   std::string text = "Qazaqstan\n", next;
//   for (std::size_t stage = 0; stage < ortaq::StageCount(*t); ++stage) {
//     std::size_t stopped = 0;
//     next.clear();
//     if (!ortaq::TransliterateStageRange(*t, stage, text, 0, text.size(), &next, &stopped).ok()) return;
//     text.swap(next);  // each stage reads all of what the stage before it gave
//   }
//   // text == "Qazaqstan\n" converted to CTA 2024, as t->Transliterate gives it
//
// A chain's conversion is its stages' whole conversions composed: stage 0 reads the input,
// stage k the whole output of stage k - 1. Each stage can therefore be cut into pieces and the
// pieces converted on several threads exactly as TransliterateRange allows for one table, as long
// as every piece of stage k is cut from the joined output of stage k - 1.
//
// Guarantees, as for the rest of the library: nothing here throws, prints or exits, and a
// Transliterator may be shared by threads that call these functions at the same time.
#ifndef ORTAQ_STAGES_HPP_
#define ORTAQ_STAGES_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "ortaq/export.h"
#include "ortaq/ortaq.hpp"

namespace ortaq {

// How many tables `t` runs one after the other: 1 for a table, more for a chain.
[[nodiscard]] ORTAQ_API std::size_t StageCount(const Transliterator& t) noexcept;

// Transliterator::TransliterateRange with the table of stage `stage` alone (0-based; every stage
// follows t's InvalidInputPolicy, as Transliterate does): converts the bytes [begin, end) of
// `text`, reading the bytes around them as context, appends the result to *output, and sets
// *stopped to where conversion stopped (`end`, or a little past it when a match ran over the
// cut). kInvalidArgument when `stage` is not below StageCount(t).
[[nodiscard]] ORTAQ_API Status TransliterateStageRange(const Transliterator& t, std::size_t stage, std::string_view text,
                                                       std::size_t begin, std::size_t end, std::string* output,
                                                       std::size_t* stopped, ConversionStats* stats = nullptr);

}  // namespace ortaq

#endif  // ORTAQ_STAGES_HPP_
