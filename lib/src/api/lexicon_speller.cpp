#include "api/lexicon_speller.hpp"

#include <algorithm>
#include <filesystem>

#include "compile/table_build.hpp"
#include "table/table_loader.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

Status SpellWith(const Options& options, const LexiconUse& use, const Settings& resolved,
                 const std::vector<std::u32string>& words, std::vector<std::string>* spellings,
                 std::vector<Diagnostic>* diagnostics) {
  auto fail = [&](std::string message) {
    diagnostics->push_back(use.via_loc.Error(std::move(message)));
    return Status(StatusCode::kTableError, diagnostics->back().Format(), *diagnostics);
  };
  // An id names a table next to the lexicon's own table first, then on the search path.
  std::string path;
  std::error_code ec;
  if (use.via.find('/') == std::string::npos && !use.dir.empty() &&
      std::filesystem::is_regular_file(std::filesystem::path(use.dir) / (use.via + ".tbl"), ec))
    path = (std::filesystem::path(use.dir) / (use.via + ".tbl")).string();
  else
    path = ResolveTableEntry(use.via, use.dir, options);
  if (path.empty()) return fail("cannot find the table '" + use.via + "' to spell the lexicon with");
  LoadedTable loaded;
  std::vector<TableAst> stages;
  std::vector<Diagnostic> via_diagnostics;
  if (!LoadTableFile(path, TableSearchPath(options), &loaded, &via_diagnostics) ||
      !ExpandStages(loaded, options, &stages, &via_diagnostics).ok())
    return fail("the table '" + use.via + "' does not load: " +
                (via_diagnostics.empty() ? std::string("error") : via_diagnostics.front().Format()));
  Options via_options = options;
  via_options.settings.clear();
  for (const TableAst& stage : stages) {
    if (!stage.lexicons.empty()) return fail("the table '" + use.via + "' has a @lexicon of its own; spell with one that has none");
    for (const OptionDef& o : stage.options)
      for (const auto& setting : resolved)
        if (setting.first == o.name &&
            std::find(o.values.begin(), o.values.end(), setting.second) != o.values.end() &&
            std::none_of(via_options.settings.begin(), via_options.settings.end(),
                         [&](const auto& s) { return s.first == o.name; }))
          via_options.settings.push_back(setting);
  }
  Status status;
  auto via = Transliterator::FromFile(path, via_options, &status);
  if (!via) return fail("the table '" + use.via + "' does not build: " + status.message());
  // One conversion for every word: a newline between them, which no rule reads across.
  std::string text;
  for (const std::u32string& w : words) text += utf8::Encode(w) + "\n";
  std::string out;
  status = via->Transliterate(text, &out);
  if (!status.ok()) return fail("the table '" + use.via + "' cannot spell the lexicon: " + status.message());
  spellings->clear();
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t newline = out.find('\n', start);
    spellings->push_back(out.substr(start, newline - start));
    if (newline == std::string::npos) break;
    start = newline + 1;
  }
  if (spellings->size() != words.size()) return fail("the table '" + use.via + "' changed the lines of the lexicon");
  return Status();
}

}  // namespace

LexiconSpeller MakeLexiconSpeller(const Options& options) {
  return [options](const LexiconUse& use, const Settings& resolved, const std::vector<std::u32string>& words,
                   std::vector<std::string>* spellings, std::vector<Diagnostic>* diagnostics) {
    return SpellWith(options, use, resolved, words, spellings, diagnostics);
  };
}

}  // namespace ortaq
