#include "compile/compiler.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "fast/pair_table.hpp"
#include "text/pass_through.hpp"
#include "text/unicode.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"

namespace ortaq {

// ---- small pieces of the compiled table -------------------------------------------------------

bool CharSet::Contains(char32_t c) const { return std::binary_search(letters.begin(), letters.end(), c); }

std::uint32_t TrieNode::Child(char32_t c) const {
  auto it = std::lower_bound(children.begin(), children.end(), c,
                             [](const std::pair<char32_t, std::uint32_t>& p, char32_t v) { return p.first < v; });
  return (it != children.end() && it->first == c) ? it->second : 0;
}

void CodePointMap::Set(char32_t c, std::uint32_t value) {
  std::uint16_t& page = page_of_[c >> 8];
  if (page == 0) {
    page = static_cast<std::uint16_t>(pages_.size());
    pages_.emplace_back();
    pages_.back().fill(0);
  }
  pages_[page][c & 0xFF] = value;
}

char32_t CompiledTable::SourceLowerSlow(char32_t c) const {
  for (const auto& [from, to] : folds)
    if (from == c) {
      c = to;
      break;
    }
  for (const auto& [upper, lower] : source_lower)
    if (upper == c) return lower;
  return unicode::ToLower(c);
}

std::string CompiledTable::TargetUpper(std::string_view text) const {
  std::string out;
  for (char32_t c : utf8::DecodeValid(text)) {
    char32_t upper = 0;
    for (const auto& [l, u] : target_upper)
      if (l == c) upper = u;
    utf8::Append(out, upper ? upper : unicode::ToUpper(c));
  }
  return unicode::ToNfc(out);
}

std::string CompiledTable::TargetTitle(std::string_view text) const {
  std::u32string letters = utf8::DecodeValid(text);
  for (char32_t& c : letters) {
    if (!unicode::IsWordChar(c)) continue;
    c = utf8::DecodeValid(TargetUpper(utf8::Encode(std::u32string(1, c))))[0];
    break;
  }
  return unicode::ToNfc(utf8::Encode(letters));
}

// ---- merging inherited layers -----------------------------------------------------------------

std::string Rule::Signature() const {
  std::string s = utf8::Encode(key);
  for (const auto& g : guards) s += " [" + g.option + "=" + g.value + "]";
  s += " /";
  for (auto it = left.rbegin(); it != left.rend(); ++it) s += " " + it->text;
  s += " _";
  for (const auto& item : right) s += " " + item.text;
  return s;
}

MergedTable MergeLayers(const LoadedTable& table) {
  MergedTable merged;
  std::unordered_map<std::string, std::size_t> class_at;
  std::unordered_map<std::string, std::pair<std::size_t, const TableAst*>> exception_at;
  merged.path = table.path;
  for (const TableAst& layer : table.layers) {
    const bool own = &layer == &table.layers.back();
    if (own) {
      merged.file = layer.file;
      merged.from = layer.from;
      merged.to = layer.to;
      merged.title = layer.title;
      merged.status = layer.status;
      merged.date = layer.date;
      merged.sources = layer.sources;
      merged.tests = layer.tests;
      merged.chain = layer.chain;
    }
    if (!layer.vowel_class.empty()) {
      merged.vowel_class = layer.vowel_class;
      merged.vowel_loc = layer.vowel_loc;
    }
    merged.case_auto = layer.case_auto;
    auto add_pairs = [](std::vector<CasePair>& to, const std::vector<CasePair>& from) {
      for (const CasePair& p : from) {
        std::erase_if(to, [&](const CasePair& q) { return q.lower == p.lower; });
        to.push_back(p);
      }
    };
    add_pairs(merged.target_case_pairs, layer.target_case_pairs);
    add_pairs(merged.source_case_pairs, layer.source_case_pairs);
    merged.source_alphabet.insert(merged.source_alphabet.end(), layer.source_alphabet.begin(),
                                  layer.source_alphabet.end());
    merged.folds.insert(merged.folds.end(), layer.folds.begin(), layer.folds.end());
    merged.merges.insert(merged.merges.end(), layer.merges.begin(), layer.merges.end());
    merged.lexicons.insert(merged.lexicons.end(), layer.lexicons.begin(), layer.lexicons.end());
    merged.capital_harmony.insert(merged.capital_harmony.end(), layer.capital_harmony.begin(), layer.capital_harmony.end());
    merged.lookalikes.insert(merged.lookalikes.end(), layer.lookalikes.begin(), layer.lookalikes.end());
    merged.foreign_letters.insert(merged.foreign_letters.end(), layer.foreign_letters.begin(), layer.foreign_letters.end());
    merged.foreign_words.insert(merged.foreign_words.end(), layer.foreign_words.begin(), layer.foreign_words.end());
    merged.foreign_sequences.insert(merged.foreign_sequences.end(), layer.foreign_sequences.begin(), layer.foreign_sequences.end());
    merged.target_alphabet.insert(merged.target_alphabet.end(), layer.target_alphabet.begin(),
                                  layer.target_alphabet.end());
    for (const OptionDef& o : layer.options) {
      std::erase_if(merged.options, [&](const OptionDef& q) { return q.name == o.name; });
      merged.options.push_back(o);
    }
    // A class or an exception of this layer replaces the base's of the same name (found by a
    // map: tables may hold many thousands of them).
    for (const ClassDef& c : layer.classes) {
      auto [it, inserted] = class_at.emplace(c.name, merged.classes.size());
      if (inserted) merged.classes.push_back(c);
      else merged.classes[it->second] = c;
    }
    // A rule replaces a base rule with the same signature; rules of one layer never replace
    // each other (two equal rules in one file are a conflict, reported by the compiler).
    const std::size_t base_rules = merged.rules.size();
    for (const Rule& r : layer.rules) {
      const std::string sig = r.Signature();
      auto base_end = merged.rules.begin() + static_cast<std::ptrdiff_t>(base_rules);
      auto it = std::find_if(merged.rules.begin(), base_end, [&](const Rule& q) { return q.Signature() == sig; });
      if (it != base_end) *it = r;
      else merged.rules.push_back(r);
    }
    for (const Exception& e : layer.exceptions) {
      std::string id = utf8::Encode(e.word) + (e.stem ? "*" : "");
      for (const Guard& g : e.guards) id += "\n" + g.option + "=" + g.value;
      // Within one layer a repeated word is kept twice, so that the compiler reports it.
      auto it = exception_at.find(id);
      if (it != exception_at.end() && it->second.second != &layer) {
        merged.exceptions[it->second.first] = e;
        it->second.second = &layer;
      } else {
        exception_at[id] = {merged.exceptions.size(), &layer};
        merged.exceptions.push_back(e);
      }
    }
  }
  return merged;
}

TableInfo InfoOf(const MergedTable& table) {
  TableInfo info;
  info.from = table.from;
  info.to = table.to;
  info.title = table.title;
  info.path = table.path;
  info.status = table.status;
  info.date = table.date;
  for (const SourceRecord& s : table.sources) info.sources.push_back(TableSource{s.text, s.read});
  for (const OptionDef& o : table.options)
    info.options.push_back(OptionInfo{o.name, o.values.empty() ? "" : o.values[0], o.values, o.description});
  return info;
}

Status ResolveSettings(const MergedTable& table, const Settings& requested, Settings* resolved) {
  resolved->clear();
  for (const OptionDef& o : table.options) resolved->emplace_back(o.name, o.values.empty() ? "" : o.values[0]);
  for (const auto& setting : requested) {
    // Named copies: clang 14 cannot capture structured bindings in lambdas.
    const std::string& name = setting.first;
    const std::string& value = setting.second;
    auto it = std::find_if(resolved->begin(), resolved->end(), [&](const auto& p) { return p.first == name; });
    if (it == resolved->end()) {
      std::string known;
      for (const OptionDef& o : table.options) known += (known.empty() ? "" : ", ") + o.name;
      return Status(StatusCode::kInvalidArgument,
                    "the table " + table.from + "--" + table.to + " has no option '" + name + "'" +
                        (known.empty() ? " (it has no options)" : " (its options: " + known + ")"));
    }
    const OptionDef& def = *std::find_if(table.options.begin(), table.options.end(),
                                         [&](const OptionDef& o) { return o.name == name; });
    if (std::find(def.values.begin(), def.values.end(), value) == def.values.end()) {
      std::string values;
      for (const auto& v : def.values) values += (values.empty() ? "" : "|") + v;
      return Status(StatusCode::kInvalidArgument,
                    "option '" + name + "' takes " + values + ", not '" + value + "'");
    }
    it->second = value;
  }
  return Status();
}

// ---- compiling ---------------------------------------------------------------------------------

namespace {

class Compiler {
 public:
  Compiler(const MergedTable& table, const Settings& settings, const EngineSwitches& switches,
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
    CheckConflicts();
    if (errors_ > 0) return nullptr;
    BuildTrie();
    BuildClassBits();
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
      if (table_.case_auto && std::any_of(word.begin(), word.end(), [](char32_t c) { return unicode::IsUpper(c); })) {
        Error(ex.loc, "exception words are written in lowercase; their Title and UPPER forms are derived");
        continue;
      }
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
    }
    for (std::size_t i = 0; i < out_->exception_words.size(); ++i) {
      const std::u32string& w = out_->exception_words[i];
      if (exception_stems_[i]) {
        out_->stem_exceptions.emplace(std::u32string_view(w), exception_outputs_[i]);
        out_->min_stem_letters = std::min(out_->min_stem_letters, w.size());
      }
      out_->exceptions.emplace(std::u32string_view(w), exception_outputs_[i]);
      out_->max_exception_letters = std::max(out_->max_exception_letters, w.size());
      for (char32_t variant : CaseVariants(w[0])) {
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

  // The letter and every letter that lowercases to it in the source alphabet.
  std::vector<char32_t> CaseVariants(char32_t lower) const {
    std::vector<char32_t> variants{lower};
    if (!table_.case_auto) return variants;
    std::vector<char32_t> candidates{unicode::ToUpper(lower)};
    for (const auto& [upper, l] : out_->source_lower)
      if (l == lower) candidates.push_back(upper);
    for (char32_t c : candidates)
      if (c != lower && out_->SourceLower(c) == lower) variants.push_back(c);
    return variants;
  }

  // ---- conflicts

  // Whether no character can satisfy both items (each compared at the same distance from the focus).
  bool Disjoint(const CompiledItem& a, const CompiledItem& b) const {
    using K = ContextItem::Kind;
    auto positive = [&](const CompiledItem& i, std::vector<char32_t>* letters) {
      if (i.kind == K::kLetter) { *letters = {i.letter}; return true; }
      if (i.kind == K::kClass || i.kind == K::kNearestVowel) { *letters = out_->sets[i.set].letters; return true; }
      return false;
    };
    auto negative = [&](const CompiledItem& i, std::vector<char32_t>* letters) {
      if (i.kind == K::kNotLetter) { *letters = {i.letter}; return true; }
      if (i.kind == K::kNotClass) { *letters = out_->sets[i.set].letters; return true; }
      return false;
    };
    if (a.kind == K::kNearestVowel || b.kind == K::kNearestVowel) {
      if (a.kind != b.kind) return false;  // different reach: no claim
    }
    std::vector<char32_t> pa, pb;
    const bool a_pos = positive(a, &pa), b_pos = positive(b, &pb);
    if (a_pos && b_pos) {
      for (char32_t c : pa)
        if (std::binary_search(pb.begin(), pb.end(), c) || std::find(pb.begin(), pb.end(), c) != pb.end()) return false;
      return true;
    }
    std::vector<char32_t> n;
    if (a_pos && negative(b, &n)) return std::all_of(pa.begin(), pa.end(), [&](char32_t c) { return std::find(n.begin(), n.end(), c) != n.end(); });
    if (b_pos && negative(a, &n)) return std::all_of(pb.begin(), pb.end(), [&](char32_t c) { return std::find(n.begin(), n.end(), c) != n.end(); });
    auto all_word = [](const std::vector<char32_t>& letters) {
      return std::all_of(letters.begin(), letters.end(), [](char32_t c) { return unicode::IsWordChar(c); });
    };
    if (a.kind == K::kBoundary && b_pos) return all_word(pb);
    if (b.kind == K::kBoundary && a_pos) return all_word(pa);
    return false;
  }

  bool SidesDisjoint(const std::vector<CompiledItem>& a, const std::vector<CompiledItem>& b) const {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
      const bool a_fixed = a[i].quantifier == Quantifier::kOne || a[i].quantifier == Quantifier::kPlus;
      const bool b_fixed = b[i].quantifier == Quantifier::kOne || b[i].quantifier == Quantifier::kPlus;
      if (!a_fixed || !b_fixed) return false;
      if (Disjoint(a[i], b[i])) return true;
      // After a variable-width or zero-width item the next items no longer line up.
      if (a[i].quantifier != Quantifier::kOne || b[i].quantifier != Quantifier::kOne) return false;
      if (a[i].kind == ContextItem::Kind::kBoundary || b[i].kind == ContextItem::Kind::kBoundary) return false;
      if (a[i].kind == ContextItem::Kind::kNearestVowel || b[i].kind == ContextItem::Kind::kNearestVowel) return false;
    }
    return false;
  }

  void CheckConflicts() {
    std::map<std::u32string, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < out_->rules.size(); ++i) by_key[out_->rules_source[i].key].push_back(i);
    for (const auto& [key, all] : by_key) {
      // Rules of one key and one specificity whose nearest left item is a different plain letter
      // can never meet: compare within such buckets, and each other rule with all (this keeps a
      // table of many thousand rules for one key from taking quadratic time).
      std::map<std::pair<int, char32_t>, std::vector<std::size_t>> buckets;  // (specificity, letter)
      std::map<int, std::vector<std::size_t>> others;                        // by specificity
      for (std::size_t index : all) {
        const CompiledRule& r = out_->rules[index];
        if (!r.left.empty() && r.left[0].kind == ContextItem::Kind::kLetter && r.left[0].quantifier == Quantifier::kOne)
          buckets[{r.specificity, r.left[0].letter}].push_back(index);
        else
          others[r.specificity].push_back(index);
      }
      std::vector<std::pair<std::size_t, std::size_t>> pairs;
      auto all_pairs = [&](const std::vector<std::size_t>& v) {
        for (std::size_t x = 0; x < v.size(); ++x)
          for (std::size_t y = x + 1; y < v.size(); ++y) pairs.emplace_back(v[x], v[y]);
      };
      for (const auto& [spec, v] : others) all_pairs(v);
      for (const auto& [bucket, v] : buckets) {
        all_pairs(v);
        auto other = others.find(bucket.first);
        if (other != others.end())
          for (std::size_t a : v)
            for (std::size_t b : other->second) pairs.emplace_back(std::min(a, b), std::max(a, b));
      }
      std::sort(pairs.begin(), pairs.end());  // report in rule order
      for (const auto& [first, second] : pairs) {
        {
          const CompiledRule& a = out_->rules[first];
          const CompiledRule& b = out_->rules[second];
          if (a.specificity != b.specificity) continue;
          if (a.output == b.output) continue;  // either may apply: the result is the same
          if (SidesDisjoint(a.left, b.left) || SidesDisjoint(a.right, b.right)) continue;
          const Rule& ra = *a.source;
          const Rule& rb = *b.source;
          const bool b_later = std::make_pair(rb.loc.file.get() == table_.file.get(), rb.loc.line) >=
                               std::make_pair(ra.loc.file.get() == table_.file.get(), ra.loc.line);
          const Rule& later = b_later ? rb : ra;
          const Rule& earlier = b_later ? ra : rb;
          Error(later.loc, "conflicting rules for '" + utf8::Encode(key) + "': this rule and the rule at " +
                               earlier.loc.Where() +
                               " can apply at the same place with contexts of equal length; make one context "
                               "longer or the two contexts exclusive");
          diags_.push_back(earlier.loc.Make(Severity::kNote, "the other rule of the conflict"));
        }
      }
    }
  }

  void BuildTrie() {
    out_->nodes.emplace_back();  // root
    for (std::uint32_t r = 0; r < out_->rules.size(); ++r) {
      const std::u32string& key = out_->rules_source[r].key;
      std::uint32_t node = 0;
      for (char32_t c : key) {
        std::uint32_t child = out_->nodes[node].Child(c);
        if (child == 0) {
          child = static_cast<std::uint32_t>(out_->nodes.size());
          out_->nodes.emplace_back();
          auto& children = out_->nodes[node].children;
          children.insert(std::lower_bound(children.begin(), children.end(), std::make_pair(c, 0u)), {c, child});
        }
        node = child;
      }
      out_->nodes[node].rules.push_back(r);
      out_->max_key_bytes = std::max(out_->max_key_bytes, key.size() * 4);  // any case form fits
    }
    for (TrieNode& node : out_->nodes) {
      std::stable_sort(node.rules.begin(), node.rules.end(), [&](std::uint32_t a, std::uint32_t b) {
        return out_->rules[a].specificity > out_->rules[b].specificity;
      });
    }
    for (const auto& [letter, node] : out_->nodes[0].children) {
      for (char32_t variant : CaseVariants(letter)) {
        out_->start.Set(variant, node);
        if (variant < 128) out_->ascii_start[variant] = true;
      }
    }
    // Folded letters start what the letter they are read as starts.
    for (const auto& [from, to] : out_->folds) {
      const std::uint32_t node = out_->nodes[0].Child(out_->SourceLower(from));
      if (node == 0) continue;
      out_->start.Set(from, node);
      if (from < 128) out_->ascii_start[from] = true;
    }
    if (out_->repair_lookalikes)
      for (unsigned char c = 0; c < 128; ++c)
        if (out_->ascii_lookalike[c]) out_->ascii_start[c] = true;
  }

  // CompiledTable::class_bits: the full path's class tests as one read for the letters most
  // texts are made of.
  void BuildClassBits() {
    if (out_->sets.empty()) return;
    out_->class_bits.assign(CompiledTable::kLowerTableSize, 0);
    for (std::size_t s = 0; s < out_->sets.size() && s < 64; ++s)
      for (char32_t c : out_->sets[s].letters)
        if (c < CompiledTable::kLowerTableSize) out_->class_bits[c] |= std::uint64_t{1} << s;
  }

  const MergedTable& table_;
  const Settings& settings_;
  const EngineSwitches& switches_;
  std::vector<Diagnostic>& diags_;
  int errors_ = 0;
  std::unique_ptr<CompiledTable> out_;
  std::map<std::string, std::size_t> class_index_;
  std::map<std::string, std::uint32_t> output_index_;
  std::vector<std::uint32_t> exception_outputs_;
  std::vector<bool> exception_stems_;
};

}  // namespace

std::unique_ptr<CompiledTable> Compile(const MergedTable& table, const Settings& resolved,
                                       std::vector<Diagnostic>* diagnostics, const EngineSwitches& switches) {
  Compiler compiler(table, resolved, switches, diagnostics);
  return compiler.Run();
}

}  // namespace ortaq
