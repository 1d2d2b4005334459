// The table language's parser, one line at a time: a line is split into tokens (table_line),
// then read as a directive (directive_parser.cpp) or, here, as a class, an exception, a foreign
// word list, an inline test or a rule with its context — recursive descent over the tokens,
// following the grammar of tables/README.md.
#include "table/table_parser.hpp"

#include <algorithm>
#include <optional>

#include "table/table_line.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace table_syntax {
namespace {

// class NAME = letters and classes ...
void ParseClass(TableLine& l) {
  if (l.tokens.size() < 4 || !l.tokens[2].Is(U'=')) {
    return l.Error(l.tokens.size() > 2 ? l.tokens[2].column : l.EndColumn(),
                   "a class is declared as: class NAME = letters ...");
  }
  const Token& name = l.tokens[1];
  if (!IsName(name.text) || !IsAsciiUpper(name.text[0]))
    return l.Error(name, "a class name starts with an uppercase ASCII letter, then letters, digits, '-' or '_'");
  ClassDef def{name.Utf8(), {}, {}, l.Loc(name)};
  for (std::size_t i = 3; i < l.tokens.size(); ++i) {
    const Token& t = l.tokens[i];
    if (IsAsciiUpper(t.text[0]) && !t.escaped[0] && IsName(t.text)) {
      def.includes.emplace_back(t.Utf8(), l.Loc(t));
      continue;
    }
    for (char32_t c : t.text) def.letters.push_back(c);
  }
  l.table.classes.push_back(std::move(def));
}

void ParseException(TableLine& l) {
  std::size_t i = 1;
  Exception ex;
  if (!l.ParseGuards(&i, &ex.guards)) return;
  if (i + 3 != l.tokens.size() || !l.tokens[i + 1].Is(U'>')) {
    return l.Error(i < l.tokens.size() ? l.tokens[i].column : l.EndColumn(),
                   "an exception is written: exception word > output");
  }
  Token word = l.tokens[i];
  if (word.text.size() > 1 && word.text.back() == U'*' && !word.escaped.back()) {
    ex.stem = true;  // `stem*`: the entry also covers the stem with a suffix
    word.text.pop_back();
    word.escaped.pop_back();
  }
  for (std::size_t k = 0; k < word.text.size(); ++k) {
    if (!unicode::IsWordChar(word.text[k]))
      return l.Error(
          word.column + static_cast<int>(k),
          "an exception is one word; '" + utf8::Encode(std::u32string(1, word.text[k])) + "' is not a letter");
  }
  ex.word = word.text;
  auto output = l.OutputOf(l.tokens[i + 2]);
  if (!output) return;
  ex.output = std::move(*output);
  ex.loc = l.Loc(word);
  l.table.exceptions.push_back(std::move(ex));
}

// foreign WORD...: words left as written.
void ParseForeign(TableLine& l) {
  if (l.tokens.size() < 2) return l.Error(l.EndColumn(), "foreign names one or more words to leave as written");
  for (std::size_t i = 1; i < l.tokens.size(); ++i) {
    const Token& t = l.tokens[i];
    for (std::size_t k = 0; k < t.text.size(); ++k)
      if (!unicode::IsWordChar(t.text[k]))
        return l.Error(t.column + static_cast<int>(k), "a foreign word is made of letters");
    l.table.foreign_words.emplace_back(t.text, l.Loc(t));
  }
}

void ParseTest(TableLine& l) {
  std::size_t i = 1;
  TestCase test;
  if (!l.ParseGuards(&i, &test.guards)) return;
  const std::size_t arrow = l.FindArrow(i);
  if (i >= l.tokens.size() || arrow == i || arrow + 1 >= l.tokens.size()) {
    return l.Error(i < l.tokens.size() ? l.tokens[i].column : l.EndColumn(),
                   "a test is written: test input > expected output");
  }
  test.input = l.Span(l.tokens[i].begin, l.tokens[arrow - 1].end);
  test.expected = l.Span(l.tokens[arrow + 1].begin, l.tokens.back().end);
  test.loc = l.Loc(l.tokens[i]);
  l.table.tests.push_back(std::move(test));
}

bool ParseContextToken(TableLine& l, const Token& t, bool left, std::vector<ContextItem>* items) {
  std::u32string text = t.text;
  std::vector<bool> escaped = t.escaped;
  ContextItem item;
  item.loc = l.Loc(t);
  item.text = t.Utf8();
  if (t.Is(U'#')) {
    item.kind = ContextItem::Kind::kBoundary;
    items->push_back(item);
    return true;
  }
  // Nearest-vowel (harmony) context: `B...` on the left of '_', `...B` on the right.
  const std::u32string dots = U"...";
  const bool dots_before = text.size() > 3 && text.compare(0, 3, dots) == 0;
  const bool dots_after = text.size() > 3 && text.compare(text.size() - 3, 3, dots) == 0;
  if (dots_before || dots_after) {
    if (left != dots_after) {
      l.Error(t, left ? "on the left of '_' the nearest-vowel context is written NAME..."
                      : "on the right of '_' the nearest-vowel context is written ...NAME");
      return false;
    }
    std::u32string name = dots_after ? text.substr(0, text.size() - 3) : text.substr(3);
    if (!IsName(name) || !IsAsciiUpper(name[0])) {
      l.Error(t, "the nearest-vowel context names a class");
      return false;
    }
    item.kind = ContextItem::Kind::kNearestVowel;
    item.class_name = utf8::Encode(name);
    items->push_back(item);
    return true;
  }
  // Quantifier suffix.
  if (text.size() > 1 && !escaped.back() && (text.back() == U'?' || text.back() == U'*' || text.back() == U'+')) {
    item.quantifier = text.back() == U'?'   ? Quantifier::kOptional
                      : text.back() == U'*' ? Quantifier::kStar
                                            : Quantifier::kPlus;
    text.pop_back();
    escaped.pop_back();
  }
  bool negated = false;
  if (!escaped[0] && text[0] == U'~') {
    negated = true;
    text.erase(0, 1);
    escaped.erase(escaped.begin());
    if (text.empty()) {
      l.Error(t, "'~' must be followed by a letter or a class name");
      return false;
    }
  }
  if (!escaped[0] && IsAsciiUpper(text[0])) {
    if (!IsName(text)) {
      l.Error(t, "a class name is made of ASCII letters, digits, '-' and '_'");
      return false;
    }
    item.kind = negated ? ContextItem::Kind::kNotClass : ContextItem::Kind::kClass;
    item.class_name = utf8::Encode(text);
    items->push_back(item);
    return true;
  }
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (!escaped[k] && (text[k] == U'_' || text[k] == U'#' || text[k] == U'~')) {
      std::string message(1, static_cast<char>(text[k]));  // one of _ # ~, all ASCII
      message += " must stand alone here (separate context items with spaces)";
      l.Error(t.column + static_cast<int>(k), message);
      return false;
    }
  }
  if ((negated || item.quantifier != Quantifier::kOne) && text.size() != 1) {
    l.Error(t, "'~' and '?', '*', '+' apply to one letter or one class; write the letters as separate items");
    return false;
  }
  // Several letters in one token are a sequence, written outward from the focus on the left.
  std::vector<ContextItem> letters;
  for (std::size_t k = 0; k < text.size(); ++k) {
    ContextItem letter = item;
    letter.kind = negated ? ContextItem::Kind::kNotLetter : ContextItem::Kind::kLetter;
    letter.letter = text[k];
    letter.loc = l.Loc(t.column + static_cast<int>(k) + (negated ? 1 : 0));
    letter.text = utf8::Encode(std::u32string(1, text[k]));
    letters.push_back(letter);
  }
  for (auto& l : letters) items->push_back(l);
  return true;
}

// left ... _ ... right
bool ParseContext(TableLine& l, std::size_t from, Rule* rule) {
  std::size_t focus = l.tokens.size();
  for (std::size_t i = from; i < l.tokens.size(); ++i) {
    if (l.tokens[i].Is(U'_')) {
      if (focus != l.tokens.size()) {
        l.Error(l.tokens[i], "a context has one '_'");
        return false;
      }
      focus = i;
    }
  }
  if (focus == l.tokens.size()) {
    l.Error(from < l.tokens.size() ? l.tokens[from].column : l.EndColumn(),
            "a context must show where the key stands with '_' (e.g. / V _ #)");
    return false;
  }
  for (std::size_t i = from; i < focus; ++i)
    if (!ParseContextToken(l, l.tokens[i], /*left=*/true, &rule->left)) return false;
  std::reverse(rule->left.begin(), rule->left.end());  // nearest the focus first
  for (std::size_t i = focus + 1; i < l.tokens.size(); ++i)
    if (!ParseContextToken(l, l.tokens[i], /*left=*/false, &rule->right)) return false;
  return true;
}

void ParseRule(TableLine& l) {
  std::size_t i = 0;
  Rule rule;
  if (!l.ParseGuards(&i, &rule.guards)) return;
  if (i >= l.tokens.size()) return l.Error(l.EndColumn(), "expected a rule after the option condition");
  const Token& key = l.tokens[i];
  if (i + 1 >= l.tokens.size() || !l.tokens[i + 1].Is(U'>')) {
    if (i + 1 < l.tokens.size() && l.tokens[i + 1].StartsWith(U'>'))
      return l.Error(l.tokens[i + 1], "put spaces around '>'");
    return l.Error(i + 1 < l.tokens.size() ? l.tokens[i + 1].column : l.EndColumn(),
                   "expected '>' after the key (a rule is written: key > output / left _ right)");
  }
  if (i + 2 >= l.tokens.size()) return l.Error(l.EndColumn(), "expected the output after '>' (write ∅ for nothing)");
  const Token& output = l.tokens[i + 2];
  if (key.text.size() == 1 && key.text[0] == kEmptySet && !key.escaped[0])
    return l.Error(key, "a rule's key cannot be empty");
  for (std::size_t k = 0; k < key.text.size(); ++k) {
    const char32_t c = key.text[k];
    if (!key.escaped[k] && (c == U'_' || c == U'#' || c == U'/' || c == U'>'))
      return l.Error(key.column + static_cast<int>(k),
                     std::string("'") + static_cast<char>(c) + "' is special here; escape it with a backslash");
  }
  rule.key = key.text;
  auto parts = l.OutputOf(output);
  if (!parts) return;
  rule.output = std::move(*parts);
  rule.loc = l.Loc(key);
  rule.output_loc = l.Loc(output);
  std::size_t next = i + 3;
  if (next < l.tokens.size()) {
    if (!l.tokens[next].Is(U'/'))
      return l.Error(
          l.tokens[next],
          "expected '/' before a context, or the end of the rule (an output with a space is written with \\s)");
    if (!ParseContext(l, next + 1, &rule)) return;
  }
  l.table.rules.push_back(std::move(rule));
}

void ParseLine(TableLine& l) {
  if (!l.Tokenize()) return;
  if (l.tokens.empty()) return;
  const Token& first = l.tokens[0];
  if (first.StartsWith(U'@')) return ParseDirective(l);
  const std::string word = first.Utf8();
  if (word == "class") return ParseClass(l);
  if (word == "exception") return ParseException(l);
  if (word == "test") return ParseTest(l);
  if (word == "foreign") return ParseForeign(l);
  ParseRule(l);
}

}  // namespace
}  // namespace table_syntax

TableAst ParseTable(std::string_view text, std::string_view file_name, std::vector<Diagnostic>* diagnostics) {
  auto file = std::make_shared<SourceFile>();
  file->name = std::string(file_name);
  // Split into lines first so that every diagnostic can show its line.
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) newline = text.size();
    std::string line(text.substr(start, newline - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    file->lines.push_back(std::move(line));
    if (newline == text.size()) break;
    start = newline + 1;
  }
  if (file->lines.size() > 1 && file->lines.back().empty()) file->lines.pop_back();
  // Skip a byte-order mark.
  if (!file->lines.empty() && file->lines[0].rfind("\xEF\xBB\xBF", 0) == 0) file->lines[0].erase(0, 3);

  TableAst table;
  table.file = file;
  bool valid = true;
  for (std::size_t i = 0; i < file->lines.size(); ++i) {
    const std::string& line = file->lines[i];
    const std::size_t bad = utf8::FindInvalid(line);
    if (bad != std::string_view::npos) {
      const std::u32string before = utf8::DecodeValid(std::string_view(line).substr(0, bad));
      SourceLoc loc{file, static_cast<int>(i) + 1, static_cast<int>(before.size()) + 1};
      Diagnostic d =
          loc.Error("invalid UTF-8 (byte offset " + std::to_string(bad) + " of the line); tables are UTF-8 text");
      d.source_line = utf8::Encode(before);  // show only the valid part
      diagnostics->push_back(std::move(d));
      valid = false;
    }
  }
  if (!valid) return table;
  for (std::size_t i = 0; i < file->lines.size(); ++i) {
    table_syntax::TableLine line(&table, file, static_cast<int>(i) + 1, utf8::DecodeValid(file->lines[i]), diagnostics);
    table_syntax::ParseLine(line);
  }
  return table;
}

}  // namespace ortaq
