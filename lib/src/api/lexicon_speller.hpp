// Spells the words of a `@lexicon` with its `via` table, through the public Transliterator.
#ifndef ORTAQ_API_LEXICON_SPELLER_HPP_
#define ORTAQ_API_LEXICON_SPELLER_HPP_

#include "compile/lexicon_rules.hpp"

namespace ortaq {

// A speller that finds via tables the way `options` finds tables. The via table is built with
// the option values of the spelling table for the options both declare, and must have no
// @lexicon of its own (so that spelling never recurses).
LexiconSpeller MakeLexiconSpeller(const Options& options);

}  // namespace ortaq

#endif  // ORTAQ_API_LEXICON_SPELLER_HPP_
