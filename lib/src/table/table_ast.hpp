// The parsed form of a `.tbl` file: what the linguist wrote, every node carrying its place in
// the file so that the compiler and the linter can point at it.
#ifndef ORTAQ_TABLE_TABLE_AST_HPP_
#define ORTAQ_TABLE_TABLE_AST_HPP_

#include <memory>
#include <string>
#include <vector>

#include "ortaq/ortaq.hpp"

namespace ortaq {

// A table file's text, split into lines, shared by every location that points into it.
struct SourceFile {
  std::string name;
  std::vector<std::string> lines;
};

struct SourceLoc {
  std::shared_ptr<const SourceFile> file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points

  Diagnostic Make(Severity severity, std::string message) const;
  Diagnostic Error(std::string message) const { return Make(Severity::kError, std::move(message)); }
  Diagnostic Warning(std::string message) const { return Make(Severity::kWarning, std::move(message)); }
  std::string Where() const;  // "file:line:col"
};

// `[name=value]` in front of a rule, exception or test.
struct Guard {
  std::string option;
  std::string value;
  SourceLoc loc;
};

enum class Quantifier { kOne, kOptional, kStar, kPlus };

struct ContextItem {
  enum class Kind {
    kLetter,        // one literal letter
    kClass,         // a letter of a class
    kNotLetter,     // ~x: any character but this letter (a word boundary included)
    kNotClass,      // ~C: any character not in the class
    kBoundary,      // #: the character beyond is not a word character (or the text ends)
    kNearestVowel,  // C... (left) or ...C (right): the nearest vowel in this word is in C
  };
  Kind kind = Kind::kLetter;
  char32_t letter = 0;
  std::string class_name;
  Quantifier quantifier = Quantifier::kOne;
  SourceLoc loc;
  std::string text;  // as written, for messages and for identifying overrides
};

// An output as written: literal text and `{option}` references, filled in at compile time.
struct OutputPart {
  std::string text;        // literal UTF-8, or the option's name
  bool is_option = false;
  int column = 0;          // where a `{name}` reference starts, for messages
};
using OutputTemplate = std::vector<OutputPart>;

struct Rule {
  std::u32string key;                // lowercase letters
  OutputTemplate output;             // empty for ∅
  std::vector<ContextItem> left;     // nearest the focus first
  std::vector<ContextItem> right;    // nearest the focus first
  std::vector<Guard> guards;
  SourceLoc loc;
  SourceLoc output_loc;
  // key + guards + context as written: a child table's rule with the same signature replaces
  // the parent's.
  std::string Signature() const;
};

struct Exception {
  std::u32string word;  // lowercase
  bool stem = false;    // written `word*`: also applies when a suffix follows (word + letters)
  OutputTemplate output;
  std::vector<Guard> guards;
  SourceLoc loc;
};

struct TestCase {
  std::string input;
  std::string expected;
  std::vector<Guard> guards;
  SourceLoc loc;
};

struct ClassDef {
  std::string name;
  std::vector<char32_t> letters;
  std::vector<std::pair<std::string, SourceLoc>> includes;  // other classes named as members
  SourceLoc loc;
};

struct OptionDef {
  std::string name;
  std::vector<std::string> values;  // the default first
  std::string description;
  SourceLoc loc;
};

struct CasePair {
  char32_t lower = 0;
  char32_t upper = 0;
  SourceLoc loc;
};

struct Inherit {
  std::string name;
  SourceLoc loc;
};

// One line of a stem lexicon file (`@lexicon`, tables/README.md): a word or stem written in the
// table's target alphabet, which the directive's `via` table spells into a rule key.
struct LexiconEntry {
  std::u32string word;   // lowercase, without the '-' marks
  bool at_start = true;  // no leading '-': only at the start of a word
  bool at_end = true;    // no trailing '-': only at the end of a word
  std::vector<std::string> not_in;  // `not ID...`: alphabets whose spelling of it is a native word
  SourceLoc loc;
};

// `@lexicon FILE via TABLE [letters=C] [vowels=C] [joins=C]`.
struct LexiconUse {
  std::string file;        // as written
  std::string via;         // a table id FROM--TO or a .tbl path (relative to dir)
  std::string dir;         // the directory of the table that names it
  std::string letters;     // class whose absence marks a word boundary ("" = `#`)
  std::string vowels;      // class no vowel of which may follow a stem ending in a dropped letter
  std::string joins;       // class that may not follow a stem: letters that join its last letter
                           // into another (2017's apostrophe in s', 2018's h in sh)
  SourceLoc loc, via_loc, letters_loc, vowels_loc, joins_loc;
  std::vector<LexiconEntry> entries;  // read by the loader
};

// `@capital-harmony I i BACK`: a capital I in a word with no letter of class BACK is read as i
// (Kazakh 2018 writes І and И both I; only front-vowel words have І).
struct CapitalHarmony {
  char32_t capital = 0;
  char32_t lower = 0;
  std::string back_class;
  SourceLoc loc, class_loc;
};

// `@sources read=YYYY-MM-DD TEXT`: where the table's letters come from, and when it was read.
struct SourceRecord {
  std::string text;
  std::string read;  // YYYY-MM-DD
  SourceLoc loc;
};

// One file's directives, rules and exceptions; also, after inheritance (MergeLayers in
// compile/), a whole table: a new directive is a field here and a line in MergeLayers.
struct TableAst {
  std::string path;  // a merged table's: where it was loaded from
  std::shared_ptr<const SourceFile> file;
  std::string from, to, title;
  // Provenance (@status, @date, @sources): the table's own, never inherited.
  std::string status, date;
  std::vector<SourceRecord> sources;
  // @merges X Y: source letters this table writes alike on purpose (`ortaq check` then says
  // nothing about the pair).
  std::vector<std::pair<std::pair<char32_t, char32_t>, SourceLoc>> merges;
  SourceLoc from_loc, to_loc;
  bool case_auto = true;
  std::string vowel_class;  // @vowels
  SourceLoc vowel_loc;
  std::vector<Inherit> inherits;
  std::vector<Inherit> chain;  // @chain: tables applied one after another
  std::vector<CasePair> target_case_pairs;
  std::vector<CasePair> source_case_pairs;
  // @fold X Y: the input letter X is read as Y, always (typing variants: ǧ as ğ).
  std::vector<std::pair<std::pair<char32_t, char32_t>, SourceLoc>> folds;
  // @lookalike X Y: inside a word otherwise written in Y's script, X is read as Y (Latin c in cәл).
  std::vector<std::pair<std::pair<char32_t, char32_t>, SourceLoc>> lookalikes;
  // @foreign-letters: a word with one of these letters is not of the source language; it is
  // copied as written. `foreign WORD` lines name such words one by one.
  std::vector<std::pair<char32_t, SourceLoc>> foreign_letters;
  std::vector<std::pair<std::u32string, SourceLoc>> foreign_words;
  // @foreign-sequences: a word with one of these letter sequences (gh, ck) is copied as written.
  std::vector<std::pair<std::u32string, SourceLoc>> foreign_sequences;
  // @foreign-words FILE: a list of such words, one a line; the loader adds them to foreign_words.
  std::vector<Inherit> foreign_lists;
  std::vector<std::pair<char32_t, SourceLoc>> source_alphabet;  // @source-alphabet
  std::vector<std::pair<char32_t, SourceLoc>> target_alphabet;  // @target-alphabet
  std::vector<OptionDef> options;
  std::vector<ClassDef> classes;
  std::vector<Rule> rules;
  std::vector<Exception> exceptions;
  std::vector<TestCase> tests;
  std::vector<LexiconUse> lexicons;  // @lexicon
  std::vector<CapitalHarmony> capital_harmony;
};

}  // namespace ortaq

#endif  // ORTAQ_TABLE_TABLE_AST_HPP_
