#include "tools/detect_model.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::detect {
namespace {

struct Token {
  std::u32string text;
  int column = 0;  // 1-based, in code points
  std::string Utf8() const { return utf8::Encode(text); }
};

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }

int ScriptOf(char32_t c) {
  UErrorCode error = U_ZERO_ERROR;
  return static_cast<int>(uscript_getScript(static_cast<UChar32>(c), &error));
}

class Parser {
 public:
  Parser(std::string_view file, Model* model, std::vector<Diagnostic>* diagnostics)
      : file_(file), model_(*model), diags_(*diagnostics) {}

  void Line(int number, std::u32string text) {
    line_number_ = number;
    source_line_ = utf8::Encode(text);
    if (!Tokenize(text) || tokens_.empty()) return;
    const std::string head = tokens_[0].Utf8();
    if (head == "@setting") return Setting();
    if (head == "@fold") return Fold();
    if (head == "@class") return Class();
    if (head == "@language") return StartLanguage();
    if (head[0] == '@') return Error(tokens_[0], "unknown directive '" + head + "' (known: @setting @fold @class @language)");
    if (language_index_ < 0) return Error(tokens_[0], "'" + head + "' outside a language: start one with @language ID converts|other \"name\"");
    if (head == "script") return Script();
    if (head == "alphabet") return Alphabet();
    if (!Current().alphabet.size())
      return Error(tokens_[0], "give the language's script and alphabet before its features");
    if (head == "letters" || head == "sequences") return Patterns(head == "letters");
    if (head == "words") return Words();
    if (head == "expect") return Expect();
    if (head == "mixes") return Mixes();
    Error(tokens_[0], "unknown line kind '" + head + "' (known: script alphabet letters sequences words expect mixes)");
  }

  void Finish() {
    CloseLanguage();
    if (model_.languages.empty()) Error(Token{U"", 0}, "the file declares no @language", 0);
  }

 private:
  Language& Current() { return model_.languages[static_cast<std::size_t>(language_index_)]; }

  void Error(const Token& at, const std::string& message, int line = -1) {
    Diagnostic d;
    d.file = std::string(file_);
    d.line = line < 0 ? line_number_ : line;
    d.column = at.column;
    d.message = message;
    d.source_line = line == 0 ? std::string() : source_line_;
    diags_.push_back(std::move(d));
  }

  // Splits on blanks; `#` starts a comment; "..." is one token (the language's name).
  bool Tokenize(const std::u32string& text) {
    tokens_.clear();
    std::size_t i = 0;
    while (i < text.size()) {
      if (IsSpace(text[i])) { ++i; continue; }
      if (text[i] == U'#') break;
      Token t;
      t.column = static_cast<int>(i) + 1;
      if (text[i] == U'"') {
        const std::size_t close = text.find(U'"', i + 1);
        if (close == std::u32string::npos) {
          Error(t, "this quote is not closed");
          return false;
        }
        t.text = text.substr(i, close + 1 - i);
        i = close + 1;
      } else {
        while (i < text.size() && !IsSpace(text[i]) && text[i] != U'#') t.text.push_back(text[i++]);
      }
      tokens_.push_back(std::move(t));
    }
    return true;
  }

  bool Number(const Token& t, double* value, const char* what) {
    const std::string s = t.Utf8();
    char* end = nullptr;
    *value = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) {
      Error(t, std::string("expected ") + what + ", found '" + s + "'");
      return false;
    }
    return true;
  }

  // Lower case and folded, as the detector reads text.
  std::u32string Normal(std::u32string s) const {
    for (char32_t& c : s) {
      c = unicode::ToLower(c);
      if (auto it = model_.fold.find(c); it != model_.fold.end()) c = it->second;
    }
    return s;
  }

  bool NeedArguments(std::size_t count, const char* usage) {
    if (tokens_.size() >= count) return true;
    Error(tokens_.back(), std::string("too few items; write: ") + usage);
    return false;
  }

  void Setting() {
    if (!NeedArguments(3, "@setting NAME NUMBER")) return;
    double value = 0;
    if (!Number(tokens_[2], &value, "a number")) return;
    const std::string name = tokens_[1].Utf8();
    if (name == "outside-alphabet") model_.outside_alphabet = value;
    else if (name == "other-script") model_.other_script = value;
    else if (name == "least-fit") model_.least_fit = value;
    else if (name == "softness" && value > 0) model_.softness = value;
    else Error(tokens_[1], "unknown setting '" + name + "' (known: outside-alphabet other-script softness > 0, least-fit)");
  }

  void Fold() {
    if (!NeedArguments(3, "@fold KEPT READ-AS-KEPT...")) return;
    for (const Token& t : tokens_)
      if (&t != &tokens_[0] && t.text.size() != 1) return Error(t, "@fold takes single characters");
    for (std::size_t i = 1; i < tokens_.size(); ++i) model_.fold[tokens_[i].text[0]] = tokens_[1].text[0];
  }

  void Class() {
    if (!NeedArguments(3, "@class NAME LETTER...")) return;
    std::u32string letters;
    for (std::size_t i = 2; i < tokens_.size(); ++i) {
      if (tokens_[i].text.size() != 1) return Error(tokens_[i], "a class lists single letters, separated by blanks");
      letters += Normal(tokens_[i].text);
    }
    classes_[tokens_[1].Utf8()] = letters;
  }

  void StartLanguage() {
    CloseLanguage();
    if (!NeedArguments(4, "@language ID converts|other \"name\"")) return;
    Language language;
    language.id = tokens_[1].Utf8();
    const std::string kind = tokens_[2].Utf8();
    if (kind != "converts" && kind != "other") return Error(tokens_[2], "expected 'converts' or 'other', found '" + kind + "'");
    language.converts = kind == "converts";
    if (tokens_[3].text.size() < 2 || tokens_[3].text[0] != U'"') return Error(tokens_[3], "expected the language's name in quotes");
    language.name = utf8::Encode(tokens_[3].text.substr(1, tokens_[3].text.size() - 2));
    for (const Language& l : model_.languages)
      if (l.id == language.id) return Error(tokens_[1], "language '" + language.id + "' is declared twice");
    model_.languages.push_back(std::move(language));
    language_index_ = static_cast<int>(model_.languages.size()) - 1;
    language_line_ = line_number_;
  }

  void CloseLanguage() {
    if (language_index_ < 0) return;
    if (Current().script < 0 || Current().alphabet.empty())
      Error(Token{U"", 1}, "language '" + Current().id + "' has no script or no alphabet", language_line_);
    language_index_ = -1;
  }

  void Script() {
    if (!NeedArguments(2, "script NAME (an ICU script name: Latin, Cyrillic, Arabic...)")) return;
    const int code = u_getPropertyValueEnum(UCHAR_SCRIPT, tokens_[1].Utf8().c_str());
    if (code < 0) return Error(tokens_[1], "unknown script '" + tokens_[1].Utf8() + "'");
    Current().script = code;
  }

  void Alphabet() {
    if (Current().script < 0) return Error(tokens_[0], "give the script before the alphabet");
    for (std::size_t i = 1; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.text.size() != 1) return Error(t, "an alphabet lists single letters, separated by blanks");
      const char32_t c = Normal(t.text)[0];
      const int script = ScriptOf(c);
      if (unicode::IsWordChar(c) && script != Current().script && script > USCRIPT_INHERITED)
        return Error(t, unicode::Describe(c) + " is not a letter of the " +
                            uscript_getName(static_cast<UScriptCode>(Current().script)) + " script");
      Current().alphabet.insert(c);
    }
  }

  // Every letter a feature names must be in the alphabet: catches look-alike typos.
  bool InAlphabet(const Token& t, std::u32string_view letters) {
    for (char32_t c : letters) {
      if (!Current().alphabet.count(c)) {
        Error(t, unicode::Describe(c) + " is not in the alphabet of " + Current().id);
        return false;
      }
    }
    return true;
  }

  bool Weight(double* weight) {
    if (tokens_.size() < 3) {
      Error(tokens_.back(), "write: " + tokens_[0].Utf8() + " WEIGHT ITEM...");
      return false;
    }
    return Number(tokens_[1], weight, "a weight such as +2 or -1");
  }

  void Patterns(bool single_letters) {
    double weight = 0;
    if (!Weight(&weight)) return;
    for (std::size_t i = 2; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      Pattern p;
      p.weight = weight;
      if (single_letters && t.text.size() != 1) return Error(t, "'letters' lists single letters; use 'sequences' for longer ones");
      const std::u32string text = Normal(t.text);
      for (std::size_t k = 0; k < text.size(); ++k) {
        const char32_t c = text[k];
        if (c == U'^' && k == 0) { p.at_start = true; continue; }
        if (c == U'$' && k + 1 == text.size()) { p.at_end = true; continue; }
        if (c == U'^' || c == U'$') return Error(t, "^ stands only at the start of a sequence and $ only at its end");
        if (c == U'{') {
          const std::size_t close = text.find(U'}', k);
          if (close == std::u32string::npos) return Error(t, "'{' without '}'");
          const std::string name = utf8::Encode(text.substr(k + 1, close - k - 1));
          auto it = classes_.find(name);
          if (it == classes_.end()) return Error(t, "unknown class '" + name + "' (declare it with @class)");
          p.slots.push_back(it->second);
          k = close;
          continue;
        }
        if (!InAlphabet(t, std::u32string(1, c))) return;
        p.slots.push_back(std::u32string(1, c));
      }
      if (p.slots.empty()) return Error(t, "a sequence needs at least one letter");
      const int index = static_cast<int>(Current().patterns.size());
      for (char32_t first : p.slots[0]) Current().patterns_by_first[first].push_back(index);
      Current().patterns.push_back(std::move(p));
    }
  }

  void Words() {
    double weight = 0;
    if (!Weight(&weight)) return;
    for (std::size_t i = 2; i < tokens_.size(); ++i) {
      const std::u32string word = Normal(tokens_[i].text);
      if (!InAlphabet(tokens_[i], word)) return;
      Current().words[word] += weight;
    }
  }

  // Letters up to the keyword `keyword`; returns the index of the keyword or 0.
  std::size_t Letters(std::size_t from, const char* keyword, std::u32string* letters) {
    for (std::size_t i = from; i < tokens_.size(); ++i) {
      if (tokens_[i].Utf8() == keyword) return i;
      if (tokens_[i].text.size() != 1) {
        Error(tokens_[i], "expected single letters and then '" + std::string(keyword) + "'");
        return 0;
      }
      const std::u32string c = Normal(tokens_[i].text);
      if (!InAlphabet(tokens_[i], c)) return 0;
      *letters += c;
    }
    Error(tokens_.back(), std::string("missing '") + keyword + "'");
    return 0;
  }

  void Expect() {
    Expectation e;
    if (!Weight(&e.weight)) return;
    const std::size_t per = Letters(2, "per", &e.letters);
    if (per == 0) return;
    if (per + 2 != tokens_.size() || e.letters.empty())
      return Error(tokens_[per], "write: expect WEIGHT LETTER... per NUMBER");
    if (!Number(tokens_[per + 1], &e.per, "a number of letters") ) return;
    if (e.per < 1) return Error(tokens_[per + 1], "'per' needs a number of letters of at least 1");
    Current().expectations.push_back(std::move(e));
  }

  void Mixes() {
    Mix m;
    if (!Weight(&m.weight)) return;
    const std::size_t with = Letters(2, "with", &m.first);
    if (with == 0) return;
    for (std::size_t i = with + 1; i < tokens_.size(); ++i) {
      const std::u32string c = Normal(tokens_[i].text);
      if (c.size() != 1) return Error(tokens_[i], "expected single letters after 'with'");
      if (!InAlphabet(tokens_[i], c)) return;
      m.second += c;
    }
    if (m.first.empty() || m.second.empty()) return Error(tokens_[with], "write: mixes WEIGHT LETTER... with LETTER...");
    Current().mixes.push_back(std::move(m));
  }

  std::string_view file_;
  Model& model_;
  std::vector<Diagnostic>& diags_;
  std::map<std::string, std::u32string> classes_;
  int language_index_ = -1;  // in model_.languages; -1 outside a language
  int language_line_ = 0;
  int line_number_ = 0;
  std::string source_line_;
  std::vector<Token> tokens_;
};

}  // namespace

Model ParseModel(std::string_view text, std::string_view file_name, std::vector<Diagnostic>* diagnostics) {
  Model model;
  Parser parser(file_name, &model, diagnostics);
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    ++number;
    if (utf8::FindInvalid(line) != std::string_view::npos) {
      Diagnostic d;
      d.file = std::string(file_name);
      d.line = number;
      d.column = 1;
      d.message = "invalid UTF-8; the file must be UTF-8 text";
      diagnostics->push_back(std::move(d));
    } else {
      parser.Line(number, unicode::ToNfc(line) == line ? utf8::DecodeValid(line) : utf8::DecodeValid(unicode::ToNfc(line)));
    }
    start = end + 1;
  }
  parser.Finish();
  return model;
}

}  // namespace ortaq::detect
