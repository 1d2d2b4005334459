// Source detection: a small scoring model over distinctive letters, letter pairs and frequent
// words. Each word votes for the alphabets its features belong to; the vote shares are the
// scores. Deliberately simple and explainable: every feature is listed here with its reason.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

// In this order on a tie: Cyrillic, then the Kazakh Latin alphabets newest first.
enum Candidate : int { kCyrl, k2021, k2018, k2017, kTurkish, kCount };
constexpr const char* kIds[kCount] = {"kk-Cyrl", "kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017", "tr-Latn"};
constexpr std::size_t kMaxBytes = 1 << 20;

using Votes = std::array<double, kCount>;

bool IsVowel(char32_t c) {
  return std::u32string_view(U"aeiouyıäöüūáóúýéâîû").find(c) != std::u32string_view::npos;
}

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'`' || c == U'\u00B4'; }

// Frequent words that settle a close call: Turkish function words, and Kazakh ones in the
// spellings of each Latin alphabet.
const std::unordered_map<std::u32string, Votes>& WordVotes() {
  static const std::unordered_map<std::u32string, Votes> words = [] {
    std::unordered_map<std::u32string, Votes> w;
    auto add = [&](std::u32string word, Candidate c, double v) { w[word][c] += v; };
    for (const char32_t* t : {U"ve", U"bu", U"için", U"ile", U"çok", U"olarak", U"daha", U"gibi", U"ama", U"değil",
                              U"kadar", U"sonra", U"ise", U"olan", U"bunu", U"şey", U"ki", U"mi", U"var", U"yok", U"bir", U"ev", U"en", U"her"})
      add(t, kTurkish, 3);
    for (const char32_t* t : {U"jäne", U"men", U"būl", U"bır", U"osy", U"öte", U"jaqsy", U"eken", U"üşın", U"bolyp", U"degen", U"bıraq", U"jetkızu"})
      add(t, k2021, 3);
    for (const char32_t* t : {U"jáne", U"men", U"bul", U"bir", U"osy", U"óte", U"jaqsy", U"eken", U"úshin", U"bolyp", U"degen", U"biraq", U"jetkizý"})
      add(t, k2018, 3);
    for (const char32_t* t : {U"ja'ne", U"men", U"bul", U"bir", U"osy", U"o'te", U"jaqsy", U"eken", U"u's'in", U"bolyp"})
      add(t, k2017, 3);
    // Frequent in Kazakh typed in plain ASCII letters (reviews), whatever the alphabet.
    for (const char32_t* t : {U"keremet", U"rahmet", U"raxmet", U"rakhmet", U"jaksi", U"jaksy", U"ote", U"magan",
                              U"unadi", U"unady", U"eken", U"kerek", U"zat", U"tauar"}) {
      add(t, k2021, 2);
      add(t, k2018, 2);
      add(t, k2017, 2);
    }
    return w;
  }();
  return words;
}

// Turkish writes an apostrophe between a proper name and its suffix (Ankara'da, Ali'nin).
bool IsTurkishSuffixAfterApostrophe(std::u32string_view rest) {
  static constexpr std::u32string_view kSuffixes[] = {
      U"da", U"de", U"ta", U"te", U"dan", U"den", U"tan", U"ten", U"a", U"e", U"ya", U"ye", U"ı", U"i", U"u", U"ü",
      U"yı", U"yi", U"yu", U"yü", U"nın", U"nin", U"nun", U"nün", U"ın", U"in", U"un", U"ün", U"la", U"le", U"yla",
      U"yle", U"daki", U"deki", U"taki", U"teki", U"dır", U"dir", U"dur", U"dür", U"lar", U"ler", U"na", U"ne"};
  for (std::u32string_view suffix : kSuffixes)
    if (rest == suffix) return true;
  return false;
}

// Letters counted by script, to refuse texts in none of the candidates' scripts.
struct ScriptCounts {
  std::uint64_t ours = 0;   // Latin and Cyrillic
  std::uint64_t other = 0;  // e.g. Arabic-script Uyghur
};

// Votes of one word (lowercase letters, apostrophes kept); `capitalized` when it began with a capital.
void Score(const std::u32string& word, bool capitalized, Votes* votes, ScriptCounts* scripts) {
  Votes v{};
  bool latin = false, cyrillic = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char32_t c = word[i];
    const char32_t next = i + 1 < word.size() ? word[i + 1] : 0;
    const unicode::Script script = unicode::ScriptOf(c);
    if (script == unicode::Script::kCyrillic) cyrillic = true;
    if (script == unicode::Script::kLatin) latin = true;
    if (script == unicode::Script::kLatin || script == unicode::Script::kCyrillic) ++scripts->ours;
    else if (script != unicode::Script::kCommon) ++scripts->other;
    switch (c) {
      case U'á': case U'ǵ': case U'ń': case U'ó': case U'ú': case U'ý': v[k2018] += 3; break;
      case U'ä': case U'ñ': case U'ū': case U'ŋ': v[k2021] += 3; break;
      case U'ş': case U'ğ': v[k2021] += 1; v[kTurkish] += 1; break;
      case U'ı': v[k2021] += 1; v[k2018] += 1; v[kTurkish] += 1; break;
      case U'ö': case U'ü': v[k2021] += 1; v[kTurkish] += 1; break;
      case U'ç': case U'â': case U'î': case U'û': v[kTurkish] += 3; break;
      case U'q': v[k2017] += 2; v[k2018] += 2; v[k2021] += 2; break;
      case U'x': case U'w': v[kTurkish] -= 1; break;  // not Turkish letters
      case U'j':  // Kazakh Ж, frequent; Turkish has j only in a few loans
        v[k2017] += 1; v[k2018] += 1; v[k2021] += 1; v[kTurkish] -= 0.5;
        break;
      case U'c':
        if (IsApostrophe(next)) v[k2017] += 2;
        else if (next == U'h') v[k2018] += 1;
        else v[kTurkish] += 2;  // Turkish c; Kazakh Latin has c only in c' (2017) and ch (2018)
        break;
      case U's':
        if (next == U'h') v[k2018] += 1;
        break;
      case U'y':
        // Kazakh Latin writes Ы as y between consonants (jaqsy, bolyp); in Turkish y is a
        // consonant that stands next to vowels.
        if (i > 0 && !IsVowel(word[i - 1]) && (next == 0 || !IsVowel(next))) {
          v[k2017] += 1;
          v[k2018] += 1;
          v[k2021] += 1;
          v[kTurkish] -= 1;
        }
        break;
      default:
        break;
    }
    // A name and its suffix: Turkish, not the 2017 apostrophe letters.
    if (IsApostrophe(next) && capitalized && IsTurkishSuffixAfterApostrophe(std::u32string_view(word).substr(i + 2))) {
      v[kTurkish] += 2;
      continue;
    }
    // 2017: a letter with an apostrophe inside a word (a' g' i' n' o' s' u' y').
    if (IsApostrophe(next) && i + 2 < word.size()) {
      switch (c) {
        case U'a': case U'g': case U'i': case U'n': case U'o': case U's': case U'u': case U'y': v[k2017] += 1.5; break;
        default: break;
      }
    }
  }
  // Vowel harmony: Turkish ı stands only with back vowels; Kazakh 2021 writes front І as ı,
  // next to e ä ö ü (bılım is back, but kelıp, dükenıne are not Turkish).
  const std::u32string_view w(word);
  // (Kazakh 2018 writes И/Й as ı in front words too: kıim, Respýblıka.)
  if (w.find(U'ı') != std::u32string_view::npos && w.find_first_of(U"eäöü") != std::u32string_view::npos) {
    v[k2021] += 3;
    v[k2018] += 3;
    v[kTurkish] -= 2;
  }
  // The Turkish present tense -yor.
  if (w.find(U"yor") != std::u32string_view::npos) v[kTurkish] += 2;
  // Letters Turkish does not have at all; a Latin text without any of them leans Turkish.
  if (latin && w.find_first_of(U"qäñūŋáǵńóúýwx'’ʼ") == std::u32string_view::npos) v[kTurkish] += 0.5;
  if (cyrillic && !latin) {
    v = {};
    v[kCyrl] = 3;  // a whole word in Cyrillic weighs as much as a distinctive Latin letter
  } else if (cyrillic) {
    return;  // mixed-script words say nothing
  }
  auto it = WordVotes().find(word);
  if (it != WordVotes().end())
    for (int c = 0; c < kCount; ++c) v[c] += it->second[c];
  for (int c = 0; c < kCount; ++c) (*votes)[c] += v[c];
}

}  // namespace

Detection DetectSource(std::string_view text) noexcept {
  Detection detection;
  try {
    if (text.size() > kMaxBytes) text = text.substr(0, kMaxBytes);
    Votes votes{};
    ScriptCounts scripts;
    std::u32string word;
    bool capitalized = false;
    auto flush = [&] {
      if (!word.empty()) Score(word, capitalized, &votes, &scripts);
      word.clear();
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
      const utf8::Decoded d = utf8::Decode(p, end);
      if (d.length <= 0) {
        flush();
        p += d.length < 0 ? -d.length : end - p;
        continue;
      }
      p += d.length;
      const char32_t c = d.code_point;
      // Apostrophes belong to the word when a letter follows (2017 a'; Turkish Ankara'da).
      if (unicode::IsWordChar(c) || (IsApostrophe(c) && !word.empty())) {
        if (word.empty()) capitalized = unicode::IsUpper(c);
        word.push_back(c == U'İ' ? U'i' : unicode::ToLower(c));  // I says nothing of ı or i
      } else {
        flush();
      }
    }
    flush();
    double total = 0;
    for (double v : votes) total += std::max(v, 0.0);
    for (int c = 0; c < kCount; ++c)
      detection.scores.emplace_back(kIds[c], total > 0 ? std::max(votes[c], 0.0) / total : 0.0);
    std::stable_sort(detection.scores.begin(), detection.scores.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (total > 0 && scripts.ours > scripts.other) {
      detection.id = detection.scores[0].first;
      detection.confidence = detection.scores[0].second - detection.scores[1].second;
    }
  } catch (const std::exception&) {
    detection = Detection{};
  }
  return detection;
}

}  // namespace ortaq
