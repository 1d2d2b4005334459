#include "table/table_header.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace ortaq {
namespace {

bool IsDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// YYYY, YYYY-MM or YYYY-MM-DD (with `full`, only the last), with a month and day that exist.
bool IsDate(std::string_view s, bool full) {
  if (s.size() != 10 && (full || (s.size() != 4 && s.size() != 7))) return false;
  if (!IsDigits(s.substr(0, 4))) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !IsDigits(s.substr(5, 2))) return false;
    const int month = std::stoi(std::string(s.substr(5, 2)));
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !IsDigits(s.substr(8, 2))) return false;
    const int day = std::stoi(std::string(s.substr(8, 2)));
    if (day < 1 || day > 31) return false;
  }
  return true;
}

SourceLoc At(const SourceLoc& line, int column) { return SourceLoc{line.file, line.line, column}; }

}  // namespace

const std::vector<std::string>& TableStatuses() {
  static const std::vector<std::string> statuses{"decree", "draft", "commission-proposal", "community-proposal"};
  return statuses;
}

bool ParseHeaderDirective(const std::string& name, const HeaderArgs& args, const SourceLoc& at, TableAst* table,
                          std::vector<Diagnostic>* diagnostics) {
  const auto error = [&](int column, std::string message) {
    diagnostics->push_back(At(at, column).Error(std::move(message)));
    return true;
  };
  const int end_column = args.rest_column + static_cast<int>(utf8::DecodeValid(args.rest).size());
  if (name == "@status") {
    const std::vector<std::string>& known = TableStatuses();
    std::string list;
    for (const std::string& s : known) list += (list.empty() ? "" : ", ") + s;
    if (args.words.size() != 1) return error(args.words.empty() ? end_column : args.words[1 % args.words.size()].second,
                                             "@status takes one of: " + list);
    const std::string value = utf8::Encode(args.words[0].first);
    if (std::find(known.begin(), known.end(), value) == known.end())
      return error(args.words[0].second, "unknown status '" + value + "' (one of: " + list + ")");
    table->status = value;
    return true;
  }
  if (name == "@date") {
    if (args.words.size() != 1 || !IsDate(utf8::Encode(args.words[0].first), false))
      return error(args.words.empty() ? end_column : args.words[0].second,
                   "@date is written YYYY, YYYY-MM or YYYY-MM-DD (the date of the decree or proposal)");
    table->date = utf8::Encode(args.words[0].first);
    return true;
  }
  if (name == "@sources") {
    const std::string first = args.words.empty() ? "" : utf8::Encode(args.words[0].first);
    if (first.rfind("read=", 0) != 0 || !IsDate(first.substr(5), true))
      return error(args.words.empty() ? end_column : args.words[0].second,
                   "a source is written: @sources read=YYYY-MM-DD WHAT (the day it was read, then the source)");
    if (args.words.size() < 2) return error(end_column, "@sources needs the source after read=DATE");
    const std::size_t text_start = args.rest.find_first_not_of(" \t", first.size());
    table->sources.push_back(SourceRecord{args.rest.substr(text_start), first.substr(5), At(at, args.words[1].second)});
    return true;
  }
  if (name == "@merges") {
    if (args.words.empty() || args.words.size() % 2 != 0)
      return error(end_column, "@merges takes pairs of source letters: @merges X Y [X Y]...");
    for (std::size_t i = 0; i + 1 < args.words.size(); i += 2) {
      for (std::size_t k = i; k <= i + 1; ++k)
        if (args.words[k].first.size() != 1) return error(args.words[k].second, "one letter here");
      table->merges.push_back({{args.words[i].first[0], args.words[i + 1].first[0]}, At(at, args.words[i].second)});
    }
    return true;
  }
  return false;
}

}  // namespace ortaq
