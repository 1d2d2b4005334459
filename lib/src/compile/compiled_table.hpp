// The compiled, immutable form of a table that the engine runs: the rule model only (the
// accelerator built from it is fast/fast_tables.hpp). Built once by the compiler; never
// modified afterwards, so any number of threads may read it.
#ifndef ORTAQ_COMPILE_COMPILED_TABLE_HPP_
#define ORTAQ_COMPILE_COMPILED_TABLE_HPP_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "table/table_ast.hpp"
#include "text/unicode.hpp"

namespace ortaq {

// How far either side of a match the engine may read for context, case and exceptions, in
// bytes. Bounding it keeps streaming memory constant and makes a chunked conversion give the
// same bytes as a whole-buffer one: both see exactly this window. 256 bytes is 128 Cyrillic
// letters, far more than any word.
inline constexpr std::size_t kContextWindow = 256;

// A set of code points (a class, or one letter), sorted for binary search.
struct CharSet {
  std::vector<char32_t> letters;
  bool Contains(char32_t c) const;
};

struct CompiledItem {
  ContextItem::Kind kind;
  Quantifier quantifier;
  char32_t letter;
  std::uint32_t set;  // index into CompiledTable::sets for class kinds
};

// The three case forms of one output, computed ahead so that the engine only copies bytes.
struct OutputForms {
  std::string lower, title, upper;
};

struct CompiledRule {
  std::vector<CompiledItem> left;   // nearest the focus first
  std::vector<CompiledItem> right;  // nearest the focus first
  std::uint32_t output = 0;         // index into outputs
  int specificity = 0;
  const Rule* source = nullptr;     // into CompiledTable::rules_source, for messages
};

struct TrieNode {
  std::vector<std::pair<char32_t, std::uint32_t>> children;  // sorted by letter
  std::vector<std::uint32_t> rules;  // rules whose key ends here, most specific first
  std::uint32_t Child(char32_t c) const;  // 0 when none (0 is the root, never a child)
};

// Maps any code point to a small value through 256-entry pages, so that lookups of letters a
// table knows cost two array reads.
class CodePointMap {
 public:
  std::uint32_t Get(char32_t c) const {
    if (c > 0x10FFFF) return 0;
    const std::uint16_t page = page_of_[c >> 8];
    return page == 0 ? 0 : pages_[page][c & 0xFF];
  }
  void Set(char32_t c, std::uint32_t value);
  // Whether no code point of c's block of 256 (c & ~0xFF and on) has a value: one read.
  bool BlockEmpty(char32_t c) const { return c > 0x10FFFF || page_of_[c >> 8] == 0; }

 private:
  std::vector<std::uint16_t> page_of_ = std::vector<std::uint16_t>(0x1100, 0);
  std::vector<std::array<std::uint32_t, 256>> pages_ = std::vector<std::array<std::uint32_t, 256>>(1);
};

// Not copyable: its hash maps hold views into its own word lists.
struct CompiledTable {
  CompiledTable() = default;
  CompiledTable(const CompiledTable&) = delete;
  CompiledTable& operator=(const CompiledTable&) = delete;

  TableInfo info;
  std::vector<std::pair<std::string, std::string>> settings;
  bool case_auto = true;

  std::vector<CharSet> sets;
  // For each code point below kLowerTableSize, bit s set when sets[s] holds it (s < 64).
  std::vector<std::uint64_t> class_bits;
  bool InSet(std::uint32_t set, char32_t lower) const {
    if (lower < kLowerTableSize && set < 64 && !class_bits.empty()) return (class_bits[lower] >> set) & 1;
    return sets[set].Contains(lower);
  }
  std::int32_t vowel_set = -1;
  std::vector<OutputForms> outputs;
  std::vector<CompiledRule> rules;
  std::vector<Rule> rules_source;
  std::vector<TrieNode> nodes;    // nodes[0] is the root
  CodePointMap start;             // first letter (any case) -> trie node (0: no rule starts here)
  std::array<bool, 128> ascii_start{};  // ASCII bytes that may start a rule or an exception
  std::size_t max_key_bytes = 0;

  // Exceptions: the lowercase word -> output index; stems (`word*`) separately.
  std::vector<std::u32string> exception_words;
  std::unordered_map<std::u32string_view, std::uint32_t> exceptions;
  std::unordered_map<std::u32string_view, std::uint32_t> stem_exceptions;
  std::size_t min_stem_letters = SIZE_MAX;
  CodePointMap exception_start;   // letters (any case) that begin an exception word
  // The first two letters of each exception word, lowercase and sorted; the second is 0 for a
  // one-letter word and kAnyLetter for a one-letter stem. Lets the engine rule out an exception
  // at a word start by its first two letters.
  static constexpr char32_t kAnyLetter = 0xFFFFFFFF;
  std::vector<std::pair<char32_t, char32_t>> exception_openings;
  std::size_t max_exception_letters = 0;

  // The engine's switchable rules (see EngineSwitches), as compiled.
  bool pass_through = true;
  bool foreign_words_on = true;
  bool repair_lookalikes = true;
  bool convert_hashtags = true;  // #hashtags in lookalike_script are converted (Options)
  std::array<bool, 128> protect_start{};  // ASCII that may begin a pass-through token

  // @fold pairs (applied inside SourceLower), @lookalike pairs (word-dependent; below U+0800).
  std::vector<std::pair<char32_t, char32_t>> folds;
  std::vector<char32_t> lookalike = std::vector<char32_t>(0x800, 0);
  std::array<bool, 128> ascii_lookalike{};
  unicode::Script lookalike_script = unicode::Script::kOther;  // the script look-alikes imitate
  // @capital-harmony: this capital (also in lookalike[]) is read as its look-alike in a word
  // with no letter of sets[harmony_back].
  char32_t harmony_capital = 0;
  int harmony_back = -1;
  // Words not of the source language.
  CharSet foreign_letters;
  std::vector<std::u32string> foreign_word_list;
  std::unordered_map<std::u32string_view, bool> foreign_words;
  std::size_t max_foreign_letters = 0;
  std::vector<std::u32string> foreign_sequences;  // lowercase letter sequences of foreign words

  // SourceLower for the first kLowerTableSize code points, precomputed.
  static constexpr char32_t kLowerTableSize = 0x800;
  std::vector<char32_t> source_lower_table;

  // Case pairs: lowercase -> uppercase for the target; both ways for the source.
  std::vector<std::pair<char32_t, char32_t>> target_upper;
  std::vector<std::pair<char32_t, char32_t>> source_lower;  // upper -> lower

  char32_t SourceLower(char32_t c) const {
    return c < kLowerTableSize ? source_lower_table[c] : SourceLowerSlow(c);
  }
  char32_t SourceLowerSlow(char32_t c) const;
  std::string TargetUpper(std::string_view text) const;
  std::string TargetTitle(std::string_view text) const;
};

}  // namespace ortaq

#endif  // ORTAQ_COMPILE_COMPILED_TABLE_HPP_
