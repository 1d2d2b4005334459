// Compiles a merged table for one choice of option values: letters (folds, look-alikes, foreign
// words), classes, rules and exceptions, in order, over the indexes they share (class and output
// numbers, exception outputs); then the conflict check (rule_conflicts) and the lookup
// structures (rule_trie), which read only the compiled table.
#include "compile/compiler.hpp"

#include "compile/rule_conflicts.hpp"
#include "compile/rule_trie.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "text/pass_through.hpp"
#include "text/unicode.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"

namespace ortaq {

namespace {

class Compiler {
 public:
  Compiler(const TableAst& table, const Settings& settings, const EngineSwitches& switches,
           std::vector<Diagnostic>* diagnostics)
      : table_(table), settings_(settings), switches_(switches), diags_(*diagnostics) {}

  std::unique_ptr<CompiledTable> Run() {
    out_ = std::make_unique<CompiledTable>();
    out_->info = InfoOf(table_);
    out_->settings = settings_;
    out_->case_auto = table_.case_auto;
    for (const CasePair& p : table_.target_case_pairs) out_->target_upper.emplace_back(p.lower, p.upper);
    for (const CasePair& p : table_.source_case_pairs) out_->source_lower.emplace_back(p.upper, p.lower);
    CompileFolds();
    out_->source_lower_table.resize(CompiledTable::kLowerTableSize);
    for (char32_t c = 0; c < CompiledTable::kLowerTableSize; ++c) out_->source_lower_table[c] = out_->SourceLowerSlow(c);
    CompileClasses();
    CompileCapitalHarmony();
    if (!table_.vowel_class.empty()) {
      auto it = class_index_.find(table_.vowel_class);
      if (it == class_index_.end()) Error(table_.vowel_loc, "@vowels names the class '" + table_.vowel_class + "', which is not declared");
      else out_->vowel_set = static_cast<std::int32_t>(it->second);
    }
    CompileRules();
    CompileExceptions();
    CompileForeignWords();
    if (errors_ > 0) return nullptr;
    errors_ += CheckRuleConflicts(*out_, table_.file.get(), &diags_);
    if (errors_ > 0) return nullptr;
    BuildRuleTrie(*out_);
    BuildClassBits(*out_);
    return std::move(out_);
  }

 private:
  void Error(const SourceLoc& loc, std::string message) {
    diags_.push_back(loc.Error(std::move(message)));
    ++errors_;
  }

  std::string Setting(const std::string& name) const {
    for (const auto& [n, v] : settings_)
      if (n == name) return v;
    return {};
  }

  bool OptionExists(const std::string& name) const {
    return std::any_of(table_.options.begin(), table_.options.end(), [&](const OptionDef& o) { return o.name == name; });
  }

  // True when every guard holds for the chosen settings; guards naming unknown options or
  // values are errors.
  bool GuardsHold(const std::vector<Guard>& guards) {
    bool hold = true;
    for (const Guard& g : guards) {
      auto def = std::find_if(table_.options.begin(), table_.options.end(), [&](const OptionDef& o) { return o.name == g.option; });
      if (def == table_.options.end()) {
        Error(g.loc, "the condition names the option '" + g.option + "', which is not declared with @option");
        return false;
      }
      if (std::find(def->values.begin(), def->values.end(), g.value) == def->values.end()) {
        Error(g.loc, "the option '" + g.option + "' has no value '" + g.value + "'");
        return false;
      }
      if (Setting(g.option) != g.value) hold = false;
    }
    return hold;
  }

  // @fold pairs, with their capitals (ǧ ğ also gives Ǧ Ğ), and @lookalike pairs likewise.
  void CompileFolds() {
    auto with_capitals = [](char32_t from, char32_t to, auto add) {
      add(from, to);
      // Only a true pair: Greek ϵ uppercases to Ε, whose lowercase is ε, not ϵ.
      const char32_t from_upper = unicode::ToUpper(from), to_upper = unicode::ToUpper(to);
      if (from_upper != from && to_upper != to && unicode::ToLower(from_upper) == from) add(from_upper, to_upper);
    };
    for (const auto& [pair, loc] : table_.folds)
      with_capitals(pair.first, pair.second, [&](char32_t f, char32_t t) { out_->folds.emplace_back(f, t); });
    out_->pass_through = switches_.pass_through;
    out_->foreign_words_on = switches_.foreign_words;
    out_->repair_lookalikes = switches_.repair_lookalikes && (!table_.lookalikes.empty() || !table_.capital_harmony.empty());
    out_->convert_hashtags = switches_.convert_hashtags;
    for (const auto& [pair, loc] : table_.lookalikes) {
      if (pair.first >= 0x800) {
        Error(loc, "look-alike letters must be below U+0800 (Latin, Greek, Cyrillic)");
        continue;
      }
      out_->lookalike[pair.first] = pair.second;
      out_->lookalike_script = unicode::ScriptOf(pair.second);
      if (pair.first < 128) out_->ascii_lookalike[pair.first] = true;
    }
    if (out_->pass_through) {
      for (unsigned char c = 0; c < 128; ++c) out_->protect_start[c] = MayBeginToken(c);
    }
  }

  void CompileForeignWords() {
    for (const auto& [c, loc] : table_.foreign_letters) out_->foreign_letters.letters.push_back(out_->SourceLowerSlow(c));
    std::sort(out_->foreign_letters.letters.begin(), out_->foreign_letters.letters.end());
    for (const auto& [word, loc] : table_.foreign_words) {
      std::u32string lower;
      for (char32_t c : word) lower.push_back(out_->SourceLowerSlow(c));
      out_->foreign_word_list.push_back(lower);
    }
    for (const auto& [sequence, loc] : table_.foreign_sequences) {
      std::u32string lower;
      for (char32_t c : sequence) lower.push_back(out_->SourceLowerSlow(c));
      out_->foreign_sequences.push_back(lower);
    }
    for (const std::u32string& w : out_->foreign_word_list) {
      out_->foreign_words.emplace(std::u32string_view(w), true);
      out_->max_foreign_letters = std::max(out_->max_foreign_letters, w.size());
    }
  }

  // Resolves classes and the classes they include, depth first without recursion (a table
  // may chain thousands of classes).
  // @capital-harmony: compiled as a look-alike (I read as i) whose word test is the harmony's,
  // so every fast path sends the capital to the engine, which decides it per word.
  void CompileCapitalHarmony() {
    for (const CapitalHarmony& h : table_.capital_harmony) {
      auto it = class_index_.find(h.back_class);
      if (it == class_index_.end()) {
        Error(h.class_loc, "'" + h.back_class + "' is not a declared class");
        continue;
      }
      if (h.capital >= 0x800 || out_->harmony_capital != 0) {
        Error(h.loc, "one @capital-harmony per table, for a letter below U+0800");
        continue;
      }
      out_->harmony_capital = h.capital;
      out_->harmony_back = static_cast<int>(it->second);
      out_->lookalike[h.capital] = h.lower;
      if (h.capital < 128) out_->ascii_lookalike[h.capital] = true;
    }
  }

  void CompileClasses() {
    for (std::size_t i = 0; i < table_.classes.size(); ++i) class_index_[table_.classes[i].name] = i;
    out_->sets.resize(table_.classes.size());
    std::vector<int> state(table_.classes.size(), 0);  // 0 new, 1 in progress, 2 done
    auto finish = [&](std::size_t k) {
      const ClassDef& def = table_.classes[k];
      std::vector<char32_t> letters;
      for (char32_t c : def.letters) {
        if (table_.case_auto && unicode::IsUpper(c)) {
          Error(def.loc, "class letters are written in lowercase ('" + utf8::Encode(std::u32string(1, c)) +
                             "'); with @case auto the engine matches every case");
          continue;
        }
        letters.push_back(c);
      }
      for (const auto& [name, loc] : def.includes) {
        auto it = class_index_.find(name);
        if (it == class_index_.end() || state[it->second] != 2) continue;  // reported when met
        const auto& other = out_->sets[it->second].letters;
        letters.insert(letters.end(), other.begin(), other.end());
      }
      std::sort(letters.begin(), letters.end());
      letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
      out_->sets[k].letters = std::move(letters);
      state[k] = 2;
    };
    for (std::size_t i = 0; i < table_.classes.size(); ++i) {
      if (state[i] != 0) continue;
      std::vector<std::pair<std::size_t, std::size_t>> stack{{i, 0}};  // class, next include
      state[i] = 1;
      while (!stack.empty()) {
        auto& [k, next] = stack.back();
        const ClassDef& def = table_.classes[k];
        if (next == def.includes.size()) {
          const std::size_t done = k;
          stack.pop_back();
          finish(done);
          continue;
        }
        const auto& [name, loc] = def.includes[next++];
        auto it = class_index_.find(name);
        if (it == class_index_.end()) {
          Error(loc, "'" + name + "' is not a declared class");
        } else if (state[it->second] == 1) {
          Error(loc, "the class '" + name + "' includes itself (through '" + def.name + "')");
        } else if (state[it->second] == 0) {
          state[it->second] = 1;
          stack.emplace_back(it->second, 0);
        }
      }
    }
  }

  bool CompileItems(const std::vector<ContextItem>& items, std::vector<CompiledItem>* out) {
    for (const ContextItem& item : items) {
      CompiledItem c{item.kind, item.quantifier, 0, 0};
      switch (item.kind) {
        case ContextItem::Kind::kLetter:
        case ContextItem::Kind::kNotLetter:
          if (table_.case_auto && unicode::IsUpper(item.letter)) {
            Error(item.loc, "context letters are written in lowercase; with @case auto every case matches");
            return false;
          }
          c.letter = item.letter;
          break;
        case ContextItem::Kind::kClass:
        case ContextItem::Kind::kNotClass:
        case ContextItem::Kind::kNearestVowel: {
          auto it = class_index_.find(item.class_name);
          if (it == class_index_.end()) {
            Error(item.loc, "'" + item.class_name + "' is not a declared class");
            return false;
          }
          if (item.kind == ContextItem::Kind::kNearestVowel && out_->vowel_set < 0) {
            Error(item.loc, "a nearest-vowel context needs '@vowels CLASS' to say which letters are vowels");
            return false;
          }
          c.set = static_cast<std::uint32_t>(it->second);
          break;
        }
        case ContextItem::Kind::kBoundary:
          break;
      }
      out->push_back(c);
    }
    return true;
  }

  // Fills in {option} references; NFC-normalises the result.
  bool Expand(const OutputTemplate& output, const SourceLoc& loc, std::string* text) {
    text->clear();
    for (const OutputPart& part : output) {
      if (!part.is_option) {
        *text += part.text;
        continue;
      }
      if (!OptionExists(part.text)) {
        Error(SourceLoc{loc.file, loc.line, part.column}, "'{" + part.text + "}' names no declared @option");
        return false;
      }
      *text += Setting(part.text);
    }
    *text = unicode::ToNfc(*text);
    return true;
  }

  std::uint32_t AddOutput(const std::string& text) {
    auto it = output_index_.find(text);
    if (it != output_index_.end()) return it->second;
    OutputForms forms{text, out_->TargetTitle(text), out_->TargetUpper(text)};
    const auto index = static_cast<std::uint32_t>(out_->outputs.size());
    out_->outputs.push_back(std::move(forms));
    output_index_.emplace(text, index);
    return index;
  }

  void CompileRules() {
    for (const Rule& rule : table_.rules) {
      if (!GuardsHold(rule.guards)) continue;
      bool ok = true;
      if (table_.case_auto) {
        for (char32_t c : rule.key) {
          if (unicode::IsUpper(c)) {
            Error(rule.loc, "rules are written in lowercase; with @case auto the Title and UPPER forms are derived");
            ok = false;
            break;
          }
        }
      }
      if (!ok) continue;
      CompiledRule compiled;
      if (!CompileItems(rule.left, &compiled.left) || !CompileItems(rule.right, &compiled.right)) continue;
      std::string output;
      if (!Expand(rule.output, rule.output_loc, &output)) continue;
      compiled.output = AddOutput(output);
      // A longer context wins; at equal length, a rule with more option conditions wins (it was
      // written for that choice of options).
      compiled.specificity = static_cast<int>(rule.left.size() + rule.right.size()) * 16 +
                             static_cast<int>(std::min<std::size_t>(rule.guards.size(), 15));
      out_->rules_source.push_back(rule);
      out_->rules.push_back(std::move(compiled));
    }
    AddDecomposedKeys();
    for (std::size_t i = 0; i < out_->rules.size(); ++i) out_->rules[i].source = &out_->rules_source[i];
  }

  // Text may hold a letter decomposed (u + U+0304 for ū): every key with a decomposition also
  // matches its NFD form, unless the table gives a rule for that form itself.
  void AddDecomposedKeys() {
    std::set<std::string> signatures;
    for (const Rule& r : out_->rules_source) signatures.insert(r.Signature());
    const std::size_t explicit_rules = out_->rules.size();
    for (std::size_t i = 0; i < explicit_rules; ++i) {
      const std::u32string nfd = utf8::DecodeValid(unicode::ToNfd(utf8::Encode(out_->rules_source[i].key)));
      if (nfd == out_->rules_source[i].key) continue;
      Rule variant = out_->rules_source[i];
      variant.key = nfd;
      if (!signatures.insert(variant.Signature()).second) continue;
      CompiledRule compiled = out_->rules[i];
      out_->rules_source.push_back(std::move(variant));
      out_->rules.push_back(std::move(compiled));
    }
  }

  void CompileExceptions() {
    std::map<std::u32string, const Exception*> seen;
    for (const Exception& ex : table_.exceptions) {
      if (!GuardsHold(ex.guards)) continue;
      std::u32string word = ex.word;
      const auto upper = std::count_if(word.begin(), word.end(), [](char32_t c) { return unicode::IsUpper(c); });
      const auto lower = std::count_if(word.begin(), word.end(), [](char32_t c) { return unicode::IsLower(c); });
      // A word in capitals (ХХІ) matches only in capitals: Roman numerals, abbreviations.
      const bool capitals_only = table_.case_auto && upper > 0 && lower == 0 && word.size() > 1;
      if (table_.case_auto && upper > 0 && !capitals_only) {
        Error(ex.loc, "exception words are written in lowercase (their Title and UPPER forms are derived), "
                      "or all in capitals for a word that counts only in capitals");
        continue;
      }
      if (capitals_only && ex.stem) {
        Error(ex.loc, "a word in capitals matches only itself; it cannot be a stem (word*)");
        continue;
      }
      if (capitals_only)
        for (char32_t& c : word) c = out_->SourceLowerSlow(c);
      if (utf8::Encode(word).size() > kContextWindow / 2) {
        Error(ex.loc, "an exception word may be at most " + std::to_string(kContextWindow / 2) + " bytes long");
        continue;
      }
      auto [it, inserted] = seen.emplace(word, &ex);
      if (!inserted) {
        Error(ex.loc, "the exception '" + utf8::Encode(word) + "' is also given at " + it->second->loc.Where());
        continue;
      }
      std::string output;
      if (!Expand(ex.output, ex.loc, &output)) continue;
      out_->exception_words.push_back(word);
      exception_outputs_.push_back(AddOutput(output));
      exception_stems_.push_back(ex.stem);
      exception_capitals_.push_back(capitals_only);
    }
    for (std::size_t i = 0; i < out_->exception_words.size(); ++i) {
      const std::u32string& w = out_->exception_words[i];
      if (exception_stems_[i]) {
        out_->stem_exceptions.emplace(std::u32string_view(w), exception_outputs_[i]);
        out_->min_stem_letters = std::min(out_->min_stem_letters, w.size());
      }
      out_->exceptions.emplace(std::u32string_view(w), exception_outputs_[i]);
      if (exception_capitals_[i]) out_->capitals_only_exceptions.insert(std::u32string_view(w));
      out_->max_exception_letters = std::max(out_->max_exception_letters, w.size());
      for (char32_t variant : SourceCaseVariants(*out_, w[0])) {
        out_->exception_start.Set(variant, 1);
        if (variant < 128) out_->ascii_start[variant] = true;
      }
      // What may follow the first letter: the second letter, the end of the word (a one-letter
      // word), or anything (a one-letter stem).
      const char32_t second = w.size() >= 2 ? w[1] : exception_stems_[i] ? CompiledTable::kAnyLetter : 0;
      out_->exception_openings.emplace_back(w[0], second);
    }
    std::sort(out_->exception_openings.begin(), out_->exception_openings.end());
  }

  const TableAst& table_;
  const Settings& settings_;
  const EngineSwitches& switches_;
  std::vector<Diagnostic>& diags_;
  int errors_ = 0;
  std::unique_ptr<CompiledTable> out_;
  std::map<std::string, std::size_t> class_index_;
  std::map<std::string, std::uint32_t> output_index_;
  std::vector<std::uint32_t> exception_outputs_;
  std::vector<bool> exception_stems_;
  std::vector<bool> exception_capitals_;
};

}  // namespace

std::unique_ptr<CompiledTable> Compile(const TableAst& table, const Settings& resolved,
                                       std::vector<Diagnostic>* diagnostics, const EngineSwitches& switches) {
  Compiler compiler(table, resolved, switches, diagnostics);
  return compiler.Run();
}

}  // namespace ortaq
