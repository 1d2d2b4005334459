#include "compile/lexicon_rules.hpp"

#include <algorithm>
#include <set>

#include "text/utf8.hpp"

namespace ortaq {
namespace {

ContextItem Boundary(const LexiconUse& use) {
  ContextItem item;
  if (use.letters.empty()) {
    item.kind = ContextItem::Kind::kBoundary;
    item.text = "#";
    item.loc = use.loc;
  } else {
    item.kind = ContextItem::Kind::kNotClass;
    item.class_name = use.letters;
    item.text = "~" + use.letters;
    item.loc = use.letters_loc;
  }
  return item;
}

ContextItem NotIn(const std::string& class_name, const SourceLoc& loc) {
  ContextItem item;
  item.kind = ContextItem::Kind::kNotClass;
  item.class_name = class_name;
  item.text = "~" + class_name;
  item.loc = loc;
  return item;
}

Status Failed(std::vector<Diagnostic>* diagnostics) {
  return Status(StatusCode::kTableError, diagnostics->empty() ? "the lexicon has errors" : diagnostics->back().Format(),
                *diagnostics);
}

}  // namespace

Status AddLexiconRules(const LexiconSpeller& spell, const Settings& resolved, TableAst* table,
                       std::vector<Diagnostic>* diagnostics) {
  for (const LexiconUse& use : table->lexicons) {
    // The words, then the last letter of each: a stem ending in a letter the via table writes
    // as nothing (ь) must not be followed by a vowel, because Kazakh spelling drops that letter
    // before a vowel suffix (стиль, стилі).
    std::vector<std::u32string> words;
    for (const LexiconEntry& e : use.entries) words.push_back(e.word);
    for (const LexiconEntry& e : use.entries) words.push_back(e.word.substr(e.word.size() - 1));
    std::vector<std::string> spellings;
    Status status = spell(use, resolved, words, &spellings, diagnostics);
    if (!status.ok()) return status;
    const std::size_t n = use.entries.size();
    // A stem may spell like a word or like a stem with a dropped last letter (сценари- and
    // сценарий in 2018, брюссел- and брюссель- in 2017): the word applies at the end of a word
    // and the other stem where no vowel follows, so this stem must not also claim those places
    // with a context of the same length; it goes without its `joins` item.
    std::set<std::pair<std::string, bool>> dropping;
    for (std::size_t i = 0; i < n; ++i)
      if ((spellings[n + i].empty() || use.entries[i].at_end)) dropping.emplace(spellings[i], use.entries[i].at_start);
    for (std::size_t i = 0; i < n; ++i) {
      const LexiconEntry& entry = use.entries[i];
      const std::string& key = spellings[i];
      if (std::find(entry.not_in.begin(), entry.not_in.end(), table->from) != entry.not_in.end()) continue;
      if (key.empty() || key.find_first_of(" \t\n") != std::string::npos) {
        diagnostics->push_back(entry.loc.Error("'" + use.via + "' spells '" + utf8::Encode(entry.word) + "' as '" + key +
                                               "': a key needs letters and no spaces"));
        return Failed(diagnostics);
      }
      Rule rule;
      rule.key = utf8::DecodeValid(key);
      rule.output.push_back(OutputPart{utf8::Encode(entry.word), false, 0});
      rule.loc = entry.loc;
      rule.output_loc = entry.loc;
      if (entry.at_start) rule.left.push_back(Boundary(use));
      const bool drops_last = spellings[n + i].empty();
      if (entry.at_end) {
        rule.right.push_back(Boundary(use));
      } else if (drops_last) {
        if (use.vowels.empty()) {
          diagnostics->push_back(entry.loc.Error("'" + utf8::Encode(entry.word) +
                                                 "' ends in a letter the via table drops; name the vowels that may not "
                                                 "follow it with vowels=CLASS on the @lexicon line"));
          return Failed(diagnostics);
        }
        rule.right.push_back(NotIn(use.vowels, use.vowels_loc));
      } else if (!use.joins.empty() && !dropping.count({key, entry.at_start})) {
        rule.right.push_back(NotIn(use.joins, use.joins_loc));
      }
      table->rules.push_back(std::move(rule));
    }
  }
  return Status();
}

}  // namespace ortaq
