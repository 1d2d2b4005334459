// Record modes of `ortaq convert`, for pipelines: the input is read one record at a time
// (a line, or NUL-terminated with -z), each record converted on its own and written at once
// (flushed with --line-buffered, so a coprocess gets each answer as it asks). With --field N
// only the Nth tab-separated field is converted, with --jsonl KEY only the string member KEY
// of each JSON object; the rest of the record is copied byte for byte. --report-invalid lists
// the records that had invalid UTF-8 (replaced or skipped), so no record is lost silently.
#ifndef ORTAQ_TOOLS_RECORDS_CONVERT_HPP_
#define ORTAQ_TOOLS_RECORDS_CONVERT_HPP_

#include <cstdint>
#include <cstdio>
#include <string>

#include "ortaq/ortaq.hpp"
#include "parallel_convert.hpp"

namespace ortaq::cli {

struct RecordMode {
  char separator = '\n';
  bool flush_each = false;        // --line-buffered (the write function flushes)
  int field = 0;                  // 1-based tab-separated field; 0: the whole record
  std::string jsonl_key;          // not empty: the JSON member to convert
  // --report-invalid: "INPUT<TAB>RECORD NUMBER<TAB>BYTE OFFSET OF THE RECORD" for each record
  // whose converted part had invalid UTF-8.
  std::FILE* report = nullptr;
};

// Converts `in` record by record with `t` (null: copied). Prints each error as
// display:record:column and returns an exit code (the first error stops this input).
int ConvertRecords(const Transliterator* t, const RecordMode& mode, const std::string& display, std::FILE* in,
                   const WriteFunction& write, ConversionStats* stats);

// The byte offset of the first ill-formed UTF-8 sequence in `text`, or text.size().
std::size_t FirstInvalidUtf8(std::string_view text);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_RECORDS_CONVERT_HPP_
