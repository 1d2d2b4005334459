// Status, Diagnostic and version: the small value types of the public API.
#include <algorithm>

#include "ortaq/ortaq.hpp"
#include "table/table_ast.hpp"
#include "text/utf8.hpp"

namespace ortaq {

std::string_view Version() noexcept { return ORTAQ_VERSION_STRING; }

Status::Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

Status::Status(StatusCode code, std::string message, std::vector<Diagnostic> diagnostics)
    : code_(code), message_(std::move(message)), diagnostics_(std::move(diagnostics)) {}

Status Status::InvalidInput(std::string message, InputPosition position) {
  Status status(StatusCode::kInvalidInput, std::move(message));
  status.position_ = position;
  return status;
}

std::string Diagnostic::Format() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += severity == Severity::kError ? ": error: " : severity == Severity::kWarning ? ": warning: " : ": note: ";
  out += message;
  if (line > 0 && column > 0) {
    out += "\n  " + source_line + "\n  ";
    // The caret goes under the column; tabs are kept so that it lines up in a terminal.
    const std::u32string before = utf8::DecodeValid(source_line);
    for (int i = 0; i + 1 < column; ++i)
      out += (static_cast<std::size_t>(i) < before.size() && before[static_cast<std::size_t>(i)] == U'\t') ? '\t' : ' ';
    out += '^';
  }
  return out;
}

Diagnostic SourceLoc::Make(Severity severity, std::string message) const {
  Diagnostic d;
  d.severity = severity;
  d.file = file ? file->name : std::string("<table>");
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  if (file && line > 0 && static_cast<std::size_t>(line) <= file->lines.size())
    d.source_line = file->lines[static_cast<std::size_t>(line) - 1];
  return d;
}

std::string SourceLoc::Where() const {
  return (file ? file->name : std::string("<table>")) + ':' + std::to_string(line) + ':' + std::to_string(column);
}

}  // namespace ortaq
