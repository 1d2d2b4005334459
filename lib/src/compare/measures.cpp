// One proposal's figures, from its running counts and its outputs of the distinct word forms.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>
#include <unicode/uchar.h>

#include "compare/units.hpp"
#include "text/unicode.hpp"

namespace ortaq::compare {
namespace {

// Reference alphabets (lowercase), for the overlap measure.
const std::vector<std::pair<std::string, std::vector<std::string>>>& ReferenceAlphabets() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> alphabets = {
      {"tr", {"a", "b", "c", "ç", "d", "e", "f", "g", "ğ", "h", "ı", "i", "j", "k", "l", "m", "n", "o", "ö",
              "p", "r", "s", "ş", "t", "u", "ü", "v", "y", "z"}},
      {"az", {"a", "b", "c", "ç", "d", "e", "ə", "f", "g", "ğ", "h", "x", "ı", "i", "j", "k", "q", "l", "m",
              "n", "o", "ö", "p", "r", "s", "ş", "t", "u", "ü", "v", "y", "z"}},
      {"uz", {"a", "b", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
              "u", "v", "x", "y", "z", "oʻ", "gʻ", "sh", "ch", "ng"}},
  };
  return alphabets;
}

// The Turkish alphabet's letters in both cases, and the circumflex vowels Turkish spelling uses.
bool IsTurkishLetter(char32_t cp) {
  static const std::u32string letters = U"abcçdefgğhıijklmnoöprsştuüvyzâîûABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZÂÎÛ";
  return letters.find(cp) != std::u32string::npos;
}

std::string BlockName(char32_t cp) {
  const int block = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_BLOCK);
  const char* name = u_getPropertyValueName(UCHAR_BLOCK, block, U_LONG_PROPERTY_NAME);
  std::string text = name ? name : "Unknown";
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

double Per100(std::uint64_t n, std::uint64_t total) { return total == 0 ? 0.0 : 100.0 * n / total; }
double Share(std::uint64_t n, std::uint64_t total) { return total == 0 ? 0.0 : static_cast<double>(n) / total; }
double ChangePercent(std::uint64_t now, std::uint64_t before) {
  return before == 0 ? 0.0 : 100.0 * (static_cast<double>(now) - static_cast<double>(before)) / before;
}

// Groups of ≥ 2 members, largest running count first, the first `limit` kept as examples.
void RankGroups(std::vector<WordGroup>* groups, int limit) {
  for (WordGroup& g : *groups) {
    std::sort(g.words.begin(), g.words.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  }
  std::sort(groups->begin(), groups->end(), [](const WordGroup& a, const WordGroup& b) {
    return a.count != b.count ? a.count > b.count : a.output < b.output;
  });
  if (groups->size() > static_cast<std::size_t>(std::max(0, limit))) groups->resize(std::max(0, limit));
}

// Digraph texts of a proposal (not its apostrophe letters).
using DigraphSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
DigraphSet DigraphsOf(const Units& units) {
  DigraphSet digraphs;
  for (const auto& [multi, kind] : units.digraph_kind) {
    if (kind == "digraph") digraphs.insert(multi);
  }
  return digraphs;
}

// The members of numbered groups, as chains through one array (no allocation per group).
class Members {
 public:
  void Add(std::uint32_t group, std::uint32_t member) {
    if (group >= heads_.size()) heads_.resize(group + 1, {kNone, 0});
    if (member >= next_.size()) next_.resize(member + 1, kNone);
    next_[member] = heads_[group].first;
    heads_[group] = {member, heads_[group].second + 1};
  }
  std::size_t Size(std::uint32_t group) const { return group < heads_.size() ? heads_[group].second : 0; }
  template <typename F>
  void ForEach(std::uint32_t group, F f) const {
    for (std::uint32_t m = heads_[group].first; m != kNone; m = next_[m]) f(m);
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> heads_;  // first member, member count
  std::vector<std::uint32_t> next_;                              // by member: the next in its group
};

using LetterCounts = std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>>;

// Running counts of a proposal's letters (its units), found by code point for the letters of one
// code point and by text for the others.
class UnitCounter {
 public:
  explicit UnitCounter(const Units& units) : counts_(units.units.size()) {
    by_code_point_.fill(-1);
    for (std::size_t i = 0; i < units.units.size(); ++i) {
      const std::u32string cps = utf8::DecodeValid(units.units[i].lower);
      if (cps.size() == 1 && cps[0] < kClassTableSize) by_code_point_[cps[0]] = static_cast<int>(i);
      by_text_.emplace(units.units[i].lower, i);
    }
  }
  void Add(std::string_view letter, std::uint64_t n) {
    if (!letter.empty() && letter.size() <= 2) {
      auto* p = reinterpret_cast<const unsigned char*>(letter.data());
      const utf8::Decoded d = DecodeFast(p, p + letter.size());
      if (d.length == static_cast<int>(letter.size()) && d.code_point < kClassTableSize) {
        if (by_code_point_[d.code_point] >= 0) counts_[by_code_point_[d.code_point]] += n;
        return;
      }
    }
    if (auto it = by_text_.find(letter); it != by_text_.end()) counts_[it->second] += n;
  }
  std::uint64_t Count(std::size_t unit) const { return counts_[unit]; }

 private:
  std::vector<std::uint64_t> counts_;
  std::array<int, kClassTableSize> by_code_point_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> by_text_;
};

}  // namespace

std::vector<KeyboardStat> MeasureKeyboards(const std::vector<Keyboard>& keyboards, const RunningCounts& counts,
                                           const std::u32string& letters) {
  std::vector<KeyboardStat> stats;
  for (const Keyboard& keyboard : keyboards) {
    KeyboardStat stat;
    stat.layout = keyboard.name();
    std::uint64_t keys = 0, typed = 0, untypeable = 0;
    std::vector<std::pair<std::uint64_t, char32_t>> missing;
    counts.ForEachFrequency([&](char32_t cp, std::uint64_t n) {
      const bool letter = IsLetter(cp);
      if (letter && !letters.empty() && letters.find(cp) == std::u32string::npos) return;
      const int cost = letter || IsApostrophe(cp) ? keyboard.CodePointCost(cp) : keyboard.MarkCost(cp);
      if (cost == 0) {
        if (letter) untypeable += n;
        missing.emplace_back(n, cp);
        return;
      }
      keys += static_cast<std::uint64_t>(cost) * n;
      if (letter) typed += n;
    });
    std::sort(missing.begin(), missing.end(), std::greater<>());
    for (const auto& [n, cp] : missing) {
      std::string text;
      if (!IsLetter(cp)) text = "\u25CC";  // a dotted circle carries a lone mark
      utf8::Append(text, cp);
      stat.untypeable.push_back(text);
    }
    stat.keys_per_word = counts.words == 0 ? 0.0 : static_cast<double>(keys) / counts.words;
    stat.keys_per_letter = typed == 0 ? 0.0 : static_cast<double>(keys) / typed;
    stat.untypeable_per_100_letters = Per100(untypeable, counts.letters);
    stats.push_back(std::move(stat));
  }
  return stats;
}

Status MeasureProposal(const Corpus& corpus, const ProposalState& state, ProposalReport* report) {
  const Transliterator& t = *state.proposal.transliterator;
  const RunningCounts& run = state.counts;
  *report = ProposalReport();
  report->id = state.proposal.id;
  report->table = t.info().title;
  report->letters = run.letters;
  report->words = run.words;
  report->bytes = run.bytes;
  report->non_ascii_letters = run.non_ascii_letters;
  report->non_ascii_per_100_letters = Per100(run.non_ascii_letters, run.letters);
  report->words_with_non_ascii_count = run.words_with_non_ascii;
  report->words_with_non_ascii = Share(run.words_with_non_ascii, run.words);
  report->apostrophes = run.apostrophes > corpus.source.apostrophes ? run.apostrophes - corpus.source.apostrophes : 0;
  report->apostrophes_per_100_letters = Per100(report->apostrophes, run.letters);
  report->letters_change_percent = ChangePercent(run.letters, corpus.source.letters);
  report->bytes_change_percent = ChangePercent(run.bytes, corpus.source.bytes);
  run.ForEachFrequency([&](char32_t cp, std::uint64_t n) {
    if (IsLetter(cp) && !IsTurkishLetter(cp)) report->outside_turkish += n;
  });
  report->outside_turkish_per_100_letters = Per100(report->outside_turkish, run.letters);
  Units units;
  if (Status status = FindUnits(t, corpus.letters, &units); !status.ok()) return status;
  std::u32string proposal_code_points;
  for (const Unit& u : units.units) {
    proposal_code_points += utf8::DecodeValid(u.lower);
    proposal_code_points += utf8::DecodeValid(u.upper);
  }
  report->keyboards = MeasureKeyboards(corpus.keyboards, run, proposal_code_points);
  report->case_collisions = units.case_collisions;

  // Digraphs written in each source letter's output (щ → shch holds two).
  const DigraphSet digraphs = DigraphsOf(units);
  LetterCounts digraphs_of_letter;
  for (const auto& [letter, out] : units.output_of) {
    std::uint64_t n = 0;
    Segment(out, units.multi, [&](std::string_view u, bool multi) {
      if (multi && digraphs.count(u)) ++n;
    });
    digraphs_of_letter.emplace(letter, n);
  }

  // Word forms: letter counts, digraphs read where none was meant, homographs.
  UnitCounter unit_counts(units);
  WordTable outputs;                        // distinct outputs of clean forms, by group number
  std::vector<std::uint64_t> output_counts;  // running words per group
  Members output_forms;                      // the forms of each group
  outputs.Reserve(corpus.forms.size());
  std::vector<std::pair<std::uint64_t, std::string>> false_examples;
  std::uint64_t total_words = 0;
  for (std::size_t f = 0; f < corpus.forms.size(); ++f) {
    const std::uint64_t count = corpus.form_counts[f];
    const std::string& out = state.outputs[f];
    total_words += count;
    if (!corpus.clean[f]) continue;
    std::uint64_t found = 0;
    Segment(out, units.multi, [&](std::string_view u, bool multi) {
      unit_counts.Add(u, count);
      if (multi && digraphs.count(u)) ++found;
    });
    std::uint64_t meant = 0;
    if (!digraphs.empty()) {
      ForEachLetter(corpus.forms[f], [&](std::string_view letter) {
        auto it = digraphs_of_letter.find(letter);
        if (it != digraphs_of_letter.end()) meant += it->second;
      });
    }
    report->digraphs += count * std::min(found, meant);
    if (found > meant) {
      report->false_digraphs += count * (found - meant);
      false_examples.emplace_back(count, std::string(corpus.forms[f]) + " → " + out);
    }
    if (out.empty()) continue;
    const std::uint32_t group = outputs.InternView(out);
    if (group == output_counts.size()) output_counts.push_back(0);
    output_counts[group] += count;
    output_forms.Add(group, static_cast<std::uint32_t>(f));
  }
  report->digraphs_per_100_letters = Per100(report->digraphs, run.letters);
  std::sort(false_examples.begin(), false_examples.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (std::size_t i = 0; i < false_examples.size() && i < static_cast<std::size_t>(corpus.options.examples); ++i) {
    report->false_digraph_examples.emplace_back(false_examples[i].second, false_examples[i].first);
  }

  // Homographs: outputs of two forms or more; ASCII-fold collisions: folds of two outputs or more.
  std::vector<WordGroup> homographs;
  std::uint64_t homograph_words = 0;
  WordTable folds_seen;
  folds_seen.Reserve(outputs.size());
  std::vector<std::uint64_t> fold_counts;
  Members fold_outputs;  // the groups of each fold
  for (std::uint32_t g = 0; g < outputs.size(); ++g) {
    if (output_forms.Size(g) >= 2) {
      WordGroup group;
      group.output = std::string(outputs.words()[g]);
      group.count = output_counts[g];
      output_forms.ForEach(g, [&](std::uint32_t f) { group.words.emplace_back(corpus.forms[f], corpus.form_counts[f]); });
      homographs.push_back(std::move(group));
      homograph_words += output_counts[g];
    }
    const std::uint32_t fold = folds_seen.Intern(AsciiFold(outputs.words()[g]));
    if (fold == fold_counts.size()) fold_counts.push_back(0);
    fold_counts[fold] += output_counts[g];
    fold_outputs.Add(fold, g);
  }
  report->homograph_groups = homographs.size();
  report->homograph_running_share = Share(homograph_words, total_words);
  RankGroups(&homographs, corpus.options.examples);
  report->homograph_examples = std::move(homographs);

  std::vector<WordGroup> folds;
  std::uint64_t fold_words = 0;
  for (std::uint32_t k = 0; k < folds_seen.size(); ++k) {
    if (fold_outputs.Size(k) < 2) continue;
    WordGroup group;
    group.output = std::string(folds_seen.words()[k]);
    group.count = fold_counts[k];
    fold_outputs.ForEach(k, [&](std::uint32_t g) { group.words.emplace_back(outputs.words()[g], output_counts[g]); });
    fold_words += group.count;
    folds.push_back(std::move(group));
  }
  report->ascii_fold_collisions = folds.size();
  report->ascii_fold_running_share = Share(fold_words, total_words);
  RankGroups(&folds, corpus.options.examples);
  report->ascii_fold_examples = std::move(folds);

  // The inventory: the proposal's letters with their counts in the converted forms.
  std::set<std::string> proposal_letters;
  for (std::size_t i = 0; i < units.units.size(); ++i) {
    const Unit& u = units.units[i];
    LetterStat stat;
    stat.letter = u.lower;
    stat.upper = u.upper;
    const std::u32string cps = utf8::DecodeValid(u.lower);
    stat.code_points.assign(cps.begin(), cps.end());
    stat.precomposed = stat.code_points.size() == 1;
    stat.block = stat.code_points.empty() ? "" : BlockName(stat.code_points[0]);
    stat.kind = u.kind;
    stat.count = unit_counts.Count(i);
    for (const std::string& s : u.sources) stat.source += (stat.source.empty() ? "" : " ") + s;
    for (const Keyboard& k : corpus.keyboards) {
      stat.keys_lower.push_back(k.Cost(u.lower));
      stat.keys_upper.push_back(k.Cost(u.upper));
    }
    proposal_letters.insert(u.lower);
    report->inventory.push_back(std::move(stat));
  }
  std::stable_sort(report->inventory.begin(), report->inventory.end(),
                   [](const LetterStat& a, const LetterStat& b) { return a.count > b.count; });

  for (const auto& [name, alphabet] : ReferenceAlphabets()) {
    Overlap overlap;
    overlap.alphabet = name;
    const std::set<std::string> reference(alphabet.begin(), alphabet.end());
    for (const std::string& l : proposal_letters) {
      if (reference.count(l)) ++overlap.shared; else overlap.only_proposal.push_back(l);
    }
    for (const std::string& l : alphabet) {
      if (!proposal_letters.count(l)) overlap.only_reference.push_back(l);
    }
    report->overlap.push_back(std::move(overlap));
  }
  return Status();
}

}  // namespace ortaq::compare
