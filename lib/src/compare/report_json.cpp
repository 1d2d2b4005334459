// The complete record of a comparison as JSON (fields documented in docs/compare.md).
#include <cstdio>

#include "compare/report_util.hpp"

namespace ortaq {
namespace {

using compare::JsonString;
using compare::Number;

std::string StringArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + JsonString(items[i]);
  return out + "]";
}

std::string IntArray(const std::vector<int>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + std::to_string(items[i]);
  return out + "]";
}

std::string Groups(const std::vector<WordGroup>& groups) {
  std::string out = "[";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const WordGroup& g = groups[i];
    out += std::string(i ? ", " : "") + "{\"output\": " + JsonString(g.output) + ", \"count\": " +
           std::to_string(g.count) + ", \"words\": [";
    for (std::size_t k = 0; k < g.words.size(); ++k) {
      out += std::string(k ? ", " : "") + "{\"word\": " + JsonString(g.words[k].first) +
             ", \"count\": " + std::to_string(g.words[k].second) + "}";
    }
    out += "]}";
  }
  return out + "]";
}

std::string Keyboards(const std::vector<KeyboardStat>& keyboards, const std::string& indent) {
  std::string out = "[";
  for (std::size_t i = 0; i < keyboards.size(); ++i) {
    const KeyboardStat& k = keyboards[i];
    out += std::string(i ? "," : "") + "\n" + indent + "  {\"layout\": " + JsonString(k.layout) +
           ", \"keys_per_word\": " + Number(k.keys_per_word) + ", \"keys_per_letter\": " +
           Number(k.keys_per_letter) + ", \"untypeable_per_100_letters\": " +
           Number(k.untypeable_per_100_letters) + ", \"untypeable\": " + StringArray(k.untypeable) + "}";
  }
  return out + (keyboards.empty() ? "]" : "\n" + indent + "]");
}

std::string Inventory(const std::vector<LetterStat>& inventory) {
  std::string out = "[";
  for (std::size_t i = 0; i < inventory.size(); ++i) {
    const LetterStat& l = inventory[i];
    std::string cps = "[";
    for (std::size_t k = 0; k < l.code_points.size(); ++k) cps += (k ? ", " : "") + JsonString(compare::CodePointName(l.code_points[k]));
    cps += "]";
    out += std::string(i ? "," : "") + "\n      {\"letter\": " + JsonString(l.letter) + ", \"upper\": " +
           JsonString(l.upper) + ", \"code_points\": " + cps + ", \"precomposed\": " +
           (l.precomposed ? "true" : "false") + ", \"block\": " + JsonString(l.block) + ", \"kind\": " +
           JsonString(l.kind) + ", \"count\": " + std::to_string(l.count) + ", \"source\": " +
           JsonString(l.source) + ", \"keys_lower\": " + IntArray(l.keys_lower) + ", \"keys_upper\": " +
           IntArray(l.keys_upper) + "}";
  }
  return out + (inventory.empty() ? "]" : "\n    ]");
}

std::string ProposalJson(const ProposalReport& p) {
  std::vector<std::string> letters;
  for (const LetterStat& l : p.inventory) {
    letters.push_back(l.letter);
  }
  std::string out = "    {\n";
  const auto field = [&](const char* name, const std::string& value, bool last = false) {
    out += std::string("      \"") + name + "\": " + value + (last ? "\n" : ",\n");
  };
  field("id", JsonString(p.id));
  field("table", JsonString(p.table));
  field("letters", StringArray(letters));
  field("letter_count", std::to_string(p.letters));
  field("word_count", std::to_string(p.words));
  field("byte_count", std::to_string(p.bytes));
  field("non_ascii_letters", std::to_string(p.non_ascii_letters));
  field("non_ascii_per_100_letters", Number(p.non_ascii_per_100_letters));
  field("words_with_non_ascii", Number(p.words_with_non_ascii));
  field("words_with_non_ascii_count", std::to_string(p.words_with_non_ascii_count));
  field("digraphs", std::to_string(p.digraphs));
  field("digraphs_per_100_letters", Number(p.digraphs_per_100_letters));
  field("false_digraphs", std::to_string(p.false_digraphs));
  std::string false_examples = "[";
  for (std::size_t i = 0; i < p.false_digraph_examples.size(); ++i) {
    false_examples += std::string(i ? ", " : "") + "{\"word\": " + JsonString(p.false_digraph_examples[i].first) +
                      ", \"count\": " + std::to_string(p.false_digraph_examples[i].second) + "}";
  }
  field("false_digraph_examples", false_examples + "]");
  field("apostrophes", std::to_string(p.apostrophes));
  field("apostrophes_per_100_letters", Number(p.apostrophes_per_100_letters));
  field("case_collisions", StringArray(p.case_collisions));
  field("homograph_groups", std::to_string(p.homograph_groups));
  field("homograph_running_share", Number(p.homograph_running_share));
  field("homograph_examples", Groups(p.homograph_examples));
  field("ascii_fold_collisions", std::to_string(p.ascii_fold_collisions));
  field("ascii_fold_running_share", Number(p.ascii_fold_running_share));
  field("ascii_fold_examples", Groups(p.ascii_fold_examples));
  field("letters_change_percent", Number(p.letters_change_percent));
  field("bytes_change_percent", Number(p.bytes_change_percent));
  field("outside_turkish_letters", std::to_string(p.outside_turkish));
  field("outside_turkish_per_100_letters", Number(p.outside_turkish_per_100_letters));
  std::string overlap = "{";
  for (std::size_t i = 0; i < p.overlap.size(); ++i) {
    const Overlap& o = p.overlap[i];
    overlap += std::string(i ? ", " : "") + JsonString(o.alphabet) + ": {\"shared\": " + std::to_string(o.shared) +
               ", \"only_proposal\": " + StringArray(o.only_proposal) + ", \"only_reference\": " +
               StringArray(o.only_reference) + "}";
  }
  field("overlap", overlap + "}");
  field("keyboards", Keyboards(p.keyboards, "      "));
  field("inventory", Inventory(p.inventory), true);
  return out + "    }";
}

}  // namespace

std::string FormatCompareJson(const CompareReport& report) {
  std::string out = "{\n  \"format\": \"ortaq-compare/1\",\n  \"from\": " + JsonString(report.from) + ",\n";
  out += "  \"layouts\": " + StringArray(report.layouts) + ",\n";
  const SourceReport& s = report.source;
  out += "  \"source\": {\"letter_count\": " + std::to_string(s.letters) + ", \"word_count\": " +
         std::to_string(s.words) + ", \"byte_count\": " + std::to_string(s.bytes) + ", \"lines\": " +
         std::to_string(s.lines) + ", \"distinct_words\": " + std::to_string(s.distinct_words) +
         ", \"keyboards\": " + Keyboards(s.keyboards, "  ") + "},\n";
  out += "  \"proposals\": [\n";
  for (std::size_t i = 0; i < report.proposals.size(); ++i) {
    out += ProposalJson(report.proposals[i]) + (i + 1 < report.proposals.size() ? ",\n" : "\n");
  }
  out += "  ],\n  \"samples\": [";
  for (std::size_t i = 0; i < report.samples.size(); ++i) {
    out += std::string(i ? "," : "") + "\n    {\"source\": " + JsonString(report.samples[i].source) +
           ", \"outputs\": " + StringArray(report.samples[i].outputs) + "}";
  }
  out += report.samples.empty() ? "],\n" : "\n  ],\n";
  out += "  \"notes\": " + StringArray(report.notes) + "\n}\n";
  return out;
}

std::string FormatDiffJson(const DiffReport& diff) {
  std::string out = "{\n  \"format\": \"ortaq-compare-diff/1\",\n  \"a\": " + JsonString(diff.a) +
                    ",\n  \"b\": " + JsonString(diff.b) + ",\n  \"words\": " + std::to_string(diff.words) +
                    ",\n  \"differing_words\": " + std::to_string(diff.differing_words) +
                    ",\n  \"distinct_words\": " + std::to_string(diff.distinct_words) +
                    ",\n  \"differing_distinct\": " + std::to_string(diff.differing_distinct) +
                    ",\n  \"entries\": [";
  for (std::size_t i = 0; i < diff.entries.size(); ++i) {
    const auto& e = diff.entries[i];
    out += std::string(i ? "," : "") + "\n    {\"source\": " + JsonString(e.source) + ", \"a\": " + JsonString(e.a) +
           ", \"b\": " + JsonString(e.b) + ", \"count\": " + std::to_string(e.count) + "}";
  }
  out += diff.entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace ortaq
