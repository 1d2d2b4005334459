// The `@` directives of the table language (tables/README.md, "Directives"): each fills its part
// of the TableAst, or reports what is wrong at the token it concerns.
#include <algorithm>

#include "table/table_header.hpp"
#include "table/table_line.hpp"
#include "text/unicode.hpp"

namespace ortaq::table_syntax {
namespace {

HeaderArgs HeaderArgsOf(const TableLine& l) {
  HeaderArgs args;
  for (std::size_t i = 1; i < l.tokens.size(); ++i) args.words.emplace_back(l.tokens[i].text, l.tokens[i].column);
  if (l.tokens.size() > 1) {
    args.rest = Trim(l.Span(l.tokens[1].begin, l.comment_start));
    args.rest_column = l.tokens[1].column;
  } else {
    args.rest_column = l.EndColumn();
  }
  return args;
}

// @lexicon FILE via TABLE [letters=CLASS] [vowels=CLASS] [joins=CLASS]
void ParseLexicon(TableLine& l) {
  if (l.tokens.size() < 4 || l.tokens[2].Utf8() != "via")
    return l.Error(l.tokens.size() > 2 ? l.tokens[2].column : l.EndColumn(),
                   "a lexicon is named as: @lexicon FILE via TABLE");
  LexiconUse use;
  use.file = l.tokens[1].Utf8();
  use.via = l.tokens[3].Utf8();
  use.loc = l.Loc(l.tokens[1]);
  use.via_loc = l.Loc(l.tokens[3]);
  for (std::size_t i = 4; i < l.tokens.size(); ++i) {
    const Token& t = l.tokens[i];
    const std::size_t eq = t.text.find(U'=');
    const std::u32string key = eq == std::u32string::npos ? t.text : t.text.substr(0, eq);
    const std::u32string value = eq == std::u32string::npos ? std::u32string() : t.text.substr(eq + 1);
    std::string* slot = key == U"letters"  ? &use.letters
                        : key == U"vowels" ? &use.vowels
                        : key == U"joins"  ? &use.joins
                                           : nullptr;
    SourceLoc* slot_loc = key == U"letters" ? &use.letters_loc : key == U"vowels" ? &use.vowels_loc : &use.joins_loc;
    if (!slot) return l.Error(t, "expected letters=CLASS, vowels=CLASS or joins=CLASS after the lexicon's table");
    if (value.empty() || !IsAsciiUpper(value[0]) || !IsName(value))
      return l.Error(t, "a class name follows '=' (class names start with an uppercase ASCII letter)");
    *slot = utf8::Encode(value);
    *slot_loc = l.Loc(t.column + static_cast<int>(eq) + 1);
  }
  l.table.lexicons.push_back(std::move(use));
}

// @option name = default | other | ...   ! description
void ParseOption(TableLine& l) {
  if (l.tokens.size() < 4 || !l.tokens[2].Is(U'=')) {
    return l.Error(l.tokens.size() > 2 ? l.tokens[2].column : l.EndColumn(),
                   "an option is declared as: @option name = default | other | ...");
  }
  const Token& name = l.tokens[1];
  if (!IsName(name.text) || IsAsciiUpper(name.text[0]))
    return l.Error(name, "an option name is lowercase ASCII letters, digits and '-'");
  OptionDef option{name.Utf8(), {}, Trim(l.comment), l.Loc(name)};
  bool expect_value = true;
  for (std::size_t i = 3; i < l.tokens.size(); ++i) {
    const Token& t = l.tokens[i];
    if (t.Is(U'|')) {
      if (expect_value) return l.Error(t, "expected a value before '|'");
      expect_value = true;
      continue;
    }
    if (!expect_value) return l.Error(t, "option values are separated by '|'");
    std::string value = (t.text.size() == 1 && t.text[0] == kEmptySet && !t.escaped[0]) ? "" : t.Utf8();
    if (std::find(option.values.begin(), option.values.end(), value) != option.values.end())
      return l.Error(t, "value '" + value + "' is listed twice");
    option.values.push_back(std::move(value));
    expect_value = false;
  }
  if (expect_value) return l.Error(l.EndColumn(), "expected a value after '|'");
  l.table.options.push_back(std::move(option));
}

}  // namespace

void ParseDirective(TableLine& l) {
  const Token& d = l.tokens[0];
  const std::string name = d.Utf8();
  auto need_args = [&](std::size_t count) {
    if (l.tokens.size() - 1 < count) {
      l.Error(l.EndColumn(), name + " needs " + std::to_string(count) + (count == 1 ? " argument" : " arguments"));
      return false;
    }
    if (l.tokens.size() - 1 > count) {
      l.Error(l.tokens[count + 1], "unexpected text after " + name);
      return false;
    }
    return true;
  };
  if (name == "@from" || name == "@to") {
    if (!need_args(1)) return;
    const Token& v = l.tokens[1];
    if (!IsName(v.text)) return l.Error(v, "an alphabet id is made of ASCII letters, digits and '-'");
    (name == "@from" ? l.table.from : l.table.to) = v.Utf8();
    (name == "@from" ? l.table.from_loc : l.table.to_loc) = l.Loc(v);
  } else if (name == "@title") {
    if (l.tokens.size() < 2) return l.Error(l.EndColumn(), "@title needs a text");
    l.table.title = Trim(l.Span(l.tokens[1].begin, l.comment_start));
  } else if (name == "@inherit") {
    if (!need_args(1)) return;
    l.table.inherits.push_back(Inherit{l.tokens[1].Utf8(), l.Loc(l.tokens[1])});
  } else if (name == "@chain") {
    if (l.tokens.size() < 3)
      return l.Error(l.EndColumn(), "@chain names two or more tables (ids FROM--TO or .tbl paths)");
    for (std::size_t i = 1; i < l.tokens.size(); ++i)
      l.table.chain.push_back(Inherit{l.tokens[i].Utf8(), l.Loc(l.tokens[i])});
  } else if (name == "@case") {
    if (!need_args(1)) return;
    const std::string v = l.tokens[1].Utf8();
    if (v == "auto")
      l.table.case_auto = true;
    else if (v == "none")
      l.table.case_auto = false;
    else
      l.Error(l.tokens[1], "@case takes 'auto' or 'none'");
  } else if (name == "@case-pair" || name == "@source-case-pair") {
    if (!need_args(2)) return;
    const Token& lower = l.tokens[1];
    const Token& upper = l.tokens[2];
    if (lower.text.size() != 1) return l.Error(lower, "a case pair is one lowercase letter and one uppercase letter");
    if (upper.text.size() != 1) return l.Error(upper, "a case pair is one lowercase letter and one uppercase letter");
    CasePair pair{lower.text[0], upper.text[0], l.Loc(lower)};
    (name == "@case-pair" ? l.table.target_case_pairs : l.table.source_case_pairs).push_back(pair);
  } else if (name == "@vowels") {
    if (!need_args(1)) return;
    if (!IsAsciiUpper(l.tokens[1].text[0]) || !IsName(l.tokens[1].text))
      return l.Error(l.tokens[1], "@vowels names a class (class names start with an uppercase ASCII letter)");
    l.table.vowel_class = l.tokens[1].Utf8();
    l.table.vowel_loc = l.Loc(l.tokens[1]);
  } else if (name == "@source-alphabet" || name == "@target-alphabet") {
    if (l.tokens.size() < 2) return l.Error(l.EndColumn(), name + " needs letters");
    auto& list = name == "@source-alphabet" ? l.table.source_alphabet : l.table.target_alphabet;
    for (std::size_t i = 1; i < l.tokens.size(); ++i)
      for (std::size_t k = 0; k < l.tokens[i].text.size(); ++k)
        list.emplace_back(l.tokens[i].text[k], l.Loc(l.tokens[i].column + static_cast<int>(k)));
  } else if (name == "@fold" || name == "@lookalike") {
    if (l.tokens.size() < 3 || (l.tokens.size() - 1) % 2 != 0)
      return l.Error(l.EndColumn(), name + " takes pairs of letters: " + name + " X Y [X Y]...");
    auto& list = name == "@fold" ? l.table.folds : l.table.lookalikes;
    for (std::size_t i = 1; i + 1 < l.tokens.size(); i += 2) {
      const Token& from = l.tokens[i];
      const Token& to = l.tokens[i + 1];
      if (from.text.size() != 1) return l.Error(from, "one letter here");
      if (to.text.size() != 1) return l.Error(to, "one letter here");
      list.push_back({{from.text[0], to.text[0]}, l.Loc(from)});
    }
  } else if (name == "@foreign-letters") {
    if (l.tokens.size() < 2) return l.Error(l.EndColumn(), "@foreign-letters needs letters");
    for (std::size_t i = 1; i < l.tokens.size(); ++i)
      for (std::size_t k = 0; k < l.tokens[i].text.size(); ++k)
        l.table.foreign_letters.emplace_back(l.tokens[i].text[k], l.Loc(l.tokens[i].column + static_cast<int>(k)));
  } else if (name == "@option") {
    ParseOption(l);
  } else if (name == "@lexicon") {
    ParseLexicon(l);
  } else if (name == "@capital-harmony") {
    if (!need_args(3)) return;
    if (l.tokens[1].text.size() != 1 || l.tokens[2].text.size() != 1)
      return l.Error(l.tokens[1],
                     "@capital-harmony takes a capital, the letter it is read as in front words, and a class");
    if (!IsAsciiUpper(l.tokens[3].text[0]) || !IsName(l.tokens[3].text))
      return l.Error(l.tokens[3], "a class name (class names start with an uppercase ASCII letter)");
    l.table.capital_harmony.push_back(CapitalHarmony{l.tokens[1].text[0], l.tokens[2].text[0], l.tokens[3].Utf8(),
                                                     l.Loc(l.tokens[1]), l.Loc(l.tokens[3])});
  } else if (name == "@foreign-words") {
    if (!need_args(1)) return;
    l.table.foreign_lists.push_back(Inherit{l.tokens[1].Utf8(), l.Loc(l.tokens[1])});
  } else if (name == "@foreign-sequences") {
    if (l.tokens.size() < 2) return l.Error(l.EndColumn(), "@foreign-sequences needs sequences of two or more letters");
    for (std::size_t i = 1; i < l.tokens.size(); ++i) {
      const Token& t = l.tokens[i];
      if (t.text.size() < 2)
        return l.Error(t, "a foreign sequence has two or more letters (one letter: @foreign-letters)");
      for (std::size_t k = 0; k < t.text.size(); ++k)
        if (!unicode::IsWordChar(t.text[k]))
          return l.Error(t.column + static_cast<int>(k), "a foreign sequence is made of letters");
      l.table.foreign_sequences.emplace_back(t.text, l.Loc(t));
    }
  } else if (!ParseHeaderDirective(name, HeaderArgsOf(l), l.Loc(d), &l.table, &l.diags)) {
    l.Error(d, "unknown directive '" + name +
                   "' (known: @from @to @title @inherit @chain @case @case-pair @source-case-pair @option @vowels "
                   "@fold @lookalike @foreign-letters @source-alphabet @target-alphabet @lexicon @foreign-words "
                   "@foreign-sequences @capital-harmony @status @date @sources @merges)");
  }
}

}  // namespace ortaq::table_syntax
