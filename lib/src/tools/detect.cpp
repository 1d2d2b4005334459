// Source detection: every language of the detection data gets a score from the letters,
// sequences and words of the text (tools/detect_model.hpp); the scores become probabilities
// through a softmax. All language knowledge is in the data file, none here.
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "table/builtin_tables.hpp"
#include "table/table_loader.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"
#include "tools/detect_model.hpp"

namespace ortaq {
namespace {

using detect::Language;
using detect::Model;

constexpr std::size_t kMaxBytes = 1 << 20;
constexpr const char* kDataFile = "detect/languages.txt";

struct LoadedModel {
  Model model;
  std::string error;  // formatted diagnostics; the model is unusable when set
};

std::shared_ptr<const LoadedModel> LoadModel(const std::string& path) {
  auto loaded = std::make_shared<LoadedModel>();
  std::string text, error;
  if (path.empty()) {
    loaded->error = std::string("no ") + kDataFile + " on the table search path (ORTAQ_TABLE_PATH)";
  } else if (!ReadFile(path, &text, &error)) {
    loaded->error = error;
  } else {
    std::vector<Diagnostic> diagnostics;
    loaded->model = detect::ParseModel(text, path, &diagnostics);
    for (const Diagnostic& d : diagnostics) loaded->error += d.Format();
  }
  return loaded;
}

std::string DefaultDataFile() {
  for (const std::string& dir : TableSearchPath(Options{})) {
    const std::string candidate = (std::filesystem::path(dir) / kDataFile).string();
    if (TableFileExists(candidate)) return candidate;  // (the built-in tables' copy included)
  }
  return {};
}

// Models are read once per file and shared; they are immutable after loading.
std::shared_ptr<const LoadedModel> ModelFor(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const LoadedModel>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[path];
  if (!slot) slot = LoadModel(path);
  return slot;
}

int ScriptOf(char32_t c) {
  UErrorCode error = U_ZERO_ERROR;
  return static_cast<int>(uscript_getScript(static_cast<UChar32>(c), &error));
}

bool Matches(const detect::Pattern& p, const std::u32string& word, std::size_t at) {
  if (p.at_start && at != 0) return false;
  if (at + p.slots.size() > word.size()) return false;
  if (p.at_end && at + p.slots.size() != word.size()) return false;
  for (std::size_t k = 0; k < p.slots.size(); ++k)
    if (p.slots[k].find(word[at + k]) == std::u32string::npos) return false;
  return true;
}

bool HasAny(const std::u32string& word, std::u32string_view letters) {
  return word.find_first_of(letters) != std::u32string::npos;
}

// The score of one word for one language: its letters, sequences, the word itself, harmony.
double ScoreWord(const Model& model, const Language& language, const std::u32string& word) {
  double score = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char32_t c = word[i];
    const int script = ScriptOf(c);
    if (script > USCRIPT_INHERITED && unicode::IsWordChar(c)) {
      if (script != language.script) score += model.other_script;
      else if (!language.alphabet.count(c)) score += model.outside_alphabet;
    }
    if (auto it = language.patterns_by_first.find(c); it != language.patterns_by_first.end())
      for (int index : it->second)
        if (Matches(language.patterns[static_cast<std::size_t>(index)], word, i))
          score += language.patterns[static_cast<std::size_t>(index)].weight;
  }
  if (auto it = language.words.find(word); it != language.words.end()) score += it->second;
  for (const detect::Mix& mix : language.mixes)
    if (HasAny(word, mix.first) && HasAny(word, mix.second)) score += mix.weight;
  return score;
}

// Splits text into lower-case words (apostrophe variants folded and kept inside words) and
// counts letters by script and by letter.
class Reader {
 public:
  explicit Reader(const Model& model) : model_(model) {}

  void Read(std::string_view text) {
    // A text that writes İ pairs I with ı (Turkish, Azerbaijani, CTA, Kazakh 2021); otherwise a
    // capital I says nothing of ı or i and is read as i.
    const char32_t capital_i = text.find("\u0130") != std::string_view::npos ? U'ı' : U'i';
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
      const utf8::Decoded d = utf8::Decode(p, end);
      if (d.length <= 0) {
        Flush();
        p += d.length < 0 ? -d.length : end - p;
        continue;
      }
      p += d.length;
      char32_t c = d.code_point == U'İ' ? U'i' : d.code_point == U'I' ? capital_i : unicode::ToLower(d.code_point);
      if (auto it = model_.fold.find(c); it != model_.fold.end()) c = it->second;
      if (unicode::IsWordChar(c)) {
        word_.push_back(c);
        const int script = ScriptOf(c);
        if (script > USCRIPT_INHERITED) {
          ++letters_by_script[script];
          ++letter_counts[c];
          ++letters;
        }
      } else if (!word_.empty() && model_.fold.count(d.code_point) + model_.fold.count(c) > 0) {
        word_.push_back(c);  // an apostrophe inside a word (2017 a', Turkish Ankara'da, Uzbek oʻ)
      } else {
        Flush();
      }
    }
    Flush();
  }

  std::unordered_map<std::u32string, std::uint64_t> words;
  std::unordered_map<int, std::uint64_t> letters_by_script;
  std::unordered_map<char32_t, std::uint64_t> letter_counts;
  std::uint64_t letters = 0;

 private:
  void Flush() {
    while (!word_.empty() && !unicode::IsWordChar(word_.back())) word_.pop_back();
    if (!word_.empty()) ++words[word_];
    word_.clear();
  }

  const Model& model_;
  std::u32string word_;
};

// Missing expected letters: a long text in the language has them at a known rate.
double ExpectationPenalty(const Language& language, const Reader& reader) {
  double penalty = 0;
  auto n = reader.letters_by_script.find(language.script);
  const double letters = n == reader.letters_by_script.end() ? 0.0 : static_cast<double>(n->second);
  for (const detect::Expectation& e : language.expectations) {
    double seen = 0;
    for (char32_t c : e.letters)
      if (auto it = reader.letter_counts.find(c); it != reader.letter_counts.end()) seen += static_cast<double>(it->second);
    penalty += e.weight * std::max(0.0, letters / e.per - seen);
  }
  return penalty;
}

Detection Detect(const Model& model, std::string_view text) {
  Detection detection;
  if (text.size() > kMaxBytes) text = text.substr(0, kMaxBytes);
  Reader reader(model);
  reader.Read(text);
  detection.letters = reader.letters;
  if (reader.letters == 0) return detection;
  std::vector<double> scores(model.languages.size(), 0.0);
  for (std::size_t l = 0; l < model.languages.size(); ++l) {
    const Language& language = model.languages[l];
    for (const auto& [word, count] : reader.words) scores[l] += static_cast<double>(count) * ScoreWord(model, language, word);
    scores[l] += ExpectationPenalty(language, reader);
  }
  const std::size_t best = static_cast<std::size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  double total = 0;
  std::vector<double> probability(scores.size());
  for (std::size_t l = 0; l < scores.size(); ++l) total += probability[l] = std::exp((scores[l] - scores[best]) / model.softness);
  for (std::size_t l = 0; l < scores.size(); ++l) detection.scores.emplace_back(model.languages[l].id, probability[l] / total);
  std::stable_sort(detection.scores.begin(), detection.scores.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  // A text no language fits (French, Persian...) is unknown rather than the least bad guess.
  if (scores[best] / static_cast<double>(reader.letters) < model.least_fit) return detection;
  detection.language = model.languages[best].id;
  detection.confidence = probability[best] / total;
  if (model.languages[best].converts) detection.id = detection.language;
  return detection;
}

Detection DetectWith(const std::string& path, std::string_view text) {
  try {
    const std::shared_ptr<const LoadedModel> loaded = ModelFor(path);
    if (!loaded->error.empty()) {
      Detection failed;
      failed.error = loaded->error;
      return failed;
    }
    return Detect(loaded->model, text);
  } catch (const std::exception& e) {
    Detection failed;
    failed.error = std::string("internal error: ") + e.what();
    return failed;
  }
}

}  // namespace

Detection DetectSource(std::string_view text) {
  static const std::string path = DefaultDataFile();
  return DetectWith(path, text);
}

Detection DetectSource(std::string_view text, const std::string& data_file) { return DetectWith(data_file, text); }

}  // namespace ortaq
