#include "table/lexicon_file.hpp"

#include <map>
#include <memory>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

bool IsBlank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }

// One line: blanks, an entry, blanks, an optional `! comment`. Returns false after an error.
bool ParseLine(const std::shared_ptr<const SourceFile>& file, int line_number, const std::u32string& line,
               LexiconEntry* entry, bool* has_entry, std::vector<Diagnostic>* diagnostics) {
  auto error = [&](std::size_t index, std::string message) {
    diagnostics->push_back(SourceLoc{file, line_number, static_cast<int>(index) + 1}.Error(std::move(message)));
    return false;
  };
  std::size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  *has_entry = false;
  if (i == line.size() || line[i] == U'!') return true;
  const std::size_t begin = i;
  while (i < line.size() && !IsBlank(line[i])) ++i;
  const std::size_t end = i;
  // `not ID...`: the alphabets in which this entry is not used.
  auto next_token = [&](std::size_t* from) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    *from = i;
    if (i < line.size() && line[i] == U'!') return std::u32string();
    while (i < line.size() && !IsBlank(line[i])) ++i;
    return line.substr(*from, i - *from);
  };
  std::size_t at = 0;
  std::u32string token = next_token(&at);
  if (!token.empty()) {
    if (token != U"not") return error(at, "one word a line, then optionally 'not ALPHABET...' (a comment starts with '!')");
    for (token = next_token(&at); !token.empty(); token = next_token(&at)) {
      for (char32_t c : token)
        if (!((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'-'))
          return error(at, "an alphabet id is made of ASCII letters, digits and '-'");
      entry->not_in.push_back(utf8::Encode(token));
    }
    if (entry->not_in.empty()) return error(at, "'not' names one or more alphabets (kk-Latn-2018 ...)");
  }
  std::u32string_view word(line.data() + begin, end - begin);
  entry->loc = SourceLoc{file, line_number, static_cast<int>(begin) + 1};
  entry->at_start = word.front() != U'-';
  if (!entry->at_start) word.remove_prefix(1);
  entry->at_end = word.empty() || word.back() != U'-';
  if (!entry->at_end) word.remove_suffix(1);
  if (word.empty()) return error(begin, "a '-' with no letters: write a word, a stem- or a -part-");
  for (std::size_t k = 0; k < word.size(); ++k) {
    const std::size_t column = begin + (entry->at_start ? 0 : 1) + k;
    if (!unicode::IsWordChar(word[k]) && !unicode::IsMark(word[k]))
      return error(column, "'" + utf8::Encode(std::u32string(1, word[k])) +
                               "' is not a letter ('-' may stand only first or last)");
    if (unicode::ToLower(word[k]) != word[k]) return error(column, "write the lexicon in lowercase");
  }
  entry->word = std::u32string(word);
  *has_entry = true;
  return true;
}

}  // namespace

void ParseLexiconFile(std::string_view text, std::string_view file_name, std::vector<LexiconEntry>* entries,
                      std::vector<Diagnostic>* diagnostics) {
  auto file = std::make_shared<SourceFile>();
  file->name = std::string(file_name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (std::size_t start = 0; start < text.size();) {
    std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) newline = text.size();
    std::string line(text.substr(start, newline - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    file->lines.push_back(std::move(line));
    start = newline + 1;
  }
  // The first line of each entry, to name it when the same entry comes twice.
  std::map<std::pair<std::u32string, int>, int> seen;
  for (std::size_t i = 0; i < file->lines.size(); ++i) {
    const std::string& line = file->lines[i];
    const int line_number = static_cast<int>(i) + 1;
    const std::size_t bad = utf8::FindInvalid(line);
    if (bad != std::string_view::npos) {
      const std::u32string before = utf8::DecodeValid(std::string_view(line).substr(0, bad));
      diagnostics->push_back(SourceLoc{file, line_number, static_cast<int>(before.size()) + 1}.Error(
          "invalid UTF-8 (byte offset " + std::to_string(bad) + " of the line); a lexicon is UTF-8 text"));
      continue;
    }
    LexiconEntry entry;
    bool has_entry = false;
    if (!ParseLine(file, line_number, utf8::DecodeValid(line), &entry, &has_entry, diagnostics) || !has_entry) continue;
    const int shape = (entry.at_start ? 1 : 0) + (entry.at_end ? 2 : 0);
    auto [it, inserted] = seen.emplace(std::make_pair(entry.word, shape), line_number);
    if (!inserted) {
      diagnostics->push_back(entry.loc.Error("'" + utf8::Encode(entry.word) + "' is already listed at line " +
                                             std::to_string(it->second)));
      continue;
    }
    entries->push_back(std::move(entry));
  }
}

}  // namespace ortaq
