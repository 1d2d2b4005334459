#include "records_convert.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "cli_common.hpp"
#include "json_member.hpp"

namespace ortaq::cli {
namespace {

// Where in a record the converted part lies.
struct Span {
  std::size_t begin = 0, end = 0;
  std::string text;  // the part's text (unescaped for --jsonl)
  bool convert = false;
};

std::uint64_t Column(std::string_view record, std::size_t offset) {
  std::uint64_t column = 1;
  for (std::size_t i = 0; i < offset && i < record.size(); ++i) column += (static_cast<unsigned char>(record[i]) & 0xC0) != 0x80;
  return column;
}

}  // namespace

std::size_t FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range (RFC 3629, table 3-7)
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > n || s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += length;
  }
  return n;
}

int ConvertRecords(const Transliterator* t, const RecordMode& mode, const std::string& display, std::FILE* in,
                   const WriteFunction& write, ConversionStats* stats) {
  char* buffer = nullptr;
  std::size_t capacity = 0;
  struct Free {
    char*& p;
    ~Free() { std::free(p); }
  } free_buffer{buffer};
  std::string output, converted, error;
  std::uint64_t number = 0, offset = 0;
  for (;;) {
    errno = 0;
    const ssize_t got = ::getdelim(&buffer, &capacity, mode.separator, in);
    if (got < 0) {
      if (std::ferror(in)) {
        PrintError(display + ": read error: " + std::strerror(errno));
        return kExitUsage;
      }
      return kExitOk;
    }
    ++number;
    const std::string_view whole(buffer, static_cast<std::size_t>(got));
    const bool terminated = !whole.empty() && whole.back() == mode.separator;
    const std::string_view record = terminated ? whole.substr(0, whole.size() - 1) : whole;
    auto where = [&](std::size_t at) {
      return display + ":" + std::to_string(number) + ":" + std::to_string(Column(record, at));
    };
    // The part to convert.
    Span span{0, record.size(), std::string(), t != nullptr};
    if (mode.field > 0) {
      std::size_t begin = 0;
      for (int f = 1; f < mode.field && begin != std::string_view::npos; ++f) {
        begin = record.find('\t', begin);
        if (begin != std::string_view::npos) ++begin;
      }
      if (begin == std::string_view::npos) {
        span.convert = false;  // fewer fields: the record is copied as it is
      } else {
        span.begin = begin;
        const std::size_t end = record.find('\t', begin);
        span.end = end == std::string_view::npos ? record.size() : end;
      }
      span.text = record.substr(span.begin, span.end - span.begin);
    } else if (!mode.jsonl_key.empty()) {
      const bool blank = record.find_first_not_of(" \t\r") == std::string_view::npos;
      JsonMember member;
      std::size_t error_at = 0;
      const std::string problem = blank ? "" : FindJsonStringMember(record, mode.jsonl_key, &member, &error_at);
      if (!problem.empty()) {
        PrintError(where(error_at) + ": not a JSON Lines record: " + problem);
        return kExitBadData;
      }
      span.convert = span.convert && member.found;
      span.begin = member.begin;
      span.end = member.end;
      span.text = std::move(member.text);
    } else {
      span.text = record;
    }
    if (mode.report) {
      const std::size_t bad = FirstInvalidUtf8(span.text);
      if (bad < span.text.size())
        std::fprintf(mode.report, "%s\t%llu\t%llu\n", display.c_str(), static_cast<unsigned long long>(number),
                     static_cast<unsigned long long>(offset));
    }
    output.clear();
    if (!span.convert) {
      output.assign(whole);
    } else {
      converted.clear();
      const Status status = t->Transliterate(span.text, &converted, nullptr, stats);
      if (!status.ok()) {
        if (status.code() != StatusCode::kInvalidInput) return ReportStatus(status);
        const std::size_t at = mode.jsonl_key.empty() ? span.begin + status.position().byte_offset : span.begin;
        PrintError(where(at) + ": invalid UTF-8 (byte offset " + std::to_string(offset + at) +
                   "); use --invalid=replace or --invalid=skip to convert anyway");
        return kExitBadData;
      }
      output.append(record.substr(0, span.begin));
      output.append(mode.jsonl_key.empty() ? converted : JsonString(converted));
      output.append(whole.substr(span.end));
    }
    if (!write(output, &error)) {
      PrintError(error);
      return kExitUsage;
    }
    offset += static_cast<std::uint64_t>(got);
  }
}

}  // namespace ortaq::cli
