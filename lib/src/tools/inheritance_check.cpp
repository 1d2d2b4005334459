#include "tools/inheritance_check.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "compile/compiler.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

// How a table writes each single letter when no context is involved: the rules whose key is one
// letter, with no context and with conditions that hold under `settings`.
struct LetterSpelling {
  std::string output;
  const Rule* rule = nullptr;
};
using Spellings = std::map<char32_t, LetterSpelling>;

bool GuardsHold(const std::vector<Guard>& guards, const Settings& settings) {
  return std::all_of(guards.begin(), guards.end(), [&](const Guard& g) {
    return std::find(settings.begin(), settings.end(), std::pair(g.option, g.value)) != settings.end();
  });
}

Spellings SpellLetters(const TableAst& table, const Settings& requested) {
  Settings settings;
  Settings own;  // only the settings this table has an option for
  for (const auto& s : requested)
    if (std::any_of(table.options.begin(), table.options.end(), [&](const OptionDef& o) { return o.name == s.first; }))
      own.push_back(s);
  Spellings spellings;
  if (!ResolveSettings(table, own, &settings).ok()) return spellings;
  for (const Rule& rule : table.rules) {
    if (rule.key.size() != 1 || !rule.left.empty() || !rule.right.empty() || !GuardsHold(rule.guards, settings)) continue;
    std::string output;
    for (const OutputPart& part : rule.output) {
      if (!part.is_option) {
        output += part.text;
        continue;
      }
      for (const auto& [name, value] : settings)
        if (name == part.text) output += value;
    }
    // With several applicable rules the one with more conditions wins (tables/README.md).
    LetterSpelling& slot = spellings[rule.key[0]];
    if (!slot.rule || rule.guards.size() > slot.rule->guards.size()) slot = {output, &rule};
  }
  return spellings;
}

std::string BothCases(char32_t lower) {
  std::string text;
  const char32_t upper = unicode::ToUpper(lower);
  if (upper != lower) {
    utf8::Append(text, upper);
    text += " ";
  }
  utf8::Append(text, lower);
  return text;
}

std::string Quoted(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  return quoted;
}

// The words of a text, lowercased, with their counts.
std::unordered_map<std::u32string, std::size_t> CountWords(std::string_view text) {
  std::unordered_map<std::u32string, std::size_t> words;
  std::u32string word;
  const auto flush = [&] {
    if (!word.empty()) ++words[word];
    word.clear();
  };
  for (char32_t c : utf8::DecodeValid(text)) {
    if (unicode::IsWordChar(c)) word.push_back(unicode::ToLower(c));
    else flush();
  }
  flush();
  return words;
}

class InheritanceChecker {
 public:
  InheritanceChecker(const LoadedTable& loaded, const Options& options, std::string_view corpus,
                     std::vector<Diagnostic>* diagnostics)
      : loaded_(loaded), options_(options), corpus_(corpus), diagnostics_(*diagnostics) {}

  void Run() {
    if (loaded_.layers.size() < 2 || loaded_.layers.back().inherits.empty()) return;
    child_ = MergeLayers(loaded_);
    LoadedTable parent = loaded_;
    parent.layers.pop_back();
    parent_ = MergeLayers(parent);
    for (const Inherit& i : loaded_.layers.back().inherits) parent_name_ += (parent_name_.empty() ? "" : " + ") + i.name;
    std::vector<Settings> choices{{}};
    for (const OptionDef& o : child_.options)
      for (std::size_t i = 1; i < o.values.size(); ++i) choices.push_back({{o.name, o.values[i]}});
    for (const Settings& choice : choices) FindMergedLetters(choice);
    FindIdleOptions();
  }

 private:
  bool Own(const SourceLoc& loc) const { return loc.file.get() == child_.file.get(); }

  // Written alike on purpose: `@merges a b` in the table or a base.
  bool Acknowledged(char32_t a, char32_t b) const {
    return std::any_of(child_.merges.begin(), child_.merges.end(), [&](const auto& m) {
      return (m.first.first == a && m.first.second == b) || (m.first.first == b && m.first.second == a);
    });
  }

  void FindMergedLetters(const Settings& choice) {
    const Spellings child = SpellLetters(child_, choice);
    const Spellings parent = SpellLetters(parent_, choice);
    for (auto a = child.begin(); a != child.end(); ++a) {
      for (auto b = std::next(a); b != child.end(); ++b) {
        if (a->second.output.empty() || a->second.output != b->second.output) continue;
        const auto pa = parent.find(a->first), pb = parent.find(b->first);
        if (pa == parent.end() || pb == parent.end() || pa->second.output == pb->second.output) continue;
        const Rule* own = Own(a->second.rule->loc) ? a->second.rule : Own(b->second.rule->loc) ? b->second.rule : nullptr;
        if (!own || Acknowledged(a->first, b->first) || !reported_pairs_.insert({a->first, b->first}).second) continue;
        std::string message = BothCases(a->first) + " and " + BothCases(b->first) + " are both written " +
                              Quoted(a->second.output) + " here, but " + parent_name_ + " writes them " +
                              Quoted(pa->second.output) + " and " + Quoted(pb->second.output) +
                              ": words that differ only in these letters become one";
        for (const auto& [name, value] : choice) message += " (with " + name + "=" + value + ")";
        message += Example(a->first, b->first, own == a->second.rule ? a->first : b->first, choice);
        diagnostics_.push_back(own->loc.Warning(std::move(message)));
      }
    }
  }

  // From the corpus: two words that differ only by `a` for `b` (both written alike now), else the
  // most frequent word with the letter the table changed.
  std::string Example(char32_t a, char32_t b, char32_t changed, const Settings& choice) {
    if (corpus_.empty()) return "";
    if (words_.empty()) words_ = CountWords(corpus_);
    const std::u32string* best_word = nullptr;
    std::u32string best_pair;
    std::size_t best_count = 0;
    const std::u32string* frequent = nullptr;
    for (const auto& [word, count] : words_) {
      if (word.find(changed) != std::u32string::npos && (!frequent || count > words_.at(*frequent))) frequent = &word;
      if (word.find(a) == std::u32string::npos) continue;
      for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] != a) continue;
        std::u32string other = word;
        other[i] = b;
        const auto it = words_.find(other);
        if (it == words_.end()) continue;
        const std::size_t pair_count = std::min(count, it->second);
        if (pair_count > best_count) {
          best_count = pair_count;
          best_word = &word;
          best_pair = other;
        }
      }
    }
    if (best_word) {
      return "; in the corpus " + Quoted(utf8::Encode(*best_word)) + " and " + Quoted(utf8::Encode(best_pair)) +
             " are both written " + Quoted(Convert(utf8::Encode(*best_word), choice));
    }
    if (frequent) {
      return "; e.g. " + Quoted(utf8::Encode(*frequent)) + " (" + std::to_string(words_.at(*frequent)) +
             " times in the corpus) is written " + Quoted(Convert(utf8::Encode(*frequent), choice));
    }
    return "; the corpus has no word with " + utf8::Encode(std::u32string(1, changed));
  }

  std::string Convert(const std::string& word, const Settings& choice) {
    Options options = options_;
    options.settings = choice;
    Status status;
    auto t = loaded_.path.empty() ? nullptr : Transliterator::FromFile(loaded_.path, options, &status);
    std::string output;
    if (!t || !t->Transliterate(word, &output).ok()) return "?";
    return output;
  }

  // Option names that a rule or an exception of `table` refers to, in its output or conditions.
  static std::set<std::string> UsedOptions(const TableAst& table) {
    std::set<std::string> used;
    const auto take = [&](const OutputTemplate& output, const std::vector<Guard>& guards) {
      for (const OutputPart& part : output)
        if (part.is_option) used.insert(part.text);
      for (const Guard& g : guards) used.insert(g.option);
    };
    for (const Rule& r : table.rules) take(r.output, r.guards);
    for (const Exception& e : table.exceptions) take(e.output, e.guards);
    return used;
  }

  void FindIdleOptions() {
    // A @lexicon's via table also reads the options: their effect is not visible here.
    if (!child_.lexicons.empty()) return;
    const std::set<std::string> in_child = UsedOptions(child_);
    const std::set<std::string> in_parent = UsedOptions(parent_);
    for (const OptionDef& o : child_.options) {
      if (Own(o.loc) || in_child.count(o.name) || !in_parent.count(o.name)) continue;
      // Point at the table's own rule that replaced a rule using the option, else at @inherit.
      SourceLoc where = loaded_.layers.back().inherits.front().loc;
      for (const Rule& base : parent_.rules) {
        bool uses = false;
        for (const OutputPart& part : base.output) uses = uses || (part.is_option && part.text == o.name);
        for (const Guard& g : base.guards) uses = uses || g.option == o.name;
        if (!uses) continue;
        const auto replaced = std::find_if(child_.rules.begin(), child_.rules.end(), [&](const Rule& r) {
          return Own(r.loc) && r.Signature() == base.Signature();
        });
        if (replaced != child_.rules.end()) {
          where = replaced->loc;
          break;
        }
      }
      diagnostics_.push_back(where.Warning("the option '" + o.name + "' inherited from " + parent_name_ +
                                           " no longer does anything: every rule that used it is overridden here "
                                           "(it is still listed and accepted, and changes nothing)"));
    }
  }

  const LoadedTable& loaded_;
  const Options& options_;
  std::string_view corpus_;
  std::vector<Diagnostic>& diagnostics_;
  TableAst child_, parent_;
  std::string parent_name_;
  std::set<std::pair<char32_t, char32_t>> reported_pairs_;
  std::unordered_map<std::u32string, std::size_t> words_;
};

}  // namespace

void CheckInheritance(const LoadedTable& loaded, const Options& options, std::string_view corpus,
                      std::vector<Diagnostic>* diagnostics) {
  InheritanceChecker(loaded, options, corpus, diagnostics).Run();
}

}  // namespace ortaq
