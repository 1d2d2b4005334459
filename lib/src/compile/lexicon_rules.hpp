// Turns a table's `@lexicon` entries into rules (tables/README.md, "Stem lexicons"): each word
// of the lexicon file, spelled by the directive's `via` table, becomes a key whose output is
// the word itself, with the word-boundary contexts its '-' marks ask for. The rules join the
// table's own before compiling, so they land in the same trie as hand-written ones.
#ifndef ORTAQ_COMPILE_LEXICON_RULES_HPP_
#define ORTAQ_COMPILE_LEXICON_RULES_HPP_

#include <functional>
#include <string>
#include <vector>

#include "compile/compiler.hpp"

namespace ortaq {

// Spells `words` with the via table of `use`, its options set as the table's `resolved` ones
// of the same name; one spelling per word, in order.
using LexiconSpeller = std::function<Status(const LexiconUse& use, const Settings& resolved,
                                            const std::vector<std::u32string>& words, std::vector<std::string>* spellings,
                                            std::vector<Diagnostic>* diagnostics)>;

// Appends the rules of every @lexicon of *table. A word the via table spells as nothing is an
// error at its line.
Status AddLexiconRules(const LexiconSpeller& spell, const Settings& resolved, TableAst* table,
                       std::vector<Diagnostic>* diagnostics);

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_LEXICON_RULES_HPP_
