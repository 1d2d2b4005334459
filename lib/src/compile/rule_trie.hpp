// The lookup structures of a compiled table, built once its rules are final: the trie of rule
// keys with the letters (every case form, folds, look-alikes) that start a key, and the class
// bits that let the rule engine test a letter's classes with one read.
#ifndef ORTAQ_COMPILE_RULE_TRIE_HPP_
#define ORTAQ_COMPILE_RULE_TRIE_HPP_

#include <vector>

#include "compile/compiled_table.hpp"

namespace ortaq {

// The letter and every letter that lowercases to it in the table's source alphabet (with
// @case auto): the letters a rule key or an exception starting with `lower` can start with.
std::vector<char32_t> SourceCaseVariants(const CompiledTable& table, char32_t lower);

// Fills nodes, start, ascii_start and max_key_bytes from rules and rules_source; rules of one key
// are ordered by specificity, longest context first.
void BuildRuleTrie(CompiledTable& table);

// CompiledTable::class_bits: the full path's class tests as one read for the letters most texts
// are made of.
void BuildClassBits(CompiledTable& table);

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_RULE_TRIE_HPP_
