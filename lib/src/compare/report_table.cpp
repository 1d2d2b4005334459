// The comparison as a terminal table, Markdown or CSV: one column per proposal, one row per
// measure, then the examples.
#include <algorithm>

#include "compare/report_util.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

using compare::Fixed;
using Grid = std::vector<std::vector<std::string>>;

std::size_t Width(std::string_view text) {
  std::size_t n = 0;
  for (char32_t cp : utf8::DecodeValid(text)) {
    if (!(cp >= 0x300 && cp < 0x370)) ++n;  // combining marks take no column
  }
  return n;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';  // a quote inside a field is doubled
    out += c;
  }
  out += '"';
  return out;
}

std::string Render(const Grid& grid, CompareFormat format) {
  std::string out;
  if (grid.empty()) return out;
  if (format == CompareFormat::kCsv) {
    for (const auto& row : grid) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) out += ',';
        out += CsvField(row[i]);
      }
      out += "\n";
    }
    return out;
  }
  std::vector<std::size_t> widths(grid[0].size(), 0);
  for (const auto& row : grid) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
  }
  const bool markdown = format == CompareFormat::kMarkdown;
  for (std::size_t r = 0; r < grid.size(); ++r) {
    std::string line = markdown ? "|" : "";
    for (std::size_t i = 0; i < grid[r].size(); ++i) {
      std::string cell = grid[r][i];
      cell.append(widths[i] - Width(cell), ' ');
      line += markdown ? " " + cell + " |" : (i ? "  " : "") + cell;
    }
    while (!markdown && !line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (r == 0) {
      std::string rule = markdown ? "|" : "";
      for (std::size_t i = 0; i < widths.size(); ++i) {
        rule += markdown ? std::string(widths[i] + 2, '-') + "|" : (i ? "  " : "") + std::string(widths[i], '-');
      }
      out += rule + "\n";
    }
  }
  return out;
}

std::string LettersOfKind(const ProposalReport& p, std::string_view kind) {
  std::string out;
  for (const LetterStat& l : p.inventory) {
    if (l.kind == kind) out += (out.empty() ? "" : " ") + l.letter;
  }
  return out.empty() ? "–" : out;
}

std::string Percent(double share) { return Fixed(100.0 * share, 2) + "%"; }

std::string Heading(const std::string& title, CompareFormat format) {
  return format == CompareFormat::kMarkdown ? "\n### " + title + "\n\n" : "\n" + title + "\n";
}

std::string GroupLine(const WordGroup& g) {
  std::string words;
  for (const auto& [word, n] : g.words) words += (words.empty() ? "" : ", ") + word + " (" + std::to_string(n) + ")";
  return g.output + " ← " + words;
}

}  // namespace

std::string FormatCompareTable(const CompareReport& report, CompareFormat format) {
  Grid grid;
  std::vector<std::string> header{"measure"};
  for (const ProposalReport& p : report.proposals) header.push_back(p.id);
  if (format == CompareFormat::kCsv) {
    // One row per proposal: the scalar measures, for spreadsheets and scripts.
    Grid csv{{"id", "letters", "non_ascii_per_100_letters", "words_with_non_ascii", "digraphs_per_100_letters",
              "false_digraphs", "apostrophes_per_100_letters", "case_collisions", "homograph_groups",
              "homograph_running_share", "ascii_fold_collisions", "ascii_fold_running_share",
              "letters_change_percent", "bytes_change_percent", "outside_turkish_per_100_letters"}};
    for (const std::string& layout : report.layouts) csv[0].push_back("keys_per_word_" + layout);
    for (const ProposalReport& p : report.proposals) {
      std::vector<std::string> row{p.id, std::to_string(p.inventory.size()), compare::Number(p.non_ascii_per_100_letters),
                                   compare::Number(p.words_with_non_ascii), compare::Number(p.digraphs_per_100_letters),
                                   std::to_string(p.false_digraphs), compare::Number(p.apostrophes_per_100_letters),
                                   std::to_string(p.case_collisions.size()), std::to_string(p.homograph_groups),
                                   compare::Number(p.homograph_running_share), std::to_string(p.ascii_fold_collisions),
                                   compare::Number(p.ascii_fold_running_share), compare::Number(p.letters_change_percent),
                                   compare::Number(p.bytes_change_percent),
                                   compare::Number(p.outside_turkish_per_100_letters)};
      for (const KeyboardStat& k : p.keyboards) row.push_back(compare::Number(k.keys_per_word));
      csv.push_back(row);
    }
    return Render(csv, format);
  }
  grid.push_back(header);
  const auto row = [&](const std::string& name, auto value) {
    std::vector<std::string> cells{name};
    for (const ProposalReport& p : report.proposals) cells.push_back(value(p));
    grid.push_back(cells);
  };
  row("letters (lowercase)", [](const ProposalReport& p) { return std::to_string(p.inventory.size()); });
  row("with diacritics", [](const ProposalReport& p) { return LettersOfKind(p, "diacritic"); });
  row("special letters", [](const ProposalReport& p) { return LettersOfKind(p, "special"); });
  row("apostrophe letters", [](const ProposalReport& p) { return LettersOfKind(p, "apostrophe"); });
  row("digraphs", [](const ProposalReport& p) { return LettersOfKind(p, "digraph"); });
  row("non-ASCII letters per 100", [](const ProposalReport& p) { return Fixed(p.non_ascii_per_100_letters, 2); });
  row("words with non-ASCII", [](const ProposalReport& p) { return Percent(p.words_with_non_ascii); });
  row("digraphs per 100 letters", [](const ProposalReport& p) { return Fixed(p.digraphs_per_100_letters, 2); });
  row("false digraph readings", [](const ProposalReport& p) { return std::to_string(p.false_digraphs); });
  row("apostrophes per 100 letters", [](const ProposalReport& p) { return Fixed(p.apostrophes_per_100_letters, 2); });
  row("case collisions", [](const ProposalReport& p) {
    std::string out;
    for (const std::string& c : p.case_collisions) out += (out.empty() ? "" : "; ") + c;
    return out.empty() ? std::string("–") : out;
  });
  row("homograph groups", [](const ProposalReport& p) { return std::to_string(p.homograph_groups); });
  row("running words in them", [](const ProposalReport& p) { return Percent(p.homograph_running_share); });
  row("ASCII-fold collisions", [](const ProposalReport& p) { return std::to_string(p.ascii_fold_collisions); });
  row("running words in them ", [](const ProposalReport& p) { return Percent(p.ascii_fold_running_share); });
  row("letters vs source", [](const ProposalReport& p) { return Fixed(p.letters_change_percent, 2) + "%"; });
  row("UTF-8 bytes vs source", [](const ProposalReport& p) { return Fixed(p.bytes_change_percent, 2) + "%"; });
  row("outside Turkish per 100", [](const ProposalReport& p) { return Fixed(p.outside_turkish_per_100_letters, 2); });
  for (std::size_t o = 0; o < (report.proposals.empty() ? 0 : report.proposals[0].overlap.size()); ++o) {
    row("shared with " + report.proposals[0].overlap[o].alphabet, [&](const ProposalReport& p) {
      const Overlap& x = p.overlap[o];
      return std::to_string(x.shared) + " of " + std::to_string(x.shared + x.only_reference.size());
    });
  }
  for (std::size_t k = 0; k < report.layouts.size(); ++k) {
    row("keys/word " + report.layouts[k], [&](const ProposalReport& p) {
      const KeyboardStat& s = p.keyboards[k];
      if (s.untypeable.empty()) return Fixed(s.keys_per_word, 2);
      return Fixed(s.keys_per_word, 2) + " (" + std::to_string(s.untypeable.size()) + " untypeable)";
    });
  }
  std::string out;
  if (format == CompareFormat::kMarkdown) out += "## ortaq compare: " + report.from + "\n\n";
  out += "Source: " + std::to_string(report.source.words) + " words, " + std::to_string(report.source.distinct_words) +
         " distinct, " + std::to_string(report.source.letters) + " letters, " + std::to_string(report.source.bytes) +
         " bytes\n\n";
  out += Render(grid, format);
  for (const ProposalReport& p : report.proposals) {
    std::string examples;
    for (const WordGroup& g : p.homograph_examples) examples += "  " + GroupLine(g) + "\n";
    if (!examples.empty()) out += Heading("Homographs of " + p.id + " (most frequent)", format) + examples;
    examples.clear();
    for (const WordGroup& g : p.ascii_fold_examples) examples += "  " + GroupLine(g) + "\n";
    if (!examples.empty()) out += Heading("ASCII-fold collisions of " + p.id, format) + examples;
    examples.clear();
    for (const auto& [word, n] : p.false_digraph_examples) examples += "  " + word + " (" + std::to_string(n) + ")\n";
    if (!examples.empty()) out += Heading("False digraph readings in " + p.id, format) + examples;
  }
  if (!report.samples.empty()) {
    Grid samples{{"source"}};
    for (const ProposalReport& p : report.proposals) samples[0].push_back(p.id);
    out += Heading("Lines where the proposals differ", format);
    for (const SampleLine& s : report.samples) {
      if (format == CompareFormat::kMarkdown) {
        std::vector<std::string> cells{s.source};
        cells.insert(cells.end(), s.outputs.begin(), s.outputs.end());
        samples.push_back(cells);
      } else {
        out += "  " + s.source + "\n";
        for (std::size_t i = 0; i < s.outputs.size(); ++i) {
          out += "  " + report.proposals[i].id + ": " + s.outputs[i] + "\n";
        }
        out += "\n";
      }
    }
    if (format == CompareFormat::kMarkdown) out += Render(samples, format);
  }
  for (const std::string& note : report.notes) out += "\nnote: " + note + "\n";
  return out;
}

std::string FormatDiffTable(const DiffReport& diff, CompareFormat format) {
  Grid grid{{"source", diff.a, diff.b, "count"}};
  for (const auto& e : diff.entries) grid.push_back({e.source, e.a, e.b, std::to_string(e.count)});
  std::string out;
  if (format != CompareFormat::kCsv) {
    out += std::to_string(diff.differing_distinct) + " of " + std::to_string(diff.distinct_words) +
           " distinct words (" + std::to_string(diff.differing_words) + " of " + std::to_string(diff.words) +
           " running words) are written differently by " + diff.a + " and " + diff.b + "\n\n";
  }
  return out + Render(grid, format);
}

}  // namespace ortaq
