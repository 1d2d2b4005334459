// RoundTrip: converts a text to another alphabet and back, and counts the word tokens that come
// back unchanged; the others are grouped by what changed in them.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "ortaq/tools.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

constexpr std::string_view kSplitOrJoined = "(words split or joined)";

// Splits text into words: maximal runs of letters and combining marks. Bytes that are not
// valid UTF-8 separate words.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0, start = std::string_view::npos;
  while (i < text.size()) {
    const std::size_t at = i;
    const utf8::Decoded d = utf8::Decode(data + i, data + text.size());
    const bool valid = d.length > 0;
    i += valid ? static_cast<std::size_t>(d.length) : d.length < 0 ? static_cast<std::size_t>(-d.length) : text.size() - i;
    const bool letter = valid && unicode::IsWordChar(d.code_point);
    if (letter && start == std::string_view::npos) start = at;
    if (!letter && start != std::string_view::npos) {
      words.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) words.push_back(text.substr(start));
  return words;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// The first `bytes` bytes of a line, cut back to a character boundary.
std::string_view Head(std::string_view line, std::size_t bytes) {
  if (line.size() <= bytes) return line;
  while (bytes > 0 && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) --bytes;
  return line.substr(0, bytes);
}

// "what → what": the part of the word that changed, by common prefix and suffix (code points).
std::string Cause(std::string_view original, std::string_view back) {
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  std::size_t prefix = 0;
  while (prefix < original.size() && prefix < back.size() && original[prefix] == back[prefix]) ++prefix;
  while (prefix > 0 && !is_lead(original[prefix])) --prefix;
  std::size_t suffix = 0;
  while (suffix < original.size() - prefix && suffix < back.size() - prefix &&
         original[original.size() - 1 - suffix] == back[back.size() - 1 - suffix])
    ++suffix;
  while (suffix > 0 && !is_lead(original[original.size() - suffix])) --suffix;
  std::string a(original.substr(prefix, original.size() - prefix - suffix));
  std::string b(back.substr(prefix, back.size() - prefix - suffix));
  return (a.empty() ? "∅" : a) + " → " + (b.empty() ? "∅" : b);
}

// The script most letters of the text are written in.
unicode::Script MainScript(std::string_view text) {
  std::map<unicode::Script, std::uint64_t> counts;
  for (char32_t cp : utf8::DecodeValid(text))
    if (unicode::IsWordChar(cp) && !unicode::IsMark(cp)) ++counts[unicode::ScriptOf(cp)];
  counts.erase(unicode::Script::kCommon);
  unicode::Script main = unicode::Script::kOther;
  std::uint64_t best = 0;
  for (const auto& [script, n] : counts)
    if (n > best) best = n, main = script;
  return main;
}

enum class TokenKind { kNative, kRepair, kForeign };

// A Roman numeral typed with the Cyrillic capitals Х and І (ХХІ): the tables write it in Latin
// letters, so it comes back Latin; a repair of the input, not a Kazakh word.
bool CyrillicRomanNumeral(std::string_view word) {
  std::size_t letters = 0;
  for (char32_t cp : utf8::DecodeValid(word)) {
    if (cp != U'Х' && cp != U'І') return false;
    ++letters;
  }
  return letters >= 2;
}

// A word of the text's own script, one mixing it with another (a look-alike or a wrong code
// point to repair), or a word of another script.
TokenKind KindOf(std::string_view word, unicode::Script main) {
  if (CyrillicRomanNumeral(word)) return TokenKind::kRepair;
  bool own = false, other = false;
  for (char32_t cp : utf8::DecodeValid(word)) {
    if (unicode::IsMark(cp)) continue;
    const unicode::Script s = unicode::ScriptOf(cp);
    if (s == unicode::Script::kCommon) continue;
    (s == main ? own : other) = true;
  }
  return !other ? TokenKind::kNative : own ? TokenKind::kRepair : TokenKind::kForeign;
}

struct Group {
  std::uint64_t count = 0;
  std::map<std::string, std::uint64_t, std::less<>> words;  // "original → back" with counts
};

Group& GroupFor(std::map<std::string, Group, std::less<>>* groups, std::string cause) {
  auto it = groups->find(cause);
  if (it == groups->end()) it = groups->emplace(std::move(cause), Group{}).first;
  return it->second;
}

// Most frequent first; equal counts in the order of the text (as a stable sort of a map gives).
template <typename T>
void SortByCount(std::vector<T>* items) {
  std::stable_sort(items->begin(), items->end(), [](const T& x, const T& y) { return x.second > y.second; });
}

}  // namespace

double RoundTripReport::Share() const noexcept {
  return tokens == 0 ? 100.0 : 100.0 * static_cast<double>(unchanged) / static_cast<double>(tokens);
}

double RoundTripReport::NativeShare() const noexcept {
  return native_tokens == 0 ? 100.0 : 100.0 * static_cast<double>(native_unchanged) / static_cast<double>(native_tokens);
}

Status RoundTrip(const Transliterator& forward, const Transliterator& backward, std::string_view text,
                 RoundTripReport* report) {
  if (report == nullptr) return Status(StatusCode::kInvalidArgument, "RoundTrip needs a report to add to");
  std::string middle, back;
  Status status = forward.Transliterate(text, &middle);
  if (!status.ok()) return status;
  status = backward.Transliterate(middle, &back);
  if (!status.ok()) return status;

  // What the report holds so far, as maps, so that this text's counts can be added.
  std::map<std::string, Group, std::less<>> groups;
  for (const RoundTripReport::Cause& c : report->causes) {
    Group& g = groups[c.cause];
    g.count += c.count;
    for (const auto& [word, n] : c.examples) g.words[word] += n;
  }
  std::uint64_t tokens = 0, unchanged = 0;
  std::uint64_t kinds[3] = {0, 0, 0}, kinds_changed[3] = {0, 0, 0};
  const unicode::Script main = MainScript(text);
  auto count_kind = [&](std::string_view word, bool changed) {
    const auto k = static_cast<std::size_t>(KindOf(word, main));
    ++kinds[k];
    if (changed) ++kinds_changed[k];
  };
  std::vector<std::string_view> a_lines = Lines(text), b_lines = Lines(back);
  if (a_lines.size() != b_lines.size()) {
    a_lines = {text};
    b_lines = {back};
  }
  for (std::size_t l = 0; l < a_lines.size(); ++l) {
    const auto a = Words(a_lines[l]);
    const auto b = Words(b_lines[l]);
    tokens += a.size();
    if (a.size() != b.size()) {
      Group& g = GroupFor(&groups, std::string(kSplitOrJoined));
      g.count += a.size();
      g.words[std::string(Head(a_lines[l], 60)) + " → " + std::string(Head(b_lines[l], 60))]++;
      for (std::string_view word : a) count_kind(word, true);
      continue;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      count_kind(a[i], a[i] != b[i]);
      if (a[i] == b[i]) {
        ++unchanged;
        continue;
      }
      Group& g = GroupFor(&groups, Cause(a[i], b[i]));
      ++g.count;
      g.words[std::string(a[i]) + " → " + std::string(b[i])]++;
    }
  }

  report->tokens += tokens;
  report->unchanged += unchanged;
  report->native_tokens += kinds[0];
  report->native_unchanged += kinds[0] - kinds_changed[0];
  report->repair_tokens += kinds[1];
  report->repair_changed += kinds_changed[1];
  report->foreign_tokens += kinds[2];
  report->foreign_changed += kinds_changed[2];
  std::vector<std::pair<std::string, std::uint64_t>> order;
  order.reserve(groups.size());
  for (const auto& [cause, group] : groups) order.emplace_back(cause, group.count);
  SortByCount(&order);
  std::vector<RoundTripReport::Cause> causes;
  causes.reserve(order.size());
  for (auto& [cause, count] : order) {
    Group& group = groups.find(cause)->second;
    RoundTripReport::Cause c;
    c.cause = std::move(cause);
    c.count = count;
    c.examples.reserve(group.words.size());
    for (auto& [word, n] : group.words) c.examples.emplace_back(word, n);
    SortByCount(&c.examples);
    causes.push_back(std::move(c));
  }
  report->causes = std::move(causes);
  return Status();
}

}  // namespace ortaq
