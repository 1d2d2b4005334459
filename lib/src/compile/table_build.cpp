#include "compile/table_build.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

#include "table/builtin_tables.hpp"

namespace ortaq {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxChainDepth = 4;

bool HasError(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

Status TableError(const std::vector<Diagnostic>& diagnostics) {
  const auto first = std::find_if(diagnostics.begin(), diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::kError; });
  return Status(StatusCode::kTableError, first == diagnostics.end() ? "the table has errors" : first->Format(),
                diagnostics);
}

}  // namespace

std::string ResolveTableEntry(const std::string& name, const std::string& dir, const Options& options) {
  const bool looks_like_path = name.find('/') != std::string::npos || (name.size() > 4 && name.substr(name.size() - 4) == ".tbl");
  if (looks_like_path) {
    fs::path p(name);
    if (p.is_relative() && !dir.empty()) p = fs::path(dir) / p;
    return TableFileExists(p.string()) ? p.string() : std::string();
  }
  const std::size_t dash = name.find("--");
  if (dash == std::string::npos) return {};
  return FindTableFile(name.substr(0, dash), name.substr(dash + 2), options);
}

Status ExpandStages(const LoadedTable& loaded, const Options& options, std::vector<TableAst>* stages,
                    std::vector<Diagnostic>* diagnostics, int depth) {
  TableAst merged = MergeLayers(loaded);
  if (merged.chain.empty()) {
    if (merged.from.empty() || merged.to.empty()) {
      diagnostics->push_back(SourceLoc{merged.file, 1, 1}.Error("a table to convert with needs '@from ID' and '@to ID'"));
      return TableError(*diagnostics);
    }
    stages->push_back(std::move(merged));
    return Status();
  }
  if (!merged.rules.empty() || !merged.exceptions.empty()) {
    diagnostics->push_back(merged.rules.empty() ? merged.exceptions[0].loc.Error("a @chain table has no exceptions of its own")
                                                : merged.rules[0].loc.Error("a @chain table has no rules of its own"));
    return TableError(*diagnostics);
  }
  if (depth >= kMaxChainDepth) {
    diagnostics->push_back(merged.chain[0].loc.Error("@chain nested deeper than " + std::to_string(kMaxChainDepth) + " tables"));
    return TableError(*diagnostics);
  }
  const std::string dir = loaded.path.empty() ? std::string() : fs::path(loaded.path).parent_path().string();
  const std::size_t first_stage = stages->size();
  for (const Inherit& entry : merged.chain) {
    const std::string path = ResolveTableEntry(entry.name, dir, options);
    if (path.empty()) {
      diagnostics->push_back(entry.loc.Error("cannot find the table '" + entry.name + "' to chain"));
      return TableError(*diagnostics);
    }
    if (!loaded.path.empty() && CanonicalTablePath(path) == CanonicalTablePath(loaded.path)) {
      diagnostics->push_back(entry.loc.Error("a @chain cannot name its own table"));
      return TableError(*diagnostics);
    }
    LoadedTable stage;
    if (!LoadTableFile(path, TableSearchPath(options), &stage, diagnostics)) return TableError(*diagnostics);
    const std::size_t before = stages->size();
    Status status = ExpandStages(stage, options, stages, diagnostics, depth + 1);
    if (!status.ok()) return status;
    if (before > first_stage && (*stages)[before - 1].to != (*stages)[before].from) {
      diagnostics->push_back(entry.loc.Error("'" + entry.name + "' reads " + (*stages)[before].from + ", but the table before it writes " +
                                             (*stages)[before - 1].to));
      return TableError(*diagnostics);
    }
  }
  const TableAst& head = (*stages)[first_stage];
  const TableAst& tail = stages->back();
  if ((!merged.from.empty() && merged.from != head.from) || (!merged.to.empty() && merged.to != tail.to)) {
    diagnostics->push_back(merged.chain[0].loc.Error("this chain converts " + head.from + " to " + tail.to + ", but the table says @from " +
                                                     merged.from + " @to " + merged.to));
    return TableError(*diagnostics);
  }
  return Status();
}

Status LoadStageFiles(const std::vector<std::string>& paths, const Options& options, std::vector<TableAst>* stages,
                      std::vector<Diagnostic>* diagnostics) {
  for (const std::string& path : paths) {
    LoadedTable loaded;
    if (!LoadTableFile(path, TableSearchPath(options), &loaded, diagnostics)) return TableError(*diagnostics);
    Status status = ExpandStages(loaded, options, stages, diagnostics);
    if (!status.ok()) return status;
  }
  return Status();
}

TableInfo InfoOfStages(const std::vector<TableAst>& stages, const std::string& path, const std::string& title) {
  TableInfo info;
  if (stages.empty()) return info;
  info = InfoOf(stages.front());
  info.to = stages.back().to;
  info.path = path;
  if (stages.size() > 1) {
    info.status.clear();  // the chain file's own, if any: see CopyProvenance
    info.date.clear();
    info.sources.clear();
    info.options.clear();
    std::string via;
    for (const TableAst& s : stages) {
      via += (via.empty() ? "" : " → ") + s.from;
      for (const OptionInfo& o : InfoOf(s).options) {
        if (std::none_of(info.options.begin(), info.options.end(), [&](const OptionInfo& q) { return q.name == o.name; }))
          info.options.push_back(o);
      }
    }
    via += " → " + stages.back().to;
    info.title = title.empty() ? "chain: " + via : title;
  }
  return info;
}

void CopyProvenance(const TableAst& own, TableInfo* info) {
  if (own.status.empty() && own.date.empty() && own.sources.empty()) return;
  const TableInfo of_own = InfoOf(own);
  info->status = of_own.status;
  info->date = of_own.date;
  info->sources = of_own.sources;
}

Status BuildStages(const std::vector<TableAst>& stages, TableInfo info, const Options& options, bool reference_engine,
                   BuiltTable* out, std::vector<Diagnostic>* diagnostics, const LexiconSpeller& speller) {
  // Every setting must belong to at least one stage; it goes to every stage that has it.
  for (const auto& [name, value] : options.settings) {
    bool known = false;
    for (const TableAst& s : stages)
      for (const OptionDef& o : s.options) known = known || o.name == name;
    if (!known) {
      std::string names;
      for (const OptionInfo& o : info.options) names += (names.empty() ? "" : ", ") + o.name;
      return Status(StatusCode::kInvalidArgument, "the table " + info.from + "--" + info.to + " has no option '" + name + "'" +
                                                      (names.empty() ? " (it has no options)" : " (its options: " + names + ")"));
    }
  }
  out->info = std::move(info);
  for (const TableAst& stage : stages) {
    Settings requested;
    for (const auto& setting : options.settings)
      for (const OptionDef& o : stage.options)
        if (o.name == setting.first) requested.push_back(setting);
    Settings resolved;
    Status status = ResolveSettings(stage, requested, &resolved);
    if (!status.ok()) return status;
    EngineSwitches switches;
    switches.pass_through = options.pass_through;
    switches.foreign_words = options.foreign_words;
    switches.repair_lookalikes = options.repair_lookalikes;
    switches.convert_hashtags = options.convert_hashtags;
    // A @lexicon's rules depend on the option values (the via table spells with them).
    const TableAst* to_compile = &stage;
    TableAst spelled;
    if (!stage.lexicons.empty()) {
      if (!speller) {
        diagnostics->push_back(stage.lexicons[0].loc.Error("a table that spells a lexicon cannot have a @lexicon itself"));
        return TableError(*diagnostics);
      }
      spelled = stage;
      status = AddLexiconRules(speller, resolved, &spelled, diagnostics);
      if (!status.ok()) return status;
      to_compile = &spelled;
    }
    auto compiled = Compile(*to_compile, resolved, diagnostics, switches);
    if (!compiled || HasError(*diagnostics)) return TableError(*diagnostics);
    for (const auto& setting : resolved)
      if (std::none_of(out->settings.begin(), out->settings.end(), [&](const auto& s) { return s.first == setting.first; }))
        out->settings.push_back(setting);
    std::unique_ptr<const FastTables> fast = reference_engine ? nullptr : BuildFastTables(*compiled);
    out->stages.push_back(CompiledStage{std::move(compiled), std::move(fast)});
  }
  return Status();
}

std::vector<std::string> FindChain(std::string_view from, std::string_view to, const Options& options) {
  // Breadth-first over the tables on the search path, so the shortest chain wins.
  const std::vector<TableInfo> tables = ListTables(options);
  struct Step {
    std::string alphabet;
    std::vector<std::string> paths;
  };
  std::deque<Step> queue{{std::string(from), {}}};
  std::set<std::string> seen{std::string(from)};
  while (!queue.empty()) {
    Step step = queue.front();
    queue.pop_front();
    if (step.paths.size() >= 3) continue;
    for (const TableInfo& t : tables) {
      if (t.from != step.alphabet || seen.count(t.to)) continue;
      Step next{t.to, step.paths};
      next.paths.push_back(t.path);
      if (t.to == to) return next.paths;
      seen.insert(t.to);
      queue.push_back(std::move(next));
    }
  }
  return {};
}

}  // namespace ortaq
