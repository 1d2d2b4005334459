// One line of a `.tbl` file being parsed: its tokens (escapes resolved, the comment cut off) and
// what the parsers of every kind of line share — where to report, option conditions, outputs.
// table_parser.cpp reads rules, classes and the other statements; directive_parser.cpp the
// `@` directives.
#ifndef ORTAQ_TABLE_TABLE_LINE_HPP_
#define ORTAQ_TABLE_TABLE_LINE_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "table/table_ast.hpp"
#include "text/utf8.hpp"

namespace ortaq::table_syntax {

inline constexpr char32_t kEmptySet = U'\u2205';  // ∅, an empty output or option value

// One whitespace-separated piece of a line, with escapes already resolved.
struct Token {
  std::u32string text;
  std::vector<bool> escaped;  // per character: written with a backslash, so never special
  int column = 0;             // 1-based code point column of the token's first character
  std::size_t begin = 0;      // code point index in the line, for taking raw spans
  std::size_t end = 0;

  bool Is(char32_t c) const { return text.size() == 1 && text[0] == c && !escaped[0]; }
  bool StartsWith(char32_t c) const { return !text.empty() && text[0] == c && !escaped[0]; }
  std::string Utf8() const { return utf8::Encode(text); }
};

bool IsAsciiUpper(char32_t c);
// ASCII letters, digits, '-' and '_': option, class and alphabet names.
bool IsName(std::u32string_view s);
std::string Trim(std::string s);

struct TableLine {
  TableLine(TableAst* table_ast, std::shared_ptr<const SourceFile> source, int line_number, std::u32string line_text,
            std::vector<Diagnostic>* diagnostics)
      : table(*table_ast),
        file(std::move(source)),
        line(line_number),
        text(std::move(line_text)),
        diags(*diagnostics) {}

  // Splits the line into tokens, resolving escapes and cutting the comment off; false (with an
  // error) on a broken escape.
  bool Tokenize();

  SourceLoc Loc(int column) const { return SourceLoc{file, line, column}; }
  SourceLoc Loc(const Token& t) const { return Loc(t.column); }
  void Error(int column, std::string message) { diags.push_back(Loc(column).Error(std::move(message))); }
  void Error(const Token& t, std::string message) { Error(t.column, std::move(message)); }
  int EndColumn() const { return static_cast<int>(comment_start) + 1; }

  // The raw text between two code point indices, with escapes resolved (for test lines).
  std::string Span(std::size_t begin, std::size_t end) const;
  // Reads `[name=value,...]` tokens starting at *index.
  bool ParseGuards(std::size_t* index, std::vector<Guard>* guards);
  // Finds the standalone '>' token at or after `from`; returns tokens.size() if none.
  std::size_t FindArrow(std::size_t from) const;
  // Splits an output token into literal text and `{option}` references.
  std::optional<OutputTemplate> OutputOf(const Token& t);

  TableAst& table;
  std::shared_ptr<const SourceFile> file;
  int line;
  std::u32string text;
  std::vector<Diagnostic>& diags;
  std::vector<Token> tokens;
  std::size_t comment_start = 0;
  std::string comment;
};

// `@...` lines (directive_parser.cpp).
void ParseDirective(TableLine& line);

}  // namespace ortaq::table_syntax

#endif  // ORTAQ_TABLE_TABLE_LINE_HPP_
