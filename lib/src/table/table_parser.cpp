// The table language's parser, one line at a time. Over 600 lines, with a LineParser class of
// about 580, for a reason: the class is the grammar of tables/README.md written as one
// recursive-descent parser over a line's tokens (directives, rules, contexts, outputs, escapes),
// and its methods call each other as the grammar's productions do; split, the grammar would be
// read across files. (Left as it is by issue 17; a split by directive family is possible.)
#include "table/table_parser.hpp"

#include <algorithm>
#include <optional>

#include "table/table_header.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

constexpr char32_t kEmptySet = U'∅';

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

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }
bool IsAsciiUpper(char32_t c) { return c >= U'A' && c <= U'Z'; }
bool IsNameChar(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'-' ||
         c == U'_';
}
bool IsName(std::u32string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsNameChar);
}

int HexValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
  if (c >= U'A' && c <= U'F') return static_cast<int>(c - U'A' + 10);
  return -1;
}

class LineParser {
 public:
  LineParser(TableAst* table, std::shared_ptr<const SourceFile> file, int line_number, std::u32string line,
             std::vector<Diagnostic>* diagnostics)
      : table_(*table), file_(std::move(file)), line_(line_number), text_(std::move(line)), diags_(*diagnostics) {}

  void Parse() {
    if (!Tokenize()) return;
    if (tokens_.empty()) return;
    const Token& first = tokens_[0];
    if (first.StartsWith(U'@')) return ParseDirective();
    const std::string word = first.Utf8();
    if (word == "class") return ParseClass();
    if (word == "exception") return ParseException();
    if (word == "test") return ParseTest();
    if (word == "foreign") return ParseForeign();
    ParseRule();
  }

 private:
  SourceLoc Loc(int column) const { return SourceLoc{file_, line_, column}; }
  SourceLoc Loc(const Token& t) const { return Loc(t.column); }
  void Error(int column, std::string message) { diags_.push_back(Loc(column).Error(std::move(message))); }
  void Error(const Token& t, std::string message) { Error(t.column, std::move(message)); }
  int EndColumn() const { return static_cast<int>(comment_start_) + 1; }

  // Splits the line into tokens, resolving escapes and cutting the comment off.
  bool Tokenize() {
    std::size_t i = 0;
    const std::size_t n = text_.size();
    comment_start_ = n;
    while (i < n) {
      while (i < n && IsSpace(text_[i])) ++i;
      if (i >= n) break;
      if (text_[i] == U'!') {  // a comment starts at '!' at line start or after white space
        comment_start_ = i;
        comment_ = utf8::Encode(std::u32string_view(text_).substr(i + 1));
        break;
      }
      Token token;
      token.column = static_cast<int>(i) + 1;
      token.begin = i;
      while (i < n && !IsSpace(text_[i])) {
        if (text_[i] == U'\\') {
          const int column = static_cast<int>(i) + 1;
          if (i + 1 >= n) {
            Error(column, "a backslash at the end of the line escapes nothing");
            return false;
          }
          const char32_t c = text_[i + 1];
          if (c == U'u' || c == U'U') {
            const std::size_t digits = c == U'u' ? 4 : 8;
            char32_t value = 0;
            std::size_t j = i + 2;
            for (; j < n && j < i + 2 + digits; ++j) {
              const int h = HexValue(text_[j]);
              if (h < 0) break;
              value = value * 16 + static_cast<char32_t>(h);
            }
            if (j != i + 2 + digits) {
              Error(column, c == U'u' ? "\\u must be followed by 4 hex digits" : "\\U must be followed by 8 hex digits");
              return false;
            }
            if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
              Error(column, "escape names no Unicode scalar value");
              return false;
            }
            token.text.push_back(value);
            token.escaped.push_back(true);
            i = j;
            continue;
          }
          char32_t literal = c;
          if (c == U's') literal = U' ';
          else if (c == U't') literal = U'\t';
          token.text.push_back(literal);
          token.escaped.push_back(true);
          i += 2;
          continue;
        }
        token.text.push_back(text_[i]);
        token.escaped.push_back(false);
        ++i;
      }
      token.end = i;
      tokens_.push_back(std::move(token));
    }
    return true;
  }

  // The raw text between two code point indices, with escapes resolved (for test lines).
  std::string Span(std::size_t begin, std::size_t end) const {
    std::u32string out;
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] == U'\\' && i + 1 < end) {
        const char32_t c = text_[i + 1];
        if (c == U'u' || c == U'U') {
          const std::size_t digits = c == U'u' ? 4 : 8;
          char32_t value = 0;
          for (std::size_t j = i + 2; j < i + 2 + digits && j < end; ++j) value = value * 16 + static_cast<char32_t>(HexValue(text_[j]));
          out.push_back(value);
          i += 1 + digits;
          continue;
        }
        out.push_back(c == U's' ? U' ' : c == U't' ? U'\t' : c);
        ++i;
        continue;
      }
      out.push_back(text_[i]);
    }
    return utf8::Encode(out);
  }

  static std::string Trim(std::string s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
  }

  // Reads `[name=value,...]` tokens starting at *index.
  bool ParseGuards(std::size_t* index, std::vector<Guard>* guards) {
    while (*index < tokens_.size() && tokens_[*index].StartsWith(U'[')) {
      const Token& t = tokens_[*index];
      if (t.text.back() != U']' || t.escaped.back()) {
        Error(t, "an option condition is written [name=value] with no spaces inside");
        return false;
      }
      std::u32string inner = t.text.substr(1, t.text.size() - 2);
      std::size_t start = 0;
      while (start <= inner.size()) {
        std::size_t comma = inner.find(U',', start);
        if (comma == std::u32string::npos) comma = inner.size();
        std::u32string part = inner.substr(start, comma - start);
        const std::size_t eq = part.find(U'=');
        if (eq == std::u32string::npos || eq == 0 || eq + 1 == part.size() || !IsName(part.substr(0, eq))) {
          Error(t.column + 1 + static_cast<int>(start), "expected name=value in an option condition");
          return false;
        }
        guards->push_back(Guard{utf8::Encode(part.substr(0, eq)), utf8::Encode(part.substr(eq + 1)),
                                Loc(t.column + 1 + static_cast<int>(start))});
        start = comma + 1;
      }
      ++*index;
    }
    return true;
  }

  void ParseDirective() {
    const Token& d = tokens_[0];
    const std::string name = d.Utf8();
    auto need_args = [&](std::size_t count) {
      if (tokens_.size() - 1 < count) {
        Error(EndColumn(), name + " needs " + std::to_string(count) + (count == 1 ? " argument" : " arguments"));
        return false;
      }
      if (tokens_.size() - 1 > count) {
        Error(tokens_[count + 1], "unexpected text after " + name);
        return false;
      }
      return true;
    };
    if (name == "@from" || name == "@to") {
      if (!need_args(1)) return;
      const Token& v = tokens_[1];
      if (!IsName(v.text)) return Error(v, "an alphabet id is made of ASCII letters, digits and '-'");
      (name == "@from" ? table_.from : table_.to) = v.Utf8();
      (name == "@from" ? table_.from_loc : table_.to_loc) = Loc(v);
    } else if (name == "@title") {
      if (tokens_.size() < 2) return Error(EndColumn(), "@title needs a text");
      table_.title = Trim(Span(tokens_[1].begin, comment_start_));
    } else if (name == "@inherit") {
      if (!need_args(1)) return;
      table_.inherits.push_back(Inherit{tokens_[1].Utf8(), Loc(tokens_[1])});
    } else if (name == "@chain") {
      if (tokens_.size() < 3) return Error(EndColumn(), "@chain names two or more tables (ids FROM--TO or .tbl paths)");
      for (std::size_t i = 1; i < tokens_.size(); ++i) table_.chain.push_back(Inherit{tokens_[i].Utf8(), Loc(tokens_[i])});
    } else if (name == "@case") {
      if (!need_args(1)) return;
      const std::string v = tokens_[1].Utf8();
      if (v == "auto") table_.case_auto = true;
      else if (v == "none") table_.case_auto = false;
      else Error(tokens_[1], "@case takes 'auto' or 'none'");
    } else if (name == "@case-pair" || name == "@source-case-pair") {
      if (!need_args(2)) return;
      const Token& lower = tokens_[1];
      const Token& upper = tokens_[2];
      if (lower.text.size() != 1) return Error(lower, "a case pair is one lowercase letter and one uppercase letter");
      if (upper.text.size() != 1) return Error(upper, "a case pair is one lowercase letter and one uppercase letter");
      CasePair pair{lower.text[0], upper.text[0], Loc(lower)};
      (name == "@case-pair" ? table_.target_case_pairs : table_.source_case_pairs).push_back(pair);
    } else if (name == "@vowels") {
      if (!need_args(1)) return;
      if (!IsAsciiUpper(tokens_[1].text[0]) || !IsName(tokens_[1].text))
        return Error(tokens_[1], "@vowels names a class (class names start with an uppercase ASCII letter)");
      table_.vowel_class = tokens_[1].Utf8();
      table_.vowel_loc = Loc(tokens_[1]);
    } else if (name == "@source-alphabet" || name == "@target-alphabet") {
      if (tokens_.size() < 2) return Error(EndColumn(), name + " needs letters");
      auto& list = name == "@source-alphabet" ? table_.source_alphabet : table_.target_alphabet;
      for (std::size_t i = 1; i < tokens_.size(); ++i)
        for (std::size_t k = 0; k < tokens_[i].text.size(); ++k)
          list.emplace_back(tokens_[i].text[k], Loc(tokens_[i].column + static_cast<int>(k)));
    } else if (name == "@fold" || name == "@lookalike") {
      if (tokens_.size() < 3 || (tokens_.size() - 1) % 2 != 0)
        return Error(EndColumn(), name + " takes pairs of letters: " + name + " X Y [X Y]...");
      auto& list = name == "@fold" ? table_.folds : table_.lookalikes;
      for (std::size_t i = 1; i + 1 < tokens_.size(); i += 2) {
        const Token& from = tokens_[i];
        const Token& to = tokens_[i + 1];
        if (from.text.size() != 1) return Error(from, "one letter here");
        if (to.text.size() != 1) return Error(to, "one letter here");
        list.push_back({{from.text[0], to.text[0]}, Loc(from)});
      }
    } else if (name == "@foreign-letters") {
      if (tokens_.size() < 2) return Error(EndColumn(), "@foreign-letters needs letters");
      for (std::size_t i = 1; i < tokens_.size(); ++i)
        for (std::size_t k = 0; k < tokens_[i].text.size(); ++k)
          table_.foreign_letters.emplace_back(tokens_[i].text[k], Loc(tokens_[i].column + static_cast<int>(k)));
    } else if (name == "@option") {
      ParseOption();
    } else if (name == "@lexicon") {
      ParseLexicon();
    } else if (name == "@capital-harmony") {
      if (!need_args(3)) return;
      if (tokens_[1].text.size() != 1 || tokens_[2].text.size() != 1)
        return Error(tokens_[1], "@capital-harmony takes a capital, the letter it is read as in front words, and a class");
      if (!IsAsciiUpper(tokens_[3].text[0]) || !IsName(tokens_[3].text))
        return Error(tokens_[3], "a class name (class names start with an uppercase ASCII letter)");
      table_.capital_harmony.push_back(
          CapitalHarmony{tokens_[1].text[0], tokens_[2].text[0], tokens_[3].Utf8(), Loc(tokens_[1]), Loc(tokens_[3])});
    } else if (name == "@foreign-words") {
      if (!need_args(1)) return;
      table_.foreign_lists.push_back(Inherit{tokens_[1].Utf8(), Loc(tokens_[1])});
    } else if (name == "@foreign-sequences") {
      if (tokens_.size() < 2) return Error(EndColumn(), "@foreign-sequences needs sequences of two or more letters");
      for (std::size_t i = 1; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (t.text.size() < 2) return Error(t, "a foreign sequence has two or more letters (one letter: @foreign-letters)");
        for (std::size_t k = 0; k < t.text.size(); ++k)
          if (!unicode::IsWordChar(t.text[k])) return Error(t.column + static_cast<int>(k), "a foreign sequence is made of letters");
        table_.foreign_sequences.emplace_back(t.text, Loc(t));
      }
    } else if (!ParseHeaderDirective(name, HeaderArgsOf(), Loc(d), &table_, &diags_)) {
      Error(d, "unknown directive '" + name +
                   "' (known: @from @to @title @inherit @chain @case @case-pair @source-case-pair @option @vowels "
                   "@fold @lookalike @foreign-letters @source-alphabet @target-alphabet @lexicon @foreign-words "
                   "@foreign-sequences @capital-harmony @status @date @sources @merges)");
    }
  }

  HeaderArgs HeaderArgsOf() const {
    HeaderArgs args;
    for (std::size_t i = 1; i < tokens_.size(); ++i) args.words.emplace_back(tokens_[i].text, tokens_[i].column);
    if (tokens_.size() > 1) {
      args.rest = Trim(Span(tokens_[1].begin, comment_start_));
      args.rest_column = tokens_[1].column;
    } else {
      args.rest_column = EndColumn();
    }
    return args;
  }

  // @lexicon FILE via TABLE [letters=CLASS] [vowels=CLASS] [joins=CLASS]
  void ParseLexicon() {
    if (tokens_.size() < 4 || tokens_[2].Utf8() != "via")
      return Error(tokens_.size() > 2 ? tokens_[2].column : EndColumn(), "a lexicon is named as: @lexicon FILE via TABLE");
    LexiconUse use;
    use.file = tokens_[1].Utf8();
    use.via = tokens_[3].Utf8();
    use.loc = Loc(tokens_[1]);
    use.via_loc = Loc(tokens_[3]);
    for (std::size_t i = 4; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      const std::size_t eq = t.text.find(U'=');
      const std::u32string key = eq == std::u32string::npos ? t.text : t.text.substr(0, eq);
      const std::u32string value = eq == std::u32string::npos ? std::u32string() : t.text.substr(eq + 1);
      std::string* slot = key == U"letters" ? &use.letters : key == U"vowels" ? &use.vowels : key == U"joins" ? &use.joins : nullptr;
      SourceLoc* slot_loc = key == U"letters" ? &use.letters_loc : key == U"vowels" ? &use.vowels_loc : &use.joins_loc;
      if (!slot) return Error(t, "expected letters=CLASS, vowels=CLASS or joins=CLASS after the lexicon's table");
      if (value.empty() || !IsAsciiUpper(value[0]) || !IsName(value))
        return Error(t, "a class name follows '=' (class names start with an uppercase ASCII letter)");
      *slot = utf8::Encode(value);
      *slot_loc = Loc(t.column + static_cast<int>(eq) + 1);
    }
    table_.lexicons.push_back(std::move(use));
  }

  // @option name = default | other | ...   ! description
  void ParseOption() {
    if (tokens_.size() < 4 || !tokens_[2].Is(U'=')) {
      return Error(tokens_.size() > 2 ? tokens_[2].column : EndColumn(),
                   "an option is declared as: @option name = default | other | ...");
    }
    const Token& name = tokens_[1];
    if (!IsName(name.text) || IsAsciiUpper(name.text[0]))
      return Error(name, "an option name is lowercase ASCII letters, digits and '-'");
    OptionDef option{name.Utf8(), {}, Trim(comment_), Loc(name)};
    bool expect_value = true;
    for (std::size_t i = 3; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.Is(U'|')) {
        if (expect_value) return Error(t, "expected a value before '|'");
        expect_value = true;
        continue;
      }
      if (!expect_value) return Error(t, "option values are separated by '|'");
      std::string value = (t.text.size() == 1 && t.text[0] == kEmptySet && !t.escaped[0]) ? "" : t.Utf8();
      if (std::find(option.values.begin(), option.values.end(), value) != option.values.end())
        return Error(t, "value '" + value + "' is listed twice");
      option.values.push_back(std::move(value));
      expect_value = false;
    }
    if (expect_value) return Error(EndColumn(), "expected a value after '|'");
    table_.options.push_back(std::move(option));
  }

  // class NAME = letters and classes ...
  void ParseClass() {
    if (tokens_.size() < 4 || !tokens_[2].Is(U'=')) {
      return Error(tokens_.size() > 2 ? tokens_[2].column : EndColumn(),
                   "a class is declared as: class NAME = letters ...");
    }
    const Token& name = tokens_[1];
    if (!IsName(name.text) || !IsAsciiUpper(name.text[0]))
      return Error(name, "a class name starts with an uppercase ASCII letter, then letters, digits, '-' or '_'");
    ClassDef def{name.Utf8(), {}, {}, Loc(name)};
    for (std::size_t i = 3; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (IsAsciiUpper(t.text[0]) && !t.escaped[0] && IsName(t.text)) {
        def.includes.emplace_back(t.Utf8(), Loc(t));
        continue;
      }
      for (char32_t c : t.text) def.letters.push_back(c);
    }
    table_.classes.push_back(std::move(def));
  }

  // Finds the standalone '>' token at or after `from`; returns tokens_.size() if none.
  std::size_t FindArrow(std::size_t from) const {
    for (std::size_t i = from; i < tokens_.size(); ++i)
      if (tokens_[i].Is(U'>')) return i;
    return tokens_.size();
  }

  // Splits an output token into literal text and `{option}` references.
  std::optional<OutputTemplate> OutputOf(const Token& t) {
    OutputTemplate parts;
    if (t.text.size() == 1 && t.text[0] == kEmptySet && !t.escaped[0]) return parts;
    std::u32string literal;
    auto flush = [&] {
      if (!literal.empty()) parts.push_back(OutputPart{utf8::Encode(literal), false, 0});
      literal.clear();
    };
    for (std::size_t k = 0; k < t.text.size(); ++k) {
      const char32_t c = t.text[k];
      if (t.escaped[k] || (c != U'{' && c != U'}')) {
        literal.push_back(c);
        continue;
      }
      const int column = t.column + static_cast<int>(k);
      if (c == U'}') {
        Error(column, "'}' without '{' (write \\} for a literal brace)");
        return std::nullopt;
      }
      std::size_t close = k + 1;
      while (close < t.text.size() && !(t.text[close] == U'}' && !t.escaped[close])) ++close;
      if (close >= t.text.size()) {
        Error(column, "'{' starts an option reference that is not closed with '}'");
        return std::nullopt;
      }
      std::u32string name = t.text.substr(k + 1, close - k - 1);
      if (!IsName(name)) {
        Error(column + 1, "an option reference is {name}, with the name of an @option");
        return std::nullopt;
      }
      flush();
      parts.push_back(OutputPart{utf8::Encode(name), true, column});
      k = close;
    }
    flush();
    return parts;
  }

  void ParseException() {
    std::size_t i = 1;
    Exception ex;
    if (!ParseGuards(&i, &ex.guards)) return;
    if (i + 3 != tokens_.size() || !tokens_[i + 1].Is(U'>')) {
      return Error(i < tokens_.size() ? tokens_[i].column : EndColumn(),
                   "an exception is written: exception word > output");
    }
    Token word = tokens_[i];
    if (word.text.size() > 1 && word.text.back() == U'*' && !word.escaped.back()) {
      ex.stem = true;  // `stem*`: the entry also covers the stem with a suffix
      word.text.pop_back();
      word.escaped.pop_back();
    }
    for (std::size_t k = 0; k < word.text.size(); ++k) {
      if (!unicode::IsWordChar(word.text[k]))
        return Error(word.column + static_cast<int>(k), "an exception is one word; '" +
                                                            utf8::Encode(std::u32string(1, word.text[k])) +
                                                            "' is not a letter");
    }
    ex.word = word.text;
    auto output = OutputOf(tokens_[i + 2]);
    if (!output) return;
    ex.output = std::move(*output);
    ex.loc = Loc(word);
    table_.exceptions.push_back(std::move(ex));
  }

  // foreign WORD...: words left as written.
  void ParseForeign() {
    if (tokens_.size() < 2) return Error(EndColumn(), "foreign names one or more words to leave as written");
    for (std::size_t i = 1; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      for (std::size_t k = 0; k < t.text.size(); ++k)
        if (!unicode::IsWordChar(t.text[k])) return Error(t.column + static_cast<int>(k), "a foreign word is made of letters");
      table_.foreign_words.emplace_back(t.text, Loc(t));
    }
  }

  void ParseTest() {
    std::size_t i = 1;
    TestCase test;
    if (!ParseGuards(&i, &test.guards)) return;
    const std::size_t arrow = FindArrow(i);
    if (i >= tokens_.size() || arrow == i || arrow + 1 >= tokens_.size()) {
      return Error(i < tokens_.size() ? tokens_[i].column : EndColumn(),
                   "a test is written: test input > expected output");
    }
    test.input = Span(tokens_[i].begin, tokens_[arrow - 1].end);
    test.expected = Span(tokens_[arrow + 1].begin, tokens_.back().end);
    test.loc = Loc(tokens_[i]);
    table_.tests.push_back(std::move(test));
  }

  void ParseRule() {
    std::size_t i = 0;
    Rule rule;
    if (!ParseGuards(&i, &rule.guards)) return;
    if (i >= tokens_.size()) return Error(EndColumn(), "expected a rule after the option condition");
    const Token& key = tokens_[i];
    if (i + 1 >= tokens_.size() || !tokens_[i + 1].Is(U'>')) {
      if (i + 1 < tokens_.size() && tokens_[i + 1].StartsWith(U'>'))
        return Error(tokens_[i + 1], "put spaces around '>'");
      return Error(i + 1 < tokens_.size() ? tokens_[i + 1].column : EndColumn(),
                   "expected '>' after the key (a rule is written: key > output / left _ right)");
    }
    if (i + 2 >= tokens_.size()) return Error(EndColumn(), "expected the output after '>' (write ∅ for nothing)");
    const Token& output = tokens_[i + 2];
    if (key.text.size() == 1 && key.text[0] == kEmptySet && !key.escaped[0])
      return Error(key, "a rule's key cannot be empty");
    for (std::size_t k = 0; k < key.text.size(); ++k) {
      const char32_t c = key.text[k];
      if (!key.escaped[k] && (c == U'_' || c == U'#' || c == U'/' || c == U'>'))
        return Error(key.column + static_cast<int>(k),
                     std::string("'") + static_cast<char>(c) + "' is special here; escape it with a backslash");
    }
    rule.key = key.text;
    auto parts = OutputOf(output);
    if (!parts) return;
    rule.output = std::move(*parts);
    rule.loc = Loc(key);
    rule.output_loc = Loc(output);
    std::size_t next = i + 3;
    if (next < tokens_.size()) {
      if (!tokens_[next].Is(U'/'))
        return Error(tokens_[next], "expected '/' before a context, or the end of the rule (an output with a space is written with \\s)");
      if (!ParseContext(next + 1, &rule)) return;
    }
    table_.rules.push_back(std::move(rule));
  }

  // left ... _ ... right
  bool ParseContext(std::size_t from, Rule* rule) {
    std::size_t focus = tokens_.size();
    for (std::size_t i = from; i < tokens_.size(); ++i) {
      if (tokens_[i].Is(U'_')) {
        if (focus != tokens_.size()) {
          Error(tokens_[i], "a context has one '_'");
          return false;
        }
        focus = i;
      }
    }
    if (focus == tokens_.size()) {
      Error(from < tokens_.size() ? tokens_[from].column : EndColumn(),
            "a context must show where the key stands with '_' (e.g. / V _ #)");
      return false;
    }
    for (std::size_t i = from; i < focus; ++i)
      if (!ParseContextToken(tokens_[i], /*left=*/true, &rule->left)) return false;
    std::reverse(rule->left.begin(), rule->left.end());  // nearest the focus first
    for (std::size_t i = focus + 1; i < tokens_.size(); ++i)
      if (!ParseContextToken(tokens_[i], /*left=*/false, &rule->right)) return false;
    return true;
  }

  bool ParseContextToken(const Token& t, bool left, std::vector<ContextItem>* items) {
    std::u32string text = t.text;
    std::vector<bool> escaped = t.escaped;
    ContextItem item;
    item.loc = Loc(t);
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
        Error(t, left ? "on the left of '_' the nearest-vowel context is written NAME..."
                      : "on the right of '_' the nearest-vowel context is written ...NAME");
        return false;
      }
      std::u32string name = dots_after ? text.substr(0, text.size() - 3) : text.substr(3);
      if (!IsName(name) || !IsAsciiUpper(name[0])) {
        Error(t, "the nearest-vowel context names a class");
        return false;
      }
      item.kind = ContextItem::Kind::kNearestVowel;
      item.class_name = utf8::Encode(name);
      items->push_back(item);
      return true;
    }
    // Quantifier suffix.
    if (text.size() > 1 && !escaped.back() && (text.back() == U'?' || text.back() == U'*' || text.back() == U'+')) {
      item.quantifier = text.back() == U'?' ? Quantifier::kOptional
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
        Error(t, "'~' must be followed by a letter or a class name");
        return false;
      }
    }
    if (!escaped[0] && IsAsciiUpper(text[0])) {
      if (!IsName(text)) {
        Error(t, "a class name is made of ASCII letters, digits, '-' and '_'");
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
        Error(t.column + static_cast<int>(k), message);
        return false;
      }
    }
    if ((negated || item.quantifier != Quantifier::kOne) && text.size() != 1) {
      Error(t, "'~' and '?', '*', '+' apply to one letter or one class; write the letters as separate items");
      return false;
    }
    // Several letters in one token are a sequence, written outward from the focus on the left.
    std::vector<ContextItem> letters;
    for (std::size_t k = 0; k < text.size(); ++k) {
      ContextItem letter = item;
      letter.kind = negated ? ContextItem::Kind::kNotLetter : ContextItem::Kind::kLetter;
      letter.letter = text[k];
      letter.loc = Loc(t.column + static_cast<int>(k) + (negated ? 1 : 0));
      letter.text = utf8::Encode(std::u32string(1, text[k]));
      letters.push_back(letter);
    }
    for (auto& l : letters) items->push_back(l);
    return true;
  }

  TableAst& table_;
  std::shared_ptr<const SourceFile> file_;
  int line_;
  std::u32string text_;
  std::vector<Diagnostic>& diags_;
  std::vector<Token> tokens_;
  std::size_t comment_start_ = 0;
  std::string comment_;
};

}  // namespace

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
      Diagnostic d = loc.Error("invalid UTF-8 (byte offset " + std::to_string(bad) + " of the line); tables are UTF-8 text");
      d.source_line = utf8::Encode(before);  // show only the valid part
      diagnostics->push_back(std::move(d));
      valid = false;
    }
  }
  if (!valid) return table;
  for (std::size_t i = 0; i < file->lines.size(); ++i) {
    LineParser parser(&table, file, static_cast<int>(i) + 1, utf8::DecodeValid(file->lines[i]), diagnostics);
    parser.Parse();
  }
  return table;
}

}  // namespace ortaq
