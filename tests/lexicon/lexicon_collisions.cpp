// lexicon_collisions: finds native Kazakh words that the reverse tables turn into something
// else through a lexicon entry or a longer key (арман → arman → армян, сезді → sezdi →
// съезді). Each distinct word form of the input files is written in every Latin alphabet and
// read back; a word without any of the loan letters ц щ ё ь ъ э я ю ч һ that comes back with
// one of them is a collision. Prints each with the lexicon entry that matches, if any, and
// exits 1 when there is one.
//
//   lexicon_collisions LEXICON_FILE WORDS_OR_TEXT_FILE...
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ortaq/ortaq.hpp"

namespace {

const std::u32string kLoanLetters = U"цщёьъэяючһ";

std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    else out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  }
  return out;
}

// Lowercase Kazakh Cyrillic letters only (А..я, Ё ё and the Kazakh letters); 0 for others.
char32_t KazakhLower(char32_t c) {
  if (c >= U'а' && c <= U'я') return c;
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c == U'ё' || c == U'Ё') return U'ё';
  static const std::u32string lower = U"әғқңөұүһі", upper = U"ӘҒҚҢӨҰҮҺІ";
  if (lower.find(c) != std::u32string::npos) return c;
  const std::size_t at = upper.find(c);
  return at == std::u32string::npos ? 0 : lower[at];
}

// The distinct lowercase word forms of a text: runs of Kazakh Cyrillic letters between other
// characters; a run touching a letter of another script is not a Kazakh word.
void CollectWords(const std::string& text, std::set<std::u32string>* words) {
  std::u32string current;
  bool foreign = false;
  auto flush = [&] {
    if (!current.empty() && !foreign) words->insert(current);
    current.clear();
    foreign = false;
  };
  for (char32_t c : Decode(text)) {
    if (const char32_t l = KazakhLower(c)) current.push_back(l);
    else if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xC0 && c < 0x400)) foreign = true;
    else flush();
  }
  flush();
}

struct LexiconWord {
  std::u32string word;
  bool at_start, at_end;
  std::string line;
};

std::vector<LexiconWord> ReadLexicon(const std::string& path) {
  std::vector<LexiconWord> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::string first = line.substr(0, line.find_first_of(" \t!"));
    if (first.empty()) continue;
    std::u32string w = Decode(first);
    LexiconWord e{w, w.front() != U'-', w.back() != U'-', first};
    if (!e.at_start) e.word.erase(0, 1);
    if (!e.at_end) e.word.pop_back();
    out.push_back(e);
  }
  return out;
}

// The lexicon entries that appear in `result` where their marks allow.
std::string Culprits(const std::u32string& result, const std::vector<LexiconWord>& lexicon) {
  std::string out;
  for (const LexiconWord& e : lexicon) {
    const std::size_t at = result.find(e.word);
    if (at == std::u32string::npos) continue;
    if (e.at_start && at != 0) continue;
    if (e.at_end && at + e.word.size() != result.size()) continue;
    out += (out.empty() ? "" : " ") + e.line;
  }
  return out.empty() ? "a longer key of the table" : "lexicon: " + out;
}

struct Alphabet {
  std::string id;
  std::vector<std::pair<std::string, std::string>> settings;
  std::string Name() const {
    std::string n = id;
    for (const auto& [k, v] : settings) n += " " + k + "=" + v;
    return n;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: lexicon_collisions LEXICON_FILE WORDS_OR_TEXT_FILE...\n";
    return 2;
  }
  const std::vector<LexiconWord> lexicon = ReadLexicon(argv[1]);
  std::set<std::u32string> words;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "lexicon_collisions: cannot read " << argv[i] << "\n";
      return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    CollectWords(buffer.str(), &words);
  }
  std::vector<std::u32string> native;
  for (const auto& w : words)
    if (w.find_first_of(kLoanLetters) == std::u32string::npos) native.push_back(w);
  std::string text;
  for (const auto& w : native) text += Encode(w) + "\n";

  const std::vector<Alphabet> alphabets = {
      {"kk-Latn-2017", {}}, {"kk-Latn-2018", {}}, {"kk-Latn-2021", {}}, {"cta-2024", {}}, {"cta-2024", {{"kk-i", "ï"}}}};
  int total = 0;
  for (const Alphabet& a : alphabets) {
    ortaq::Options options;
    options.settings = a.settings;
    ortaq::Status status;
    auto forward = ortaq::Transliterator::FromIds("kk-Cyrl", a.id, options, &status);
    auto back = forward ? ortaq::Transliterator::FromIds(a.id, "kk-Cyrl", options, &status) : nullptr;
    std::string latin, cyrillic;
    if (!back || !forward->Transliterate(text, &latin).ok() || !back->Transliterate(latin, &cyrillic).ok()) {
      std::cerr << a.Name() << ": " << status.message() << "\n";
      return 2;
    }
    std::istringstream latin_lines(latin), back_lines(cyrillic);
    std::string l, r;
    int count = 0;
    for (const auto& w : native) {
      std::getline(latin_lines, l);
      std::getline(back_lines, r);
      const std::u32string result = Decode(r);
      if (result == w || result.find_first_of(kLoanLetters) == std::u32string::npos) continue;
      std::cout << a.Name() << "\t" << Encode(w) << " → " << l << " → " << r << "\t" << Culprits(result, lexicon) << "\n";
      ++count;
    }
    std::cout << "# " << a.Name() << ": " << count << " collisions in " << native.size() << " native word forms\n";
    total += count;
  }
  return total == 0 ? 0 : 1;
}
