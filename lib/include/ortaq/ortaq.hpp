// ortaq — transliteration of Turkic text between alphabets, driven by rule tables.
//
// Usage guide (the header is the documentation; tests/headers compiles and runs this example):
//
//   ortaq::Status status;
//   ortaq::Options options;
//   options.settings.push_back({"kk-i", "ï"});
//   std::shared_ptr<const ortaq::Transliterator> t =
//       ortaq::Transliterator::FromIds("kk-Cyrl", "cta-2024", options, &status);
//   if (!t) return;  // status.message() and status.diagnostics() say why
//   std::string out;
//   ortaq::EditList edits;
//   status = t->Transliterate("Қазақстан", &out, &edits);   // out == "Qazaqstan"
//
// Checking tables, golden files, round trips and source detection are in ortaq/tools.hpp;
// converting HTML, XML, Markdown and subtitles in ortaq/markup.hpp.
//
// Guarantees:
// - No function in this header throws; failures come back as a Status.
// - The library never prints and never exits.
// - A Transliterator is immutable once built and may be shared by any number of threads.
//   A Stream is a per-caller object (one thread at a time) that reads a shared Transliterator.
// - Input and output are UTF-8. Characters no rule covers are copied through byte for byte.
#ifndef ORTAQ_ORTAQ_HPP_
#define ORTAQ_ORTAQ_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ortaq/export.h"

namespace ortaq {

// The library's version, "MAJOR.MINOR.PATCH".
[[nodiscard]] ORTAQ_API std::string_view Version() noexcept;

enum class StatusCode : int {
  kOk = 0,
  kInvalidInput,     // the text to convert is not valid UTF-8 (see Status::position())
  kTableError,       // a rule table failed to parse or compile (see Status::diagnostics())
  kNotFound,         // no table with that id, or a file that does not exist
  kIoError,          // a file could not be read
  kInvalidArgument,  // an unknown option, a value the option does not take, a misuse of the API
  kInternal,         // out of memory or a bug; the message says which
};

enum class Severity : int { kError, kWarning, kNote };

// One message about a place in a table file (or another named text).
struct ORTAQ_API Diagnostic {
  Severity severity = Severity::kError;
  std::string file;         // as the table was named when loaded
  int line = 0;             // 1-based; 0 when the message is about the file as a whole
  int column = 0;           // 1-based, counted in code points
  std::string message;
  std::string source_line;  // the text of that line, for the caret display

  // "file:line:col: error: message" followed by the source line and a caret under the column.
  [[nodiscard]] std::string Format() const;
};

// Where in an input text something happened.
struct InputPosition {
  std::uint64_t byte_offset = 0;  // 0-based, counted on the original input bytes (BOM included)
  std::uint64_t line = 0;         // 1-based
  std::uint64_t column = 0;       // 1-based, counted in code points on that line
};

// The outcome of a call: ok(), or a code with a message. Every function that returns one is
// [[nodiscard]].
class ORTAQ_API Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message);
  Status(StatusCode code, std::string message, std::vector<Diagnostic> diagnostics);
  [[nodiscard]] static Status InvalidInput(std::string message, InputPosition position);

  [[nodiscard]] bool ok() const noexcept { return code_ == StatusCode::kOk; }
  [[nodiscard]] StatusCode code() const noexcept { return code_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  // Meaningful for kInvalidInput only.
  [[nodiscard]] const InputPosition& position() const noexcept { return position_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<Diagnostic> diagnostics_;
  InputPosition position_;
};

// What to do with bytes that are not valid UTF-8.
enum class InvalidInputPolicy : int {
  kError,    // stop, and report the position (the default)
  kReplace,  // write U+FFFD for each maximal ill-formed subsequence
  kSkip,     // drop ill-formed bytes
};

struct Options {
  // Table options, as `--set KEY=VALUE` gives them. Unknown keys and values are kInvalidArgument.
  std::vector<std::pair<std::string, std::string>> settings;
  // Directories searched for tables before ORTAQ_TABLE_PATH and the tables built into the library.
  std::vector<std::string> table_path;
  InvalidInputPolicy invalid_input = InvalidInputPolicy::kError;
  // The engine's own rules, each on by default (tables/README.md, "What is never converted"):
  // URLs, e-mail addresses, @handles, #hashtags, file paths and Roman numerals are copied as written.
  bool pass_through = true;
  // Words with a letter the source alphabet lacks (a table's @foreign-letters) or listed with
  // `foreign` are copied as written.
  bool foreign_words = true;
  // Latin look-alike letters inside words otherwise in the source script (Cyrillic с typed as
  // Latin c) are read as the letter they imitate (a table's @lookalike pairs).
  bool repair_lookalikes = true;
  // A #hashtag in the source script (#тіл for a Kazakh Cyrillic table: the script its @lookalike
  // letters imitate) is a word of the text and is converted, keeping the #. False copies it as
  // written, like hashtags in other scripts (#Astana).
  bool convert_hashtags = true;
};

// What the engine's own rules did during a conversion (added to, never reset, by the engine).
struct ConversionStats {
  std::uint64_t repaired_letters = 0;   // look-alike letters read as the source letter
  std::uint64_t protected_tokens = 0;   // URLs, e-mail addresses, handles, hashtags, paths, numerals
  std::uint64_t foreign_words = 0;      // words copied as foreign
};

// One piece of the mapping between input and output: the input bytes [source_begin, source_end)
// became the output bytes [output_begin, output_end). `changed` is false for text copied through.
struct EditSpan {
  std::uint64_t source_begin = 0;
  std::uint64_t source_end = 0;
  std::uint64_t output_begin = 0;
  std::uint64_t output_end = 0;
  bool changed = false;
};

// The spans of one conversion, in order; together they cover input and output exactly.
// Offsets are absolute from the start of the conversion (or of the Stream).
class ORTAQ_API EditList {
 public:
  [[nodiscard]] const std::vector<EditSpan>& spans() const noexcept { return spans_; }
  [[nodiscard]] bool empty() const noexcept { return spans_.empty(); }
  void Clear() noexcept { spans_.clear(); }

  // The output offset where the text produced from the input byte at `source_offset` begins.
  // Offsets inside a changed span map to that span's start; the end of input maps to the end of output.
  [[nodiscard]] std::uint64_t SourceToOutput(std::uint64_t source_offset) const noexcept;
  // The input offset of the text that produced the output byte at `output_offset`, likewise.
  [[nodiscard]] std::uint64_t OutputToSource(std::uint64_t output_offset) const noexcept;

 private:
  friend class EditListWriter;  // the library's side: how the engine adds spans
  std::vector<EditSpan> spans_;
};

// One `@option` of a table.
struct OptionInfo {
  std::string name;
  std::string default_value;
  std::vector<std::string> values;  // every allowed value, the default first
  std::string description;
};

// One `@sources` line of a table: a source of its letters, and the day it was read.
struct TableSource {
  std::string text;
  std::string read;  // YYYY-MM-DD
};

struct TableInfo {
  std::string from;   // source alphabet id, e.g. "kk-Cyrl"
  std::string to;     // target alphabet id, e.g. "cta-2024"
  std::string title;  // one line for people
  std::string path;   // the file it was loaded from; "<built-in>/NAME.tbl" for a table built in
  std::vector<OptionInfo> options;
  // Provenance (tables/README.md): "decree", "draft", "commission-proposal" or
  // "community-proposal"; the date of that decree or proposal (YYYY, YYYY-MM or YYYY-MM-DD);
  // its sources. Empty when the table does not say (a chain found by ortaq, for one).
  std::string status;
  std::string date;
  std::vector<TableSource> sources;
};

class Stream;

class ORTAQ_API Transliterator : public std::enable_shared_from_this<Transliterator> {
 public:
  // Finds the table `<from>--<to>.tbl` on the search path (see TableSearchPath) and compiles it.
  // On failure returns nullptr and fills *status (which may be null).
  [[nodiscard]] static std::shared_ptr<const Transliterator> FromIds(std::string_view from, std::string_view to,
                                                       const Options& options, Status* status);
  // Compiles the table in a file; `@inherit` names are resolved next to it, then on the search path.
  [[nodiscard]] static std::shared_ptr<const Transliterator> FromFile(const std::string& path,
                                                        const Options& options, Status* status);
  // Compiles a table given as text; `name` is used in diagnostics.
  [[nodiscard]] static std::shared_ptr<const Transliterator> FromText(std::string_view text, std::string_view name,
                                                        const Options& options, Status* status);

  ~Transliterator();
  Transliterator(const Transliterator&) = delete;
  Transliterator& operator=(const Transliterator&) = delete;

  // Converts a whole text. Replaces *output; fills *edits when it is not null.
  // On invalid UTF-8 with the kError policy, returns kInvalidInput and leaves *output unspecified.
  [[nodiscard]] Status Transliterate(std::string_view input, std::string* output, EditList* edits = nullptr,
                       ConversionStats* stats = nullptr) const;

  // Converts the bytes [begin, end) of `text`, reading the bytes around them for context
  // exactly as a conversion of all of `text` would, and appends the result to *output. For
  // converting pieces of one text on several threads: cut the pieces at line ends, convert each,
  // and join the outputs in order. *stopped is where conversion stopped: `end`, or a little
  // past it when a match ran over the cut (the next piece must then start there).
  // Only for single tables (not chains): a chain gives kInvalidArgument.
  [[nodiscard]] Status TransliterateRange(std::string_view text, std::size_t begin, std::size_t end, std::string* output,
                            std::size_t* stopped, ConversionStats* stats = nullptr) const;

  // A chunked conversion that holds back only what a pending match or context still needs.
  // The stream shares ownership of this transliterator. Returns nullptr only when out of memory.
  [[nodiscard]] std::unique_ptr<Stream> NewStream() const noexcept;

  [[nodiscard]] const TableInfo& info() const noexcept;
  // Whether this runs a chain of tables (then TransliterateRange is not available).
  [[nodiscard]] bool chained() const noexcept;
  // The option values this transliterator was compiled with, every option of the table included.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& settings() const noexcept;

 private:
  // The compiled tables, defined inside the library (lib/src/api/transliterator_impl.hpp).
  struct Impl;
  friend class Stream;
  friend class TransliteratorAccess;
  explicit Transliterator(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

// Converts input given in pieces of any size (a piece may end inside a UTF-8 sequence).
// The concatenated output equals what Transliterate gives for the concatenated input.
class ORTAQ_API Stream {
 public:
  explicit Stream(std::shared_ptr<const Transliterator> transliterator);
  ~Stream();
  // Appends to *output what can be converted so far; spans go to *edits, offsets absolute.
  [[nodiscard]] Status Write(std::string_view chunk, std::string* output, EditList* edits = nullptr,
               ConversionStats* stats = nullptr);
  // Converts what is held back; the stream cannot be written to after this.
  [[nodiscard]] Status Finish(std::string* output, EditList* edits = nullptr, ConversionStats* stats = nullptr);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The directories searched for tables, in order: options.table_path, each entry of
// ORTAQ_TABLE_PATH (colon-separated), and last "<built-in>": the tables compiled into the
// library, so that a table file in a directory above overrides the built-in one of that name
// (`@inherit` parents are looked up next to the including file first, then in the same order).
[[nodiscard]] ORTAQ_API std::vector<std::string> TableSearchPath(const Options& options);

// Every table found on the search path (a table id found twice is listed once, the first found).
[[nodiscard]] ORTAQ_API std::vector<TableInfo> ListTables(const Options& options);

// Resolves a `--to` argument: a path to a .tbl file if it names one, else the table `<from>--<to>`.
// Returns the path, or an empty string with *status set.
[[nodiscard]] ORTAQ_API std::string FindTable(std::string_view from, std::string_view to, const Options& options,
                      Status* status);

}  // namespace ortaq

#endif  // ORTAQ_ORTAQ_HPP_
