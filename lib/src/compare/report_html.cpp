// The comparison as one self-contained HTML page: no script, no network; charts are inline SVG.
// Every figure carries data-measure and data-value (the JSON's number) so that a test can read
// the rendered page back and check it against the JSON.
#include <algorithm>

#include "compare/report_util.hpp"

namespace ortaq {
namespace {

using compare::Fixed;
using compare::HtmlEscape;
using compare::Number;

constexpr const char* kStyle = R"(
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.4;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
svg{max-width:100%;height:auto;display:block}svg text{font-size:12px;font-family:system-ui,sans-serif}
.chart{margin:.5rem 0 1.5rem}.bar{fill:#3b6ea5}.freq{fill:#7a9e3a}
@media print{body{max-width:none}h2{break-after:avoid}.chart,table{break-inside:avoid}}
)";

struct Measure {
  const char* key;
  const char* label;
  double (*value)(const ProposalReport&);
  int decimals;
};

const Measure kMeasures[] = {
    {"non_ascii_per_100_letters", "Non-ASCII letters per 100 letters",
     [](const ProposalReport& p) { return p.non_ascii_per_100_letters; }, 2},
    {"words_with_non_ascii", "Share of words with a non-ASCII letter",
     [](const ProposalReport& p) { return p.words_with_non_ascii; }, 4},
    {"digraphs_per_100_letters", "Digraphs per 100 letters",
     [](const ProposalReport& p) { return p.digraphs_per_100_letters; }, 2},
    {"false_digraphs", "False digraph readings", [](const ProposalReport& p) { return double(p.false_digraphs); }, 0},
    {"apostrophes_per_100_letters", "Apostrophes per 100 letters",
     [](const ProposalReport& p) { return p.apostrophes_per_100_letters; }, 2},
    {"homograph_groups", "Homograph groups", [](const ProposalReport& p) { return double(p.homograph_groups); }, 0},
    {"homograph_running_share", "Share of running words in a homograph group",
     [](const ProposalReport& p) { return p.homograph_running_share; }, 4},
    {"ascii_fold_collisions", "ASCII-fold collisions",
     [](const ProposalReport& p) { return double(p.ascii_fold_collisions); }, 0},
    {"ascii_fold_running_share", "Share of running words in an ASCII-fold collision",
     [](const ProposalReport& p) { return p.ascii_fold_running_share; }, 4},
    {"letters_change_percent", "Letters against the source (%)",
     [](const ProposalReport& p) { return p.letters_change_percent; }, 2},
    {"bytes_change_percent", "UTF-8 bytes against the source (%)",
     [](const ProposalReport& p) { return p.bytes_change_percent; }, 2},
    {"outside_turkish_per_100_letters", "Letters outside the Turkish alphabet per 100 letters",
     [](const ProposalReport& p) { return p.outside_turkish_per_100_letters; }, 2},
};

std::string Cell(const std::string& proposal, const char* key, double value, int decimals) {
  return "<td class=\"num\" data-proposal=\"" + HtmlEscape(proposal) + "\" data-measure=\"" + key +
         "\" data-value=\"" + Number(value) + "\">" + Fixed(value, decimals) + "</td>";
}

// Horizontal bars, one per label; values may be negative (drawn from a middle axis).
std::string BarChart(const std::vector<std::pair<std::string, double>>& bars, int decimals, const char* bar_class) {
  double most = 0, least = 0;
  for (const auto& [label, v] : bars) { most = std::max(most, v); least = std::min(least, v); }
  const double span = most - least > 0 ? most - least : 1;
  const int label_width = 170, plot = 330, row = 22;
  const int height = row * static_cast<int>(bars.size()) + 6;
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(label_width + plot + 70) + " " +
                    std::to_string(height) + "\" role=\"img\">";
  const double zero = label_width + plot * (-least / span);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double v = bars[i].second;
    const double x0 = v >= 0 ? zero : zero + plot * (v / span);
    const double w = plot * (std::abs(v) / span);
    const int y = 3 + row * static_cast<int>(i);
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\">" + HtmlEscape(bars[i].first) + "</text>";
    svg += "<rect class=\"" + std::string(bar_class) + "\" x=\"" + Fixed(x0, 1) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + Fixed(std::max(w, 0.5), 1) + "\" height=\"16\"/>";
    svg += "<text x=\"" + Fixed(std::max(x0 + w, zero) + 4, 1) + "\" y=\"" + std::to_string(y + 14) + "\">" +
           Fixed(v, decimals) + "</text>";
  }
  return svg + "</svg>\n";
}

std::string Groups(const std::vector<WordGroup>& groups) {
  std::string out = "<ul>";
  for (const WordGroup& g : groups) {
    out += "<li><b>" + HtmlEscape(g.output) + "</b> ← ";
    for (std::size_t i = 0; i < g.words.size(); ++i) {
      out += (i ? ", " : "") + HtmlEscape(g.words[i].first) + " (" + std::to_string(g.words[i].second) + ")";
    }
    out += "</li>";
  }
  return out + "</ul>\n";
}

}  // namespace

std::string FormatCompareHtml(const CompareReport& report) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    "<title>ortaq compare</title><style>";
  out += kStyle;
  out += "</style></head><body>\n<h1>Alphabet proposals compared</h1>\n<p>Source alphabet " +
         HtmlEscape(report.from) + ": " + std::to_string(report.source.words) + " words (" +
         std::to_string(report.source.distinct_words) + " distinct), " + std::to_string(report.source.letters) +
         " letters.</p>\n";

  out += "<h2>Summary</h2><div class=\"scroll\"><table><tr><th>measure</th>";
  for (const ProposalReport& p : report.proposals) out += "<th>" + HtmlEscape(p.id) + "</th>";
  out += "</tr>\n<tr><th>letters</th>";
  for (const ProposalReport& p : report.proposals) {
    std::string letters;
    for (const LetterStat& l : p.inventory) letters += (letters.empty() ? "" : " ") + l.letter;
    out += "<td data-proposal=\"" + HtmlEscape(p.id) + "\" data-measure=\"letters\">" + HtmlEscape(letters) + "</td>";
  }
  out += "</tr>\n";
  for (const Measure& m : kMeasures) {
    out += "<tr><th>" + std::string(m.label) + "</th>";
    for (const ProposalReport& p : report.proposals) out += Cell(p.id, m.key, m.value(p), m.decimals);
    out += "</tr>\n";
  }
  for (std::size_t k = 0; k < report.layouts.size(); ++k) {
    out += "<tr><th>Keystrokes per word, " + HtmlEscape(report.layouts[k]) + "</th>";
    for (const ProposalReport& p : report.proposals) {
      out += Cell(p.id, ("keys_per_word:" + report.layouts[k]).c_str(), p.keyboards[k].keys_per_word, 2);
    }
    out += "</tr>\n";
  }
  out += "</table></div>\n";

  out += "<h2>Measures</h2>\n";
  for (const Measure& m : kMeasures) {
    std::vector<std::pair<std::string, double>> bars;
    for (const ProposalReport& p : report.proposals) bars.emplace_back(p.id, m.value(p));
    out += "<h3>" + std::string(m.label) + "</h3>\n" + BarChart(bars, m.decimals, "bar");
  }

  out += "<h2>Letter frequencies</h2>\n";
  for (const ProposalReport& p : report.proposals) {
    std::uint64_t total = 0;
    for (const LetterStat& l : p.inventory) total += l.count;
    std::vector<std::pair<std::string, double>> bars;
    for (const LetterStat& l : p.inventory) {
      bars.emplace_back(l.letter + "  " + l.kind, total == 0 ? 0.0 : 100.0 * l.count / total);
    }
    out += "<h3>" + HtmlEscape(p.id) + " (% of letters)</h3>\n" + BarChart(bars, 2, "freq");
  }

  out += "<h2>Homographs and collisions</h2>\n";
  for (const ProposalReport& p : report.proposals) {
    out += "<h3>" + HtmlEscape(p.id) + "</h3><p>Homographs created (most frequent):</p>" + Groups(p.homograph_examples);
    out += "<p>Words that collide without marks:</p>" + Groups(p.ascii_fold_examples);
    if (!p.case_collisions.empty()) {
      out += "<p>Case collisions:";
      for (const std::string& c : p.case_collisions) {
        out += ' ';
        out += HtmlEscape(c);
        out += ';';
      }
      out += "</p>\n";
    }
  }

  if (!report.samples.empty()) {
    out += "<h2>Lines where the proposals differ</h2><div class=\"scroll\"><table><tr><th>source</th>";
    for (const ProposalReport& p : report.proposals) out += "<th>" + HtmlEscape(p.id) + "</th>";
    out += "</tr>\n";
    for (const SampleLine& s : report.samples) {
      out += "<tr><td>" + HtmlEscape(s.source) + "</td>";
      for (const std::string& o : s.outputs) out += "<td>" + HtmlEscape(o) + "</td>";
      out += "</tr>\n";
    }
    out += "</table></div>\n";
  }
  for (const std::string& note : report.notes) out += "<p><i>Note: " + HtmlEscape(note) + "</i></p>\n";
  out += "<p><small>Made by ortaq compare. Definitions: docs/compare.md.</small></p>\n</body></html>\n";
  return out;
}

}  // namespace ortaq
