// MergeLayers: a table and the bases it inherits from, as one TableAst; and what a merged
// table says about itself (InfoOf) and its options (ResolveSettings).
#include <algorithm>
#include <unordered_map>

#include "compile/compiler.hpp"
#include "text/utf8.hpp"

namespace ortaq {

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

TableAst MergeLayers(const LoadedTable& table) {
  TableAst merged;
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

TableInfo InfoOf(const TableAst& table) {
  TableInfo info;
  info.from = table.from;
  info.to = table.to;
  info.title = table.title;
  info.status = table.status;
  info.date = table.date;
  for (const SourceRecord& src : table.sources) info.sources.push_back(TableSource{src.text, src.read});
  info.path = table.path;
  for (const OptionDef& o : table.options)
    info.options.push_back(OptionInfo{o.name, o.values.empty() ? "" : o.values[0], o.values, o.description});
  return info;
}

Status ResolveSettings(const TableAst& table, const Settings& requested, Settings* resolved) {
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

}  // namespace ortaq
