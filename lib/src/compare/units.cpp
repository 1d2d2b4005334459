#include "compare/units.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "text/unicode.hpp"

namespace ortaq::compare {
namespace {

// Kazakh Cyrillic letters that stand for two sounds (ё yo, ю yu, я ya, ц ts, щ shch): their
// two-letter outputs are letter sequences, not digraphs.
constexpr std::u32string_view kTwoSoundLetters = U"ёюяцщ";

std::string UpperEach(std::string_view text) {
  std::string out;
  for (char32_t cp : utf8::DecodeValid(text)) utf8::Append(out, unicode::ToUpper(cp));
  return out;
}

std::vector<std::string> LettersOf(std::string_view text) {
  std::vector<std::string> letters;
  ForEachLetter(text, [&](std::string_view l) { letters.emplace_back(l); });
  return letters;
}

bool HasApostrophe(std::string_view text) {
  for (char32_t cp : utf8::DecodeValid(text)) {
    if (IsApostrophe(cp)) return true;
  }
  return false;
}

}  // namespace

std::string KindOfLetter(std::string_view letter) {
  const std::u32string cps = utf8::DecodeValid(letter);
  if (cps.size() == 1 && cps[0] < 0x80) return "plain";
  if (cps.size() > 1 || utf8::DecodeValid(unicode::ToNfd(letter)).size() > 1) return "diacritic";
  return "special";
}

Status FindUnits(const Transliterator& t, const std::vector<SourceLetter>& letters, Units* units) {
  *units = Units();
  std::vector<std::string_view> lowers, uppers;
  for (const SourceLetter& l : letters) {
    lowers.push_back(l.lower);
    uppers.push_back(l.upper);
  }
  std::vector<std::string> lower_out, upper_out;
  Status status = ConvertEach(t, lowers, &lower_out);
  if (status.ok()) status = ConvertEach(t, uppers, &upper_out);
  if (!status.ok()) return status;

  std::map<std::string, std::size_t> index;  // unit → position in units->units
  const auto add = [&](const std::string& lower, const std::string& upper, const std::string& kind,
                       const std::string& source) {
    auto [it, added] = index.emplace(lower, units->units.size());
    if (added) units->units.push_back({lower, upper, kind, {}});
    std::vector<std::string>& sources = units->units[it->second].sources;
    if (!source.empty() && std::find(sources.begin(), sources.end(), source) == sources.end()) {
      sources.push_back(source);
    }
  };
  std::map<std::string, std::set<std::string>> lowers_of_upper, uppers_of_lower;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const std::string& out = lower_out[i];
    units->output_of[letters[i].lower] = out;
    const std::vector<std::string> out_letters = LettersOf(out);
    if (out_letters.empty()) continue;
    const bool two_sounds = kTwoSoundLetters.find(utf8::DecodeValid(letters[i].lower)[0]) != std::u32string_view::npos;
    if (out_letters.size() == 1 && !HasApostrophe(out)) {
      const std::vector<std::string> up = LettersOf(upper_out[i]);
      const std::string upper = up.size() == 1 ? up[0] : UpperEach(out);
      add(out, upper, KindOfLetter(out), letters[i].lower);
      if (up.size() == 1) {
        lowers_of_upper[upper].insert(out);
        uppers_of_lower[out].insert(upper);
      }
    } else if (out_letters.size() == 1) {
      add(out, upper_out[i], "apostrophe", letters[i].lower);
      units->digraph_kind[out] = "apostrophe";
    } else if (out_letters.size() == 2 && !HasApostrophe(out) && !two_sounds) {
      add(out, UpperEach(out), "digraph", letters[i].lower);
      units->digraph_kind[out] = "digraph";
    } else {
      for (const std::string& l : out_letters) add(l, UpperEach(l), KindOfLetter(l), "");
    }
  }
  for (const auto& [multi, kind] : units->digraph_kind) units->multi.push_back(multi);
  std::sort(units->multi.begin(), units->multi.end(),
            [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  for (const auto& [upper, lowers_set] : lowers_of_upper) {
    if (lowers_set.size() < 2) continue;
    std::string text = upper + " ←";
    for (const std::string& l : lowers_set) text += " " + l;
    units->case_collisions.push_back(text);
  }
  for (const auto& [lower, uppers_set] : uppers_of_lower) {
    if (uppers_set.size() < 2) continue;
    std::string text = lower + " →";
    for (const std::string& u : uppers_set) text += " " + u;
    units->case_collisions.push_back(text);
  }
  return Status();
}

}  // namespace ortaq::compare
