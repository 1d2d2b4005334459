// The C API's core: errors, settings, opening and closing transliterators, converting.
// Every function catches everything (bad_alloc included) before it returns to C.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "capi/capi_internal.hpp"
#include "text/utf8.hpp"

namespace ortaq::capi {
namespace {

// Copies `text` into a fixed array, cut at a character boundary so that it stays UTF-8.
template <std::size_t N>
void CopyField(char (&field)[N], std::string_view text) noexcept {
  std::size_t n = std::min(text.size(), N - 1);
  if (n < text.size()) {
    while (n > 0 && utf8::IsContinuation(static_cast<unsigned char>(text[n]))) --n;
  }
  if (n > 0) std::memcpy(field, text.data(), n);  // an empty view may have no data
  field[n] = '\0';
}

// The byte offset of (line, column) in `text`, column counted in code points; -1 if outside.
std::int64_t ByteOffsetOf(std::string_view text, std::int64_t line, std::int64_t column) {
  if (line < 1 || column < 1) return -1;
  std::size_t pos = 0;
  for (std::int64_t l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return -1;
    ++pos;
  }
  for (std::int64_t c = 1; c < column; ++c) {
    if (pos >= text.size() || text[pos] == '\n') return -1;
    ++pos;
    while (pos < text.size() && utf8::IsContinuation(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  return static_cast<std::int64_t>(pos);
}

int CodeOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return ORTAQ_OK;
    case StatusCode::kInvalidInput: return ORTAQ_ERR_INVALID_INPUT;
    case StatusCode::kTableError: return ORTAQ_ERR_TABLE;
    case StatusCode::kNotFound: return ORTAQ_ERR_NOT_FOUND;
    case StatusCode::kIoError: return ORTAQ_ERR_IO;
    case StatusCode::kInvalidArgument: return ORTAQ_ERR_INVALID_ARGUMENT;
    case StatusCode::kInternal: return ORTAQ_ERR_INTERNAL;
  }
  return ORTAQ_ERR_INTERNAL;
}

bool OnOff(std::string_view value, bool* out) {
  if (value == "on" || value == "yes" || value == "true" || value == "1") *out = true;
  else if (value == "off" || value == "no" || value == "false" || value == "0") *out = false;
  else return false;
  return true;
}

}  // namespace

int Fail(ortaq_error* err, int code, std::string_view message, std::string_view file, std::int64_t line,
         std::int64_t column, std::int64_t byte_offset) noexcept {
  if (err) {
    err->code = code;
    err->line = line;
    err->column = column;
    err->byte_offset = byte_offset;
    CopyField(err->file, file);
    CopyField(err->message, message);
  }
  return code;
}

int Succeed(ortaq_error* err) noexcept { return Fail(err, ORTAQ_OK, {}, {}, 0, 0, -1); }

int FromStatus(ortaq_error* err, const Status& status, std::string_view table_text,
               std::string_view table_name) noexcept {
  if (status.ok()) return Succeed(err);
  const int code = CodeOf(status.code());
  if (status.code() == StatusCode::kInvalidInput) {
    const InputPosition& p = status.position();
    return Fail(err, code, status.message(), "<input>", static_cast<std::int64_t>(p.line),
                static_cast<std::int64_t>(p.column), static_cast<std::int64_t>(p.byte_offset));
  }
  for (const Diagnostic& d : status.diagnostics()) {
    if (d.severity != Severity::kError) continue;
    std::int64_t offset = -1;
    try {
      if (d.file == table_name && !table_name.empty()) offset = ByteOffsetOf(table_text, d.line, d.column);
      // The message's first line ("file:line:col: error: ..."), without the caret display.
      const std::string formatted = d.Format();
      return Fail(err, code, std::string_view(formatted).substr(0, formatted.find('\n')), d.file, d.line, d.column,
                  offset);
    } catch (...) {
      return Fail(err, code, d.message, d.file, d.line, d.column, offset);
    }
  }
  return Fail(err, code, status.message());
}

int ParseSettings(const char* const* settings, Options* options, ortaq_error* err) {
  if (!settings) return ORTAQ_OK;
  for (const char* const* s = settings; *s; ++s) {
    const std::string_view text(*s);
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "a setting is KEY=VALUE, not '" + std::string(text) + "'");
    const std::string_view key = text.substr(0, eq), value = text.substr(eq + 1);
    if (key.front() != '@') {
      options->settings.emplace_back(std::string(key), std::string(value));
      continue;
    }
    bool ok = true;
    if (key == "@invalid") {
      if (value == "error") options->invalid_input = InvalidInputPolicy::kError;
      else if (value == "replace") options->invalid_input = InvalidInputPolicy::kReplace;
      else if (value == "skip") options->invalid_input = InvalidInputPolicy::kSkip;
      else ok = false;
    } else if (key == "@pass-through") {
      ok = OnOff(value, &options->pass_through);
    } else if (key == "@foreign") {
      ok = OnOff(value, &options->foreign_words);
    } else if (key == "@repair") {
      ok = OnOff(value, &options->repair_lookalikes);
    } else if (key == "@table-path") {
      options->table_path.emplace_back(value);
    } else {
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                  "unknown setting '" + std::string(key) +
                      "' (the engine's are @invalid, @pass-through, @foreign, @repair and @table-path)");
    }
    if (!ok)
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                  "the setting " + std::string(key) + " does not take '" + std::string(value) + "'");
  }
  return ORTAQ_OK;
}

char* MallocCopy(std::string_view text) noexcept {
  char* p = static_cast<char*>(std::malloc(text.size() + 1));
  if (!p) return nullptr;
  if (!text.empty()) std::memcpy(p, text.data(), text.size());
  p[text.size()] = '\0';
  return p;
}

int GiveText(std::string_view text, char** out, size_t* out_len, ortaq_error* err) noexcept {
  char* copy = MallocCopy(text);
  if (!copy) return Fail(err, ORTAQ_ERR_NO_MEMORY, "out of memory");
  *out = copy;
  *out_len = text.size();
  return Succeed(err);
}

}  // namespace ortaq::capi

using namespace ortaq;
using namespace ortaq::capi;

namespace {

// Wraps a built transliterator in a handle, or reports why there is none.
ortaq_transliterator* Wrap(std::shared_ptr<const Transliterator> t, const Status& status, ortaq_error* err,
                           std::string_view table_text = {}, std::string_view table_name = {}) {
  if (!t) {
    FromStatus(err, status.ok() ? Status(StatusCode::kInternal, "no transliterator") : status, table_text, table_name);
    return nullptr;
  }
  auto* handle = new ortaq_transliterator{std::move(t)};
  Succeed(err);
  return handle;
}

// Runs an opener, and turns any exception into NULL and an error.
template <class Body>
ortaq_transliterator* GuardedOpen(ortaq_error* err, Body&& body) noexcept {
  ortaq_transliterator* result = nullptr;
  Guarded(err, [&] {
    result = body();
    return result ? ORTAQ_OK : (err ? err->code : ORTAQ_ERR_INTERNAL);
  });
  return result;
}

// The conversion every convert function runs: into a scratch string kept per thread, so that a
// caller's buffer variant allocates nothing once the string is large enough.
std::string& Scratch() {
  thread_local std::string scratch;
  return scratch;
}

// Gives the scratch string's memory back after a very large conversion.
void TrimScratch(std::string& scratch) {
  constexpr std::size_t kKeep = std::size_t{1} << 20;
  if (scratch.capacity() > kKeep) std::string().swap(scratch);
}

}  // namespace

extern "C" {

const char* ortaq_code_string(int code) {
  switch (code) {
    case ORTAQ_OK: return "success";
    case ORTAQ_ERR_INVALID_INPUT: return "invalid input (not UTF-8)";
    case ORTAQ_ERR_TABLE: return "error in a rule table";
    case ORTAQ_ERR_NOT_FOUND: return "not found";
    case ORTAQ_ERR_IO: return "input/output error";
    case ORTAQ_ERR_INVALID_ARGUMENT: return "invalid argument";
    case ORTAQ_ERR_INTERNAL: return "internal error";
    case ORTAQ_ERR_NO_MEMORY: return "out of memory";
    case ORTAQ_ERR_BUFFER_TOO_SMALL: return "buffer too small";
    default: return "unknown error code";
  }
}

const char* ortaq_version(void) {
  // Version() views the string literal the library was built with, so it is NUL-terminated.
  return Version().data();
}

ortaq_transliterator* ortaq_open(const char* from, const char* to, const char* const* settings, ortaq_error* err) {
  return GuardedOpen(err, [&]() -> ortaq_transliterator* {
    if (!from || !to) {
      Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_open: from and to must not be NULL");
      return nullptr;
    }
    Options options;
    if (ParseSettings(settings, &options, err) != ORTAQ_OK) return nullptr;
    Status status;
    auto t = Transliterator::FromIds(from, to, options, &status);
    return Wrap(std::move(t), status, err);
  });
}

ortaq_transliterator* ortaq_open_file(const char* path, const char* const* settings, ortaq_error* err) {
  return GuardedOpen(err, [&]() -> ortaq_transliterator* {
    if (!path) {
      Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_open_file: path must not be NULL");
      return nullptr;
    }
    Options options;
    if (ParseSettings(settings, &options, err) != ORTAQ_OK) return nullptr;
    Status status;
    auto t = Transliterator::FromFile(path, options, &status);
    if (t || status.code() != StatusCode::kTableError) return Wrap(std::move(t), status, err);
    // A table error in the file itself: read it again for the error's byte offset.
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return Wrap(nullptr, status, err, text.str(), path);
  });
}

ortaq_transliterator* ortaq_open_text(const char* text, size_t len, const char* const* settings, ortaq_error* err) {
  return GuardedOpen(err, [&]() -> ortaq_transliterator* {
    if (!text && len > 0) {
      Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_open_text: text is NULL");
      return nullptr;
    }
    Options options;
    if (ParseSettings(settings, &options, err) != ORTAQ_OK) return nullptr;
    const std::string_view table(text ? text : "", len);
    Status status;
    auto t = Transliterator::FromText(table, "<text>", options, &status);
    return Wrap(std::move(t), status, err, table, "<text>");
  });
}

void ortaq_close(ortaq_transliterator* t) { delete t; }

void ortaq_free(void* p) { std::free(p); }

const char* ortaq_source_id(const ortaq_transliterator* t) { return t ? t->t->info().from.c_str() : ""; }
const char* ortaq_target_id(const ortaq_transliterator* t) { return t ? t->t->info().to.c_str() : ""; }
const char* ortaq_title(const ortaq_transliterator* t) { return t ? t->t->info().title.c_str() : ""; }

int ortaq_convert(const ortaq_transliterator* t, const char* in, size_t len, char** out, size_t* out_len,
                  ortaq_error* err) {
  if (out) *out = nullptr;
  if (out_len) *out_len = 0;
  return Guarded(err, [&] {
    if (!t || !out || !out_len) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_convert: t, out and out_len must not be NULL");
    if (!in && len > 0) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_convert: in is NULL");
    std::string& scratch = Scratch();
    const Status status = t->t->Transliterate(std::string_view(in ? in : "", len), &scratch);
    if (!status.ok()) return FromStatus(err, status);
    char* copy = MallocCopy(scratch);
    const std::size_t size = scratch.size();  // (before TrimScratch empties a large scratch)
    TrimScratch(scratch);
    if (!copy) return Fail(err, ORTAQ_ERR_NO_MEMORY, "out of memory");
    *out = copy;
    *out_len = size;
    return Succeed(err);
  });
}

int ortaq_convert_into(const ortaq_transliterator* t, const char* in, size_t len, char* buf, size_t size,
                       size_t* out_len, ortaq_error* err) {
  if (out_len) *out_len = 0;
  return Guarded(err, [&] {
    if (!t || !out_len || (!buf && size > 0))
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_convert_into: t and out_len must not be NULL, nor buf when size > 0");
    if (!in && len > 0) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_convert_into: in is NULL");
    std::string& scratch = Scratch();
    const Status status = t->t->Transliterate(std::string_view(in ? in : "", len), &scratch);
    if (!status.ok()) return FromStatus(err, status);
    *out_len = scratch.size();
    const bool fits = size > scratch.size();
    if (fits) {
      std::memcpy(buf, scratch.data(), scratch.size());
      buf[scratch.size()] = '\0';
    }
    TrimScratch(scratch);
    if (!fits)
      return Fail(err, ORTAQ_ERR_BUFFER_TOO_SMALL,
                  "the output needs " + std::to_string(*out_len + 1) + " bytes, the buffer has " + std::to_string(size));
    return Succeed(err);
  });
}

}  // extern "C"
