// `ortaq check`: everything that can be said about a table without input text.
#include <algorithm>
#include <map>
#include <set>

#include "api/lexicon_speller.hpp"
#include "compile/compiler.hpp"
#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "table/table_loader.hpp"
#include "text/unicode.hpp"
#include "tools/inheritance_check.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

using unicode::Script;

// The script an alphabet id is written in: `...-Cyrl`, `...-Latn`, and the Common Turkic
// alphabets (`cta-...`), which are Latin.
Script ScriptOfId(const std::string& id) {
  if (id.find("-Cyrl") != std::string::npos) return Script::kCyrillic;
  if (id.find("-Latn") != std::string::npos || id.rfind("cta", 0) == 0) return Script::kLatin;
  return Script::kOther;
}

class Checker {
 public:
  Checker(const TableAst& table, const Options& options, CheckReport* report)
      : table_(table), options_(options), report_(*report) {}

  void Run() {
    CompileEveryOption();
    if (HasErrors()) return;
    LintLetters();
    LintUnusedClasses();
    RunTests();
  }

 private:
  bool HasErrors() const {
    return std::any_of(report_.diagnostics.begin(), report_.diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
  }

  void Add(Diagnostic d) {
    const std::string key = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + d.message;
    if (seen_.insert(key).second) report_.diagnostics.push_back(std::move(d));
  }

  bool Own(const SourceLoc& loc) const { return loc.file.get() == table_.file.get(); }

  // Compiles with the defaults, then with each value of each option, so that a conflict that
  // only one choice brings out is still found.
  void CompileEveryOption() {
    std::vector<Settings> choices{{}};
    for (const OptionDef& o : table_.options)
      for (std::size_t i = 1; i < o.values.size(); ++i) choices.push_back({{o.name, o.values[i]}});
    for (const Settings& requested : choices) {
      Settings resolved;
      ResolveSettings(table_, requested, &resolved);
      std::vector<Diagnostic> diagnostics;
      if (table_.lexicons.empty()) {
        Compile(table_, resolved, &diagnostics);
      } else {
        // The @lexicon rules depend on the option values: spelled for each choice.
        TableAst spelled = table_;
        if (AddLexiconRules(MakeLexiconSpeller(options_), resolved, &spelled, &diagnostics).ok())
          Compile(spelled, resolved, &diagnostics);
      }
      for (auto& d : diagnostics) Add(std::move(d));
    }
  }

  void Warn(const SourceLoc& loc, std::string message) { Add(loc.Warning(std::move(message))); }

  void CheckLetter(char32_t c, const SourceLoc& loc, Script expected, const char* role,
                   const std::set<char32_t>& alphabet, const char* alphabet_name) {
    if (!unicode::IsWordChar(c)) return;
    const Script script = unicode::ScriptOf(c);
    if (expected != Script::kOther && script != Script::kCommon && script != expected &&
        (script == Script::kLatin || script == Script::kCyrillic || script == Script::kGreek)) {
      Warn(loc, std::string(role) + " letter " + unicode::Describe(c) + " is " + unicode::ScriptName(script) +
                    " in a table whose " + role + " is " + unicode::ScriptName(expected) +
                    " (a look-alike from another script?)");
    }
    if (!alphabet.empty() && !alphabet.count(c) && !alphabet.count(unicode::ToLower(c)))
      Warn(loc, std::string(role) + " letter " + unicode::Describe(c) + " is not in " + alphabet_name);
  }

  void LintLetters() {
    const Script source = ScriptOfId(table_.from);
    const Script target = ScriptOfId(table_.to);
    std::set<char32_t> source_alphabet, target_alphabet;
    for (const auto& [c, loc] : table_.source_alphabet) source_alphabet.insert(c);
    for (const auto& [c, loc] : table_.target_alphabet) target_alphabet.insert(c);
    // Non-NFC lines of the table's own file.
    if (table_.file) {
      for (std::size_t i = 0; i < table_.file->lines.size(); ++i) {
        if (!unicode::IsNfc(table_.file->lines[i]))
          Add(SourceLoc{table_.file, static_cast<int>(i) + 1, 1}.Error(
              "this line is not in Unicode NFC; input is matched in NFC, so a decomposed letter here never matches"));
      }
    }
    for (const Rule& rule : table_.rules) {
      if (!Own(rule.loc)) continue;
      for (std::size_t k = 0; k < rule.key.size(); ++k)
        CheckLetter(rule.key[k], SourceLoc{rule.loc.file, rule.loc.line, rule.loc.column + static_cast<int>(k)}, source,
                    "source", source_alphabet, "@source-alphabet");
      for (const OutputPart& part : rule.output) {
        if (part.is_option) continue;
        for (char32_t c : utf8::DecodeValid(part.text))
          CheckLetter(c, rule.output_loc, target, "target", target_alphabet, "@target-alphabet");
      }
      for (const auto* side : {&rule.left, &rule.right})
        for (const ContextItem& item : *side)
          if (item.kind == ContextItem::Kind::kLetter || item.kind == ContextItem::Kind::kNotLetter)
            CheckLetter(item.letter, item.loc, source, "source", source_alphabet, "@source-alphabet");
    }
    for (const ClassDef& c : table_.classes) {
      if (!Own(c.loc)) continue;
      for (char32_t letter : c.letters) CheckLetter(letter, c.loc, source, "source", source_alphabet, "@source-alphabet");
    }
    // Option values are output letters only when an output refers to the option ({name});
    // others describe the input (cta-2024--kk-Cyrl's kk-i says how the input writes І).
    std::set<std::string> in_outputs;
    for (const Rule& r : table_.rules)
      for (const OutputPart& part : r.output)
        if (part.is_option) in_outputs.insert(part.text);
    for (const Exception& e : table_.exceptions)
      for (const OutputPart& part : e.output)
        if (part.is_option) in_outputs.insert(part.text);
    for (const OptionDef& o : table_.options) {
      if (!Own(o.loc) || !in_outputs.count(o.name)) continue;
      for (const std::string& v : o.values)
        for (char32_t c : utf8::DecodeValid(v)) CheckLetter(c, o.loc, target, "target", target_alphabet, "@target-alphabet");
    }
  }

  void LintUnusedClasses() {
    std::set<std::string> used;
    if (!table_.vowel_class.empty()) used.insert(table_.vowel_class);
    for (const ClassDef& c : table_.classes)
      for (const auto& [name, loc] : c.includes) used.insert(name);
    for (const LexiconUse& use : table_.lexicons)
      for (const std::string* name : {&use.letters, &use.vowels, &use.joins})
        if (!name->empty()) used.insert(*name);
    for (const Rule& r : table_.rules)
      for (const auto* side : {&r.left, &r.right})
        for (const ContextItem& item : *side)
          if (!item.class_name.empty()) used.insert(item.class_name);
    for (const ClassDef& c : table_.classes)
      if (Own(c.loc) && !used.count(c.name) && !table_.from.empty())
        Warn(c.loc, "the class '" + c.name + "' is never used");
  }

  void RunTests() {
    std::map<Settings, std::shared_ptr<const Transliterator>> cache;
    for (const TestCase& test : table_.tests) {
      Settings requested;
      for (const Guard& g : test.guards) requested.emplace_back(g.option, g.value);
      auto it = cache.find(requested);
      if (it == cache.end()) {
        Options options = options_;
        options.settings = requested;
        Status status;
        auto t = Transliterator::FromFile(table_.path, options, &status);
        if (!t) {
          Add(test.loc.Error("cannot run this test: " + status.message()));
          ++report_.tests_failed;
          continue;
        }
        it = cache.emplace(requested, t).first;
      }
      std::string output;
      Status status = it->second->Transliterate(test.input, &output);
      if (status.ok() && output == test.expected) {
        ++report_.tests_passed;
        continue;
      }
      ++report_.tests_failed;
      Add(test.loc.Error(status.ok() ? "test failed: '" + test.input + "' gives '" + output + "', expected '" +
                                           test.expected + "'"
                                     : "test failed: " + status.message()));
    }
  }

  const TableAst& table_;
  const Options& options_;
  CheckReport& report_;
  std::set<std::string> seen_;
};

}  // namespace

bool CheckReport::ok() const noexcept {
  return tests_failed == 0 && std::none_of(diagnostics.begin(), diagnostics.end(),
                                           [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

CheckReport CheckTable(const std::string& path, const Options& options) { return CheckTable(path, options, {}); }

CheckReport CheckTable(const std::string& path, const Options& options, std::string_view corpus) {
  CheckReport report;
  try {
    LoadedTable loaded;
    if (!LoadTableFile(path, TableSearchPath(options), &loaded, &report.diagnostics)) return report;
    const TableAst merged = MergeLayers(loaded);
    Checker checker(merged, options, &report);
    checker.Run();
    if (report.ok() || report.tests_failed > 0) CheckInheritance(loaded, options, corpus, &report.diagnostics);
  } catch (const std::exception& e) {
    Diagnostic d;
    d.file = path;
    d.message = std::string("internal error: ") + e.what();
    report.diagnostics.push_back(std::move(d));
  }
  return report;
}

}  // namespace ortaq
