// ortaq._ortaq: the C++ core of the Python module, on the public C++ API only.
//
// Text crosses this boundary as bytes (UTF-8); the Python layer (ortaq/__init__.py) turns
// str into bytes and back, builds options from keyword arguments and maps edit spans to
// Python's units. Conversions run with the GIL released: a Transliterator is immutable and
// thread-safe, so any number of Python threads may convert with one at the same time.
//
//   import ortaq._ortaq as core
//   t = core.open_ids("kk-Cyrl", "cta-2024", {"settings": [("kk-i", "ï")]})
//   t.convert("Қазақстан".encode())   # b"Qazaqstan"
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ortaq/ortaq.hpp"
#if __has_include("ortaq/tools.hpp")
#include "ortaq/tools.hpp"  // DetectSource, once the tools have their own public header
#endif

namespace py = pybind11;

namespace {

// The Python class raised for every failure (ortaq.Error), given by ortaq/__init__.py.
py::object& ErrorClass() {
  static py::object* error_class = new py::object();  // never destroyed: outlives the interpreter
  return *error_class;
}

const char* CodeName(ortaq::StatusCode code) {
  switch (code) {
    case ortaq::StatusCode::kOk: return "ok";
    case ortaq::StatusCode::kInvalidInput: return "invalid_input";
    case ortaq::StatusCode::kTableError: return "table_error";
    case ortaq::StatusCode::kNotFound: return "not_found";
    case ortaq::StatusCode::kIoError: return "io_error";
    case ortaq::StatusCode::kInvalidArgument: return "invalid_argument";
    case ortaq::StatusCode::kInternal: return "internal";
  }
  return "internal";
}

const char* SeverityName(ortaq::Severity severity) {
  switch (severity) {
    case ortaq::Severity::kError: return "error";
    case ortaq::Severity::kWarning: return "warning";
    case ortaq::Severity::kNote: return "note";
  }
  return "error";
}

// Raises ortaq.Error for a failed status: the place is the input position for bad input,
// else the first error diagnostic's (a broken table names its file, line and column).
[[noreturn]] void Raise(const ortaq::Status& status) {
  py::dict place;
  place["code"] = CodeName(status.code());
  py::list diagnostics;
  for (const ortaq::Diagnostic& d : status.diagnostics())
    diagnostics.append(py::make_tuple(SeverityName(d.severity), d.file, d.line, d.column, d.message, d.Format()));
  place["diagnostics"] = diagnostics;
  if (status.code() == ortaq::StatusCode::kInvalidInput) {
    place["file"] = "<input>";
    place["line"] = status.position().line;
    place["column"] = status.position().column;
    place["byte_offset"] = status.position().byte_offset;
  } else {
    for (const ortaq::Diagnostic& d : status.diagnostics()) {
      if (d.severity != ortaq::Severity::kError) continue;
      place["file"] = d.file;
      place["line"] = d.line;
      place["column"] = d.column;
      break;
    }
  }
  if (!ErrorClass()) throw std::runtime_error(status.message());  // only when used without ortaq/
  py::object error = ErrorClass()(status.message(), **place);
  PyErr_SetObject(ErrorClass().ptr(), error.ptr());
  throw py::error_already_set();
}

// Options from the dict the Python layer builds (every key optional).
ortaq::Options MakeOptions(const py::dict& given) {
  ortaq::Options options;
  if (given.contains("settings"))
    options.settings = given["settings"].cast<std::vector<std::pair<std::string, std::string>>>();
  if (given.contains("table_path")) options.table_path = given["table_path"].cast<std::vector<std::string>>();
  if (given.contains("invalid")) {
    const std::string policy = given["invalid"].cast<std::string>();
    if (policy == "error") options.invalid_input = ortaq::InvalidInputPolicy::kError;
    else if (policy == "replace") options.invalid_input = ortaq::InvalidInputPolicy::kReplace;
    else if (policy == "skip") options.invalid_input = ortaq::InvalidInputPolicy::kSkip;
    else Raise(ortaq::Status(ortaq::StatusCode::kInvalidArgument,
                             "invalid= takes 'error', 'replace' or 'skip', not '" + policy + "'"));
  }
  if (given.contains("pass_through")) options.pass_through = given["pass_through"].cast<bool>();
  if (given.contains("foreign_words")) options.foreign_words = given["foreign_words"].cast<bool>();
  if (given.contains("repair_lookalikes")) options.repair_lookalikes = given["repair_lookalikes"].cast<bool>();
  return options;
}

std::string_view View(const py::bytes& data) {
  char* buffer = nullptr;
  Py_ssize_t length = 0;
  PyBytes_AsStringAndSize(data.ptr(), &buffer, &length);
  return {buffer, static_cast<std::size_t>(length)};
}

py::tuple StatsTuple(const ortaq::ConversionStats& stats) {
  return py::make_tuple(stats.repaired_letters, stats.protected_tokens, stats.foreign_words);
}

py::dict InfoDict(const ortaq::TableInfo& info) {
  py::dict d;
  d["from_"] = info.from;
  d["to"] = info.to;
  d["title"] = info.title;
  d["path"] = info.path;
  py::list options;
  for (const ortaq::OptionInfo& o : info.options)
    options.append(py::make_tuple(o.name, o.default_value, o.values, o.description));
  d["options"] = options;
  return d;
}

// A chunked conversion. A Stream is one caller's object, but Python threads may still share
// one: the lock keeps two of them (running with the GIL released) from writing at once.
class PyStream {
 public:
  explicit PyStream(std::unique_ptr<ortaq::Stream> stream) : stream_(std::move(stream)) {}

  py::tuple Write(const py::bytes& chunk) {
    std::string output;
    ortaq::Status status;
    {
      const std::string_view in = View(chunk);
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      status = stream_->Write(in, &output, nullptr, &stats_);
    }
    if (!status.ok()) Raise(status);
    return py::make_tuple(py::bytes(output), StatsTuple(stats_));
  }

  py::tuple Finish() {
    std::string output;
    ortaq::Status status;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      status = stream_->Finish(&output, nullptr, &stats_);
    }
    if (!status.ok()) Raise(status);
    return py::make_tuple(py::bytes(output), StatsTuple(stats_));
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<ortaq::Stream> stream_;
  ortaq::ConversionStats stats_;
};

class PyTransliterator {
 public:
  explicit PyTransliterator(std::shared_ptr<const ortaq::Transliterator> t) : t_(std::move(t)) {}

  py::bytes Convert(const py::bytes& input) const {
    std::string output;
    ortaq::Status status;
    {
      const std::string_view in = View(input);
      py::gil_scoped_release release;
      status = t_->Transliterate(in, &output);
    }
    if (!status.ok()) Raise(status);
    return py::bytes(output);
  }

  // (output, [(source_begin, source_end, output_begin, output_end, changed)...], stats), in bytes.
  py::tuple ConvertWithSpans(const py::bytes& input) const {
    std::string output;
    ortaq::EditList edits;
    ortaq::ConversionStats stats;
    ortaq::Status status;
    {
      const std::string_view in = View(input);
      py::gil_scoped_release release;
      status = t_->Transliterate(in, &output, &edits, &stats);
    }
    if (!status.ok()) Raise(status);
    py::list spans;
    for (const ortaq::EditSpan& s : edits.spans())
      spans.append(py::make_tuple(s.source_begin, s.source_end, s.output_begin, s.output_end, s.changed));
    return py::make_tuple(py::bytes(output), spans, StatsTuple(stats));
  }

  std::unique_ptr<PyStream> NewStream() const {
    std::unique_ptr<ortaq::Stream> stream = t_->NewStream();
    if (!stream) Raise(ortaq::Status(ortaq::StatusCode::kInternal, "out of memory"));
    return std::make_unique<PyStream>(std::move(stream));
  }

  py::dict Info() const { return InfoDict(t_->info()); }
  std::vector<std::pair<std::string, std::string>> Settings() const { return t_->settings(); }
  bool Chained() const { return t_->chained(); }

 private:
  std::shared_ptr<const ortaq::Transliterator> t_;
};

PyTransliterator Checked(std::shared_ptr<const ortaq::Transliterator> t, const ortaq::Status& status) {
  if (!t) Raise(status.ok() ? ortaq::Status(ortaq::StatusCode::kInternal, "no transliterator") : status);
  return PyTransliterator(std::move(t));
}

}  // namespace

PYBIND11_MODULE(_ortaq, m) {
  m.doc() = "The C++ core of the ortaq module; use the ortaq package, not this module.";
  m.attr("version") = std::string(ortaq::Version());
  m.def("_set_error_class", [](py::object error_class) { ErrorClass() = std::move(error_class); });

  py::class_<PyStream>(m, "Stream")
      .def("write", &PyStream::Write, "Converts what can be decided; returns (bytes, stats).")
      .def("finish", &PyStream::Finish, "Converts what is held back; returns (bytes, stats).");

  py::class_<PyTransliterator>(m, "Transliterator")
      .def("convert", &PyTransliterator::Convert)
      .def("convert_with_spans", &PyTransliterator::ConvertWithSpans)
      .def("new_stream", &PyTransliterator::NewStream)
      .def_property_readonly("info", &PyTransliterator::Info)
      .def_property_readonly("settings", &PyTransliterator::Settings)
      .def_property_readonly("chained", &PyTransliterator::Chained);

  m.def("open_ids", [](const std::string& from, const std::string& to, const py::dict& options) {
    ortaq::Status status;
    const ortaq::Options o = MakeOptions(options);
    auto t = ortaq::Transliterator::FromIds(from, to, o, &status);
    return Checked(std::move(t), status);
  });
  m.def("open_file", [](const std::string& path, const py::dict& options) {
    ortaq::Status status;
    const ortaq::Options o = MakeOptions(options);
    auto t = ortaq::Transliterator::FromFile(path, o, &status);
    return Checked(std::move(t), status);
  });
  m.def("open_text", [](const py::bytes& text, const std::string& name, const py::dict& options) {
    ortaq::Status status;
    const ortaq::Options o = MakeOptions(options);
    auto t = ortaq::Transliterator::FromText(View(text), name, o, &status);
    return Checked(std::move(t), status);
  });
  // The path of the table a `to` argument names (a .tbl file, or the table <from>--<to>).
  m.def("find_table", [](const std::string& from, const std::string& to, const py::dict& options) {
    ortaq::Status status;
    std::string path = ortaq::FindTable(from, to, MakeOptions(options), &status);
    if (path.empty()) Raise(status);
    return path;
  });
  m.def("tables", [](const py::dict& options) {
    py::list tables;
    for (const ortaq::TableInfo& info : ortaq::ListTables(MakeOptions(options))) tables.append(InfoDict(info));
    return tables;
  });
  m.def("detect", [](const py::bytes& text) {
    ortaq::Detection d;
    {
      const std::string_view in = View(text);
      py::gil_scoped_release release;
      d = ortaq::DetectSource(in);
    }
    return py::make_tuple(d.id, d.confidence, d.scores);
  });
}
