// The public Transliterator and Stream: building from a table, and running the engine on whole
// texts or chunks. Every entry point catches what the standard library may throw (bad_alloc,
// filesystem errors) so that nothing crosses the API.
#include <algorithm>
#include <cstring>
#include <exception>
#include <new>

#include "compiler.hpp"
#include "engine.hpp"
#include "ortaq/ortaq.hpp"
#include "table_loader.hpp"
#include "utf8.hpp"

namespace ortaq {

struct Transliterator::Impl {
  std::unique_ptr<CompiledTable> table;
  InvalidInputPolicy policy = InvalidInputPolicy::kError;
};

namespace {

Status InternalError(const std::exception& e) { return Status(StatusCode::kInternal, std::string("internal error: ") + e.what()); }

void SetStatus(Status* out, Status status) {
  if (out) *out = std::move(status);
}

std::shared_ptr<const Transliterator> Build(const LoadedTable& loaded, bool loaded_ok, std::vector<Diagnostic> diagnostics,
                                            const Options& options, Status* status) {
  if (!loaded_ok) {
    std::string message = diagnostics.empty() ? "the table could not be loaded" : diagnostics.front().Format();
    SetStatus(status, Status(StatusCode::kTableError, message, std::move(diagnostics)));
    return nullptr;
  }
  const MergedTable merged = MergeLayers(loaded);
  if (merged.from.empty() || merged.to.empty()) {
    SourceLoc loc{merged.file, 1, 1};
    diagnostics.push_back(loc.Error("a table to convert with needs '@from ID' and '@to ID'"));
    SetStatus(status, Status(StatusCode::kTableError, diagnostics.back().Format(), std::move(diagnostics)));
    return nullptr;
  }
  Settings settings;
  Status resolved = ResolveSettings(merged, options.settings, &settings);
  if (!resolved.ok()) {
    SetStatus(status, std::move(resolved));
    return nullptr;
  }
  auto compiled = Compile(merged, settings, &diagnostics);
  if (!compiled) {
    const auto first_error = std::find_if(diagnostics.begin(), diagnostics.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::kError; });
    std::string message = first_error == diagnostics.end() ? "the table failed to compile" : first_error->Format();
    SetStatus(status, Status(StatusCode::kTableError, message, std::move(diagnostics)));
    return nullptr;
  }
  auto impl = std::make_unique<Transliterator::Impl>();
  impl->table = std::move(compiled);
  impl->policy = options.invalid_input;
  SetStatus(status, Status());
  return std::make_shared<const Transliterator>(std::move(impl));
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

// Lead bytes (and ASCII) are the code points; written so that the compiler vectorises it.
std::uint64_t CountCodePoints(const char* begin, const char* end) {
  std::uint64_t count = 0;
  for (const char* p = begin; p < end; ++p) count += (static_cast<unsigned char>(*p) & 0xC0) != 0x80;
  return count;
}

Status InvalidAt(const InputPosition& position) {
  return Status::InvalidInput("invalid UTF-8 at line " + std::to_string(position.line) + ", column " +
                                  std::to_string(position.column) + " (byte offset " +
                                  std::to_string(position.byte_offset) + ")",
                              position);
}

}  // namespace

Transliterator::Transliterator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transliterator::~Transliterator() = default;

std::shared_ptr<const Transliterator> Transliterator::FromIds(std::string_view from, std::string_view to,
                                                              const Options& options, Status* status) {
  try {
    Status found;
    const std::string path = FindTable(from, to, options, &found);
    if (path.empty()) {
      SetStatus(status, std::move(found));
      return nullptr;
    }
    auto t = FromFile(path, options, status);
    if (t && t->info().from != from) {
      SetStatus(status, Status(StatusCode::kInvalidArgument, "the table " + path + " converts from " + t->info().from +
                                                                 ", not from " + std::string(from)));
      return nullptr;
    }
    return t;
  } catch (const std::exception& e) {
    SetStatus(status, InternalError(e));
    return nullptr;
  }
}

std::shared_ptr<const Transliterator> Transliterator::FromFile(const std::string& path, const Options& options,
                                                               Status* status) {
  try {
    LoadedTable loaded;
    std::vector<Diagnostic> diagnostics;
    const bool ok = LoadTableFile(path, TableSearchPath(options), &loaded, &diagnostics);
    if (!ok && diagnostics.size() == 1 && diagnostics[0].line == 0) {
      std::string message = diagnostics[0].file;
      message.append(": ").append(diagnostics[0].message);
      SetStatus(status, Status(StatusCode::kNotFound, std::move(message), std::move(diagnostics)));
      return nullptr;
    }
    return Build(loaded, ok, std::move(diagnostics), options, status);
  } catch (const std::exception& e) {
    SetStatus(status, InternalError(e));
    return nullptr;
  }
}

std::shared_ptr<const Transliterator> Transliterator::FromText(std::string_view text, std::string_view name,
                                                               const Options& options, Status* status) {
  try {
    LoadedTable loaded;
    std::vector<Diagnostic> diagnostics;
    const bool ok = LoadTableText(text, name, TableSearchPath(options), &loaded, &diagnostics);
    return Build(loaded, ok, std::move(diagnostics), options, status);
  } catch (const std::exception& e) {
    SetStatus(status, InternalError(e));
    return nullptr;
  }
}

const TableInfo& Transliterator::info() const { return impl_->table->info; }

const std::vector<std::pair<std::string, std::string>>& Transliterator::settings() const {
  return impl_->table->settings;
}

Status Transliterator::Transliterate(std::string_view input, std::string* output, EditList* edits) const {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  try {
    output->clear();
    output->reserve(input.size() + input.size() / 4);
    if (edits) edits->Clear();
    EngineInput in;
    in.data = reinterpret_cast<const unsigned char*>(input.data());
    in.size = input.size();
    in.begin = 0;
    in.final = true;
    const EngineResult result = RunEngine(*impl_->table, impl_->policy, in, output, edits);
    if (result.invalid) return InvalidAt(PositionIn(in.data, result.next, result.next, 0, 0));
    return Status();
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

// ---- Stream ----------------------------------------------------------------------------------

struct Stream::State {
  std::shared_ptr<const Transliterator> transliterator;
  std::string buffer;          // kept history, then unconverted bytes
  std::size_t begin = 0;       // first unconverted byte in buffer
  std::uint64_t base = 0;      // absolute offset of buffer[0]
  std::uint64_t lines = 0;     // newlines in the bytes dropped from the buffer
  std::uint64_t column = 0;    // code points after the last of them
  std::uint64_t output_done = 0;  // output bytes written so far (for absolute edit offsets)
  bool finished = false;
  bool failed = false;

  Status Run(bool final, std::string* output, EditList* edits) {
    const Transliterator::Impl& impl = transliterator->impl();
    EngineInput in;
    in.data = reinterpret_cast<const unsigned char*>(buffer.data());
    in.size = buffer.size();
    in.begin = begin;
    in.final = final;
    // The engine's edit offsets start at 0; shift them to absolute stream offsets.
    const std::uint64_t source_done = base + begin;
    const std::size_t output_size_before = output->size();
    EditList local;
    const EngineResult result = RunEngine(*impl.table, impl.policy, in, output, edits ? &local : nullptr);
    if (edits) {
      for (EditSpan s : local.spans()) {
        s.source_begin += source_done;
        s.source_end += source_done;
        s.output_begin += output_done;
        s.output_end += output_done;  // output_done is still the total before this run
        edits->Append(s);
      }
    }
    output_done += output->size() - output_size_before;
    if (result.invalid) {
      failed = true;
      return InvalidAt(PositionIn(in.data, result.next, base + result.next, lines, column));
    }
    begin = result.next;
    // Keep kContextWindow bytes of history for left context; drop the rest.
    const std::size_t drop = begin > kContextWindow ? begin - kContextWindow : 0;
    if (drop > 0) {
      const char* d = buffer.data();
      const std::size_t newlines = static_cast<std::size_t>(std::count(d, d + drop, '\n'));
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

Stream::Stream(std::shared_ptr<const Transliterator> transliterator) : state_(std::make_unique<State>()) {
  state_->transliterator = std::move(transliterator);
}
Stream::~Stream() = default;

std::unique_ptr<Stream> Transliterator::NewStream() const {
  try {
    // Every Transliterator is made by a factory that returns a shared_ptr, so this is owned.
    return std::make_unique<Stream>(shared_from_this());
  } catch (const std::exception&) {
    return nullptr;
  }
}

Status Stream::Write(std::string_view chunk, std::string* output, EditList* edits) {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  if (state_->finished) return Status(StatusCode::kInvalidArgument, "Write after Finish");
  if (state_->failed) return Status(StatusCode::kInvalidArgument, "the stream stopped at invalid input");
  try {
    state_->buffer.append(chunk);
    return state_->Run(/*final=*/false, output, edits);
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

Status Stream::Finish(std::string* output, EditList* edits) {
  if (!output) return Status(StatusCode::kInvalidArgument, "output must not be null");
  if (state_->finished) return Status(StatusCode::kInvalidArgument, "Finish called twice");
  if (state_->failed) return Status(StatusCode::kInvalidArgument, "the stream stopped at invalid input");
  try {
    state_->finished = true;
    return state_->Run(/*final=*/true, output, edits);
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

}  // namespace ortaq
