// The public Transliterator and Stream: building from a table, and running the engine on whole
// texts or chunks. Every entry point catches what the standard library may throw (bad_alloc,
// filesystem errors) so that nothing crosses the API.
#include <algorithm>
#include <cstring>
#include <exception>
#include <new>

#include "api/compiled_stages.hpp"
#include "api/test_hooks.hpp"
#include "api/transliterator_impl.hpp"
#include "api/lexicon_speller.hpp"
#include "compile/compiler.hpp"
#include "compile/table_build.hpp"
#include "engine/engine.hpp"
#include "ortaq/ortaq.hpp"
#include "table/table_loader.hpp"
#include "text/edit_compose.hpp"
#include "text/edit_list_writer.hpp"
#include "text/utf8.hpp"

namespace ortaq {

using test_hooks::Engine;

namespace {

Status InternalError(const std::exception& e) { return Status(StatusCode::kInternal, std::string("internal error: ") + e.what()); }

void SetStatus(Status* out, Status status) {
  if (out) *out = std::move(status);
}

std::shared_ptr<const Transliterator> Build(const std::vector<TableAst>& stages, TableInfo info, const Options& options,
                                            Engine engine, std::vector<Diagnostic> diagnostics, Status* status) {
  auto impl = TransliteratorAccess::NewImpl();
  impl->policy = options.invalid_input;
  Status built = BuildStages(stages, std::move(info), options, engine == Engine::kReference, &impl->built,
                             &diagnostics, MakeLexiconSpeller(options));
  if (!built.ok()) {
    SetStatus(status, std::move(built));
    return nullptr;
  }
  SetStatus(status, Status());
  return TransliteratorAccess::Make(std::move(impl));
}

// A table file loaded (with its bases) and expanded into the stages it runs, once: built as it
// is, or placed after the chain of tables that leads to the alphabet it reads.
struct ExpandedTable {
  LoadedTable loaded;
  std::vector<TableAst> stages;
  std::vector<Diagnostic> diagnostics;
};

// After LoadTableFile/LoadTableText: expands the stages, or sets *status and returns false.
bool Expand(bool loaded_ok, const Options& options, ExpandedTable* table, Status* status) {
  if (!loaded_ok) {
    std::string message =
        table->diagnostics.empty() ? "the table could not be loaded" : table->diagnostics.front().Format();
    SetStatus(status, Status(StatusCode::kTableError, message, std::move(table->diagnostics)));
    return false;
  }
  Status expanded = ExpandStages(table->loaded, options, &table->stages, &table->diagnostics);
  if (!expanded.ok()) {
    SetStatus(status, std::move(expanded));
    return false;
  }
  return true;
}

bool LoadAndExpandFile(const std::string& path, const Options& options, ExpandedTable* table, Status* status) {
  const bool ok = LoadTableFile(path, TableSearchPath(options), &table->loaded, &table->diagnostics);
  if (!ok && table->diagnostics.size() == 1 && table->diagnostics[0].line == 0) {
    std::string message = table->diagnostics[0].file;
    message.append(": ").append(table->diagnostics[0].message);
    SetStatus(status, Status(StatusCode::kNotFound, std::move(message), std::move(table->diagnostics)));
    return false;
  }
  return Expand(ok, options, table, status);
}

std::shared_ptr<const Transliterator> BuildExpanded(ExpandedTable table, const Options& options, Engine engine,
                                                    Status* status) {
  const TableAst own = MergeLayers(table.loaded);
  TableInfo info = InfoOfStages(table.stages, table.loaded.path, own.title);
  CopyProvenance(own, &info);
  return Build(table.stages, std::move(info), options, engine, std::move(table.diagnostics), status);
}

// `--from FROM --to FILE.tbl` where the file reads another alphabet X: the shortest chain of
// tables from FROM to X, then the file.
std::shared_ptr<const Transliterator> BuildChainToFile(std::string_view from, const std::string& path,
                                                       ExpandedTable file, const Options& options, Engine engine,
                                                       Status* status) {
  const std::string& reads = file.stages.front().from;
  const std::vector<std::string> chain = FindChain(from, reads, options);
  if (chain.empty()) {
    SetStatus(status, Status(StatusCode::kNotFound, "the table " + path + " reads " + reads +
                                                        ", and no table or chain of tables converts " +
                                                        std::string(from) + " to " + reads));
    return nullptr;
  }
  std::vector<TableAst> stages;
  Status loaded_chain = LoadStageFiles(chain, options, &stages, &file.diagnostics);
  if (!loaded_chain.ok()) {
    SetStatus(status, std::move(loaded_chain));
    return nullptr;
  }
  const TableAst own = MergeLayers(file.loaded);
  for (TableAst& stage : file.stages) stages.push_back(std::move(stage));
  TableInfo info = InfoOfStages(stages, path, "");
  info.title = own.title + " (" + info.title + ")";
  CopyProvenance(own, &info);
  return Build(stages, std::move(info), options, engine, std::move(file.diagnostics), status);
}

// Line and column of byte `pos` of `data`, given the lines and columns already passed.
InputPosition PositionIn(const unsigned char* data, std::size_t pos, std::uint64_t absolute, std::uint64_t lines_before,
                         std::uint64_t column_before) {
  InputPosition position;
  position.byte_offset = absolute;
  std::uint64_t lines = lines_before;
  std::uint64_t column = column_before;
  for (std::size_t i = 0; i < pos; ++i) {
    if (data[i] == '\n') {
      ++lines;
      column = 0;
    } else if (!utf8::IsContinuation(data[i])) {
      ++column;
    }
  }
  position.line = lines + 1;
  position.column = column + 1;
  return position;
}

// Lead bytes (and ASCII) are the code points. A stream counts them in every byte it lets go of
// (for the column of a later error), so eight bytes at a time: a continuation byte has its top
// bit set and the next one clear; each such byte's flag is summed in its own byte lane (at
// most 255 words between flushes), and the lanes are added up by one multiplication.
std::uint64_t CountCodePoints(const char* begin, const char* end) {
  constexpr std::uint64_t kTopBits = 0x8080808080808080u;
  std::uint64_t continuations = 0;
  const char* p = begin;
  while (end - p >= 8) {
    const std::size_t words = std::min<std::size_t>(static_cast<std::size_t>(end - p) / 8, 255);
    std::uint64_t lanes = 0;
    for (std::size_t i = 0; i < words; ++i, p += 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      lanes += (w & ~(w << 1) & kTopBits) >> 7;
    }
    // The lane sums (each at most 255) added up without overflow: 8 x 255 < 2^16.
    continuations += ((lanes & 0x00FF00FF00FF00FFu) + ((lanes >> 8) & 0x00FF00FF00FF00FFu)) * 0x0001000100010001u >> 48;
  }
  for (; p < end; ++p) continuations += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  return static_cast<std::uint64_t>(end - begin) - continuations;
}

Status InvalidAt(const InputPosition& position) {
  return Status::InvalidInput("invalid UTF-8 at line " + std::to_string(position.line) + ", column " +
                                  std::to_string(position.column) + " (byte offset " +
                                  std::to_string(position.byte_offset) + ")",
                              position);
}

}  // namespace

Transliterator::Transliterator(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Transliterator::~Transliterator() = default;

std::shared_ptr<const Transliterator> Transliterator::FromIds(std::string_view from, std::string_view to,
                                                              const Options& options, Status* status) {
  return test_hooks::FromIds(from, to, options, Engine::kFast, status);
}

std::shared_ptr<const Transliterator> Transliterator::FromFile(const std::string& path, const Options& options,
                                                               Status* status) {
  return test_hooks::FromFile(path, options, Engine::kFast, status);
}

std::shared_ptr<const Transliterator> Transliterator::FromText(std::string_view text, std::string_view name,
                                                               const Options& options, Status* status) {
  return test_hooks::FromText(text, name, options, Engine::kFast, status);
}

// The factories' bodies, shared with the tests that compare the engines (api/test_hooks.hpp).
std::shared_ptr<const Transliterator> test_hooks::FromIds(std::string_view from, std::string_view to,
                                                          const Options& options, Engine engine, Status* status) {
  try {
    Status found;
    const std::string path = FindTable(from, to, options, &found);
    if (path.empty()) {
      // No table converts directly: chain tables through other alphabets (e.g. kk-Cyrl).
      const std::vector<std::string> chain = found.code() == StatusCode::kNotFound ? FindChain(from, to, options)
                                                                                  : std::vector<std::string>();
      if (chain.empty()) {
        SetStatus(status, std::move(found));
        return nullptr;
      }
      std::vector<TableAst> stages;
      std::vector<Diagnostic> diagnostics;
      Status loaded = LoadStageFiles(chain, options, &stages, &diagnostics);
      if (!loaded.ok()) {
        SetStatus(status, std::move(loaded));
        return nullptr;
      }
      return Build(stages, InfoOfStages(stages, "", ""), options, engine, std::move(diagnostics), status);
    }
    ExpandedTable file;
    if (!LoadAndExpandFile(path, options, &file, status)) return nullptr;
    const std::string reads = file.stages.front().from;
    // A .tbl file of the user's that reads another alphabet: the tables leading to it first.
    if (path == to && reads != from) return BuildChainToFile(from, path, std::move(file), options, engine, status);
    if (reads != from) {
      SetStatus(status, Status(StatusCode::kInvalidArgument, "the table " + path + " converts from " +
                                                                 reads + ", not from " + std::string(from)));
      return nullptr;
    }
    auto t = BuildExpanded(std::move(file), options, engine, status);
    return t;
  } catch (const std::exception& e) {
    SetStatus(status, InternalError(e));
    return nullptr;
  }
}

std::shared_ptr<const Transliterator> test_hooks::FromFile(const std::string& path, const Options& options,
                                                           Engine engine, Status* status) {
  try {
    ExpandedTable table;
    if (!LoadAndExpandFile(path, options, &table, status)) return nullptr;
    return BuildExpanded(std::move(table), options, engine, status);
  } catch (const std::exception& e) {
    SetStatus(status, InternalError(e));
    return nullptr;
  }
}

std::shared_ptr<const Transliterator> test_hooks::FromText(std::string_view text, std::string_view name,
                                                           const Options& options, Engine engine, Status* status) {
  try {
    ExpandedTable table;
    const bool ok = LoadTableText(text, name, TableSearchPath(options), &table.loaded, &table.diagnostics);
    if (!Expand(ok, options, &table, status)) return nullptr;
    return BuildExpanded(std::move(table), options, engine, status);
  } catch (const std::exception& e) {
    SetStatus(status, InternalError(e));
    return nullptr;
  }
}

const TableInfo& Transliterator::info() const noexcept { return impl_->built.info; }

bool Transliterator::chained() const noexcept { return impl_->built.stages.size() > 1; }

const std::vector<std::pair<std::string, std::string>>& Transliterator::settings() const noexcept {
  return impl_->built.settings;
}

namespace {

// Transliterate through a chain of tables, or with edit spans: each stage's output is the next
// one's input, and the spans are composed. Apart from the common call, whose function stays
// small (a line at a time, its set-up is a part of each line's cost).
[[gnu::noinline]] Status TransliterateStages(const std::vector<CompiledStage>& stages,
                                             InvalidInputPolicy policy, std::string_view input, std::string* output,
                                             EditList* edits, ConversionStats* stats) {
  try {
    if (edits) edits->Clear();
    std::string_view text = input;
    std::string buffers[2];
    EditList composed;
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const bool last = i + 1 == stages.size();
      std::string* out = last ? output : &buffers[i % 2];
      out->clear();
      out->reserve(text.size() + text.size() / 4);
      EditList stage_edits;
      EngineInput in;
      in.data = reinterpret_cast<const unsigned char*>(text.data());
      in.size = text.size();
      in.begin = 0;
      in.final = true;
      in.stats = stats;
      // Later stages read this library's own output, which is valid UTF-8.
      const EngineResult result =
          RunEngine(*stages[i].rules, stages[i].fast.get(), policy, in, out, edits ? &stage_edits : nullptr);
      if (result.invalid) return InvalidAt(PositionIn(in.data, result.next, result.next, 0, 0));
      if (edits) {
        if (i == 0) {
          composed = std::move(stage_edits);
        } else {
          EditComposer composer;
          for (const EditSpan& span : composed.spans()) composer.AddFirst(span);
          for (const EditSpan& span : stage_edits.spans()) composer.AddSecond(span);
          EditList next;
          composer.Finish(&next);
          composed = std::move(next);
        }
      }
      text = *out;
    }
    if (edits) *edits = std::move(composed);
    return Status();
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

}  // namespace

Status Transliterator::Transliterate(std::string_view input, std::string* output, EditList* edits,
                                     ConversionStats* stats) const {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  const auto& stages = impl_->built.stages;
  if (stages.size() != 1 || edits) return TransliterateStages(stages, impl_->policy, input, output, edits, stats);
  // One table, no spans: the common call.
  try {
    EngineInput in;
    in.data = reinterpret_cast<const unsigned char*>(input.data());
    in.size = input.size();
    in.stats = stats;
    const EngineResult result = RunEngineWhole(*stages[0].rules, stages[0].fast.get(), impl_->policy, in, output);
    if (result.invalid) return InvalidAt(PositionIn(in.data, result.next, result.next, 0, 0));
    return Status();
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

Status Transliterator::TransliterateRange(std::string_view text, std::size_t begin, std::size_t end,
                                          std::string* output, std::size_t* stopped, ConversionStats* stats) const {
  if (!output || !stopped) return Status(StatusCode::kInvalidArgument, "output and stopped must not be null");
  if (begin > end || end > text.size()) return Status(StatusCode::kInvalidArgument, "the range is outside the text");
  if (impl_->built.stages.size() != 1)
    return Status(StatusCode::kInvalidArgument, "TransliterateRange works on single tables, not chains");
  try {
    const CompiledStage& stage = impl_->built.stages[0];
    // The whole text is there: the engine reads context as for a whole conversion and stops at
    // the first position at or past `end`.
    EngineInput in;
    in.data = reinterpret_cast<const unsigned char*>(text.data());
    in.size = text.size();
    in.begin = begin;
    in.final = true;
    in.stop = end;
    in.stats = stats;
    const EngineResult result = RunEngine(*stage.rules, stage.fast.get(), impl_->policy, in, output, nullptr);
    if (result.invalid) return InvalidAt(PositionIn(in.data, result.next, result.next, 0, 0));
    *stopped = result.next;
    return Status();
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

// ---- Stream ----------------------------------------------------------------------------------

// One stage of a stream: the bytes it still needs, and where they are in its input.
struct StageStream {
  std::string buffer;          // kept history, then unconverted bytes
  std::size_t begin = 0;       // first unconverted byte in buffer
  std::uint64_t base = 0;      // absolute offset of buffer[0]
  std::uint64_t lines = 0;     // newlines in the bytes dropped from the buffer
  std::uint64_t column = 0;    // code points after the last of them
  bool protecting = false;     // inside a pass-through token

  // Converts what it can of buffer + chunk, appending to *output and (when asked) spans with
  // offsets relative to this call's first converted byte and first output byte.
  Status Run(const CompiledStage& stage, InvalidInputPolicy policy, std::string_view chunk, bool final,
             std::string* output, EditList* edits, ConversionStats* stats) {
    buffer.append(chunk);
    EngineInput in;
    in.data = reinterpret_cast<const unsigned char*>(buffer.data());
    in.size = buffer.size();
    in.begin = begin;
    in.final = final;
    in.protecting = protecting;
    in.stats = stats;
    const EngineResult result = RunEngine(*stage.rules, stage.fast.get(), policy, in, output, edits);
    if (result.invalid) return InvalidAt(PositionIn(in.data, result.next, base + result.next, lines, column));
    begin = result.next;
    protecting = result.protecting;
    // Keep the history that left context and word checks may read; drop the rest.
    const std::size_t drop = begin > kHistoryBytes ? begin - kHistoryBytes : 0;
    if (drop > 0) {
      const char* d = buffer.data();
      std::size_t newlines = 0;
      for (const char* q = d; (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(d + drop - q)))); ++q)
        ++newlines;
      if (newlines > 0) {
        lines += newlines;
        const char* last = static_cast<const char*>(::memrchr(d, '\n', drop));
        column = CountCodePoints(last + 1, d + drop);
      } else {
        column += CountCodePoints(d, d + drop);
      }
      buffer.erase(0, drop);
      begin -= drop;
      base += drop;
    }
    return Status();
  }
};

struct Stream::State {
  std::shared_ptr<const Transliterator> transliterator;
  std::vector<StageStream> stages;
  std::vector<EditComposer> composers;  // between stage i and i+1
  std::uint64_t source_done = 0;        // absolute offsets of the next edit span
  std::uint64_t output_done = 0;
  bool finished = false;
  bool failed = false;

  Status Run(std::string_view chunk, bool final, std::string* output, EditList* edits, ConversionStats* stats) {
    const auto& impl = TransliteratorAccess::ImplOf(*transliterator);
    const auto& tables = impl.built.stages;
    if (stages.empty()) {
      stages.resize(tables.size());
      composers.resize(tables.size() - 1);
    }
    std::string_view input = chunk;
    std::string middle[2];
    EditList carried;  // spans from the source to the current stage's output, relative
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const bool last = i + 1 == tables.size();
      std::string* out = last ? output : &middle[i % 2];
      if (!last) out->clear();
      EditList spans;
      Status status = stages[i].Run(tables[i], i == 0 ? impl.policy : InvalidInputPolicy::kError, input, final, out,
                                    edits ? &spans : nullptr, stats);
      if (!status.ok()) {
        failed = true;
        return status;
      }
      if (edits) {
        if (i == 0) {
          carried = std::move(spans);
        } else {
          EditComposer& composer = composers[i - 1];
          for (const EditSpan& span : carried.spans()) composer.AddFirst(span);
          for (const EditSpan& span : spans.spans()) composer.AddSecond(span);
          EditList next;
          if (final) composer.Finish(&next);
          else composer.Drain(&next);
          carried = std::move(next);
        }
      }
      if (!last) input = *out;
    }
    if (edits) {
      for (EditSpan span : carried.spans()) {
        span.source_begin += source_done;
        span.source_end += source_done;
        span.output_begin += output_done;
        span.output_end += output_done;
        EditListWriter::Append(edits, span);
      }
      if (!carried.empty()) {
        source_done += carried.spans().back().source_end;
        output_done += carried.spans().back().output_end;
      }
    }
    return Status();
  }
};

Stream::Stream(std::shared_ptr<const Transliterator> transliterator) : state_(std::make_unique<State>()) {
  state_->transliterator = std::move(transliterator);
}
Stream::~Stream() = default;

std::unique_ptr<Stream> Transliterator::NewStream() const noexcept {
  try {
    // Every Transliterator is made by a factory that returns a shared_ptr, so this is owned.
    return std::make_unique<Stream>(shared_from_this());
  } catch (const std::exception&) {
    return nullptr;
  }
}

Status Stream::Write(std::string_view chunk, std::string* output, EditList* edits, ConversionStats* stats) {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  if (state_->finished) return Status(StatusCode::kInvalidArgument, "Write after Finish");
  if (state_->failed) return Status(StatusCode::kInvalidArgument, "the stream stopped at invalid input");
  try {
    return state_->Run(chunk, /*final=*/false, output, edits, stats);
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

Status Stream::Finish(std::string* output, EditList* edits, ConversionStats* stats) {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  if (state_->finished) return Status(StatusCode::kInvalidArgument, "Finish called twice");
  if (state_->failed) return Status(StatusCode::kInvalidArgument, "the stream stopped at invalid input");
  try {
    state_->finished = true;
    return state_->Run({}, /*final=*/true, output, edits, stats);
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

// ---- For library code (api/compiled_stages.hpp) -------------------------------------------

const std::vector<CompiledStage>& CompiledStages(const Transliterator& transliterator) {
  return TransliteratorAccess::ImplOf(transliterator).built.stages;
}

}  // namespace ortaq
